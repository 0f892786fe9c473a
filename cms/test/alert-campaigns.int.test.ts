import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload, PayloadRequest } from 'payload';
import { createStaff, startTestCms, type TestCms } from './harness';

/**
 * Campaigns (issue 21, standards 001 §9.1.6): editors compose, managers approve (not their own), handlers have no
 * part; recipients are the confirmed subscribers of the list's territories and kinds, each at most once per campaign;
 * imported lists only of addresses given voluntarily, each bad line named; an outage published with «Оповестить
 * подписчиков» starts one campaign.
 */

type Id = number | string;
type Staff = { id: Id; email: string; roles: string[] };
let cms: TestCms;
let payload: Payload;
let editor: Staff;
let manager: Staff;
let manager2: Staff;
let handler: Staff;
let admin: Staff;
let north: Id;
let south: Id;
let scenarioId: Id;
let listId: Id;
const subscriberIds = new Map<string, Id>();

const START = '2026-12-08T06:00:00.000Z'; // 09:00 MSK
const END = '2026-12-08T15:00:00.000Z'; // 18:00 MSK

async function subscribe(email: string, settlements: Id[], kinds: string[], state: 'active' | 'pending' | 'unsubscribed') {
  const doc = await payload.create({
    collection: 'alert-subscriptions',
    overrideAccess: true,
    depth: 0,
    data: { email, settlements, kinds, state, manageNonce: randomBytes(16).toString('hex'), confirmedAt: state === 'pending' ? null : '2026-12-01T10:00:00.000Z' } as never,
  });
  subscriberIds.set(email, doc.id as Id);
}

/** POST /api/alert-campaigns/:id/transition as `user`. */
async function transition(id: Id, to: string, user: unknown): Promise<{ status: number; message: string }> {
  const endpoints = (payload.collections['alert-campaigns'].config.endpoints || []) as { path: string; method: string; handler: (req: PayloadRequest) => Promise<Response> }[];
  const endpoint = endpoints.find((candidate) => candidate.path === '/:id/transition')!;
  const request = new Request(`http://cms.local/api/alert-campaigns/${id}/transition`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ to }) });
  const response = await endpoint.handler(Object.assign(request, { payload, user, routeParams: { id: String(id) }, context: {} }) as unknown as PayloadRequest);
  return { status: response.status, message: ((await response.json()) as { message: string }).message };
}

async function composeCampaign(author: Staff, title: string, list: Id = listId): Promise<Id> {
  const doc = await payload.create({
    collection: 'alert-campaigns',
    user: author as never,
    overrideAccess: false,
    depth: 0,
    data: { title, scenario: scenarioId, list, startAt: START, endAt: END, perMinute: 600 } as never,
  });
  return doc.id as Id;
}

const stateOf = async (id: Id) => ((await payload.findByID({ collection: 'alert-campaigns', id, overrideAccess: true, depth: 0 })) as unknown as { state: string }).state;

beforeAll(async () => {
  cms = await startTestCms();
  payload = cms.payload;
  editor = (await createStaff(payload, 'editor@example-energo.ru', ['editor'])) as unknown as Staff;
  manager = (await createStaff(payload, 'manager@example-energo.ru', ['manager'])) as unknown as Staff;
  manager2 = (await createStaff(payload, 'manager2@example-energo.ru', ['manager'])) as unknown as Staff;
  handler = (await createStaff(payload, 'handler@example-energo.ru', ['handler'])) as unknown as Staff;
  admin = (await createStaff(payload, 'admin2@example-energo.ru', ['admin'])) as unknown as Staff;
  north = (await payload.create({ collection: 'territories', overrideAccess: true, data: { name: 'г. Северск', slug: 'seversk' } as never })).id as Id;
  south = (await payload.create({ collection: 'territories', overrideAccess: true, data: { name: 'пос. Южный', slug: 'yuzhnyj' } as never })).id as Id;
  await subscribe('north-planned@example.ru', [north], ['planned'], 'active');
  await subscribe('both-all@example.ru', [north, south], ['planned', 'emergency'], 'active');
  await subscribe('south-planned@example.ru', [south], ['planned'], 'active');
  await subscribe('north-tariff@example.ru', [north], ['tariff'], 'active');
  await subscribe('north-pending@example.ru', [north], ['planned'], 'pending');
  await subscribe('north-left@example.ru', [north], ['planned'], 'unsubscribed');
  scenarioId = (
    await payload.create({
      collection: 'alert-scenarios',
      user: editor as never,
      overrideAccess: false,
      data: { title: 'Плановое отключение', subject: 'Плановое отключение электроэнергии', body: 'Уважаемые клиенты!\n\n8 декабря с 9:00 до 18:00 плановые работы.' } as never,
    })
  ).id as Id;
  listId = (
    await payload.create({
      collection: 'alert-lists',
      user: editor as never,
      overrideAccess: false,
      data: { title: 'Северск: плановые', type: 'subscribers', settlements: [north], kinds: ['planned'] } as never,
    })
  ).id as Id;
}, 120_000);

afterAll(async () => {
  await cms?.close();
});

describe('approval (editor composes, manager approves, handler none)', () => {
  it('an editor submits; neither the editor nor a handler approves; a manager approves a colleague’s campaign', async () => {
    const id = await composeCampaign(editor, 'Северск, 8 декабря');
    expect(await transition(id, 'awaiting-approval', editor)).toEqual({ status: 200, message: 'На утверждении' });
    expect((await transition(id, 'approved', editor)).status).toBe(403);
    expect((await transition(id, 'approved', handler)).status).toBe(403);
    expect(await stateOf(id)).toBe('awaiting-approval');
    expect(await transition(id, 'approved', manager)).toEqual({ status: 200, message: 'Утверждена' });
    const doc = (await payload.findByID({ collection: 'alert-campaigns', id, overrideAccess: true, depth: 0 })) as unknown as { approvedBy: Id; author: Id };
    expect(String(doc.approvedBy)).toBe(String(manager.id));
    expect(String(doc.author)).toBe(String(editor.id));
  });

  it('a manager cannot approve their own campaign; another manager can', async () => {
    const id = await composeCampaign(manager, 'Свой черновик руководителя');
    await transition(id, 'awaiting-approval', manager);
    const own = await transition(id, 'approved', manager);
    expect(own.status).toBe(403);
    expect(own.message).toMatch(/другой руководитель или администратор/);
    expect((await transition(id, 'approved', manager2)).status).toBe(200);
  });

  it('nobody starts a campaign by hand, and an approved campaign’s content no longer changes', async () => {
    const id = await composeCampaign(editor, 'Нельзя запустить руками');
    await transition(id, 'awaiting-approval', editor);
    await transition(id, 'approved', admin);
    expect((await transition(id, 'running', admin)).status).toBe(403);
    await expect(
      payload.update({ collection: 'alert-campaigns', id, user: editor as never, overrideAccess: false, data: { title: 'Другое название' } as never }),
    ).rejects.toThrow(/пока она черновик/);
  });

  it('the admin shows a draft’s content editable and a submitted, approved or running campaign’s content read-only', async () => {
    const { docAccessOperation, createLocalReq } = await import('payload');
    const contentFields = ['title', 'scenario', 'list', 'startAt', 'endAt', 'perMinute'];
    const editable = async (id: Id, user: Staff) => {
      const req = await createLocalReq({ user: { ...user, collection: 'users' } as never }, payload);
      const permissions = await docAccessOperation({ collection: payload.collections['alert-campaigns'], id, req });
      // Sanitized permissions: `true` for a field the user may do everything with, else the allowed operations.
      const fields = permissions.fields as Record<string, true | { update?: boolean }>;
      return contentFields.filter((name) => fields[name] === true || (fields[name] as { update?: boolean } | undefined)?.update === true);
    };
    const id = await composeCampaign(editor, 'Только чтение после утверждения');
    expect(await editable(id, editor)).toEqual(contentFields);
    await transition(id, 'awaiting-approval', editor);
    expect(await editable(id, editor)).toEqual([]);
    await transition(id, 'approved', manager);
    expect(await editable(id, manager)).toEqual([]);
    await payload.update({ collection: 'alert-campaigns', id, overrideAccess: true, context: { campaignServer: true }, data: { state: 'running' } as never });
    expect(await editable(id, admin)).toEqual([]);
  });

  it('an editor sees confirmed subscribers per settlement and kind, numbers only', async () => {
    const { alertCountsEndpoint } = await import('../src/endpoints/alerts');
    const request = new Request('http://cms.local/api/alerts/counts');
    const response = await alertCountsEndpoint.handler(Object.assign(request, { payload, user: editor }) as unknown as PayloadRequest);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain('@');
    const table = (JSON.parse(text) as { table: { slug: string; total: number; byKind: Record<string, number> }[] }).table;
    // Северск: north-planned (planned), both-all (planned, emergency), north-tariff (tariff); the pending and the
    // unsubscribed one do not count. Южный: both-all (planned, emergency), south-planned (planned).
    expect(table.find((row) => row.slug === 'seversk')).toMatchObject({ total: 3, byKind: { planned: 2, emergency: 1, tariff: 1, news: 0 } });
    expect(table.find((row) => row.slug === 'yuzhnyj')).toMatchObject({ total: 2, byKind: { planned: 2, emergency: 1, tariff: 0, news: 0 } });
  });

  it('a handler can neither compose nor read campaigns; an editor reads no recipient’s address', async () => {
    await expect(
      payload.create({ collection: 'alert-scenarios', user: handler as never, overrideAccess: false, data: { title: 'x', subject: 'x', body: 'x' } as never }),
    ).rejects.toThrow();
    await expect(payload.find({ collection: 'alert-campaigns', user: handler as never, overrideAccess: false })).rejects.toThrow();
    await expect(payload.find({ collection: 'alert-deliveries', user: editor as never, overrideAccess: false })).rejects.toThrow();
    await expect(payload.find({ collection: 'alert-deliveries', user: manager as never, overrideAccess: false })).resolves.toBeDefined();
  });
});

describe('recipients', () => {
  it('the list’s territory and kind: confirmed subscribers only, each once', async () => {
    const { prepareDeliveries } = await import('../src/alerts/campaigns/runner');
    const id = await composeCampaign(editor, 'Подбор получателей');
    const campaign = (await payload.findByID({ collection: 'alert-campaigns', id, overrideAccess: true, depth: 0 })) as never;
    // Twice at once (two instances, or a restart during preparation), then once more.
    await Promise.all([prepareDeliveries(payload, campaign), prepareDeliveries(payload, campaign)]);
    await prepareDeliveries(payload, campaign);
    const rows = await payload.find({ collection: 'alert-deliveries', where: { campaign: { equals: id } }, overrideAccess: true, pagination: false, depth: 0 });
    // Северск + плановые: north-planned and both-all; not south-planned (territory), north-tariff (kind),
    // north-pending (not confirmed) or north-left (unsubscribed).
    expect(rows.docs.map((row) => (row as unknown as { email: string }).email).sort()).toEqual(['both-all@example.ru', 'north-planned@example.ru']);
  });

  it('a second delivery row for the same recipient and campaign is refused by the database', async () => {
    const row = (await payload.find({ collection: 'alert-deliveries', overrideAccess: true, limit: 1, depth: 0 })).docs[0] as unknown as { key: string; campaign: Id; email: string };
    await expect(
      payload.create({ collection: 'alert-deliveries', overrideAccess: true, data: { key: row.key, campaign: row.campaign, email: row.email, state: 'planned' } as never }),
    ).rejects.toThrow();
  });

  it('an outage published with «Оповестить подписчиков» starts one campaign to its territory’s subscribers of that kind', async () => {
    const data = {
      title: 'Плановое отключение в пос. Южный',
      slug: 'otklyuchenie-yuzhnyj',
      type: 'planned-outage',
      date: '2026-12-07',
      summary: '9 декабря с 10:00 до 14:00.',
      settlements: [south],
      outageState: 'planned',
      outageStart: '2026-12-09T07:00:00.000Z',
      outageEnd: '2099-12-09T11:00:00.000Z',
      notifySubscribers: true,
      _status: 'published',
    };
    const news = await payload.create({ collection: 'news', overrideAccess: true, depth: 0, data: data as never });
    await payload.update({ collection: 'news', id: news.id, overrideAccess: true, depth: 0, data: { summary: '9 декабря с 10:00 до 15:00.' } as never });
    const campaigns = await payload.find({ collection: 'alert-campaigns', where: { news: { equals: news.id } }, overrideAccess: true, depth: 0 });
    expect(campaigns.docs).toHaveLength(1);
    const campaign = campaigns.docs[0] as unknown as { state: string; endAt: string; source: string };
    expect(campaign).toMatchObject({ state: 'running', source: 'news', endAt: '2099-12-09T11:00:00.000Z' });
    const { prepareDeliveries } = await import('../src/alerts/campaigns/runner');
    await prepareDeliveries(payload, campaign as never);
    const rows = await payload.find({ collection: 'alert-deliveries', where: { campaign: { equals: (campaign as unknown as { id: Id }).id } }, overrideAccess: true, pagination: false, depth: 0 });
    expect(rows.docs.map((row) => (row as unknown as { email: string }).email).sort()).toEqual(['both-all@example.ru', 'south-planned@example.ru']);
  });
});

describe('matching by street', () => {
  it('an outage on one street reaches that street’s subscribers and those of the whole settlement, not another street’s; one on the whole settlement reaches all', async () => {
    const town = (
      await payload.create({ collection: 'territories', overrideAccess: true, data: { name: 'г. Улицынск', slug: 'ulitsynsk', streets: [{ text: 'ул. Ленина' }, { text: 'ул. Садовая' }, { text: 'пр. Мира' }] } as never })
    ).id as Id;
    const subscriber = async (email: string, streets: string[]) =>
      payload.create({
        collection: 'alert-subscriptions',
        overrideAccess: true,
        depth: 0,
        data: { email, settlements: [town], streets: streets.map((street) => ({ settlement: town, street })), kinds: ['planned'], state: 'active', manageNonce: randomBytes(16).toString('hex'), confirmedAt: '2026-12-01T10:00:00.000Z' } as never,
      });
    await subscriber('street-lenina@example.ru', ['ул. Ленина']);
    await subscriber('street-sadovaya@example.ru', ['ул. Садовая']);
    await subscriber('street-mira-lenina@example.ru', ['пр. Мира', 'ул. Ленина']);
    await subscriber('street-whole@example.ru', []);
    const { prepareDeliveries } = await import('../src/alerts/campaigns/runner');
    const publish = async (slug: string, streets: string[]) => {
      const news = await payload.create({
        collection: 'news',
        overrideAccess: true,
        depth: 0,
        data: {
          title: `Отключение ${slug}`,
          slug,
          type: 'planned-outage',
          date: '2026-12-07',
          summary: '10 декабря с 10:00 до 14:00.',
          settlements: [town],
          streets: streets.map((street) => ({ settlement: town, street })),
          outageState: 'planned',
          outageStart: '2026-12-10T07:00:00.000Z',
          outageEnd: '2099-12-10T11:00:00.000Z',
          notifySubscribers: true,
          _status: 'published',
        } as never,
      });
      const campaign = (await payload.find({ collection: 'alert-campaigns', where: { news: { equals: news.id } }, overrideAccess: true, depth: 0 })).docs[0] as never;
      await prepareDeliveries(payload, campaign);
      const rows = await payload.find({ collection: 'alert-deliveries', where: { campaign: { equals: (campaign as { id: Id }).id } }, overrideAccess: true, pagination: false, depth: 0 });
      return rows.docs.map((row) => (row as unknown as { email: string }).email).sort();
    };
    // On ул. Ленина: its two subscribers and the one of the whole town; not ул. Садовая's.
    expect(await publish('otklyuchenie-lenina', ['ул. Ленина'])).toEqual(['street-lenina@example.ru', 'street-mira-lenina@example.ru', 'street-whole@example.ru']);
    // On the whole town (no street named): everybody of the town.
    expect(await publish('otklyuchenie-ulitsynsk', [])).toEqual(['street-lenina@example.ru', 'street-mira-lenina@example.ru', 'street-sadovaya@example.ru', 'street-whole@example.ru']);
  });
});

describe('imported lists', () => {
  const csv = ['email;имя', 'Anna@Example.ru;Анна', 'не-адрес', 'anna@example.ru', 'boris@example.ru'].join('\n');

  it('a manager’s import names each bad line and stores nothing until the file is clean', async () => {
    await expect(
      payload.create({ collection: 'alert-lists', user: manager as never, overrideAccess: false, data: { title: 'Из файла', type: 'imported', voluntary: true, csv } as never }),
    ).rejects.toThrow(/Строка 3: «не-адрес» — не адрес электронной почты/);
    const list = await payload.create({
      collection: 'alert-lists',
      user: manager as never,
      overrideAccess: false,
      depth: 0,
      data: { title: 'Из файла', type: 'imported', voluntary: true, csv: csv.replace('не-адрес\n', '') } as never,
    });
    expect(list).toMatchObject({ addressCount: 2, addresses: 'anna@example.ru\nboris@example.ru', importNote: 'Загружено адресов: 2; повторов убрано: 1.' });
  });

  it('a list of 20,000 addresses is imported whole (more than Payload’s default 40,000 characters of text)', async () => {
    const addresses = Array.from({ length: 20_000 }, (_, i) => `client.number.${i}@example-energo.ru`);
    const list = await payload.create({
      collection: 'alert-lists',
      user: manager as never,
      overrideAccess: false,
      depth: 0,
      data: { title: 'Большой список', type: 'imported', voluntary: true, csv: addresses.join('\n') } as never,
    });
    expect((list as unknown as { addressCount: number }).addressCount).toBe(20_000);
  });

  it('without the mark that clients gave the addresses themselves nothing is imported; an editor cannot import', async () => {
    await expect(
      payload.create({ collection: 'alert-lists', user: manager as never, overrideAccess: false, data: { title: 'Без отметки', type: 'imported', csv: 'a@example.ru' } as never }),
    ).rejects.toThrow(/сами дали/);
    await expect(
      payload.create({ collection: 'alert-lists', user: editor as never, overrideAccess: false, data: { title: 'Редактор', type: 'imported', voluntary: true, csv: 'a@example.ru' } as never }),
    ).rejects.toThrow(/сами дали/);
  });
});
