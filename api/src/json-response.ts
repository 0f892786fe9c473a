/**
 * Builds a JSON response the way every endpoint of this workspace answers: UTF-8 JSON, never cached
 * (answers carry registration numbers or per-query results that must not be reused by a shared cache).
 */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...headers,
    },
  });
}

/** Shape of every error body sent to visitors: one plain Russian sentence, optionally per-field messages. */
export interface ErrorBody {
  message: string;
  fieldErrors?: Record<string, string>;
  /** Machine-readable reason of a refusal the browser form explains in its own way (e.g. `readings-closed`). */
  code?: string;
}

/** A JSON error answer with a Russian message for visitors. */
export function errorResponse(status: number, body: ErrorBody, headers: Record<string, string> = {}): Response {
  return jsonResponse(status, body, headers);
}
