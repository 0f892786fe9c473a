import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload, PayloadRequest } from 'payload';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { freePort } from '../../scripts/lib/free-port';
import { createStaff, startTestCms, type TestCms } from './harness';

/**
 * E-mail alerts by settlement (issue 21) through the real endpoints, a real Payload on SQLite with the demo
 * territories, and real SMTP to the mail sink: double opt-in, no duplicates, one-click unsubscribe, consent, the
 * daily cap of confirmation letters, and who may read the subscribers.
 */
let cms: TestCms;
let payload: Payload;
let sink: RunningMailSink;
let mailDir: string;
let endpoints: typeof import('../src/endpoints/alerts');
let outbox: typeof import('../src/appeals/outbox/outbox');

async function mailTo(address: string) {
  // The letters leave through the generic outbox: run the robot's dispatcher until it has nothing left.
  for (let round = 0; round < 20; round++) if ((await outbox.dispatchOutbox(payload)).claimed === 0) break;
  const response = await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as { subject: string; text: string }[];
}

/** Calls an endpoint as Payload does: the web Request with `payload` (and optionally a user) attached. */
async function call(endpoint: { handler: (req: PayloadRequest) => Promise<Response> | Response }, url: string, init: RequestInit & { user?: unknown } = {}) {
  const request = new Request(`http://cms.local${url}`, { ...init, headers: { 'X-Forwarded-For': '198.51.100.7', ...(init.headers as Record<string, string>) } });
  const response = await endpoint.handler(Object.assign(request, { payload, user: init.user ?? null }) as unknown as PayloadRequest);
  return { status: response.status, text: await response.text(), headers: response.headers };
}

const subscribeJson = (body: Record<string, unknown>) => call(endpoints.alertSubscribeEndpoint, '/api/alerts/subscribe', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const form = (email: string, extra: Record<string, unknown> = {}) => ({ email, settlements: ['tikhorechye'], kinds: ['planned', 'emergency'], consent: true, website: '', ...extra });

async function row(email: string) {
  const found = await payload.find({ collection: 'alert-subscriptions', where: { email: { equals: email } }, overrideAccess: true, showHiddenFields: true, depth: 1 });
  return { count: found.totalDocs, doc: found.docs[0] as unknown as Record<string, any> };
}

const confirmLink = (text: string) => /https?:\/\/\S+\/api\/alerts\/confirm\?t=([A-Za-z0-9_-]+)/.exec(text)?.[1];

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-alerts-mail-'));
  const smtpPort = await freePort();
  sink = await startMailSink({ smtpPort, webPort: 0, dir: mailDir });
  cms = await startTestCms({ SEED_DEMO: 'on', SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, SITE_URL: 'https://energo.example.ru' });
  payload = cms.payload;
  endpoints = await import('../src/endpoints/alerts');
  outbox = await import('../src/appeals/outbox/outbox');
}, 240_000);

afterAll(async () => {
  await sink?.close();
  await cms?.close();
  fs.rmSync(mailDir, { recursive: true, force: true });
});

describe('double opt-in', () => {
  it('a subscription starts pending with the consent recorded, and only a confirmation letter is sent', async () => {
    const answer = await subscribeJson(form('ivanova@example.ru', { email: ' Ivanova@Example.RU ' }));
    expect(answer.status).toBe(202);
    const { count, doc } = await row('ivanova@example.ru');
    expect(count).toBe(1);
    expect(doc.state).toBe('pending');
    expect(doc.confirmedAt ?? null).toBeNull();
    // Preferences wait for the confirmation; nothing matches a campaign yet.
    expect(doc.settlements ?? []).toEqual([]);
    expect(doc.consent).toMatchObject({ method: 'form', ip: '198.51.100.7' });
    expect(typeof doc.consent.acceptedAt).toBe('string');
    const mail = await mailTo('ivanova@example.ru');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toMatch(/^Подтвердите подписку/);
    expect(mail[0]!.text).toContain('пгт Тихоречье');
    // The token is not stored: only its SHA-256.
    const token = confirmLink(mail[0]!.text)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(doc)).not.toContain(token);
  });

  it('opening the link only shows a button; posting it makes the subscription active with the chosen settlements', async () => {
    const token = confirmLink((await mailTo('ivanova@example.ru'))[0]!.text)!;
    const shown = await call(endpoints.alertConfirmPageEndpoint, `/api/alerts/confirm?t=${token}`);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('Подтвердить подписку');
    expect((await row('ivanova@example.ru')).doc.state).toBe('pending');

    const confirmed = await call(endpoints.alertConfirmEndpoint, '/api/alerts/confirm', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `t=${token}` });
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toContain('Подписка подтверждена');
    const { doc } = await row('ivanova@example.ru');
    expect(doc.state).toBe('active');
    expect(typeof doc.confirmedAt).toBe('string');
    expect(doc.settlements.map((place: { slug: string }) => place.slug)).toEqual(['tikhorechye']);
    expect(doc.kinds).toEqual(['planned', 'emergency']);
    // The same link does not work twice.
    const again = await call(endpoints.alertConfirmEndpoint, '/api/alerts/confirm', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `t=${token}` });
    expect(again.status).toBe(404);
  });

  it('subscribing again with the same address makes no second row, and the change waits for its own confirmation', async () => {
    await subscribeJson(form('ivanova@example.ru', { settlements: ['ozerki'], kinds: ['tariff'] }));
    const { count, doc } = await row('ivanova@example.ru');
    expect(count).toBe(1);
    expect(doc.state).toBe('active');
    expect(doc.settlements.map((place: { slug: string }) => place.slug)).toEqual(['tikhorechye']);
    const mail = await mailTo('ivanova@example.ru');
    expect(mail).toHaveLength(2);
    // The first letter's link was spent above; the new letter's link carries the change.
    const statuses = [];
    for (const letter of mail) statuses.push((await call(endpoints.alertConfirmEndpoint, `/api/alerts/confirm?t=${confirmLink(letter.text)}`, { method: 'POST' })).status);
    expect(statuses.sort()).toEqual([200, 404]);
    const after = await row('ivanova@example.ru');
    expect(after.doc.settlements.map((place: { slug: string }) => place.slug)).toEqual(['ozerki']);
    expect(after.doc.kinds).toEqual(['tariff']);
  });

  it('the no-JavaScript form (urlencoded, repeated fields, streets as «settlement|street») answers with a page', async () => {
    const body = new URLSearchParams([['email', 'petrov@example.ru'], ['settlements', 'tikhorechye'], ['streets', 'tikhorechye|ул. Лесная'], ['kinds', 'planned'], ['consent', 'on'], ['website', '']]);
    const answer = await call(endpoints.alertSubscribeEndpoint, '/api/alerts/subscribe', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: body.toString() });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    expect(answer.text).toContain('Проверьте почту');
    expect((await row('petrov@example.ru')).doc.requested).toEqual({ settlements: ['tikhorechye'], streets: [{ settlement: 'tikhorechye', street: 'ул. Лесная' }], kinds: ['planned'] });
  });

  it('refuses a request without consent, without settlements, or with a street of another settlement, and stores nothing', async () => {
    const noConsent = await subscribeJson(form('nobody@example.ru', { consent: false }));
    expect(noConsent.status).toBe(400);
    expect(JSON.parse(noConsent.text).fieldErrors.consent).toMatch(/согласия/);
    expect((await subscribeJson(form('nobody@example.ru', { settlements: [] }))).status).toBe(400);
    expect((await subscribeJson(form('nobody@example.ru', { streets: [{ settlement: 'tikhorechye', street: 'пл. Горняков' }] }))).status).toBe(400);
    expect((await row('nobody@example.ru')).count).toBe(0);
    expect(await mailTo('nobody@example.ru')).toHaveLength(0);
  });
});

describe('against subscription bombing', () => {
  it('an address gets at most 3 confirmation letters a day, however many requests name it; each answer looks the same', async () => {
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await subscribeJson(form('victim@example.ru')));
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 202, 202]);
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    expect(await mailTo('victim@example.ru')).toHaveLength(3);
    expect((await row('victim@example.ru')).count).toBe(1);
  });
});

describe('one-click unsubscribe (RFC 8058)', () => {
  it('every letter can carry List-Unsubscribe and List-Unsubscribe-Post; a POST with only the token unsubscribes', async () => {
    const { doc } = await row('ivanova@example.ru');
    const { unsubscribeHeaders } = await import('../src/alerts/unsubscribe-headers');
    const headers = unsubscribeHeaders(doc as { id: number; manageNonce: string });
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const url = /^<(https:\/\/energo\.example\.ru\/api\/alerts\/unsubscribe\?t=[^>]+)>$/.exec(headers['List-Unsubscribe']!)?.[1];
    expect(url).toBeDefined();
    const target = new URL(url!);

    // The GET page only shows a button.
    const shown = await call(endpoints.alertUnsubscribePageEndpoint, `${target.pathname}${target.search}`);
    expect(shown.text).toContain('Отписаться от всех уведомлений');
    expect((await row('ivanova@example.ru')).doc.state).toBe('active');

    // What a mail provider sends: no cookie, no session, the RFC 8058 body.
    const posted = await call(endpoints.alertUnsubscribeEndpoint, `${target.pathname}${target.search}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(posted.status).toBe(200);
    const after = (await row('ivanova@example.ru')).doc;
    expect(after.state).toBe('unsubscribed');
    expect(typeof after.unsubscribedAt).toBe('string');
    // Twice is fine.
    expect((await call(endpoints.alertUnsubscribeEndpoint, `${target.pathname}${target.search}`, { method: 'POST', body: 'List-Unsubscribe=One-Click' })).status).toBe(200);
  });

  it('a forged or altered token unsubscribes nobody', async () => {
    const { doc } = await row('victim@example.ru');
    const forged = `${doc.id}.${'A'.repeat(43)}`;
    const answer = await call(endpoints.alertUnsubscribeEndpoint, `/api/alerts/unsubscribe?t=${forged}`, { method: 'POST', body: 'List-Unsubscribe=One-Click' });
    expect(answer.status).toBe(404);
    expect((await row('victim@example.ru')).doc.state).toBe('pending');
  });
});

describe('addresses that never confirm are forgotten', () => {
  it('a pending request whose link expired is deleted; a confirmed (even unsubscribed) row is kept', async () => {
    await subscribeJson(form('forgotten@example.ru'));
    const { forgetUnconfirmed, CONFIRM_VALID_HOURS } = await import('../src/alerts/subscriptions');
    // Before the link expires nothing is deleted.
    await forgetUnconfirmed(payload, new Date(Date.now() + (CONFIRM_VALID_HOURS - 1) * 3_600_000));
    expect((await row('forgotten@example.ru')).count).toBe(1);
    await forgetUnconfirmed(payload, new Date(Date.now() + (CONFIRM_VALID_HOURS + 1) * 3_600_000));
    expect((await row('forgotten@example.ru')).count).toBe(0);
    // ivanova@ confirmed once and unsubscribed above: kept, so the unsubscription stays on record.
    expect((await row('ivanova@example.ru')).count).toBe(1);
  });
});

describe('who sees the subscribers (personal data)', () => {
  it('managers and admins read them; editors and handlers do not, and editors get counts only', async () => {
    const manager = await createStaff(payload, 'manager@alerts.test', ['manager']);
    const editor = await createStaff(payload, 'editor@alerts.test', ['editor']);
    const handler = await createStaff(payload, 'handler@alerts.test', ['handler']);
    const read = (user: unknown) => payload.find({ collection: 'alert-subscriptions', overrideAccess: false, user: user as never }).then((found) => found.totalDocs, () => 'forbidden');
    expect(await read(manager)).toBeGreaterThan(0);
    expect(await read(editor)).toBe('forbidden');
    expect(await read(handler)).toBe('forbidden');
    // Nobody reads the secrets through the API, not even a manager.
    const seen = (await payload.find({ collection: 'alert-subscriptions', overrideAccess: false, user: manager as never })).docs[0] as unknown as Record<string, unknown>;
    expect(seen.manageNonce).toBeUndefined();
    expect(seen.confirmTokenHash).toBeUndefined();

    const counts = await call(endpoints.alertCountsEndpoint, '/api/alerts/counts', { user: editor });
    expect(counts.status).toBe(200);
    expect(counts.text).not.toContain('@');
    expect(JSON.parse(counts.text).byState).toMatchObject({ unsubscribed: 1 });
    expect((await call(endpoints.alertCountsEndpoint, '/api/alerts/counts', { user: handler })).status).toBe(403);
    expect((await call(endpoints.alertCountsEndpoint, '/api/alerts/counts')).status).toBe(403);
  });
});

describe('outage news name settlements and streets from «Территории»', () => {
  const territory = async (slug: string) => (await payload.find({ collection: 'territories', where: { slug: { equals: slug } }, overrideAccess: true })).docs[0]!.id;
  const outage = (data: Record<string, unknown>) =>
    payload.create({
      collection: 'news',
      overrideAccess: true,
      data: { title: 'Отключение', type: 'planned-outage', date: '2026-12-01', summary: 'Ремонт.', outageState: 'planned', outageStart: '2026-12-09T07:00:00.000Z', _status: 'published', ...data } as never,
    });

  /** The field messages of a refused save (Payload's ValidationError keeps them in `data.errors`). */
  const refusal = (save: Promise<unknown>) =>
    save.then(
      () => 'saved',
      (error: { data?: { errors?: { message: string }[] } }) => (error.data?.errors ?? []).map((row) => row.message).join(' | '),
    );

  it('an outage without a settlement, a state or a start is refused', async () => {
    expect(await refusal(outage({ slug: 'bez-mesta', settlements: [] }))).toContain('Укажите хотя бы один населённый пункт отключения');
    expect(await refusal(outage({ slug: 'bez-nachala', settlements: [await territory('ozerki')], outageStart: null }))).toContain('Укажите начало отключения');
    expect(await refusal(outage({ slug: 'bez-sostoyaniya', settlements: [await territory('ozerki')], outageState: null }))).toContain('Укажите состояние отключения');
  });

  it('a street must be on its settlement\'s list and the settlement among the item\'s', async () => {
    const tikh = await territory('tikhorechye');
    const kamn = await territory('kamnegorsk');
    expect(await refusal(outage({ slug: 'chuzhaya-ulica', settlements: [tikh], streets: [{ settlement: tikh, street: 'ул. Рудная' }] }))).toContain('Улицы «ул. Рудная» нет в списке');
    expect(await refusal(outage({ slug: 'chuzhoj-punkt', settlements: [tikh], streets: [{ settlement: kamn, street: 'ул. Рудная' }] }))).toContain('одному из выбранных населённых пунктов');
    await outage({ slug: 'verno', settlements: [tikh], streets: [{ settlement: tikh, street: 'ул. Речная' }] });
  });

  it('the site export names the settlements by name and slug, the streets by settlement slug, and the times as UTC instants', async () => {
    const { buildSiteExport } = await import('../src/endpoints/site-export');
    const item = (await buildSiteExport(payload)).news.find((news) => news.slug === 'verno')!;
    expect(item).toMatchObject({ settlements: ['пгт Тихоречье'], settlementSlugs: ['tikhorechye'], streets: [{ settlement: 'tikhorechye', street: 'ул. Речная' }], outageState: 'planned', outageStart: '2026-12-09T07:00:00.000Z' });
    const demo = (await buildSiteExport(payload)).news.find((news) => news.slug === 'avariya-berezovyy-log-noyabr')!;
    // content/data/news.yaml: 18 November 2026 from 6:40 Moscow time (UTC+3), restored.
    expect(demo).toMatchObject({ settlementSlugs: ['beryozovyj-log', 'ozerki'], outageState: 'restored', outageStart: '2026-11-18T03:40:00.000Z' });
  });
});
