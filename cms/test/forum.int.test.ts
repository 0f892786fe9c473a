import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { freePort } from '../../scripts/lib/free-port';
import { createStaff, startTestCms, type TestCms } from './harness';
import { restApi } from './support/rest';

/**
 * The moderated forum (issue 22) on a real CMS (SQLite), real SMTP to the mail sink and the REST API as `next start`
 * serves it: a visitor's thread goes through the one moderation pipeline (letter → verification → queue → approval)
 * to the site export; staff answer in the admin and the thread's author gets one notice with a working opt-out link;
 * a closed thread takes no reply; an editor turns a post into a FAQ draft without personal data; the roles do what
 * the README says.
 */

const CMS = 'http://127.0.0.1:3001';
const SITE = 'http://127.0.0.1:3000';
const PASSWORD = 'staff-password-1234';
let cms: TestCms;
let payload: Payload;
let sink: RunningMailSink;
let mailDir: string;
let rest: (request: Request) => Promise<Response>;
let outbox: typeof import('../src/appeals/outbox/outbox');
const cookies = new Map<string, string>();
let sectionId: number | string;
let otherSectionId: number | string;

interface SinkMessage {
  id: string;
  subject: string;
  text: string;
}

async function mailTo(address: string): Promise<SinkMessage[]> {
  const response = await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as SinkMessage[];
}

async function drain(): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const result = await outbox.dispatchOutbox(payload, new Date());
    if (result.claimed === 0) break;
  }
}

async function login(email: string): Promise<string> {
  const response = await rest(new Request(`${CMS}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: CMS }, body: JSON.stringify({ email, password: PASSWORD }) }));
  expect(response.status, `login of ${email}`).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

function call(method: string, url: string, body?: unknown, who?: string, headers: Record<string, string> = {}): Promise<Response> {
  const cookie = who ? cookies.get(who) : undefined;
  return rest(
    new Request(url.startsWith('http') ? url : `${CMS}/api${url}`, {
      method,
      headers: { ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), Origin: CMS, ...(cookie ? { Cookie: cookie } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    }),
  );
}

const unique = (name: string) => `${name}-${crypto.randomUUID().slice(0, 8)}@example.ru`;

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-forum-mail-'));
  const smtpPort = await freePort();
  sink = await startMailSink({ smtpPort, webPort: 0, dir: mailDir });
  cms = await startTestCms({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, SITE_URL: SITE });
  payload = cms.payload;
  rest = restApi(cms, CMS);
  outbox = await import('../src/appeals/outbox/outbox');
  for (const role of ['editor', 'manager', 'handler', 'admin', 'moderator'] as const) {
    await createStaff(payload, `${role}@forum.example.ru`, [role as never]);
    cookies.set(role, await login(`${role}@forum.example.ru`));
  }
  sectionId = (await payload.create({ collection: 'topics', overrideAccess: true, data: { title: 'Оплата', slug: 'oplata', order: 1 } as never })).id;
  otherSectionId = (await payload.create({ collection: 'topics', overrideAccess: true, data: { title: 'Договор', slug: 'dogovor', order: 2 } as never })).id;
}, 240_000);

afterAll(async () => {
  await sink?.close();
  await cms?.close();
  fs.rmSync(mailDir, { recursive: true, force: true });
});

/** What the public server sends for a no-script form (no proof-of-work; limited per address there). */
const NOSCRIPT = { 'x-portal-noscript-form': '1' };

const linkIn = (text: string, path: string): string => {
  const match = new RegExp(`https?://\\S+${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\S*`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[0];
};

/** A visitor's thread through the pipeline: the form, the verification letter's link, a moderator's approval. */
async function openThread(author: string, title: string, text = 'Подскажите, как оплатить счёт без комиссии через приложение банка?'): Promise<number> {
  const response = await call('POST', '/forms/moderated/forum-threads', { section: 'oplata', title, authorName: 'Пётр', authorEmail: author, text, consent: true, rules: true }, undefined, NOSCRIPT);
  expect(response.status).toBe(202);
  await drain();
  const [letter] = await mailTo(author);
  expect(letter?.subject).toContain('Подтвердите адрес');
  const token = new URL(linkIn(letter!.text, '/api/moderation/verify')).searchParams.get('t')!;
  const verified = await rest(new Request(`${CMS}/api/moderation/verify`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: CMS }, body: new URLSearchParams({ t: token }).toString() }));
  expect(verified.status).toBe(200);
  const stored = await payload.find({ collection: 'forum-threads', where: { title: { equals: title } }, overrideAccess: true, depth: 0 });
  const id = Number(stored.docs[0]!.id);
  expect((stored.docs[0] as unknown as { moderationState: string }).moderationState).toBe('pending');
  const approved = await call('POST', '/moderation/action', { slug: 'forum-threads', id: String(id), action: 'approve' }, 'moderator');
  expect(approved.status).toBe(200);
  return id;
}

/** The published content snapshot the site build reads (the same function as `GET /api/site-export`). */
async function siteExport(): Promise<{ forumThreads: { id: number; title: string; section: string; state: string; posts: { text: string; authorName: string; official: boolean }[] }[] }> {
  const { buildSiteExport } = await import('../src/endpoints/site-export');
  return JSON.parse(JSON.stringify(await buildSiteExport(payload))) as never;
}

describe('a visitor\'s thread and reply go through moderation to the site', () => {
  it('is on the site export only after verification and approval, with the shown name and no e-mail', async () => {
    const author = unique('petr');
    const id = await openThread(author, 'Оплата без комиссии');
    const thread = (await siteExport()).forumThreads.find((row) => row.id === id);
    expect(thread).toMatchObject({ title: 'Оплата без комиссии', section: 'oplata', state: 'open' });
    expect(JSON.stringify(await siteExport())).not.toContain(author);

    const reply = await call('POST', '/forms/moderated/forum-posts', { thread: String(id), authorName: 'Ирина', authorEmail: unique('irina'), text: 'У меня получилось через приложение, комиссии не было.', consent: true, rules: true }, undefined, NOSCRIPT);
    expect(reply.status).toBe(202);
    // Not verified, not approved: not public.
    expect((await siteExport()).forumThreads.find((row) => row.id === id)?.posts).toEqual([]);
  });

  it('a reply to a thread waiting for moderation is refused', async () => {
    const response = await call('POST', '/forms/moderated/forum-threads', { section: 'oplata', title: 'Ещё не проверена', authorName: 'Олег', authorEmail: unique('oleg'), text: 'Когда приходит счёт за электроэнергию в этом месяце?', consent: true, rules: true }, undefined, NOSCRIPT);
    expect(response.status).toBe(202);
    const stored = await payload.find({ collection: 'forum-threads', where: { title: { equals: 'Ещё не проверена' } }, overrideAccess: true, depth: 0 });
    const reply = await call('POST', '/forms/moderated/forum-posts', { thread: String(stored.docs[0]!.id), authorName: 'Ирина', authorEmail: unique('irina'), text: 'Обычно в первых числах месяца, у меня так.', consent: true, rules: true }, undefined, NOSCRIPT);
    expect(reply.status).toBe(400);
  });
});

describe('staff actions on a thread', () => {
  it('a closed thread refuses replies from visitors and staff alike, in Russian; the close is in the audit log', async () => {
    const id = await openThread(unique('closed'), 'Тема, которую закроют');
    expect((await call('PATCH', `/forum-threads/${id}`, { state: 'closed' }, 'moderator')).status).toBe(200);
    const reply = await call('POST', '/forms/moderated/forum-posts', { thread: String(id), authorName: 'Ирина', authorEmail: unique('irina'), text: 'Хочу дописать ещё кое-что в эту тему.', consent: true, rules: true }, undefined, NOSCRIPT);
    expect(reply.status).toBe(400);
    expect(JSON.stringify(await reply.json())).toContain('Эта тема закрыта');
    const staff = await call('POST', '/forum-posts', { thread: id, text: 'Ответ сотрудника в закрытой теме.' }, 'handler');
    expect(staff.status).toBe(409);
    const audit = await payload.find({ collection: 'audit-log', where: { and: [{ target: { equals: 'forum-threads' } }, { documentId: { equals: String(id) } }] }, overrideAccess: true });
    expect(audit.docs.map((doc) => String((doc as unknown as { summary: string }).summary))).toContainEqual(expect.stringContaining('Тема закрыта'));
    expect((await siteExport()).forumThreads.find((row) => row.id === id)?.state).toBe('closed');
  });

  it('pinning and moving are the moderators\' (an editor or handler gets 403); a move is remembered and redirects the old address', async () => {
    const id = await openThread(unique('move'), 'Тема не в том разделе');
    expect((await call('PATCH', `/forum-threads/${id}`, { pinned: true }, 'editor')).status).toBe(403);
    expect((await call('PATCH', `/forum-threads/${id}`, { pinned: true }, 'handler')).status).toBe(403);
    expect((await call('PATCH', `/forum-threads/${id}`, { pinned: true, section: otherSectionId }, 'moderator')).status).toBe(200);
    const thread = (await payload.findByID({ collection: 'forum-threads', id, overrideAccess: true, depth: 0 })) as unknown as { pinned: boolean; movedFrom: { section: number }[] };
    expect(thread.pinned).toBe(true);
    expect(thread.movedFrom.map((entry) => String(entry.section))).toEqual([String(sectionId)]);
    const redirects = await payload.find({ collection: 'redirects', where: { from: { equals: `/forum/oplata/${id}/` } }, overrideAccess: true, depth: 0 });
    expect((redirects.docs[0] as unknown as { to: string } | undefined)?.to).toBe(`/forum/dogovor/${id}/`);
    const audit = await payload.find({ collection: 'audit-log', where: { and: [{ target: { equals: 'forum-threads' } }, { documentId: { equals: String(id) } }] }, overrideAccess: true });
    expect(audit.docs.map((doc) => String((doc as unknown as { summary: string }).summary)).join(' | ')).toContain('Тема перенесена из раздела «Оплата» в «Договор»');
  });
});

describe('a staff answer', () => {
  it('is published at once as «Ответ сотрудника» whatever the request claims, and the author gets exactly one notice', async () => {
    const author = unique('answer');
    const id = await openThread(author, 'Когда пересчитают счёт?');
    const response = await call('POST', '/forum-posts', { thread: id, text: 'Пересчёт делаем в течение 10 рабочих дней после обращения.', authorName: 'Самозванец', official: false, moderationState: 'pending' }, 'handler');
    expect(response.status, await response.clone().text()).toBe(201);
    const post = ((await response.json()) as { doc: { id: number } }).doc;
    const thread = (await siteExport()).forumThreads.find((row) => row.id === id)!;
    expect(thread.posts).toEqual([expect.objectContaining({ text: 'Пересчёт делаем в течение 10 рабочих дней после обращения.', authorName: 'Специалист Компании', official: true })]);
    await drain();
    await drain();
    const notices = (await mailTo(author)).filter((letter) => letter.subject === 'Ответ сотрудника в вашей теме на форуме');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain(`${SITE}/forum/oplata/${id}/`);
    expect(notices[0]!.text).toContain(`${SITE}/api/forum/notices?t=`);
    // Enqueuing the same post's notice again changes nothing: one letter per answer and address.
    const { notifyThreadAuthor } = await import('../src/forum/notices');
    const again = await notifyThreadAuthor(payload, (await payload.findByID({ collection: 'forum-threads', id, overrideAccess: true, depth: 0 })) as never, { id: post.id });
    expect(again).toBe(false);
  });

  it('a visitor\'s reply is not a staff answer and sends no notice', async () => {
    const author = unique('plain');
    const id = await openThread(author, 'Где взять квитанцию?');
    const response = await call('POST', '/forms/moderated/forum-posts', { thread: String(id), authorName: 'Ирина', authorEmail: unique('irina'), text: 'Квитанцию можно скачать в личном кабинете.', consent: true, rules: true }, undefined, NOSCRIPT);
    expect(response.status).toBe(202);
    const stored = await payload.find({ collection: 'forum-posts', where: { thread: { equals: id } }, overrideAccess: true, depth: 0 });
    expect((stored.docs[0] as unknown as { official: boolean }).official).toBe(false);
    await drain();
    expect((await mailTo(author)).filter((letter) => letter.subject.includes('Ответ сотрудника'))).toHaveLength(0);
  });

  it('after the author opts out with the link, a later staff answer sends no notice (other threads still notify)', async () => {
    const author = unique('optout');
    const id = await openThread(author, 'Тема с отпиской');
    expect((await call('POST', '/forum-posts', { thread: id, text: 'Первый ответ сотрудника в теме.' }, 'moderator')).status).toBe(201);
    await drain();
    const [notice] = (await mailTo(author)).filter((letter) => letter.subject.includes('Ответ сотрудника'));
    const link = linkIn(notice!.text, '/api/forum/notices');
    const token = new URL(link).searchParams.get('t')!;
    // A GET (a mail scanner opening the link) changes nothing.
    const pageResponse = await rest(new Request(`${CMS}/api/forum/notices?t=${encodeURIComponent(token)}`, { headers: { Origin: CMS } }));
    expect(pageResponse.status).toBe(200);
    expect(await pageResponse.text()).toContain('Больше не присылать уведомления по этой теме');
    // A forged token is refused.
    const forged = await rest(new Request(`${CMS}/api/forum/notices?t=${id}.${'A'.repeat(43)}`, { method: 'POST', headers: { Origin: CMS, 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' }));
    expect(forged.status).toBe(404);
    const stopped = await rest(new Request(`${CMS}/api/forum/notices?t=${encodeURIComponent(token)}`, { method: 'POST', headers: { Origin: CMS, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' }));
    expect(stopped.status).toBe(200);
    expect((await call('POST', '/forum-posts', { thread: id, text: 'Второй ответ сотрудника в теме.' }, 'moderator')).status).toBe(201);
    await drain();
    expect((await mailTo(author)).filter((letter) => letter.subject.includes('Ответ сотрудника'))).toHaveLength(1);
  });
});

describe('a FAQ draft from a post', () => {
  it('an editor makes a draft in the thread\'s topic with the personal data and the author\'s name replaced', async () => {
    const id = await openThread(unique('faq'), 'Как передать показания без личного кабинета?');
    const text = 'Я, Пётр, передаю показания по телефону +7 (912) 345-67-89, лицевой счёт 1234567, и пишу на petr@example.ru. Работает.';
    const reply = await call('POST', '/forms/moderated/forum-posts', { thread: String(id), authorName: 'Пётр', authorEmail: unique('petr2'), text, consent: true, rules: true }, undefined, NOSCRIPT);
    expect(reply.status).toBe(202);
    const post = (await payload.find({ collection: 'forum-posts', where: { thread: { equals: id } }, overrideAccess: true, depth: 0 })).docs[0]!;
    // Not approved yet: no draft from it.
    expect((await call('POST', `/forum-posts/${post.id}/faq-draft`, undefined, 'editor')).status).toBe(409);
    await payload.update({ collection: 'forum-posts', id: post.id, overrideAccess: true, data: { moderationState: 'approved', approvedAt: new Date().toISOString() } as never });
    expect((await call('POST', `/forum-posts/${post.id}/faq-draft`, undefined, 'handler')).status).toBe(403);
    expect((await call('POST', `/forum-posts/${post.id}/faq-draft`, undefined, 'moderator')).status).toBe(403);
    const made = await call('POST', `/forum-posts/${post.id}/faq-draft`, undefined, 'editor');
    expect(made.status).toBe(201);
    const { faqId } = (await made.json()) as { faqId: number };
    const faq = (await payload.findByID({ collection: 'faq', id: faqId, draft: true, overrideAccess: true, depth: 0 })) as unknown as { _status: string; question: string; topic: number; answer: unknown };
    expect(faq._status).toBe('draft');
    expect(faq.question).toBe('Как передать показания без личного кабинета?');
    expect(String(faq.topic)).toBe(String(sectionId));
    const answer = JSON.stringify(faq.answer);
    expect(answer).toContain('Я, [скрыто], передаю показания по телефону [скрыто], [скрыто], и пишу на [скрыто]. Работает.');
    for (const secret of ['912', '1234567', 'petr@example.ru', 'Пётр']) expect(answer).not.toContain(secret);
    // A second press opens the same draft.
    const again = await call('POST', `/forum-posts/${post.id}/faq-draft`, undefined, 'editor');
    expect(again.status).toBe(200);
    expect(((await again.json()) as { faqId: number }).faqId).toBe(faqId);
  });
});

describe('who reads the forum in the admin', () => {
  it('moderators read authors\' e-mails; editors and handlers only approved posts without e-mails; managers and the public nothing', async () => {
    const author = unique('reader');
    const id = await openThread(author, 'Тема для проверки доступа');
    const read = async (who?: string) => call('GET', `/forum-threads?where[id][equals]=${id}&depth=0`, undefined, who);
    const moderatorResponse = await read('moderator');
    const moderator = (await moderatorResponse.json()) as { docs: { authorEmail?: string }[] };
    expect(moderator.docs, JSON.stringify(moderator)).toHaveLength(1);
    expect(moderator.docs[0]?.authorEmail).toBe(author);
    for (const who of ['editor', 'handler']) {
      const body = (await (await read(who)).json()) as { docs: Record<string, unknown>[] };
      expect(body.docs).toHaveLength(1);
      expect(body.docs[0]!.authorEmail).toBeUndefined();
    }
    expect((await read('manager')).status).toBe(403);
    expect((await read()).status).toBe(403);
    expect((await call('POST', '/forum-posts', { thread: id, text: 'Менеджер пишет ответ.' }, 'manager')).status).toBe(403);
    expect((await call('POST', '/forum-posts', { thread: id, text: 'Редактор пишет ответ.' }, 'editor')).status).toBe(403);
    expect((await call('POST', '/forum-threads', { title: 'x', section: sectionId, text: 'Тема через API в обход формы.' }, 'admin')).status).toBe(403);
  });
});
