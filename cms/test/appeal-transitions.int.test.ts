import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint, Payload, PayloadRequest } from 'payload';
import { databaseTargets } from './database-targets';
import { createStaff, startTestCms, type TestCms } from './harness';
import { storeTestAppeal } from './support/appeal-fixture';

interface StoredAppeal {
  id: number | string;
  status: string;
  deadlineDate: string;
  handlerGroup: string | null;
  extensionReason: string | null;
  answer: string | null;
  answeredAt: string | null;
  name: string;
  history: { from: string; to: string; at: string; actor: string; comment?: string }[] | null;
}


describe.each(databaseTargets())('appeal transitions on $name', (target) => {
  let cms: TestCms;
  let payload: Payload;
  let handler: never;
  let admin: never;
  let editor: never;

  beforeAll(async () => {
    cms = await startTestCms({}, target);
    payload = cms.payload;
    handler = await createStaff(payload, 'handler@example-energo.ru', ['handler']);
    admin = await createStaff(payload, 'admin2@example-energo.ru', ['admin']);
    editor = await createStaff(payload, 'editor@example-energo.ru', ['editor']);
  }, 180_000);
  afterAll(async () => {
    await cms?.close();
  });

  /** A freshly registered appeal, as the robot stores it. */
  async function newAppeal(contact: { email?: string; phone?: string } = { email: 'client@example.ru' }) {
    const doc = await storeTestAppeal(payload, { email: contact.email ?? null, phone: contact.phone ?? null, answerChannel: contact.email ? 'email' : 'phone' });
    return doc.id;
  }

  async function stored(id: number | string) {
    return (await payload.findByID({ collection: 'appeals', id, depth: 0, overrideAccess: true })) as unknown as StoredAppeal;
  }

  /** Calls POST /api/appeals/:id/transition as the CMS serves it, with the given logged-in user (or none). */
  async function transition(id: number | string, body: unknown, user: unknown) {
    const endpoint = ((payload.collections.appeals.config.endpoints || []) as Endpoint[]).find(
      (candidate) => candidate.path === '/:id/transition' && candidate.method === 'post',
    );
    expect(endpoint).toBeDefined();
    const request = new Request(`http://cms.local/api/appeals/${id}/transition`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const response = await endpoint!.handler(Object.assign(request, { payload, user, routeParams: { id: String(id) }, context: {} }) as unknown as PayloadRequest);
    return { status: response.status, body: (await response.json()) as { message?: string; appeal?: StoredAppeal; issues?: { path: string; message: string }[] } };
  }

  it('a handler takes an appeal through its whole life; every step is in the history with actor, time and comment', async () => {
    const id = await newAppeal();
    const steps: [Record<string, unknown>, string][] = [
      [{ to: 'routed', group: 'Расчёты физических лиц' }, 'routed'],
      [{ to: 'in-progress' }, 'in-progress'],
      // Within the 8 calendar days an extension may add to the 4 December deadline (000 L406).
      [{ to: 'extended', newDeadline: '2026-12-11', comment: 'Нужна проверка показаний на месте' }, 'extended'],
      [{ to: 'answered', answer: 'Показания можно передать с 15 по 25 число каждого месяца.' }, 'answered'],
      [{ to: 'closed', comment: 'Ответ отправлен' }, 'closed'],
    ];
    for (const [body, expected] of steps) {
      const result = await transition(id, body, handler);
      expect(result.status, JSON.stringify(result.body)).toBe(200);
      expect(result.body.appeal?.status).toBe(expected);
    }
    const appeal = await stored(id);
    expect(appeal.status).toBe('closed');
    expect(appeal.deadlineDate).toBe('2026-12-11');
    expect(appeal.handlerGroup).toBe('Расчёты физических лиц');
    expect(appeal.extensionReason).toBe('Нужна проверка показаний на месте');
    expect(appeal.answer).toContain('с 15 по 25 число');
    expect(appeal.answeredAt).toBeTruthy();
    expect(appeal.history?.map((entry) => `${entry.from}→${entry.to}`)).toEqual([
      'registered→routed',
      'routed→in-progress',
      'in-progress→extended',
      'extended→answered',
      'answered→closed',
    ]);
    expect(appeal.history?.every((entry) => entry.actor === 'handler@example-energo.ru' && !Number.isNaN(Date.parse(entry.at)))).toBe(true);
    expect(appeal.history?.[0]?.comment).toContain('Группа: Расчёты физических лиц');
    expect(appeal.history?.[2]?.comment).toContain('Новый срок: 2026-12-11');
    expect(appeal.history?.[4]?.comment).toBe('Ответ отправлен');

    // Closed is final.
    const after = await transition(id, { to: 'in-progress' }, admin);
    expect(after.status).toBe(409);
    expect(after.body.message).toContain('Обращение закрыто');
  });

  it('an illegal transition is refused with a Russian explanation and changes nothing', async () => {
    const id = await newAppeal();
    const result = await transition(id, { to: 'answered', answer: 'Ответ, который ещё рано давать.' }, handler);
    expect(result.status).toBe(409);
    expect(result.body.message).toContain('Из состояния «Зарегистрировано» нельзя перейти в «Дан ответ»');
    expect(result.body.message).toContain('«Передано исполнителю»');
    const appeal = await stored(id);
    expect(appeal.status).toBe('registered');
    expect(appeal.answer ?? null).toBeNull();
    expect(appeal.history ?? []).toEqual([]);
  });

  it('a request missing what the target state needs is refused (400) with the field named', async () => {
    const id = await newAppeal();
    const noGroup = await transition(id, { to: 'routed' }, handler);
    expect(noGroup.status).toBe(400);
    expect(noGroup.body.issues?.some((issue) => issue.path === 'group')).toBe(true);
    // The message is the group's own, not a generic «choose the next state» (the state was chosen).
    expect(noGroup.body.message).toBe('Выберите группу исполнителей');
    const blankGroup = await transition(id, { to: 'routed', group: '  ' }, handler);
    expect(blankGroup.body).toMatchObject({ message: 'Выберите группу исполнителей', issues: [{ path: 'group', message: 'Выберите группу исполнителей' }] });
    const noAnswerComment = await transition(id, { to: 'not-considered' }, handler);
    expect(noAnswerComment.body.issues?.[0]).toEqual({ path: 'comment', message: 'Укажите, почему обращение не рассматривается' });
    const unknown = await transition(id, { to: 'archived' }, handler);
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/[а-яё]/i);
    const notJson = await transition(id, 'не JSON', handler);
    expect(notJson.status).toBe(400);
    expect(notJson.body.message).toMatch(/[а-яё]/i);
    expect((await stored(id)).status).toBe('registered');
  });

  it('an extension must move the deadline later', async () => {
    const id = await newAppeal();
    await transition(id, { to: 'routed', group: 'Договоры' }, handler);
    await transition(id, { to: 'in-progress' }, handler);
    const earlier = await transition(id, { to: 'extended', newDeadline: '2026-12-01', comment: 'Причина' }, handler);
    expect(earlier.status).toBe(409);
    expect(earlier.body.message).toContain('Новый срок должен быть позже текущего');
    expect((await stored(id)).deadlineDate).toBe('2026-12-04');
  });

  it('"not considered" is only for appeals without contact data', async () => {
    const withContact = await newAppeal();
    const refused = await transition(withContact, { to: 'not-considered', comment: 'Нет обратного адреса' }, handler);
    expect(refused.status).toBe(409);
    const anonymous = await newAppeal({});
    const accepted = await transition(anonymous, { to: 'not-considered', comment: 'Нет обратного адреса' }, handler);
    expect(accepted.status).toBe(200);
    expect((await stored(anonymous)).status).toBe('not-considered');
  });

  it('editors and anonymous visitors may not move appeals; unknown appeals are 404', async () => {
    const id = await newAppeal();
    expect((await transition(id, { to: 'routed', group: 'Договоры' }, editor)).status).toBe(403);
    expect((await transition(id, { to: 'routed', group: 'Договоры' }, null)).status).toBe(403);
    expect((await stored(id)).status).toBe('registered');
    expect((await transition(987654, { to: 'routed', group: 'Договоры' }, handler)).status).toBe(404);
  });

  it('the normal update API cannot change state, deadline, history or answer — not even for an administrator', async () => {
    const id = await newAppeal();
    for (const user of [handler, admin]) {
      await payload.update({
        collection: 'appeals',
        id,
        user,
        overrideAccess: false,
        data: {
          status: 'closed',
          deadlineDate: '2027-06-01',
          history: [{ from: 'registered', to: 'closed', at: new Date().toISOString(), actor: 'someone' }],
          answer: 'Подменённый ответ',
          name: 'Ольга Сергеевна Петрова',
        } as never,
      });
    }
    const appeal = await stored(id);
    expect(appeal.status).toBe('registered');
    expect(appeal.deadlineDate).toBe('2026-12-04');
    expect(appeal.history ?? []).toEqual([]);
    expect(appeal.answer ?? null).toBeNull();
    // The client's data is a record too (every field × role: access-matrix.int.test.ts).
    expect(appeal.name).toBe('Ольга Сергеевна');
  });

  it("a topic's handler group (routing) is visible to staff only, never to anonymous readers", async () => {
    const topic = await payload.create({ collection: 'topics', overrideAccess: true, data: { title: 'Перерасчёт', slug: 'pereraschet-test', handlerGroup: 'Расчёты' } as never });
    const anonymous = (await payload.findByID({ collection: 'topics', id: topic.id, overrideAccess: false, user: null as never })) as { handlerGroup?: string };
    expect(anonymous.handlerGroup).toBeUndefined();
    const staff = (await payload.findByID({ collection: 'topics', id: topic.id, overrideAccess: false, user: handler })) as { handlerGroup?: string };
    expect(staff.handlerGroup).toBe('Расчёты');
  });
});
