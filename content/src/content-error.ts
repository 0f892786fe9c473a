import { parseDocument } from 'yaml';
import type { z } from 'zod';

/**
 * Raised when a demo-content file cannot be read or does not match its schema.
 * The message always names the file and, where one is at fault, the entry, so an editor of the YAML
 * can find the problem without reading a stack trace.
 */
export class ContentError extends Error {
  /** Path of the offending file, as the loader was given it. */
  readonly file: string;

  constructor(file: string, details: string) {
    super(`${file}: ${details}`);
    this.name = 'ContentError';
    this.file = file;
  }
}

/**
 * Parses YAML text into plain data. Syntax errors and duplicate keys become a `ContentError`
 * naming the file and the line, instead of the parser's bare message.
 */
export function parseYamlText(text: string, file: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const [first] = doc.errors;
  if (first) {
    const where = first.linePos?.[0] ? `line ${first.linePos[0].line}: ` : '';
    throw new ContentError(file, `invalid YAML: ${where}${first.message.split('\n')[0]}`);
  }
  return doc.toJS();
}

/**
 * Describes which list entry an issue belongs to: its 1-based position plus the value of its
 * identifying field (slug, query…) when the entry has one, e.g. `entry 3 (slug "kak-oplatit")`.
 */
function describeEntry(data: unknown, index: number, idField: string | undefined): string {
  const entry = Array.isArray(data) ? data[index] : undefined;
  const id =
    idField && entry && typeof entry === 'object' && idField in entry
      ? (entry as Record<string, unknown>)[idField]
      : undefined;
  return typeof id === 'string' && id !== ''
    ? `entry ${index + 1} (${idField} "${id}")`
    : `entry ${index + 1}`;
}

/**
 * Validates parsed data against a schema. On failure every issue is listed on its own line as
 * `<entry>: <field path>: <message>`; for list files the entry is told by position and id field.
 */
export function validateContent<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
  idField?: string,
): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const path = [...issue.path];
    let prefix = '';
    if (Array.isArray(data) && typeof path[0] === 'number') {
      prefix = `${describeEntry(data, path.shift() as number, idField)}: `;
    }
    const field = path.length > 0 ? `${path.map(String).join('.')}: ` : '';
    return `${prefix}${field}${issue.message}`;
  });
  throw new ContentError(file, lines.length === 1 ? lines[0]! : `\n  ${lines.join('\n  ')}`);
}
