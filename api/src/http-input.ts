import { errorResponse } from './json-response';

/** Outcome of reading a request body: the parsed JSON value, or a ready error response for the client. */
export type JsonBodyResult = { ok: true; value: unknown } | { ok: false; response: Response };

/** Limits for {@link readJsonBody}. */
export interface ReadJsonBodyOptions {
  /** Largest accepted body in bytes (as sent, before decoding). */
  maxBytes: number;
}

const MESSAGES = {
  unsupportedType: 'Данные формы нужно отправлять в формате JSON (Content-Type: application/json).',
  unsupportedCharset: 'Данные формы принимаются только в кодировке UTF-8.',
  tooLarge: 'Слишком большой объём данных. Пожалуйста, сократите текст и отправьте форму ещё раз.',
  badLength: 'Некорректный заголовок Content-Length.',
  empty: 'Запрос пришёл без данных формы. Пожалуйста, отправьте форму ещё раз.',
  badEncoding: 'Данные формы содержат символы в неверной кодировке. Пожалуйста, проверьте текст.',
  badJson: 'Не удалось прочитать данные формы. Пожалуйста, обновите страницу и попробуйте ещё раз.',
} as const;

/**
 * Reads and parses a JSON request body with a hard size limit.
 *
 * The Content-Length header is checked first so an honest oversized request is refused before
 * reading, but the bytes are also counted while streaming: the header may be absent (chunked
 * encoding) or lie. Invalid UTF-8 is rejected rather than silently replaced, so what is stored is
 * exactly what the visitor typed.
 */
export async function readJsonBody(request: Request, { maxBytes }: ReadJsonBodyOptions): Promise<JsonBodyResult> {
  const mediaType = parseMediaType(request.headers.get('content-type'));
  if (mediaType === null || mediaType.type !== 'application/json') {
    return fail(415, MESSAGES.unsupportedType);
  }
  const charset = mediaType.params.get('charset');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    return fail(415, MESSAGES.unsupportedCharset);
  }

  const declaredLength = request.headers.get('content-length');
  if (declaredLength !== null) {
    if (!/^\d+$/.test(declaredLength.trim())) return fail(400, MESSAGES.badLength);
    if (Number(declaredLength) > maxBytes) return fail(413, MESSAGES.tooLarge);
  }

  const bytes = await readLimited(request.body, maxBytes);
  if (bytes === 'too-large') return fail(413, MESSAGES.tooLarge);
  if (bytes === 'failed') return fail(400, MESSAGES.badJson);
  if (bytes.byteLength === 0) return fail(400, MESSAGES.empty);

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(400, MESSAGES.badEncoding);
  }
  if (text.trim() === '') return fail(400, MESSAGES.empty);

  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return fail(400, MESSAGES.badJson);
  }
}

/** A form with files: the form fields (from the JSON in the `data` part) and the attached files. */
export type MultipartFormResult =
  | { ok: true; value: unknown; files: { name: string; bytes: Uint8Array }[] }
  | { ok: false; response: Response };

const MULTIPART_MESSAGES = {
  tooLarge: (megabytes: number) =>
    `Слишком большой объём данных: форма с файлами может занимать не больше ${megabytes} МБ. Пожалуйста, уменьшите файлы.`,
  badForm: 'Не удалось прочитать форму с файлами. Пожалуйста, обновите страницу и попробуйте ещё раз.',
} as const;

/**
 * Reads a `multipart/form-data` body: the form's fields as JSON in the `data` part (so types such as the
 * consent boolean survive) and files in the `attachments` parts. The size limit applies to the whole body,
 * counted while streaming as for JSON.
 */
export async function readMultipartForm(request: Request, { maxBytes }: ReadJsonBodyOptions): Promise<MultipartFormResult> {
  const contentType = request.headers.get('content-type') ?? '';
  const megabytes = Math.max(1, Math.floor(maxBytes / (1024 * 1024)));
  const declaredLength = request.headers.get('content-length');
  if (declaredLength !== null) {
    if (!/^\d+$/.test(declaredLength.trim())) return { ok: false, response: errorResponse(400, { message: MESSAGES.badLength }) };
    if (Number(declaredLength) > maxBytes) return { ok: false, response: errorResponse(413, { message: MULTIPART_MESSAGES.tooLarge(megabytes) }) };
  }
  const bytes = await readLimited(request.body, maxBytes);
  if (bytes === 'too-large') return { ok: false, response: errorResponse(413, { message: MULTIPART_MESSAGES.tooLarge(megabytes) }) };
  if (bytes === 'failed') return { ok: false, response: errorResponse(400, { message: MULTIPART_MESSAGES.badForm }) };

  let form: FormData;
  try {
    form = await new Response(bytes as BodyInit, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return { ok: false, response: errorResponse(400, { message: MULTIPART_MESSAGES.badForm }) };
  }
  const data = form.get('data');
  if (typeof data !== 'string' || data.trim() === '') return { ok: false, response: errorResponse(400, { message: MESSAGES.empty }) };
  let value: unknown;
  try {
    value = JSON.parse(data) as unknown;
  } catch {
    return { ok: false, response: errorResponse(400, { message: MESSAGES.badJson }) };
  }
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const entry of form.getAll('attachments')) {
    // Browsers send an empty part for an untouched file input; it is not a file.
    if (typeof entry === 'string' || (entry.size === 0 && entry.name === '')) continue;
    files.push({ name: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) });
  }
  return { ok: true, value, files };
}

/** True when the request carries `multipart/form-data`. */
export function isMultipart(request: Request): boolean {
  return parseMediaType(request.headers.get('content-type'))?.type === 'multipart/form-data';
}

function fail(status: number, message: string): JsonBodyResult {
  return { ok: false, response: errorResponse(status, { message }) };
}

interface MediaType {
  type: string;
  params: Map<string, string>;
}

/** Parses `type/subtype; name=value` leniently; returns null when there is no usable type. */
function parseMediaType(header: string | null): MediaType | null {
  if (header === null) return null;
  const [rawType = '', ...rawParams] = header.split(';');
  const type = rawType.trim().toLowerCase();
  if (type === '') return null;
  const params = new Map<string, string>();
  for (const part of rawParams) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    const value = part
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
    params.set(name, value);
  }
  return { type, params };
}

/** Reads a stream into one buffer, giving up as soon as it exceeds `maxBytes`. */
export async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array | 'too-large' | 'failed'> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        // Stop reading but do not cancel: cancelling may tear the connection down before the 413 is
        // written; the HTTP server drains or closes the rest of the upload after the response.
        return 'too-large';
      }
      chunks.push(value);
    }
  } catch {
    return 'failed';
  } finally {
    reader.releaseLock();
  }
  const result = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return result;
}
