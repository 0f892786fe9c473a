import { NOT_FOUND_MESSAGE, SERVICE_UNAVAILABLE_MESSAGE, SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS } from '@portal/api/api-messages';
import { errorResponse } from '@portal/api/json-response';

/** Settings of {@link forwardToCms}. */
export interface ForwardOptions {
  /** Origin of the CMS process, e.g. `http://127.0.0.1:3001`; any path in it is ignored. */
  cmsOrigin: string;
  /** The visitor's IP address, sent on as `X-Forwarded-For` (replacing whatever the client sent). */
  clientIp: string | null;
  /** Largest request body passed on, in bytes. */
  maxBodyBytes: number;
  /** Give up on the CMS after this long (the whole exchange, including a slow upload). */
  timeoutMs: number;
  /**
   * An event stream (`text/event-stream`, the chat): the timeout applies only until the CMS answers; the body is
   * then passed on chunk by chunk, unbuffered, for as long as both sides keep it open.
   */
  stream?: boolean;
  /**
   * Pass on the CMS's own small HTML pages (status below 500) that carry `X-Portal-Page` — the e-mail alerts' pages
   * for the no-JS form and the links in letters. Any other HTML (a framework error page) is still replaced.
   */
  ownPages?: boolean;
}

/** Marks an HTML page the CMS renders on purpose for the public (see `ownPages`). */
export const OWN_PAGE_HEADER = 'x-portal-page';

/**
 * Default body limit at the proxy: 16 MB, room for a form with the default three 5 MB attachments plus the
 * fields and multipart framing. The endpoint in the CMS applies the company's exact limits.
 */
export const DEFAULT_PROXY_MAX_BODY_BYTES = 16 * 1024 * 1024;
/** Default CMS timeout; generous because a large upload from a slow connection streams through it. */
export const DEFAULT_PROXY_TIMEOUT_MS = 60_000;

const REJECTED_MESSAGE = 'Не удалось обработать запрос. Пожалуйста, обновите страницу и попробуйте ещё раз.';

/** Request headers worth passing on. Cookies and Authorization are deliberately not: the public must never act as a CMS user. */
const FORWARDED_REQUEST_HEADERS = ['content-type', 'accept', 'accept-language', 'user-agent', 'idempotency-key', 'x-chat-token', 'last-event-id'];
/** Response headers passed back. Set-Cookie and server details stay behind. */
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'cache-control', 'retry-after', 'content-language', 'x-accel-buffering'];

/**
 * Forwards a visitor's request to the same path and query on the CMS process and returns its answer.
 * The body is streamed, counted on the way and cut off at `maxBodyBytes` (413). If the CMS is down,
 * too slow, or answers with an error page, the visitor gets a 503 JSON message instead of details.
 */
export async function forwardToCms(request: Request, options: ForwardOptions): Promise<Response> {
  const url = new URL(request.url);
  const target = new URL(`${url.pathname}${url.search}`, new URL(options.cmsOrigin).origin);

  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  if (options.clientIp !== null) headers.set('x-forwarded-for', options.clientIp);
  // Loopback hop: compressing each answer in the CMS only for this process to decompress it costs CPU on
  // both sides and saves nothing. The public server's own answer to the visitor is unaffected.
  headers.set('accept-encoding', 'identity');

  let body: ReadableStream<Uint8Array> | null = null;
  let tooLarge = false;
  if (request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null) {
    const declared = request.headers.get('content-length');
    if (declared !== null && Number(declared) > options.maxBodyBytes) return tooLargeResponse(options.maxBodyBytes);
    let seen = 0;
    const limiter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > options.maxBodyBytes) {
          tooLarge = true;
          controller.error(new Error('request body exceeds the proxy limit'));
          return;
        }
        controller.enqueue(chunk);
      },
    });
    // preventCancel: leave the unread rest of the upload to the HTTP server, which drains or closes it
    // after our 413 is written, instead of tearing the connection down underneath the response.
    request.body.pipeTo(limiter.writable, { preventCancel: true }).catch(() => undefined);
    body = limiter.readable;
  }

  // A stream lives as long as the visitor listens: time out only the wait for the CMS's answer, and stop the
  // upstream request when the visitor goes away.
  const streamAbort = options.stream ? new AbortController() : null;
  const headersTimer = streamAbort ? setTimeout(() => streamAbort.abort(), options.timeoutMs) : null;
  if (streamAbort) request.signal?.addEventListener('abort', () => streamAbort.abort(), { once: true });
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body,
      redirect: 'manual',
      signal: streamAbort?.signal ?? AbortSignal.timeout(options.timeoutMs),
      ...(body !== null ? { duplex: 'half' } : {}),
    } as RequestInit);
  } catch {
    return tooLarge ? tooLargeResponse(options.maxBodyBytes) : unavailableResponse();
  } finally {
    if (headersTimer) clearTimeout(headersTimer);
  }
  const contentType = upstream.headers.get('content-type') ?? '';
  if (options.stream && upstream.status === 200 && /^text\/event-stream\b/i.test(contentType)) {
    const streamHeaders = new Headers({ 'content-type': contentType, 'cache-control': 'no-store, no-transform', 'x-accel-buffering': 'no' });
    return new Response(upstream.body, { status: 200, headers: streamHeaders });
  }
  if (tooLarge) {
    // The CMS answered before reading the whole body; the visitor still needs to know why it failed.
    await upstream.body?.cancel().catch(() => undefined);
    return tooLargeResponse(options.maxBodyBytes);
  }

  const isJson = /^application\/(?:[\w.+-]+\+)?json\b/i.test(upstream.headers.get('content-type') ?? '');
  if (upstream.status >= 500 && !(upstream.status === 503 && isJson)) {
    await upstream.body?.cancel().catch(() => undefined);
    return unavailableResponse();
  }
  const ownPage = options.ownPages === true && upstream.status < 500 && upstream.headers.has(OWN_PAGE_HEADER) && /^text\/html\b/i.test(upstream.headers.get('content-type') ?? '');
  if (!isJson && !ownPage && upstream.status !== 204 && upstream.status !== 304) {
    // Framework error pages (HTML) may carry internals; /api/ answers the public only in JSON.
    await upstream.body?.cancel().catch(() => undefined);
    if (upstream.status === 404) return errorResponse(404, { message: NOT_FOUND_MESSAGE });
    if (upstream.status >= 400) return errorResponse(upstream.status, { message: REJECTED_MESSAGE });
    return unavailableResponse();
  }

  const responseHeaders = new Headers();
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) responseHeaders.set(name, value);
  }
  if (!responseHeaders.has('cache-control')) responseHeaders.set('cache-control', 'no-store');
  const nullBody = upstream.status === 204 || upstream.status === 304 || request.method === 'HEAD';
  return new Response(nullBody ? null : upstream.body, { status: upstream.status, headers: responseHeaders });
}

function tooLargeResponse(maxBytes: number): Response {
  const megabytes = Math.max(1, Math.floor(maxBytes / (1024 * 1024)));
  return errorResponse(413, {
    message: `Слишком большой объём данных: форма вместе с файлами должна занимать не больше ${megabytes} МБ.`,
  });
}

function unavailableResponse(): Response {
  return errorResponse(503, { message: SERVICE_UNAVAILABLE_MESSAGE }, {
    'Retry-After': String(SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS),
  });
}
