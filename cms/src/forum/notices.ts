import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Endpoint, Payload, PayloadRequest } from 'payload';
import { escapeHtml } from '@portal/core/escape-html';
import { forumThreadPath } from '@portal/core/forum';
import { loadCompany } from '../appeals/settings/settings';
import { asRequest, NO_STORE } from '../endpoints/payload-request';
import { readCmsEnv } from '../env';
import { enqueueLetter } from '../outbox/letters';
import { COLLECTIONS } from '../slugs';

type Id = number | string;

/**
 * Notices to a thread's author when staff answer in it (issue 22), through the generic outbox: one letter per staff
 * post and author (dedupeKey), each with a private link that stops later notices for that thread. The link is
 * `<thread id>.<HMAC-SHA-256(PAYLOAD_SECRET, thread id)>`: reproducible for every letter, nothing stored, and it names
 * no address. The public server forwards the path (GET shows a button, POST stops; RFC 8058 one-click too).
 */
export const FORUM_NOTICES_PATH = '/api/forum/notices';

/** Purpose of the notice letters in the outbox. */
export const STAFF_ANSWER_NOTICE = 'forum-staff-answer';

const mac = (secret: string, threadId: string): string => createHmac('sha256', secret).update(`forum-notices\u0000${threadId}`).digest('base64url');

/** The opt-out token of a thread. */
export function noticesToken(threadId: Id, secret: string = readCmsEnv().PAYLOAD_SECRET): string {
  return `${String(threadId)}.${mac(secret, String(threadId))}`;
}

const TOKEN = /^([0-9A-Za-z_-]{1,40})\.([A-Za-z0-9_-]{43})$/;

/** The thread id of a valid token, else null (constant-time comparison, checked before any database read). */
export function threadOfNoticesToken(token: string, secret: string = readCmsEnv().PAYLOAD_SECRET): string | null {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const expected = Buffer.from(mac(secret, match[1]!));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1]! : null;
}

/** The private opt-out link of a thread. */
export function noticesUrl(threadId: Id, siteUrl: string = readCmsEnv().SITE_URL): string {
  return `${siteUrl.replace(/\/$/, '')}${FORUM_NOTICES_PATH}?t=${encodeURIComponent(noticesToken(threadId))}`;
}

interface NoticeThread {
  id: Id;
  title: string;
  section: unknown;
  authorName?: string | null;
  authorEmail?: string | null;
  moderationState?: string | null;
  authorNotices?: boolean | null;
}

/**
 * Enqueues the notice of a staff answer to the thread's author; nothing when the author opted out, the thread is not
 * public, or the author is the one answering. Returns whether a letter was stored now.
 */
export async function notifyThreadAuthor(payload: Payload, thread: NoticeThread, post: { id: Id; authorEmail?: string | null }): Promise<boolean> {
  const to = thread.authorEmail?.trim();
  if (!to || thread.authorNotices === false || thread.moderationState !== 'approved') return false;
  if (post.authorEmail && post.authorEmail.toLowerCase() === to.toLowerCase()) return false;
  const sectionId = thread.section && typeof thread.section === 'object' ? (thread.section as { id?: Id }).id : (thread.section as Id);
  const topic = (await payload.findByID({ collection: COLLECTIONS.topics, id: sectionId as Id, depth: 0, overrideAccess: true, disableErrors: true })) as { slug?: string } | null;
  const env = readCmsEnv();
  const site = env.SITE_URL.replace(/\/$/, '');
  const link = topic?.slug ? `${site}${forumThreadPath(topic.slug, thread.id)}` : `${site}/forum/`;
  const optOut = noticesUrl(thread.id, site);
  const company = await loadCompany(payload);
  const from = company.shortName || company.name || 'Компании';
  const greeting = thread.authorName ? `Здравствуйте, ${thread.authorName}!` : 'Здравствуйте!';
  const text = [
    greeting,
    '',
    `В вашей теме «${thread.title}» на форуме ${from} ответил сотрудник. Ответ опубликован на странице темы:`,
    link,
    '',
    'Письмо отправлено автоматически, отвечать на него не нужно.',
    'Больше не присылать уведомления об ответах в этой теме:',
    optOut,
  ].join('\n');
  const html =
    `<p>${escapeHtml(greeting)}</p><p>В вашей теме «${escapeHtml(thread.title)}» на форуме ${escapeHtml(from)} ответил сотрудник. ` +
    `<a href="${escapeHtml(link)}">Открыть тему</a>.</p><p>Письмо отправлено автоматически, отвечать на него не нужно.</p>` +
    `<p><a href="${escapeHtml(optOut)}">Больше не присылать уведомления об ответах в этой теме</a></p>`;
  const result = await enqueueLetter(payload, {
    purpose: STAFF_ANSWER_NOTICE,
    dedupeKey: `${STAFF_ANSWER_NOTICE}:${String(post.id)}:${to.toLowerCase()}`,
    to,
    subject: 'Ответ сотрудника в вашей теме на форуме',
    text,
    html,
    headers: { 'List-Unsubscribe': `<${optOut}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  });
  return result.created;
}

/** Stops notices of a thread by its token; idempotent. Returns the thread id, or null for an invalid token. */
export async function stopNotices(payload: Payload, token: string): Promise<Id | null> {
  const threadId = threadOfNoticesToken(token);
  if (threadId === null) return null;
  const thread = await payload.findByID({ collection: COLLECTIONS.forumThreads, id: threadId, depth: 0, overrideAccess: true, disableErrors: true });
  if (!thread) return null;
  if ((thread as { authorNotices?: boolean }).authorNotices !== false) {
    await payload.update({ collection: COLLECTIONS.forumThreads, id: threadId, overrideAccess: true, depth: 0, context: { skipSiteBuild: true }, data: { authorNotices: false } as never });
  }
  return thread.id as Id;
}

function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html>\n<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}<p><a href="/forum/">На форум</a></p></main></body></html>\n`;
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...NO_STORE, 'Referrer-Policy': 'no-referrer', 'X-Portal-Page': 'forum' } });
}

const MAX_TOKEN = 200;

async function tokenOf(req: PayloadRequest, withBody: boolean): Promise<string> {
  const fromQuery = new URL(req.url ?? 'http://x/').searchParams.get('t') ?? '';
  if (fromQuery || !withBody) return fromQuery.slice(0, MAX_TOKEN);
  const text = await asRequest(req).text().catch(() => '');
  return (new URLSearchParams(text.slice(0, 2000)).get('t') ?? '').slice(0, MAX_TOKEN);
}

const invalid = (): Response => page(404, 'Ссылка не действует', '<p>Ссылка неверна. Пожалуйста, скопируйте её из письма целиком.</p>');

/** `GET /api/forum/notices?t=…`: a page with one button (a GET never changes anything: mail scanners open links). */
export const forumNoticesPageEndpoint: Endpoint = {
  path: '/forum/notices',
  method: 'get',
  handler: async (req) => {
    const token = await tokenOf(req, false);
    if (threadOfNoticesToken(token) === null) return invalid();
    return page(
      200,
      'Уведомления об ответах в теме',
      `<p>Мы пишем вам, когда в вашей теме на форуме отвечает сотрудник.</p><form method="post" action="${FORUM_NOTICES_PATH}?t=${encodeURIComponent(token)}"><input type="hidden" name="t" value="${escapeHtml(token)}"><button type="submit">Больше не присылать уведомления по этой теме</button></form>`,
    );
  },
};

/** `POST /api/forum/notices?t=…`: the page's button and RFC 8058 one-click alike. Idempotent. */
export const forumNoticesStopEndpoint: Endpoint = {
  path: '/forum/notices',
  method: 'post',
  handler: async (req) => {
    const stopped = await stopNotices(req.payload, await tokenOf(req, true));
    if (stopped === null) return invalid();
    return page(200, 'Уведомления отключены', '<p>Больше писем об ответах в этой теме мы не пришлём. Ответы по-прежнему видны на странице темы.</p>');
  },
};
