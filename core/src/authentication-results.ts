/**
 * Reading the `Authentication-Results` header (RFC 8601) that the company's own receiving mail server adds to
 * an incoming letter: its SPF and DMARC verdicts say whether the `From:` address is likely forged. Headers of
 * other servers (or written by the sender) are not trusted: only the topmost header whose authserv-id is one of
 * ours counts — a receiving server prepends its header, so anything below it came with the letter.
 */

/** One `method=result` of a header, both in lower case (`spf` / `fail`). */
export interface AuthenticationResult {
  method: string;
  result: string;
}

/** A parsed header: who wrote it and what it found. */
export interface AuthenticationResults {
  /** The authserv-id (the receiving server's name), in lower case. */
  authservId: string;
  results: AuthenticationResult[];
}

/** Removes RFC 5322 comments (nested parentheses, quoted pairs), leaving quoted strings intact. */
function stripComments(value: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && (quoted || depth > 0)) {
      if (depth === 0) out += ch + (value[i + 1] ?? '');
      i++;
      continue;
    }
    if (depth === 0 && ch === '"') {
      quoted = !quoted;
      out += ch;
      continue;
    }
    if (!quoted && ch === '(') {
      depth++;
      out += depth === 1 ? ' ' : '';
      continue;
    }
    if (!quoted && ch === ')' && depth > 0) {
      depth--;
      continue;
    }
    if (depth === 0) out += ch;
  }
  return out;
}

/** Splits at semicolons outside quoted strings. */
function splitResinfo(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && quoted) {
      current += ch + (value[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

const METHOD_SPEC = /^\s*([A-Za-z0-9][A-Za-z0-9_.-]*)\s*(?:\/\s*\d+\s*)?=\s*([A-Za-z0-9_.-]+)/;

/**
 * Parses the value of one `Authentication-Results` header (without the name, unfolded or not). Comments are
 * ignored, the optional version after the authserv-id too; resinfo parts that are not `method=result` are skipped.
 * Undefined when there is no authserv-id.
 */
export function parseAuthenticationResults(value: string): AuthenticationResults | undefined {
  const [head = '', ...resinfo] = splitResinfo(stripComments(value.replace(/\r?\n[ \t]/g, ' ')));
  const idToken = head.trim().match(/^("(?:[^"\\]|\\.)*"|\S+)/)?.[1];
  if (!idToken) return undefined;
  const authservId = (idToken.startsWith('"') ? idToken.slice(1, -1).replace(/\\(.)/g, '$1') : idToken).trim().toLowerCase();
  if (!authservId) return undefined;
  const results: AuthenticationResult[] = [];
  for (const part of resinfo) {
    const match = METHOD_SPEC.exec(part);
    if (match) results.push({ method: match[1]!.toLowerCase(), result: match[2]!.toLowerCase() });
  }
  return { authservId, results };
}

/** What our receiving server said about the sender: which check failed, or nothing to object to. */
export type SenderVerdict = { kind: 'failed'; method: 'spf' | 'dmarc' } | { kind: 'not-failed' };

/**
 * The verdict of the company's receiving server on a letter, from its `Authentication-Results` header values in
 * the order they appear in the letter (topmost first). Only the first header whose authserv-id is one of
 * `authservIds` (compared case-insensitively) counts. `dmarc=fail` or `spf=fail` is a failure; `softfail`,
 * `neutral`, `none`, `temperror` and `permerror` are not (they are common for honest forwarded mail).
 * No header of ours: nothing to object to.
 */
export function senderVerdict(headerValues: readonly string[], authservIds: readonly string[]): SenderVerdict {
  const ours = new Set(authservIds.map((id) => id.trim().toLowerCase()).filter(Boolean));
  for (const value of headerValues) {
    const parsed = parseAuthenticationResults(value);
    if (!parsed || !ours.has(parsed.authservId)) continue;
    for (const method of ['dmarc', 'spf'] as const) {
      if (parsed.results.some((entry) => entry.method === method && entry.result === 'fail')) return { kind: 'failed', method };
    }
    return { kind: 'not-failed' };
  }
  return { kind: 'not-failed' };
}
