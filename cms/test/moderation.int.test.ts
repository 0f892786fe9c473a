import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload, PayloadRequest } from 'payload';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { freePort } from '../../scripts/lib/free-port';
import { createStaff, startTestCms, type TestCms } from './harness';

/**
 * The one moderation pipeline (issue 22) with reviews as its first collection, through the real endpoints, a real
 * Payload on SQLite with the demo offices and real SMTP to the mail sink: submit → verification letter → link →
 * queue → approve (audit, rebuild) or reject (reason e-mailed) or redact (recorded, nothing kept), and who may do what.
 */
let cms: TestCms;
let payload: Payload;
let sink: RunningMailSink;
let mailDir: string;
let endpoints: typeof import('../src/endpoints/moderation');
let outbox: typeof import('../src/appeals/outbox/outbox');
let submit: typeof import('../src/moderation/submit');
let queue: typeof import('../src/moderation/queue');
const staff: Record<string, unknown> = {};

async function mailTo(address: string) {
  for (let round = 0; round < 20; round++) if ((await outbox.dispatchOutbox(payload)).claimed === 0) break;
  const response = await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as { subject: string; text: string }[];
}

/** Calls an endpoint as Payload does: the web Request with `payload`, `user` and route parameters attached. */
async function call(endpoint: { handler: (req: PayloadRequest) => Promise<Response> | Response }, url: string, init: RequestInit & { user?: unknown; routeParams?: Record<string, string> } = {}) {
  const request = new Request(`http://cms.local${url}`, { ...init, headers: { 'X-Forwarded-For': '198.51.100.7', ...(init.headers as Record<string, string>) } });
  const response = await endpoint.handler(Object.assign(request, { payload, user: init.user ?? null, routeParams: init.routeParams ?? {} }) as unknown as PayloadRequest);
  return { status: response.status, text: await response.text(), headers: response.headers };
}

const review = (email: string, extra: Record<string, unknown> = {}) => ({
  authorName: 'Анна К.',
  authorEmail: email,
  rating: 4,
  channel: 'phone',
  text: 'Дозвонилась на горячую линию за пару минут, оператор всё объяснил про перерасчёт.',
  consent: true,
  rules: true,
  ...extra,
});
const sendReview = (body: Record<string, unknown>) =>
  call(endpoints.publicPostEndpoint, '/api/forms/moderated/reviews', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), routeParams: { slug: 'reviews' } });
const verifyLink = (text: string) => /https?:\/\/\S+\/api\/moderation\/verify\?t=([A-Za-z0-9_-]+)/.exec(text)?.[1];
const verify = (token: string) => call(endpoints.verifyEndpoint, '/api/moderation/verify', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ t: token }).toString() });
const act = (user: unknown, fields: Record<string, string>) =>
  call(endpoints.moderationActionEndpoint, '/api/moderation/action', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(), user });

async function reviewOf(email: string) {
  const found = await payload.find({ collection: 'reviews', where: { authorEmail: { equals: email } }, overrideAccess: true, showHiddenFields: true, depth: 0 });
  return found.docs[0] as unknown as Record<string, any>;
}

/** A review submitted and verified through the endpoints: in the queue. */
async function queuedReview(email: string, extra: Record<string, unknown> = {}) {
  expect((await sendReview(review(email, extra))).status).toBe(202);
  const token = verifyLink((await mailTo(email))[0]!.text)!;
  expect((await verify(token)).status).toBe(200);
  return reviewOf(email);
}

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-moderation-mail-'));
  const smtpPort = await freePort();
  sink = await startMailSink({ smtpPort, webPort: 0, dir: mailDir });
  cms = await startTestCms({
    SEED_DEMO: 'on',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    SITE_URL: 'https://energo.example.ru',
    // Rebuild requests are recorded (the job runner is off, so no build runs).
    SITE_BUILDS_DIR: path.join(mailDir, 'builds'),
    SITE_CURRENT_LINK: path.join(mailDir, 'current'),
    SITE_EXPORT_URL: 'http://127.0.0.1:9/api/site-export',
  });
  payload = cms.payload;
  endpoints = await import('../src/endpoints/moderation');
  outbox = await import('../src/appeals/outbox/outbox');
  submit = await import('../src/moderation/submit');
  queue = await import('../src/moderation/queue');
  for (const role of ['moderator', 'admin', 'editor', 'handler', 'manager'] as const) staff[role] = await createStaff(payload, `${role}@moderation.example.ru`, [role]);
}, 240_000);

afterAll(async () => {
  await sink?.close();
  await cms?.close();
  fs.rmSync(mailDir, { recursive: true, force: true });
});

describe('from the public form to the queue', () => {
  it('a review is stored unverified with the consent, answered neutrally, and only a verification letter goes out', async () => {
    const answer = await sendReview(review('anna@example.ru'));
    expect(answer.status).toBe(202);
    expect(JSON.parse(answer.text).message).toMatch(/^Проверьте почту/);
    const doc = await reviewOf('anna@example.ru');
    expect(doc).toMatchObject({ moderationState: 'unverified', rating: 4, channel: 'phone', authorName: 'Анна К.' });
    expect(doc.consent.acceptedAt).toEqual(expect.any(String));
    const mail = await mailTo('anna@example.ru');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toMatch(/^Подтвердите адрес/);
    const token = verifyLink(mail[0]!.text)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the link's SHA-256 is stored, never the link.
    expect(doc.verificationTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(doc)).not.toContain(token);
    // Not in the queue before the author confirms.
    expect((await queue.moderationQueue(payload)).map((item) => item.id)).not.toContain(doc.id);
  });

  it('opening the link shows a button and changes nothing; pressing it queues the review, and pressing again is harmless', async () => {
    const token = verifyLink((await mailTo('anna@example.ru'))[0]!.text)!;
    const pageAnswer = await call(endpoints.verifyPageEndpoint, `/api/moderation/verify?t=${token}`);
    expect(pageAnswer.text).toContain('Подтвердить адрес');
    expect((await reviewOf('anna@example.ru')).moderationState).toBe('unverified');
    const first = await verify(token);
    expect(first.status).toBe(200);
    expect(first.text).toContain('передан модератору');
    const doc = await reviewOf('anna@example.ru');
    expect(doc.moderationState).toBe('pending');
    const verifiedAt = doc.emailVerifiedAt;
    expect((await verify(token)).status).toBe(200);
    expect((await reviewOf('anna@example.ru')).emailVerifiedAt).toBe(verifiedAt);
    expect((await queue.moderationQueue(payload)).map((item) => item.id)).toContain(doc.id);
  });

  it('a link older than 72 hours is refused in Russian and the review stays out of the queue', async () => {
    expect((await sendReview(review('late@example.ru'))).status).toBe(202);
    const token = verifyLink((await mailTo('late@example.ru'))[0]!.text)!;
    const outcome = await submit.verifyPublicPost(payload, token, new Date(Date.now() + 73 * 3_600_000));
    expect(outcome).toMatchObject({ kind: 'expired', message: expect.stringMatching(/Ссылка устарела/) });
    expect((await reviewOf('late@example.ru')).moderationState).toBe('unverified');
    expect((await verify('x'.repeat(43))).status).toBe(404);
  });

  it('refuses a form with a missing consent or an unknown office, with Russian messages per field', async () => {
    const noConsent = await sendReview(review('bad@example.ru', { consent: false }));
    expect(noConsent.status).toBe(400);
    expect(JSON.parse(noConsent.text).issues).toContainEqual({ path: ['consent'], message: expect.stringMatching(/согласия/) });
    const noOffice = await sendReview(review('bad@example.ru', { channel: 'office', office: 'net-takogo-ofisa' }));
    expect(noOffice.status).toBe(400);
    expect(JSON.parse(noOffice.text).issues[0].path).toEqual(['office']);
    expect(await reviewOf('bad@example.ru')).toBeUndefined();
  });

  it('the queue shows the guard\'s findings in a review, oldest first', async () => {
    const doc = await queuedReview('pii@example.ru', { text: 'Всё хорошо, но перезвоните мне по номеру 8 912 345-67-89, пожалуйста.' });
    const items = await queue.moderationQueue(payload);
    const item = items.find((candidate) => candidate.id === doc.id)!;
    expect(item.findings).toEqual([{ kind: 'phone', label: 'номер телефона', text: '8 912 345-67-89' }]);
    expect(item.context).toBe('Оценка 4 из 5 · Телефон (горячая линия)');
    expect(items.map((candidate) => candidate.queuedAt)).toEqual([...items.map((candidate) => candidate.queuedAt)].sort());
  });
});

describe('moderators act', () => {
  it('approve: published state, who and when, an audit entry and a site rebuild requested', async () => {
    const doc = await reviewOf('anna@example.ru');
    const answer = await act(staff.moderator, { slug: 'reviews', id: String(doc.id), action: 'approve' });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toMatch(/^\/admin\/moderation\?done=/);
    const after = await reviewOf('anna@example.ru');
    expect(after.moderationState).toBe('approved');
    expect(after.approvedBy).toBe((staff.moderator as { id: number }).id);
    expect(after.approvedAt).toEqual(expect.any(String));
    const audit = await payload.find({ collection: 'audit-log', where: { and: [{ target: { equals: 'reviews' } }, { documentId: { equals: String(doc.id) } }, { action: { equals: 'approve' } }] }, overrideAccess: true });
    expect(audit.totalDocs).toBe(1);
    expect((audit.docs[0] as unknown as { userEmail: string }).userEmail).toBe('moderator@moderation.example.ru');
    const builds = await payload.find({ collection: 'site-builds', where: { status: { equals: 'queued' } }, overrideAccess: true });
    expect(builds.docs.map((build) => String((build as unknown as { reasons: string }).reasons)).join('\n')).toContain('/otzyvy/');
    // Approving twice is refused, not repeated.
    expect((await act(staff.moderator, { slug: 'reviews', id: String(doc.id), action: 'approve' })).headers.get('location')).toMatch(/\?error=/);
  });

  it('reject: the author gets the reason by e-mail, once', async () => {
    const doc = await queuedReview('boris@example.ru');
    const reason = 'В отзыве нет сведений о нашей работе: пожалуйста, опишите, что произошло.';
    expect((await act(staff.admin, { slug: 'reviews', id: String(doc.id), action: 'reject', reason })).status).toBe(303);
    expect(await reviewOf('boris@example.ru')).toMatchObject({ moderationState: 'rejected', rejectionReason: reason });
    const mail = await mailTo('boris@example.ru');
    expect(mail).toHaveLength(2);
    const letter = mail.find((message) => /не опубликован/.test(message.subject))!;
    expect(letter.text).toContain(`Причина: ${reason}`);
    // A rejection without a reason is refused.
    const other = await queuedReview('vera@example.ru');
    const refused = await act(staff.moderator, { slug: 'reviews', id: String(other.id), action: 'reject', reason: '  ' });
    expect(decodeURIComponent(refused.headers.get('location') ?? '')).toContain('Укажите причину отказа');
    expect((await reviewOf('vera@example.ru')).moderationState).toBe('pending');
  });

  it('redact: the text is replaced, the redaction (who, when, what kind) recorded, and the removed data kept nowhere', async () => {
    const doc = await reviewOf('pii@example.ru');
    const phone = '8 912 345-67-89';
    const text = 'Всё хорошо, но перезвоните мне, пожалуйста.';
    expect((await act(staff.moderator, { slug: 'reviews', id: String(doc.id), action: 'redact', text, note: 'номер телефона' })).status).toBe(303);
    const after = await reviewOf('pii@example.ru');
    expect(after.text).toBe(text);
    expect(after.redactions).toHaveLength(1);
    expect(after.redactions[0]).toMatchObject({ by: (staff.moderator as { id: number }).id, note: 'номер телефона', at: expect.any(String) });
    expect(JSON.stringify(after)).not.toContain(phone);
    const audit = await payload.find({ collection: 'audit-log', where: { documentId: { equals: String(doc.id) } }, overrideAccess: true, limit: 50 });
    expect(audit.docs.some((entry) => (entry as unknown as { action: string }).action === 'redact')).toBe(true);
    expect(JSON.stringify(audit.docs)).not.toContain(phone);
    const versions = await payload.db.find({ collection: 'audit-log', where: {}, limit: 0, pagination: false } as never);
    expect(JSON.stringify(versions)).not.toContain(phone);
  });
});

describe('who may do what', () => {
  it('editors, handlers, managers and anonymous visitors may not moderate (403) and the review stays as it was', async () => {
    const doc = await reviewOf('vera@example.ru');
    for (const who of ['editor', 'handler', 'manager'] as const) {
      expect((await act(staff[who], { slug: 'reviews', id: String(doc.id), action: 'approve' })).status).toBe(403);
    }
    expect((await act(null, { slug: 'reviews', id: String(doc.id), action: 'approve' })).status).toBe(403);
    expect((await reviewOf('vera@example.ru')).moderationState).toBe('pending');
  });

  it('moderators read reviews with the author\'s e-mail; editors and handlers cannot read them at all; anonymous only submits', async () => {
    const asModerator = await payload.find({ collection: 'reviews', user: staff.moderator, overrideAccess: false, depth: 0 } as never);
    expect(asModerator.totalDocs).toBeGreaterThan(0);
    expect((asModerator.docs as unknown as { authorEmail?: string }[]).every((doc) => typeof doc.authorEmail === 'string')).toBe(true);
    for (const who of ['editor', 'handler', 'manager'] as const) {
      await expect(payload.find({ collection: 'reviews', user: staff[who], overrideAccess: false } as never)).rejects.toThrow();
    }
    await expect(payload.find({ collection: 'reviews', user: null, overrideAccess: false } as never)).rejects.toThrow();
    await expect(payload.create({ collection: 'reviews', user: null, overrideAccess: false, data: review('sneak@example.ru') } as never)).rejects.toThrow();
    await expect(payload.create({ collection: 'reviews', user: staff.moderator, overrideAccess: false, data: review('sneak@example.ru') } as never)).rejects.toThrow();
  });

  it('a moderator cannot approve through a field edit in the admin: the state moves only through the pipeline', async () => {
    const doc = await reviewOf('vera@example.ru');
    await payload.update({ collection: 'reviews', id: doc.id, user: staff.moderator, overrideAccess: false, data: { moderationState: 'approved', text: 'Подменённый текст отзыва модератором.' } } as never).catch(() => null);
    expect(await reviewOf('vera@example.ru')).toMatchObject({ moderationState: 'pending', text: review('x').text });
  });

  it('the official reply is written by a moderator and stamped with who and when', async () => {
    const doc = await reviewOf('anna@example.ru');
    await payload.update({ collection: 'reviews', id: doc.id, user: staff.moderator, overrideAccess: false, data: { officialReply: { text: 'Спасибо за отзыв! Передали благодарность сотрудникам горячей линии.' } } } as never);
    const after = await reviewOf('anna@example.ru');
    expect(after.officialReply).toMatchObject({ text: 'Спасибо за отзыв! Передали благодарность сотрудникам горячей линии.', by: (staff.moderator as { id: number }).id, at: expect.any(String) });
    await expect(payload.update({ collection: 'reviews', id: doc.id, user: staff.editor, overrideAccess: false, data: { officialReply: { text: 'Ответ редактора' } } } as never)).rejects.toThrow();
  });
});

describe('the public export', () => {
  it('carries only approved reviews with their official reply, and never an author\'s e-mail or the moderation record', async () => {
    const { buildSiteExport } = await import('../src/endpoints/site-export');
    const exported = await buildSiteExport(payload);
    expect(exported.reviews.map((item) => item.authorName)).toEqual(['Анна К.']);
    expect(exported.reviews[0]).toMatchObject({ rating: 4, channel: 'phone', office: null, redacted: false, officialReply: { text: expect.stringMatching(/^Спасибо за отзыв/) } });
    const text = JSON.stringify(exported);
    for (const address of ['anna@example.ru', 'boris@example.ru', 'vera@example.ru', 'pii@example.ru', 'moderator@moderation.example.ru']) expect(text).not.toContain(address);
    expect(text).not.toMatch(/verificationTokenHash|rejectionReason|consent"|approvedBy/);
  });
});

describe('retention', () => {
  it('deletes posts never verified (a day after the link expired) and rejections older than 30 days; keeps the published', async () => {
    const { purgeModeratedPosts } = await import('../src/moderation/retention');
    // Tomorrow nothing is old enough: the late author's link expired only yesterday at the earliest.
    expect(await purgeModeratedPosts(payload, new Date(Date.now() + 86_400_000))).toBe(0);
    // In 97 hours the unverified reviews (submitted now) are past 72 h + a day; the rejection is 4 days old.
    await purgeModeratedPosts(payload, new Date(Date.now() + 97 * 3_600_000));
    expect(await reviewOf('late@example.ru')).toBeUndefined();
    expect(await reviewOf('boris@example.ru')).toBeDefined();
    await purgeModeratedPosts(payload, new Date(Date.now() + 31 * 86_400_000));
    expect(await reviewOf('boris@example.ru')).toBeUndefined();
    expect((await reviewOf('anna@example.ru')).moderationState).toBe('approved');
    expect((await reviewOf('vera@example.ru')).moderationState).toBe('pending');
  });
});
