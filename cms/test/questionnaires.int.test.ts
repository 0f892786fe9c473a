import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { createStaff, startTestCms, type TestCms } from './harness';
import { restApi } from './support/rest';

/**
 * Questionnaires (issue 22) through the CMS's REST API as `next start` serves it, on a real SQLite database: editors
 * build and publish them (the branching checked with Russian messages), anonymous visitors only get a token and
 * answer once per token, managers and administrators read the results (counts, NPS, CSV), handlers and editors don't,
 * and nobody reads the raw answer sheets but administrators.
 */

const CMS = 'http://127.0.0.1:3001';
const PASSWORD = 'staff-password-1234';
let cms: TestCms;
let payload: Payload;
let rest: (request: Request) => Promise<Response>;
const cookies = new Map<string, string>();

async function login(email: string): Promise<string> {
  const response = await rest(new Request(`${CMS}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: CMS }, body: JSON.stringify({ email, password: PASSWORD }) }));
  expect(response.status, `login of ${email}`).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

function call(method: string, path: string, body?: unknown, who?: string, headers: Record<string, string> = {}): Promise<Response> {
  const cookie = who ? cookies.get(who) : undefined;
  return rest(
    new Request(`${CMS}/api${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), Origin: CMS, ...(cookie ? { Cookie: cookie } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    }),
  );
}

/** The survey of the journey: office visit → (if «Да») services → NPS → comment. */
const QUESTIONS = [
  { text: 'Вы были в нашем офисе в этом квартале?', kind: 'single', required: true, options: [{ label: 'Да' }, { label: 'Нет' }] },
  { text: 'Что вы оформляли?', kind: 'multiple', required: true, options: [{ label: 'Оплата' }, { label: 'Договор' }], showIfQuestion: 1, showIfAnswer: 'Да' },
  { text: 'Насколько вероятно, что вы порекомендуете нас знакомым?', kind: 'nps', required: true },
  { text: 'Что нам улучшить?', kind: 'text', required: false },
];

let questionnaireId: string;
let questionIds: string[];

async function token(slug = 'kachestvo-2026'): Promise<string> {
  const response = await call('POST', '/forms/questionnaire-token', { questionnaire: slug });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

const sheet = (answers: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  questionnaire: 'kachestvo-2026',
  answers: Object.fromEntries(Object.entries(answers).map(([number, value]) => [questionIds[Number(number) - 1], value])),
  ...extra,
});

beforeAll(async () => {
  cms = await startTestCms();
  payload = cms.payload;
  rest = restApi(cms, CMS);
  for (const role of ['editor', 'manager', 'handler', 'admin'] as const) {
    await createStaff(payload, `${role}@anketa.example.ru`, [role]);
    cookies.set(role, await login(`${role}@anketa.example.ru`));
  }
}, 180_000);
afterAll(async () => {
  await cms?.close();
});

describe('editors build questionnaires', () => {
  it('an editor creates and publishes one; a handler and a manager may not', async () => {
    const data = { title: 'Качество обслуживания 2026', slug: 'kachestvo-2026', intro: 'Пять минут.', from: '2026-01-01', to: '2099-12-31', homeBanner: true, questions: QUESTIONS, _status: 'published' };
    expect((await call('POST', '/questionnaires', { ...data, slug: 'handler-try' }, 'handler')).status).toBe(403);
    expect((await call('POST', '/questionnaires', { ...data, slug: 'manager-try' }, 'manager')).status).toBe(403);
    expect((await call('POST', '/questionnaires', { ...data, slug: 'anonymous-try' })).status).toBe(403);
    const created = await call('POST', '/questionnaires', data, 'editor');
    expect(created.status).toBe(201);
    const doc = ((await created.json()) as { doc: { id: number; questions: { id: string }[] } }).doc;
    questionnaireId = String(doc.id);
    questionIds = doc.questions.map((question) => question.id);
    expect(questionIds).toHaveLength(4);
  });

  it('refuses a «показывать, если» on a later question, and a condition without its answer, in Russian', async () => {
    const forward = [
      { text: 'Оцените офис', kind: 'scale5', showIfQuestion: 2, showIfAnswer: 'Да' },
      { text: 'Были в офисе?', kind: 'single', options: [{ label: 'Да' }, { label: 'Нет' }] },
    ];
    const response = await call('POST', '/questionnaires', { title: 'Ошибка', slug: 'oshibka', from: '2026-01-01', to: '2026-12-31', questions: forward }, 'editor');
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('Вопрос 1: условие «показывать, если» может ссылаться только на вопрос выше (номер меньше 1), а не на вопрос 2.');
    const half = [QUESTIONS[0], { text: 'Почему?', kind: 'text', showIfQuestion: 1 }];
    const halfResponse = await call('POST', '/questionnaires', { title: 'Ошибка', slug: 'oshibka-2', from: '2026-01-01', to: '2026-12-31', questions: half }, 'editor');
    expect(halfResponse.status).toBe(400);
    expect(JSON.stringify(await halfResponse.json())).toContain('Вопрос 2: для условия «показывать, если» укажите и номер вопроса, и ответ');
  });

  it('the site export carries the running questionnaire with its questions and branching', async () => {
    const { buildSiteExport } = await import('../src/endpoints/site-export');
    const exported = await buildSiteExport(payload);
    const found = exported.questionnaires.find((item) => item.slug === 'kachestvo-2026');
    expect(found?.homeBanner).toBe(true);
    expect(found?.questions[1]).toMatchObject({ kind: 'multiple', options: ['Оплата', 'Договор'], showIf: { question: 1, answer: 'Да' } });
  });
});

describe('anonymous visitors answer once per token', () => {
  it('refuses a sheet that skips a required question the branching shows, naming the question', async () => {
    const response = await call('POST', '/forms/questionnaire', sheet({ 1: 'Да', 3: 9 }, { token: await token() }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { issues: { path: string[]; message: string }[] };
    expect(body.issues).toEqual([{ path: ['answers', questionIds[1]], message: 'Отметьте, пожалуйста, хотя бы один вариант.' }]);
  });

  it('stores a valid sheet once; the same token again is refused politely', async () => {
    const answerToken = await token();
    const first = await call('POST', '/forms/questionnaire', sheet({ 1: 'Нет', 3: 10, 4: 'Пишите на ivan@mail.ru' }, { token: answerToken }));
    expect(first.status).toBe(201);
    expect(((await first.json()) as { message: string }).message).toBe('Спасибо! Ваши ответы получены.');
    const again = await call('POST', '/forms/questionnaire', sheet({ 1: 'Нет', 3: 0 }, { token: answerToken }));
    expect(again.status).toBe(409);
    expect(((await again.json()) as { message: string }).message).toBe('Вы уже заполнили эту анкету — спасибо! Повторно ответить нельзя.');
  });

  it('refuses a forged token, a sheet without one from the public API, and a contact without consent', async () => {
    const forged = (await token()).replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    expect((await call('POST', '/forms/questionnaire', sheet({ 1: 'Нет', 3: 5 }, { token: forged }))).status).toBe(400);
    expect((await call('POST', '/forms/questionnaire', sheet({ 1: 'Нет', 3: 5 }))).status).toBe(400);
    const noConsent = await call('POST', '/forms/questionnaire', sheet({ 1: 'Нет', 3: 5 }, { token: await token(), contact: '+7 912 345-67-89' }));
    expect(noConsent.status).toBe(400);
    expect(((await noConsent.json()) as { issues: { path: string[] }[] }).issues[0]?.path).toEqual(['consent']);
  });

  it('a no-script sheet (marked by the public server) gets its token with the answer; with consent the contact is kept', async () => {
    const response = await call('POST', '/forms/questionnaire', sheet({ 1: 'Да', 2: ['Оплата', 'Договор'], 3: 6 }, { contact: 'ivan@mail.ru', consent: true }), undefined, { 'x-portal-noscript-form': '1' });
    expect(response.status).toBe(201);
    const issued = ((await response.json()) as { token: string }).token;
    expect(issued).toMatch(new RegExp(`^q1\\.${questionnaireId}\\.`));
    const again = await call('POST', '/forms/questionnaire', sheet({ 1: 'Нет', 3: 6 }, { token: issued }), undefined, { 'x-portal-noscript-form': '1' });
    expect(again.status).toBe(409);
    const rows = await payload.find({ collection: 'questionnaire-answers', where: { contact: { equals: 'ivan@mail.ru' } }, overrideAccess: true });
    expect(rows.docs[0]).toMatchObject({ consent: { version: expect.any(String) } });
  });

  it('a questionnaire whose last day has passed, or a draft, takes no answers', async () => {
    await payload.create({ collection: 'questionnaires', overrideAccess: true, data: { title: 'Прошлая', slug: 'proshlaya', from: '2020-01-01', to: '2020-03-31', questions: [QUESTIONS[2]], _status: 'published' } as never });
    await payload.create({ collection: 'questionnaires', overrideAccess: true, data: { title: 'Черновик', slug: 'chernovik', from: '2026-01-01', to: '2099-12-31', questions: [QUESTIONS[2]], _status: 'draft' } as never });
    expect((await call('POST', '/forms/questionnaire-token', { questionnaire: 'proshlaya' })).status).toBe(404);
    expect((await call('POST', '/forms/questionnaire-token', { questionnaire: 'chernovik' })).status).toBe(404);
  });
});

describe('results: managers and administrators', () => {
  it('managers read counts and NPS of the three sheets; free texts are masked', async () => {
    // Sheets stored above: (Нет, NPS 10, text with an e-mail), (Да, Оплата+Договор, NPS 6). One more: (Да, Оплата, NPS 9).
    expect((await call('POST', '/forms/questionnaire', sheet({ 1: 'Да', 2: ['Оплата'], 3: 9 }, { token: await token() }))).status).toBe(201);
    const response = await call('GET', `/questionnaires/${questionnaireId}/results`, undefined, 'manager');
    expect(response.status).toBe(200);
    const results = (await response.json()) as { responses: number; questions: Record<string, unknown>[] };
    expect(results.responses).toBe(3);
    expect(results.questions[0]).toMatchObject({ answered: 3, options: [{ option: 'Да', count: 2 }, { option: 'Нет', count: 1 }] });
    expect(results.questions[1]).toMatchObject({ answered: 2, options: [{ option: 'Оплата', count: 2 }, { option: 'Договор', count: 1 }] });
    // NPS 10, 6, 9: promoters 2, detractors 1 → (2 − 1) / 3 = 33 %; average 25 / 3 = 8.33.
    expect(results.questions[2]).toMatchObject({ answered: 3, average: 8.33, nps: { promoters: 2, passives: 0, detractors: 1, nps: 33 } });
    expect(results.questions[3]).toMatchObject({ answered: 1, texts: ['Пишите на [скрыто]'] });
  });

  it('the CSV has the counts, NPS and masked texts, and is refused to handlers, editors and anonymous visitors', async () => {
    const csv = await (await call('GET', `/questionnaires/${questionnaireId}/results?format=csv`, undefined, 'admin')).text();
    expect(csv).toContain('1;Вы были в нашем офисе в этом квартале?;Да;2;;');
    expect(csv).toContain('3;Насколько вероятно, что вы порекомендуете нас знакомым?;Итого;3;8.33;33');
    expect(csv).toContain('4;Что нам улучшить?;Пишите на [скрыто];;;');
    expect(csv).not.toContain('ivan@mail.ru');
    for (const who of ['handler', 'editor', undefined]) expect((await call('GET', `/questionnaires/${questionnaireId}/results`, undefined, who)).status, String(who)).toBe(403);
  });

  it('raw answer sheets (which may hold a contact) are read by administrators only, and written by nobody through the API', async () => {
    for (const who of ['manager', 'handler', 'editor']) {
      const response = await call('GET', '/questionnaire-answers', undefined, who);
      expect(response.status, who).toBe(403);
    }
    expect((await call('GET', '/questionnaire-answers')).status).toBe(403);
    const admin = (await (await call('GET', '/questionnaire-answers', undefined, 'admin')).json()) as { totalDocs: number };
    expect(admin.totalDocs).toBe(3);
    expect((await call('POST', '/questionnaire-answers', { questionnaire: Number(questionnaireId), answers: {}, tokenHash: 'x', submittedAt: new Date().toISOString() }, 'admin')).status).toBe(403);
  });

  it('a published quarterly report that includes the questionnaire carries its aggregates to the site, never its free texts', async () => {
    await payload.create({
      collection: 'quarterly-reports',
      overrideAccess: true,
      data: { quarter: '2026-Q4', rows: [{ title: 'Оплата', topic: 'oplata', count: 12, previousCount: 10 }], filledAt: new Date().toISOString(), questionnaire: Number(questionnaireId), _status: 'published' } as never,
    });
    const { buildSiteExport } = await import('../src/endpoints/site-export');
    const report = (await buildSiteExport(payload)).quarterlyReports.find((item) => item.quarter === '2026-Q4');
    expect(report?.questionnaire?.responses).toBe(3);
    expect(report?.questionnaire?.questions.map((question) => question.number)).toEqual([1, 2, 3]);
    expect(report?.questionnaire?.questions[2]).toMatchObject({ kind: 'nps', nps: 33, average: 8.33 });
    expect(JSON.stringify(report)).not.toContain('скрыто');
  });
});
