import type { Endpoint, PayloadRequest } from 'payload';
import { escapeHtml } from '@portal/core/escape-html';
import { FieldRejectedError } from '@portal/core/appeal-contract';
import { MODERATION_MESSAGES, MODERATION_RULES_PATH } from '@portal/core/moderation';
import { canModerate, rolesOf } from '../access/roles';
import { singleUseHumanCheck } from '../appeals/intake/human-check-once';
import { approvePost, ModerationRefused, redactPost, rejectPost } from '../moderation/actions';
import { moderatedCollection } from '../moderation/registry';
import { submitPublicPost, verifyPublicPost, VERIFY_PATH } from '../moderation/submit';
import { MODERATION_VIEW_PATH } from '../components/moderation-path';
import { asRequest, forbidden, NO_STORE, searchParamsOf } from './payload-request';
import { NOSCRIPT_HEADER } from './questionnaires';

const MAX_BODY_BYTES = 32 * 1024;

/** A small self-contained HTML page (no scripts, no external resources) for the links in letters. */
function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html>\n<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}<p><a href="/">На главную</a></p></main></body></html>\n`;
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...NO_STORE, 'Referrer-Policy': 'no-referrer', 'X-Portal-Page': 'moderation' } });
}

/** The body as a plain object: JSON, or a form (urlencoded). Null when too large or unreadable. */
async function readBody(req: PayloadRequest): Promise<Record<string, unknown> | null> {
  const text = await asRequest(req).text().catch(() => null);
  if (text === null || text.length > MAX_BODY_BYTES) return null;
  if ((req.headers.get('content-type') ?? '').includes('application/json')) {
    try {
      const value = JSON.parse(text) as unknown;
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

const json = (status: number, body: unknown) => Response.json(body, { status, headers: NO_STORE });

/**
 * `POST /api/forms/moderated/:slug`: a post the public writes into a moderated collection (a review, a forum post).
 * JSON; proof-of-work as on the forms, except for the public server's no-script forms (marked by its header and
 * limited per address there). 202 with the neutral «Проверьте почту…» once it is stored and its letter enqueued;
 * 400 with a message per field.
 */
export const publicPostEndpoint: Endpoint = {
  path: '/forms/moderated/:slug',
  method: 'post',
  handler: async (req) => {
    const entry = moderatedCollection(String(req.routeParams?.slug ?? ''));
    if (!entry) return json(404, { message: 'Форма не найдена.' });
    const body = await readBody(req);
    if (!body) return json(400, { message: 'Не удалось прочитать форму. Пожалуйста, отправьте её ещё раз.' });
    const parsed = await entry.parseSubmission(req.payload, body);
    if (!parsed.ok) return json(400, { message: parsed.issues[0]?.message ?? 'Проверьте форму.', issues: parsed.issues });
    const request = asRequest(req);
    const human = request.headers.get(NOSCRIPT_HEADER) === '1' ? null : singleUseHumanCheck(req.payload, request);
    const problem = human ? await human.verify(body) : null;
    if (problem) return json(400, { message: problem, issues: [{ path: ['altcha'], message: problem }] });
    try {
      await human?.spend();
    } catch (error) {
      if (error instanceof FieldRejectedError) return json(400, { message: error.userMessage, issues: [{ path: ['altcha'], message: error.userMessage }] });
      throw error;
    }
    await submitPublicPost(req.payload, entry.slug, parsed.input);
    return json(202, { message: MODERATION_MESSAGES.accepted, rules: MODERATION_RULES_PATH });
  },
};

const tokenOf = (req: PayloadRequest, body?: Record<string, unknown> | null): string => {
  const fromBody = typeof body?.t === 'string' ? body.t : '';
  return (fromBody || searchParamsOf(req).get('t') || '').slice(0, 200);
};

/** `GET /api/moderation/verify?t=…`: a page with a button (mail scanners that open links confirm nothing). */
export const verifyPageEndpoint: Endpoint = {
  path: '/moderation/verify',
  method: 'get',
  handler: async (req) =>
    page(200, 'Подтверждение адреса', `<p>Нажмите кнопку, чтобы подтвердить адрес и передать текст модератору.</p><form method="post" action="${VERIFY_PATH}"><input type="hidden" name="t" value="${escapeHtml(tokenOf(req))}"><button type="submit">Подтвердить адрес</button></form>`),
};

/** `POST /api/moderation/verify`: the post enters the moderators' queue (idempotent). */
export const verifyEndpoint: Endpoint = {
  path: '/moderation/verify',
  method: 'post',
  handler: async (req) => {
    const outcome = await verifyPublicPost(req.payload, tokenOf(req, await readBody(req)));
    if (outcome.kind === 'expired') return page(410, 'Ссылка устарела', `<p>${escapeHtml(outcome.message)}</p>`);
    if (outcome.kind === 'unknown') return page(404, 'Ссылка не действует', `<p>${escapeHtml(outcome.message)}</p>`);
    return page(200, 'Адрес подтверждён', `<p>${escapeHtml(MODERATION_MESSAGES.verified)}</p><p><a href="${MODERATION_RULES_PATH}">Правила форума и отзывов</a></p>`);
  },
};

/**
 * `POST /api/moderation/action` (moderators and administrators): `slug`, `id`, `action` = approve | reject (with
 * `reason`) | redact (with `text` and `note`). The admin's queue posts a plain form and is sent back to the queue
 * with the outcome; a JSON request gets JSON.
 */
export const moderationActionEndpoint: Endpoint = {
  path: '/moderation/action',
  method: 'post',
  handler: async (req) => {
    const wantsJson = (req.headers.get('content-type') ?? '').includes('application/json');
    if (!canModerate(rolesOf(req))) return forbidden();
    const body = (await readBody(req)) ?? {};
    const str = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const slug = str('slug');
    const id = str('id');
    const back = (status: 'done' | 'error', message: string) =>
      wantsJson ? json(status === 'done' ? 200 : 400, { message }) : new Response(null, { status: 303, headers: { Location: `/admin${MODERATION_VIEW_PATH}?${status}=${encodeURIComponent(message)}`, ...NO_STORE } });
    try {
      if (!/^[A-Za-z0-9-]{1,40}$/.test(id)) throw new ModerationRefused(400, 'Не указан текст.');
      const action = str('action');
      if (action === 'approve') await approvePost(req, slug, id);
      else if (action === 'reject') await rejectPost(req, slug, id, str('reason'));
      else if (action === 'redact') await redactPost(req, slug, id, str('text'), str('note'));
      else throw new ModerationRefused(400, 'Неизвестное действие.');
      const done = { approve: 'Одобрено: текст появится на сайте после пересборки (обычно за несколько секунд).', reject: 'Отклонено: автор получит письмо с причиной.', redact: 'Текст исправлен, правка записана.' }[action];
      return back('done', done);
    } catch (error) {
      if (error instanceof ModerationRefused) return wantsJson ? json(error.status, { message: error.userMessage }) : back('error', error.userMessage);
      throw error;
    }
  },
};

export const moderationEndpoints: Endpoint[] = [publicPostEndpoint, verifyPageEndpoint, verifyEndpoint, moderationActionEndpoint];
