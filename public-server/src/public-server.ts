import { getConnInfo } from '@hono/node-server/conninfo';
import { REDIRECTS_FILE } from '@portal/core/redirects';
import { Hono, type Context } from 'hono';
import { NOT_FOUND_MESSAGE } from '@portal/api/api-messages';
import { DEFAULT_PROXY_MAX_BODY_BYTES, DEFAULT_PROXY_TIMEOUT_MS, forwardToCms } from './cms-proxy';
import { DISPLAY_MODE_PATH, handleDisplayMode } from './display-mode';
import { healthz, isLocalProbe, readyz } from './health';
import { errorResponse } from '@portal/api/json-response';
import { createRateLimiter, DEFAULT_FORM_RATE_LIMIT, rateLimitKey, type RateLimiter, type RateLimitOptions } from './rate-limiter';
import { applySecurityHeaders } from './security-headers';
import { BOOKING_MANAGE_PATH, BOOKING_PATH, handleBookingPage, handleBookingPost, handleManagePage, handleManagePost, type BookingApi } from './booking-page';
import { redirectResponse } from './redirects';
import { handleQuestionnairePost, NOSCRIPT_HEADER, type CmsAnswer } from './questionnaire-page';
import { handleReviewPost, REVIEWS_PAGE_PATH } from './review-page';
import { handleForumPost } from './forum-page';
import type { ModeratedAnswer } from './moderated-page-post';
import { handleSearchPage, type SearchPageResult } from './search-page';
import { serveNotFoundPage, serveStatic } from './static-site';

/** Options of {@link createPublicApp}. */
export interface PublicAppOptions {
  /** Folder of the current site build; asked on every request, so a rebuilt site is swapped in by returning a new folder. */
  siteDir: () => string;
  /** Origin of the CMS process that runs the form and search endpoints, e.g. `http://127.0.0.1:3001`. */
  cmsOrigin: string;
  /** Per-IP limit on form submissions (default 10 per minute), or `false` to switch it off. */
  rateLimit?: RateLimitOptions | false;
  /** Largest request body forwarded to the CMS, in bytes (default 6 MB). */
  maxBodyBytes?: number;
  /** How long to wait for the CMS, in milliseconds (default 60 s). */
  upstreamTimeoutMs?: number;
  /**
   * Take the client IP from the last `X-Forwarded-For` entry instead of the socket. Only for
   * deployments behind a reverse proxy that sets that header; otherwise clients could pick their IP.
   */
  trustProxy?: boolean;
  /**
   * Per-IP limit on what the search statistics count (default 60 per hour): the beacons (`/api/search/events`) and
   * the searches of the server-rendered page `/search/?q=…` together; or `false` to switch it off.
   */
  searchEventRateLimit?: RateLimitOptions | false;
  /** Per-IP limit on the FAQ suggestion counters (`/api/forms/suggestion-event`, default 10 per hour), or `false`. */
  suggestionEventRateLimit?: RateLimitOptions | false;
  /**
   * Per-IP limit on chat messages and the other actions inside a conversation (default 60 per minute), or `false`.
   * Starting a conversation counts against the forms' limit; FAQ answers before the queue against the suggestions'.
   */
  chatRateLimit?: RateLimitOptions | false;
  /** Per-IP limit on questionnaire answers sent without JavaScript (no proof-of-work there; default 10 per hour), or `false`. */
  questionnaireNoScriptRateLimit?: RateLimitOptions | false;
  /**
   * Per-IP limit on bookings sent from `/zapis/` without JavaScript (no proof-of-work there; default 5 per hour), or
   * `false`. Off with the forms' limit.
   */
  bookingNoScriptRateLimit?: RateLimitOptions | false;
  /** Per-IP limit on reviews and forum posts sent without JavaScript (no proof-of-work there; default 5 per hour), or `false`. */
  moderatedNoScriptRateLimit?: RateLimitOptions | false;
  /**
   * Per-IP limit on alert subscriptions sent without JavaScript (no proof-of-work there; default 5 per hour), or
   * `false`; off by default when `rateLimit` is `false`. The page's script sends JSON with a solved challenge instead.
   */
  alertsNoScriptRateLimit?: RateLimitOptions | false;
  /** Clock for the rate limiter (tests). */
  now?: () => number;
}

/**
 * The managers' figures must not be inflated from one address: every counter the public can move is limited per
 * IP with the forms' limiter. Over the limit the event is dropped silently (204; the page still works) — a beacon
 * has nobody to show an error to. Search: a search and an opened result are one event each, and a visitor rarely
 * makes 30 searches an hour. FAQ suggestions: a question opens a few suggestions at most.
 */
export const DEFAULT_SEARCH_EVENT_RATE_LIMIT: RateLimitOptions = { limit: 60, windowMs: 60 * 60_000 };
export const DEFAULT_SUGGESTION_EVENT_RATE_LIMIT: RateLimitOptions = { limit: 10, windowMs: 60 * 60_000 };
/** Chat messages: a person types a few a minute; a burst of 60 leaves room for a reconnect's retries. */
export const DEFAULT_CHAT_RATE_LIMIT: RateLimitOptions = { limit: 60, windowMs: 60_000 };
/** FAQ answers before the chat's queue: one per conversation started, a few more for changed wording. */
export const DEFAULT_CHAT_SUGGEST_RATE_LIMIT: RateLimitOptions = { limit: 30, windowMs: 60 * 60_000 };

/** The chat's addresses inside a conversation: `/api/chat/conversations/<id>/<action>`. */
const CHAT_ACTION_PATH = /^\/api\/chat\/conversations\/[0-9a-f]{1,24}\/(?:messages|contact|rating|transcript|attachments)$/;
const CHAT_EVENTS_PATH = /^\/api\/chat\/conversations\/[0-9a-f]{1,24}\/events$/;
/** Questionnaires answered without JavaScript carry no proof-of-work: a household answers a few at most. */
export const DEFAULT_QUESTIONNAIRE_NOSCRIPT_RATE_LIMIT: RateLimitOptions = { limit: 10, windowMs: 60 * 60_000 };
/** Reviews and forum posts without JavaScript (issue 22): tighter still — a person writes one or two a day. */
export const DEFAULT_MODERATED_NOSCRIPT_RATE_LIMIT: RateLimitOptions = { limit: 5, windowMs: 60 * 60_000 };

/** Bookings without JavaScript carry no proof-of-work: a household books a visit or two, rarely five in an hour. */
export const DEFAULT_BOOKING_NOSCRIPT_RATE_LIMIT: RateLimitOptions = { limit: 5, windowMs: 60 * 60_000 };
/** Alert subscriptions without JavaScript carry no proof-of-work: a household subscribes a few addresses at most. */
export const DEFAULT_ALERTS_NOSCRIPT_RATE_LIMIT: RateLimitOptions = { limit: 5, windowMs: 60 * 60_000 };

/** Forms are posted to `/api/forms/<name>[/<sub>]`; nothing else under it is forwarded. */
const FORM_PATH = /^\/api\/forms(?:\/[a-z0-9-]+)+$/;
const RATE_LIMITED_MESSAGE =
  'Слишком много отправок за короткое время. Пожалуйста, подождите немного и попробуйте ещё раз.';
const INTERNAL_ERROR_MESSAGE = 'Что-то пошло не так. Пожалуйста, попробуйте ещё раз чуть позже.';

/**
 * Builds the public origin: the static site, `/api/forms/*` (POST), `/api/forms/challenge` and `/api/search`
 * (GET), `/api/search/events` (POST, rate-limited beacons) and the e-mail alerts' `/api/alerts/{subscribe,confirm,
 * unsubscribe}` forwarded to the CMS, the server-rendered search
 * page at `/search/?q=…`, and nothing else — `/admin` and every other `/api/` address answer 404
 * without reaching the CMS. Every response carries the security headers. Listening is done separately
 * (see `public-server-main.ts`), so the app can also be tested in-process.
 */
export function createPublicApp(options: PublicAppOptions): Hono {
  const app = new Hono();
  const limiter =
    options.rateLimit === false ? null : createRateLimiter(options.rateLimit ?? DEFAULT_FORM_RATE_LIMIT, options.now);
  const clientIp = (c: Context) => resolveClientIp(c, options.trustProxy === true);
  const forward = (c: Context) =>
    forwardToCms(c.req.raw, {
      cmsOrigin: options.cmsOrigin,
      clientIp: clientIp(c),
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_PROXY_MAX_BODY_BYTES,
      timeoutMs: options.upstreamTimeoutMs ?? DEFAULT_PROXY_TIMEOUT_MS,
    });
  const notFoundPage = (c: Context) => serveNotFoundPage(c.req.raw, options.siteDir());
  const eventLimiter =
    options.searchEventRateLimit === false
      ? null
      : createRateLimiter(options.searchEventRateLimit ?? DEFAULT_SEARCH_EVENT_RATE_LIMIT, options.now);
  const suggestionLimiter =
    options.suggestionEventRateLimit === false
      ? null
      : createRateLimiter(options.suggestionEventRateLimit ?? DEFAULT_SUGGESTION_EVENT_RATE_LIMIT, options.now);
  /** Whether this client may move a counter once more (no limiter: always). */
  const mayCount = (limiter: RateLimiter | null, c: Context) => {
    if (limiter === null) return true;
    const ip = clientIp(c);
    return limiter.take(ip === null ? 'unknown' : rateLimitKey(ip)).allowed;
  };
  // Off with the forms' limit (FORM_RATE_LIMIT=off: load tests on loopback, where every client is 127.0.0.1).
  const chatLimitsOff = options.chatRateLimit === false || (options.chatRateLimit === undefined && options.rateLimit === false);
  const chatLimiter = chatLimitsOff ? null : createRateLimiter(options.chatRateLimit || DEFAULT_CHAT_RATE_LIMIT, options.now);
  const chatSuggestLimiter = chatLimitsOff ? null : createRateLimiter(DEFAULT_CHAT_SUGGEST_RATE_LIMIT, options.now);
  /** A 429 with the forms' message when this client is over the limiter's rate, else null. */
  const overLimit = (limiter: RateLimiter | null, c: Context): Response | null => {
    if (limiter === null) return null;
    const ip = clientIp(c);
    const decision = limiter.take(ip === null ? 'unknown' : rateLimitKey(ip));
    return decision.allowed ? null : errorResponse(429, { message: RATE_LIMITED_MESSAGE }, { 'Retry-After': String(decision.retryAfterSeconds) });
  };
  const noScriptLimiter =
    options.questionnaireNoScriptRateLimit === false
      ? null
      : createRateLimiter(options.questionnaireNoScriptRateLimit ?? DEFAULT_QUESTIONNAIRE_NOSCRIPT_RATE_LIMIT, options.now);
  const bookingNoScriptLimiter =
    options.bookingNoScriptRateLimit === false || (options.bookingNoScriptRateLimit === undefined && options.rateLimit === false)
      ? null
      : createRateLimiter(options.bookingNoScriptRateLimit || DEFAULT_BOOKING_NOSCRIPT_RATE_LIMIT, options.now);
  const moderatedNoScriptLimiter =
    options.moderatedNoScriptRateLimit === false || (options.moderatedNoScriptRateLimit === undefined && options.rateLimit === false)
      ? null
      : createRateLimiter(options.moderatedNoScriptRateLimit ?? DEFAULT_MODERATED_NOSCRIPT_RATE_LIMIT, options.now);
  const cmsUrl = (pathAndQuery: string) => new URL(pathAndQuery, new URL(options.cmsOrigin).origin);
  /** The forms' per-IP limit: a 429 response when this client is over it, else null (and one use counted). */
  const overFormLimit = (c: Context): Response | null => {
    if (limiter === null) return null;
    const ip = clientIp(c);
    const decision = limiter.take(ip === null ? 'unknown' : rateLimitKey(ip));
    return decision.allowed ? null : errorResponse(429, { message: RATE_LIMITED_MESSAGE }, { 'Retry-After': String(decision.retryAfterSeconds) });
  };
  const upstreamTimeoutMs = options.upstreamTimeoutMs ?? DEFAULT_PROXY_TIMEOUT_MS;

  app.use('*', async (c, next) => {
    await next();
    applySecurityHeaders(c.res.headers, { overTls: isTls(c.req.raw) });
  });

  app.onError((error) => {
    // No request data in the log: URLs and bodies may carry personal data.
    console.error('[public-server] unhandled error', error.name);
    return errorResponse(500, { message: INTERNAL_ERROR_MESSAGE });
  });

  // Monitoring on this machine only (loopback, no proxy headers); everyone else gets the site's 404 page.
  app.get('/healthz', (c) => (isLocalProbe(c) ? healthz() : notFoundPage(c)));
  app.get('/readyz', (c) => (isLocalProbe(c) ? readyz(options.siteDir, options.cmsOrigin) : notFoundPage(c)));

  // The CMS admin is never reachable through the public origin, whatever the site folder holds.
  app.all('/admin', notFoundPage);
  app.all('/admin/*', notFoundPage);

  // Anonymous counters of the FAQ suggestions: not an appeal, so not counted against the form limit but their own.
  app.post('/api/forms/suggestion-event', (c) => (mayCount(suggestionLimiter, c) ? forward(c) : new Response(null, { status: 204 })));
  app.post('/api/forms/*', async (c) => {
    if (!FORM_PATH.test(new URL(c.req.url).pathname)) return apiNotFound();
    if (limiter !== null) {
      const ip = clientIp(c);
      const decision = limiter.take(ip === null ? 'unknown' : rateLimitKey(ip));
      if (!decision.allowed) {
        return errorResponse(
          429,
          { message: RATE_LIMITED_MESSAGE },
          { 'Retry-After': String(decision.retryAfterSeconds) },
        );
      }
    }
    return forward(c);
  });
  // E-mail alerts (issue 21). Subscribing and confirming count against the form limit; unsubscribing does not (mail
  // providers post RFC 8058 one-click requests from shared addresses, and a token is unguessable anyway).
  // Their answers may be the CMS's own HTML pages (the no-JS form, the links in letters).
  const forwardPage = (c: Context) =>
    forwardToCms(c.req.raw, {
      cmsOrigin: options.cmsOrigin,
      clientIp: clientIp(c),
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_PROXY_MAX_BODY_BYTES,
      timeoutMs: options.upstreamTimeoutMs ?? DEFAULT_PROXY_TIMEOUT_MS,
      ownPages: true,
    });
  const limitedForward = (c: Context) => {
    if (limiter !== null) {
      const ip = clientIp(c);
      const decision = limiter.take(ip === null ? 'unknown' : rateLimitKey(ip));
      if (!decision.allowed) return errorResponse(429, { message: RATE_LIMITED_MESSAGE }, { 'Retry-After': String(decision.retryAfterSeconds) });
    }
    return forwardPage(c);
  };
  const alertsNoScriptLimiter =
    options.alertsNoScriptRateLimit === false || (options.alertsNoScriptRateLimit === undefined && options.rateLimit === false)
      ? null
      : createRateLimiter(options.alertsNoScriptRateLimit ?? DEFAULT_ALERTS_NOSCRIPT_RATE_LIMIT, options.now);
  app.post('/api/alerts/subscribe', (c) => {
    // The plain form (no JavaScript, so no proof-of-work) has a tighter limit of its own; the island sends JSON.
    const plainForm = !(c.req.header('content-type') ?? '').includes('application/json');
    if (plainForm && alertsNoScriptLimiter !== null) {
      const ip = clientIp(c);
      const decision = alertsNoScriptLimiter.take(ip === null ? 'unknown' : rateLimitKey(ip));
      if (!decision.allowed) return alertsLimitPage(decision.retryAfterSeconds);
    }
    return limitedForward(c);
  });
  app.get('/api/alerts/confirm', (c) => limitedForward(c));
  app.post('/api/alerts/confirm', (c) => limitedForward(c));
  app.get('/api/alerts/unsubscribe', (c) => forwardPage(c));
  app.post('/api/alerts/unsubscribe', (c) => forwardPage(c));
  // Forum (issue 22): the thread author's opt-out link of staff-answer notices, like the alerts' unsubscribe.
  app.get('/api/forum/notices', (c) => forwardPage(c));
  app.post('/api/forum/notices', (c) => forwardPage(c));
  app.get('/api/search', (c) => forward(c));
  // The client's appeal status by private link; counted against the form limit, so tokens cannot be guessed in bulk.
  app.get('/api/forms/status', (c) => {
    if (limiter !== null) {
      const ip = clientIp(c);
      const decision = limiter.take(ip === null ? 'unknown' : rateLimitKey(ip));
      if (!decision.allowed) return errorResponse(429, { message: RATE_LIMITED_MESSAGE }, { 'Retry-After': String(decision.retryAfterSeconds) });
    }
    return forward(c);
  });
  // Booking a visit: offices, free times and the private page's booking (the last counted like the status page).
  app.get('/api/forms/booking/offices', (c) => forward(c));
  app.get('/api/forms/booking/slots', (c) => forward(c));
  app.get('/api/forms/booking/manage', (c) => {
    const refused = overFormLimit(c);
    return refused ?? forward(c);
  });
  // The forms' proof-of-work challenge (ALTCHA), fetched once per form view.
  app.get('/api/forms/challenge', (c) => forward(c));

  // «Онлайн-консультант»: the chat's client endpoints (core/src/chat/contract.ts). Starting a conversation is limited
  // like a form, the FAQ answers like the suggestions, messages by their own limit; the event stream is passed on
  // unbuffered. Nothing else under /api/chat/ reaches the CMS.
  app.get('/api/chat/challenge', (c) => forward(c));
  app.post('/api/chat/suggest', (c) => overLimit(chatSuggestLimiter, c) ?? forward(c));
  // «Да» on the answers offered: a counter like the suggestion events; over the FAQ limit it is dropped silently.
  app.post('/api/chat/faq-feedback', (c) => (mayCount(chatSuggestLimiter, c) ? forward(c) : new Response(null, { status: 204 })));
  app.post('/api/chat/conversations', (c) => overLimit(limiter, c) ?? forward(c));
  app.post('/api/chat/conversations/*', (c) => {
    if (!CHAT_ACTION_PATH.test(new URL(c.req.url).pathname)) return apiNotFound();
    return overLimit(chatLimiter, c) ?? forward(c);
  });
  app.get('/api/chat/conversations/*', (c) => {
    if (!CHAT_EVENTS_PATH.test(new URL(c.req.url).pathname)) return apiNotFound();
    return forwardToCms(c.req.raw, {
      cmsOrigin: options.cmsOrigin,
      clientIp: clientIp(c),
      maxBodyBytes: 0,
      timeoutMs: options.upstreamTimeoutMs ?? DEFAULT_PROXY_TIMEOUT_MS,
      stream: true,
    });
  });

  // Over the limit: drop silently; a beacon has nobody to show an error to.
  app.post('/api/search/events', (c) => (mayCount(eventLimiter, c) ? forward(c) : new Response(null, { status: 204 })));

  // The shareable results page: `/search/?q=…` rendered on the server, so it works without JavaScript.
  app.get('/search/', async (c) => {
    const page = await handleSearchPage(c.req.raw, {
      siteDir: options.siteDir(),
      search: async (query) => {
        const params = new URLSearchParams({ q: query.q });
        if (query.audience) params.set('audience', query.audience);
        if (query.topic) params.set('topic', query.topic);
        if (query.type) params.set('type', query.type);
        const response = await fetch(cmsUrl(`/api/search?${params.toString()}`), {
          headers: { accept: 'application/json' },
          signal: AbortSignal.timeout(upstreamTimeoutMs),
        });
        return response.ok ? ((await response.json()) as SearchPageResult) : null;
      },
      record: (q, results) => {
        // Counted against the same per-IP limit as the beacons: the page must not be a way around it.
        if (!mayCount(eventLimiter, c)) return;
        void fetch(cmsUrl('/api/search/events'), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ kind: 'search', q, results }),
          signal: AbortSignal.timeout(upstreamTimeoutMs),
        }).catch(() => undefined);
      },
    });
    return page ?? serveStatic(c.req.raw, options.siteDir());
  });
  // Booking without JavaScript: the steps and the private page rendered here from the CMS's booking endpoints.
  const bookingApi: BookingApi = {
    async get(pathAndQuery) {
      const response = await fetch(cmsUrl(pathAndQuery), { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(upstreamTimeoutMs) });
      return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
    },
    async post(pathAndQuery, body, headers = {}) {
      const response = await fetch(cmsUrl(pathAndQuery), { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(upstreamTimeoutMs) });
      return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
    },
  };
  const formFields = async (c: Context): Promise<Record<string, string>> => {
    const parsed = await c.req.parseBody().catch(() => ({}));
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  };
  const bookingDeps = () => ({ siteDir: options.siteDir(), api: bookingApi });
  app.get(BOOKING_PATH, async (c) => (await handleBookingPage(c.req.raw, bookingDeps())) ?? serveStatic(c.req.raw, options.siteDir()));
  app.post(BOOKING_PATH, async (c) => overFormLimit(c) ?? (await handleBookingPost(c.req.raw, await formFields(c), { ...bookingDeps(), noScriptAllowed: () => mayCount(bookingNoScriptLimiter, c) })) ?? notFoundPage(c));
  app.get(BOOKING_MANAGE_PATH, async (c) => overFormLimit(c) ?? (await handleManagePage(c.req.raw, bookingDeps())) ?? serveStatic(c.req.raw, options.siteDir()));
  app.post(BOOKING_MANAGE_PATH, async (c) => overFormLimit(c) ?? (await handleManagePost(c.req.raw, await formFields(c), bookingDeps())) ?? notFoundPage(c));
  // A questionnaire answered without JavaScript: its plain form posts to the page itself (questionnaire-page.ts).
  app.post('/obratnaya-svyaz/anketa/*', async (c) => {
    const page = await handleQuestionnairePost(c.req.raw, {
      siteDir: options.siteDir(),
      overTls: isTls(c.req.raw),
      allowed: () => mayCount(noScriptLimiter, c),
      send: async (sheet) => {
        const ip = clientIp(c);
        const response = await fetch(cmsUrl('/api/forms/questionnaire'), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', [NOSCRIPT_HEADER]: '1', ...(ip ? { 'X-Forwarded-For': ip } : {}) },
          body: JSON.stringify(sheet),
          signal: AbortSignal.timeout(upstreamTimeoutMs),
        });
        const body = (await response.json().catch(() => null)) as CmsAnswer | null;
        return { status: response.status, body };
      },
    });
    return page ?? notFoundPage(c);
  });
  // Moderated public writing (issue 22): the author's e-mail link (counted against the form limit), and the review and
  // forum forms posted to their own pages (review-page.ts, forum-page.ts): with the page script's proof-of-work under
  // the forms' limit, without it marked as a no-script post under the tighter limit.
  app.get('/api/moderation/verify', (c) => limitedForward(c));
  app.post('/api/moderation/verify', (c) => limitedForward(c));
  const moderatedDeps = (c: Context) => ({
    siteDir: options.siteDir(),
    allowed: (withSolution: boolean) => mayCount(withSolution ? limiter : moderatedNoScriptLimiter, c),
    sendTo: async (slug: string, fields: Record<string, unknown>, altcha: string): Promise<ModeratedAnswer> => {
      const ip = clientIp(c);
      const response = await fetch(cmsUrl(`/api/forms/moderated/${slug}`), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(altcha ? {} : { [NOSCRIPT_HEADER]: '1' }), ...(ip ? { 'X-Forwarded-For': ip } : {}) },
        body: JSON.stringify(altcha ? { ...fields, altcha } : fields),
        signal: AbortSignal.timeout(upstreamTimeoutMs),
      });
      return { status: response.status, body: (await response.json().catch(() => null)) as ModeratedAnswer['body'] };
    },
  });
  app.post(REVIEWS_PAGE_PATH, async (c) => {
    const { sendTo, ...deps } = moderatedDeps(c);
    return (await handleReviewPost(c.req.raw, { ...deps, send: (review, altcha) => sendTo('reviews', review, altcha) })) ?? notFoundPage(c);
  });
  app.post('/forum/*', async (c) => {
    const { sendTo, ...deps } = moderatedDeps(c);
    return (await handleForumPost(c.req.raw, { ...deps, send: sendTo })) ?? notFoundPage(c);
  });
  // Handled here, not in the CMS: the choice only changes how this server serves pages.
  app.post(DISPLAY_MODE_PATH, (c) => handleDisplayMode(c.req.raw, isTls(c.req.raw)));
  app.all('/api', () => apiNotFound());
  app.all('/api/*', () => apiNotFound());

  // The redirects file belongs to the build, not to the public; old addresses get 301s from it.
  app.all(`/${REDIRECTS_FILE}`, notFoundPage);
  app.all('*', (c) => {
    const siteDir = options.siteDir();
    return redirectResponse(c.req.raw, siteDir) ?? serveStatic(c.req.raw, siteDir);
  });
  return app;
}

function apiNotFound(): Response {
  return errorResponse(404, { message: NOT_FOUND_MESSAGE });
}

function isTls(request: Request): boolean {
  if (new URL(request.url).protocol === 'https:') return true;
  const forwarded = request.headers.get('x-forwarded-proto');
  return forwarded !== null && forwarded.split(',')[0]?.trim().toLowerCase() === 'https';
}

function resolveClientIp(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    const last = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    // Not running under @hono/node-server (e.g. in-process tests): no socket to ask.
    return null;
  }
}

/** The no-JS subscription form's answer over its limit: a small page in Russian (the form expects a page, not JSON). */
function alertsLimitPage(retryAfterSeconds: number): Response {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const html = `<!doctype html>\n<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Слишком много запросов</title></head><body><main><h1>Слишком много запросов</h1><p>${RATE_LIMITED_MESSAGE}</p><p>Повторить подписку можно примерно через ${minutes} мин. <a href="/podpiska/">Вернуться к форме</a></p></main></body></html>\n`;
  return new Response(html, { status: 429, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' } });
}
