import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload, PayloadRequest } from 'payload';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { freePort } from '../../scripts/lib/free-port';
import { createStaff, startTestCms, type TestCms } from './harness';

/**
 * Sending a campaign through the real outbox to the real mail sink, with the clock injected: nothing before the
 * window's start or after its end, letters spaced by the throttle, pause holds them, each recipient gets one letter
 * however often the runner enqueues, and each letter carries the one-click unsubscribe.
 */

type Id = number | string;
type Staff = { id: Id };
let cms: TestCms;
let payload: Payload;
let sink: RunningMailSink;
let mailDir: string;
let editor: Staff;
let manager: Staff;
let runner: typeof import('../src/alerts/campaigns/runner');
let outbox: typeof import('../src/appeals/outbox/outbox');
let letters: typeof import('../src/outbox/letters');

interface SinkMessage {
  id: string;
  to?: unknown;
  subject: string;
  text: string;
  headers?: Record<string, unknown>;
}

async function mailTo(address: string): Promise<SinkMessage[]> {
  return (await (await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent(address)}`)).json()) as SinkMessage[];
}
const raw = async (id: string) => (await fetch(`${sink.webUrl}/messages/${encodeURIComponent(id)}/raw`)).text();

/** Dispatch rounds at `now` until one takes nothing; returns how many letters went. */
async function drain(now: Date): Promise<number> {
  let sent = 0;
  for (let round = 0; round < 50; round++) {
    const result = await outbox.dispatchOutbox(payload, now);
    sent += result.sent;
    if (result.claimed === 0) break;
  }
  return sent;
}

async function transition(id: Id, to: string, user: unknown): Promise<number> {
  const endpoints = (payload.collections['alert-campaigns'].config.endpoints || []) as { path: string; handler: (req: PayloadRequest) => Promise<Response> }[];
  const endpoint = endpoints.find((candidate) => candidate.path === '/:id/transition')!;
  const request = new Request(`http://cms.local/api/alert-campaigns/${id}/transition`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ to }) });
  return (await endpoint.handler(Object.assign(request, { payload, user, routeParams: { id: String(id) }, context: {} }) as unknown as PayloadRequest)).status;
}

async function approvedCampaign(title: string, list: Id, startAt: string, endAt: string, perMinute: number): Promise<Id> {
  const scenario = await payload.create({
    collection: 'alert-scenarios',
    overrideAccess: true,
    data: { title, subject: `Оповещение: ${title}`, body: 'Уважаемые клиенты!\n\nЗавтра с 9:00 до 18:00 плановые работы.' } as never,
  });
  const campaign = await payload.create({
    collection: 'alert-campaigns',
    user: editor as never,
    overrideAccess: false,
    depth: 0,
    data: { title, scenario: scenario.id, list, startAt, endAt, perMinute } as never,
  });
  expect(await transition(campaign.id as Id, 'awaiting-approval', editor)).toBe(200);
  expect(await transition(campaign.id as Id, 'approved', manager)).toBe(200);
  return campaign.id as Id;
}

const deliveries = async (campaign: Id) =>
  (await payload.find({ collection: 'alert-deliveries', where: { campaign: { equals: campaign } }, sort: 'id', overrideAccess: true, pagination: false, depth: 0 })).docs as unknown as {
    email: string;
    state: string;
    plannedAt?: string;
  }[];
const stateOf = async (id: Id) => ((await payload.findByID({ collection: 'alert-campaigns', id, overrideAccess: true, depth: 0 })) as unknown as { state: string }).state;

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-campaign-mail-'));
  const smtpPort = await freePort();
  sink = await startMailSink({ smtpPort, webPort: 0, dir: mailDir });
  cms = await startTestCms({ SEED_DEMO: 'off', SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, SITE_URL: 'https://energo.example' });
  payload = cms.payload;
  runner = await import('../src/alerts/campaigns/runner');
  outbox = await import('../src/appeals/outbox/outbox');
  letters = await import('../src/outbox/letters');
  editor = (await createStaff(payload, 'editor@example-energo.ru', ['editor'])) as unknown as Staff;
  manager = (await createStaff(payload, 'manager@example-energo.ru', ['manager'])) as unknown as Staff;
}, 240_000);

afterAll(async () => {
  await sink?.close();
  await cms?.close();
  fs.rmSync(mailDir, { recursive: true, force: true });
});

describe('the send window and the throttle', () => {
  it('nothing before the start; 120 a minute go 500 ms apart; what does not fit before the end is recorded as not sent', async () => {
    const addresses = ['w1', 'w2', 'w3', 'w4', 'w5'].map((name) => `${name}-${randomBytes(3).toString('hex')}@example.ru`);
    const list = await payload.create({
      collection: 'alert-lists',
      user: manager as never,
      overrideAccess: false,
      data: { title: 'Окно', type: 'imported', voluntary: true, csv: addresses.join('\n') } as never,
    });
    // Window 09:00:00–09:00:02 MSK; 120 a minute = one per 500 ms: slots at +0, +0.5, +1.0, +1.5 s; +2.0 s is the end.
    const start = '2026-12-08T06:00:00.000Z';
    const id = await approvedCampaign('Окно и скорость', list.id as Id, start, '2026-12-08T06:00:02.000Z', 120);

    await runner.runCampaigns(payload, new Date('2026-12-08T05:00:00.000Z'));
    expect(await stateOf(id)).toBe('approved');
    expect((await deliveries(id)).map((row) => row.state)).toEqual(['planned', 'planned', 'planned', 'planned', 'planned']);
    expect(await drain(new Date('2026-12-08T05:59:59.999Z'))).toBe(0);

    await runner.runCampaigns(payload, new Date(start));
    expect(await stateOf(id)).toBe('running');
    const rows = await deliveries(id);
    expect(rows.map((row) => [row.state, row.plannedAt ?? null])).toEqual([
      ['queued', '2026-12-08T06:00:00.000Z'],
      ['queued', '2026-12-08T06:00:00.500Z'],
      ['queued', '2026-12-08T06:00:01.000Z'],
      ['queued', '2026-12-08T06:00:01.500Z'],
      ['planned', null],
    ]);
    // At 09:00:01.000 the first three are due, not the fourth.
    expect(await drain(new Date('2026-12-08T06:00:01.000Z'))).toBe(3);
    expect(await drain(new Date('2026-12-08T06:00:01.999Z'))).toBe(1);

    await runner.runCampaigns(payload, new Date('2026-12-08T06:00:02.000Z'));
    expect(await stateOf(id)).toBe('finished');
    expect((await deliveries(id)).map((row) => row.state)).toEqual(['sent', 'sent', 'sent', 'sent', 'not-sent']);
    expect(await drain(new Date('2026-12-08T07:00:00.000Z'))).toBe(0);
    for (const [i, address] of addresses.entries()) expect((await mailTo(address)).length, address).toBe(i < 4 ? 1 : 0);
  });
});

describe('pause, duplicates and unsubscribe links', () => {
  let territory: Id;
  const subscribers: string[] = [];

  beforeAll(async () => {
    territory = (await payload.create({ collection: 'territories', overrideAccess: true, data: { name: 'г. Пауза', slug: 'pauza' } as never })).id as Id;
    for (let i = 0; i < 6; i++) {
      const email = `p${i}-${randomBytes(3).toString('hex')}@example.ru`;
      subscribers.push(email);
      await payload.create({
        collection: 'alert-subscriptions',
        overrideAccess: true,
        data: { email, settlements: [territory], kinds: ['planned'], state: 'active', manageNonce: randomBytes(16).toString('hex'), confirmedAt: '2026-12-01T10:00:00.000Z' } as never,
      });
    }
  });

  it('a paused campaign sends nothing; resumed, every subscriber gets exactly one letter with a one-click unsubscribe', async () => {
    const list = await payload.create({ collection: 'alert-lists', overrideAccess: true, data: { title: 'Пауза', type: 'subscribers', settlements: [territory], kinds: ['planned'] } as never });
    const start = new Date('2026-12-09T06:00:00.000Z');
    const id = await approvedCampaign('Пауза', list.id as Id, start.toISOString(), '2026-12-09T15:00:00.000Z', 600);
    await runner.runCampaigns(payload, start);
    expect((await deliveries(id)).every((row) => row.state === 'queued')).toBe(true);

    expect(await transition(id, 'paused', editor)).toBe(200);
    expect(await drain(new Date('2026-12-09T06:10:00.000Z'))).toBe(0);
    expect(await letters.countLetters(payload, `campaign:${id}`)).toMatchObject({ pending: 0, held: 6, sent: 0 });

    // An editor may not resume; a manager may.
    expect(await transition(id, 'running', editor)).toBe(403);
    expect(await transition(id, 'running', manager)).toBe(200);
    expect(await drain(new Date('2026-12-09T06:11:00.000Z'))).toBe(6);

    // The runner again, and again after a «crash» that lost the rows' queued marks: the outbox keys refuse a second letter.
    await payload.update({ collection: 'alert-deliveries', where: { campaign: { equals: id } }, data: { state: 'planned' } as never, overrideAccess: true });
    await runner.runCampaigns(payload, new Date('2026-12-09T06:12:00.000Z'));
    await runner.runCampaigns(payload, new Date('2026-12-09T06:12:01.000Z'));
    expect(await drain(new Date('2026-12-09T06:13:00.000Z'))).toBe(0);
    expect(await stateOf(id)).toBe('finished');
    expect((await deliveries(id)).map((row) => row.state)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent', 'sent']);

    for (const address of subscribers) {
      const got = await mailTo(address);
      expect(got.length, address).toBe(1);
      const source = await raw((got[0] as SinkMessage).id);
      expect(source).toMatch(/List-Unsubscribe:\s+<https:\/\/energo\.example\/api\/alerts\/unsubscribe\?t=[^>]+>/);
      expect(source).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      expect((got[0] as SinkMessage).text).toMatch(/Отписаться: https:\/\/energo\.example\/api\/alerts\/unsubscribe\?t=/);
    }
  });
});

describe('one-click unsubscribe for imported lists', () => {
  it('an imported address’s letter carries its own one-click link; after the POST no later campaign writes to it, the others still get theirs', async () => {
    const endpoints = await import('../src/endpoints/alerts');
    const call = async (endpoint: { handler: (req: PayloadRequest) => Promise<Response> | Response }, url: string, init: RequestInit = {}) => {
      const request = new Request(`http://cms.local${url}`, init);
      const response = await endpoint.handler(Object.assign(request, { payload, user: null }) as unknown as PayloadRequest);
      return { status: response.status, text: await response.text() };
    };
    const leaving = `imp-leaving-${randomBytes(3).toString('hex')}@example.ru`;
    const staying = `imp-staying-${randomBytes(3).toString('hex')}@example.ru`;
    const list = await payload.create({
      collection: 'alert-lists',
      user: manager as never,
      overrideAccess: false,
      data: { title: 'Импорт с отпиской', type: 'imported', voluntary: true, csv: `${leaving}\n${staying}` } as never,
    });
    const first = await approvedCampaign('Импорт: первая', list.id as Id, '2026-12-10T06:00:00.000Z', '2026-12-10T15:00:00.000Z', 600);
    await runner.runCampaigns(payload, new Date('2026-12-10T06:00:00.000Z'));
    await runner.runCampaigns(payload, new Date('2026-12-10T06:00:01.000Z'));
    await drain(new Date('2026-12-10T06:01:00.000Z'));

    const got = await mailTo(leaving);
    expect(got).toHaveLength(1);
    const source = await raw((got[0] as SinkMessage).id);
    const url = /^List-Unsubscribe:\s+<(https:\/\/energo\.example\/api\/alerts\/unsubscribe\?t=[^>]+)>\s*$/m.exec(source)?.[1];
    expect(url).toBeTruthy();
    expect(source).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\s*$/m);
    expect((got[0] as SinkMessage).text).toContain(`Отписаться: ${url}`);
    // The link names no address.
    expect(url).not.toContain('imp-leaving');
    const other = await raw(((await mailTo(staying))[0] as SinkMessage).id);
    expect(/^List-Unsubscribe:\s+<([^>]+)>/m.exec(other)?.[1]).not.toBe(url);

    const target = new URL(url!);
    // A GET (a mail scanner following the link) changes nothing; a forged token is refused.
    expect((await call(endpoints.alertUnsubscribePageEndpoint, `${target.pathname}${target.search}`)).status).toBe(200);
    const forged = target.searchParams.get('t')!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await call(endpoints.alertUnsubscribeEndpoint, `/api/alerts/unsubscribe?t=${encodeURIComponent(forged)}`, { method: 'POST', body: 'List-Unsubscribe=One-Click' })).status).toBe(404);
    const second = await approvedCampaign('Импорт: вторая', list.id as Id, '2026-12-11T06:00:00.000Z', '2026-12-11T15:00:00.000Z', 600);
    await runner.runCampaigns(payload, new Date('2026-12-10T07:00:00.000Z'));
    // RFC 8058 one-click: a POST with only that body, no cookie.
    const posted = await call(endpoints.alertUnsubscribeEndpoint, `${target.pathname}${target.search}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(posted.status).toBe(200);
    expect(posted.text).toContain('Вы отписаны');

    // The second campaign was prepared before the click: its letter to that address is skipped, not sent.
    await runner.runCampaigns(payload, new Date('2026-12-11T06:00:00.000Z'));
    await runner.runCampaigns(payload, new Date('2026-12-11T06:00:01.000Z'));
    await drain(new Date('2026-12-11T06:01:00.000Z'));
    // A third, prepared after it, does not list the address at all.
    const third = await approvedCampaign('Импорт: третья', list.id as Id, '2026-12-12T06:00:00.000Z', '2026-12-12T15:00:00.000Z', 600);
    await runner.runCampaigns(payload, new Date('2026-12-12T06:00:00.000Z'));
    await runner.runCampaigns(payload, new Date('2026-12-12T06:00:01.000Z'));
    await drain(new Date('2026-12-12T06:01:00.000Z'));

    expect(await mailTo(leaving)).toHaveLength(1);
    expect(await mailTo(staying)).toHaveLength(3);
    expect((await deliveries(second)).map((row) => [row.email, row.state])).toEqual([
      [leaving, 'skipped'],
      [staying, 'sent'],
    ]);
    expect((await deliveries(third)).map((row) => row.email)).toEqual([staying]);
    expect((await deliveries(first)).map((row) => row.state)).toEqual(['sent', 'sent']);
  });
});
