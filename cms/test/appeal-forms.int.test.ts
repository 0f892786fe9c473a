import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload, PayloadRequest } from 'payload';
import { APPEAL_FORM_LIST } from '@portal/core/appeal-forms';
import { APPEAL_TYPE_LETTERS } from '@portal/core/appeal-type';
import { ATTACHMENT_MESSAGES } from '@portal/core/attachments';
import { METER_READINGS_MESSAGES } from '@portal/core/meter-readings-form';
import { SERVICE_APPLICATION_MESSAGES } from '@portal/core/service-application-form';
import { toLocalIsoDate } from '@portal/core/time-zone';
import fs from 'node:fs';
import path from 'node:path';
import { endpoints } from '../src/endpoints';
import { ORPHAN_SWEEP_TASK, sweepOrphanAttachments } from '../src/appeals/intake/orphan-attachments';
import { databaseTargets } from './database-targets';
import { createStaff, startTestCms, type TestCms } from './harness';

let cms: TestCms;
let payload: Payload;

/** A real 1×1 PNG. */
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
/** The PNG signature followed by garbage: right magic bytes, unreadable image. */
const BROKEN_PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);

const contacts = (email: string) => ({ name: 'Ольга Сергеевна', email, phone: '', consent: true, website: '' });
const withChannel = (email: string) => ({ ...contacts(email), answerChannel: 'email', postalAddress: '' });

/** Calls a CMS endpoint the way Payload does: the web Request with `payload` attached. */
async function call(path: string, body: unknown, init: { multipart?: { name: string; bytes: Uint8Array }[]; headers?: Record<string, string> } = {}) {
  const endpoint = endpoints.find((candidate) => candidate.path === path);
  if (!endpoint) throw new Error(`no endpoint ${path}`);
  let request: Request;
  if (init.multipart) {
    const form = new FormData();
    form.set('data', JSON.stringify(body));
    for (const file of init.multipart) form.append('attachments', new Blob([file.bytes as Uint8Array<ArrayBuffer>]), file.name);
    request = new Request(`http://cms.local/api${path}`, { method: 'POST', body: form, headers: init.headers ?? {} });
  } else {
    request = new Request(`http://cms.local/api${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.7', ...init.headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }
  const response = await endpoint.handler(Object.assign(request, { payload }) as unknown as PayloadRequest);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { fieldErrors?: Record<string, string> } };
}

async function stored(registrationNumber: unknown) {
  const found = await payload.find({ collection: 'appeals', where: { registrationNumber: { equals: registrationNumber } }, overrideAccess: true, depth: 1 });
  return found.docs[0] as unknown as {
    id: number;
    type: string;
    topic: { slug: string } | null;
    audience: string;
    details: Record<string, unknown> | null;
    meterSerial: string | null;
    answerChannel: string;
    attachments: { id: number; mimeType: string; originalName: string; filename: string }[];
    consent: { version: string | null; ip: string | null; acceptedAt: string | null };
    confirmation: { state: string };
  };
}

/** Today's day of the month in the company's time zone, and a window that includes or excludes it. */
function windowAroundToday(open: boolean) {
  const day = Number(toLocalIsoDate(new Date(), 'Europe/Moscow').slice(8, 10));
  if (open) return { readingsFromDay: day, readingsToDay: day };
  return day > 1 ? { readingsFromDay: 1, readingsToDay: day - 1 } : { readingsFromDay: 2, readingsToDay: 31 };
}

async function setCompany(data: Record<string, unknown>) {
  await payload.updateGlobal({ slug: 'company-settings', overrideAccess: true, data: data as never });
}

describe.each(databaseTargets())('on $name', (target) => {
  beforeAll(async () => {
    cms = await startTestCms({ SEED_DEMO: 'on', SMTP_URL: 'smtp://127.0.0.1:9' }, target);
    payload = cms.payload;
    await setCompany(windowAroundToday(true));
  }, 180_000);
  afterAll(async () => {
    await cms?.close();
  });

  describe('every form registers through the one registration path', () => {
    it('complaint: number with «Ж», topic, consent record, confirmation pending', async () => {
      const { status, body } = await call('/forms/complaint', {
        ...withChannel('complaint@example.ru'),
        audience: 'fl',
        topic: 'oplata',
        accountNumber: '12345678',
        text: 'Оплата за октябрь не отражена в квитанции за ноябрь.',
      });
      expect(status).toBe(201);
      expect(body.registrationNumber).toMatch(new RegExp(`^${APPEAL_TYPE_LETTERS.complaint}-\\d{4}-\\d{6}$`));
      const appeal = await stored(body.registrationNumber);
      expect(appeal).toMatchObject({ type: 'complaint', topic: { slug: 'oplata' }, confirmation: { state: 'pending' } });
      expect(appeal.consent.ip).toBe('198.51.100.7');
      expect(appeal.consent.version).toBeTruthy();
      expect(appeal.consent.acceptedAt).toBeTruthy();
    });

    it('answer channel: a form with one contact and no choice is stored with that contact as the channel', async () => {
      const complaint = { audience: 'fl', topic: 'oplata', accountNumber: '', text: 'Оплата за октябрь не отражена в квитанции за ноябрь.', consent: true, website: '' };
      const byPhone = await call('/forms/complaint', { ...complaint, name: 'Ольга Сергеевна', email: '', phone: '+7 912 345-67-89' });
      expect(byPhone.status).toBe(201);
      expect(await stored(byPhone.body.registrationNumber)).toMatchObject({ answerChannel: 'phone' });
      const byEmail = await call('/forms/question', { ...complaint, name: 'Ольга Сергеевна', email: 'only.email@example.ru', answerChannel: null });
      expect(byEmail.status).toBe(201);
      expect(await stored(byEmail.body.registrationNumber)).toMatchObject({ answerChannel: 'email' });
      // Both contacts and no choice: the client is asked, nothing is stored.
      const both = await call('/forms/complaint', { ...complaint, name: 'Ольга Сергеевна', email: 'both@example.ru', phone: '+7 912 345-67-89' });
      expect(both).toMatchObject({ status: 400, body: { fieldErrors: { answerChannel: 'Вы указали и e-mail, и телефон: выберите, как вам удобнее получить ответ' } } });
    });

    it('feedback: the rating is kept with the appeal', async () => {
      const { status, body } = await call('/forms/feedback', {
        ...withChannel('feedback@example.ru'),
        audience: 'fl',
        topic: 'ofisy',
        rating: '5',
        text: 'В офисе на Лесной быстро помогли.',
      });
      expect(status).toBe(201);
      expect(String(body.registrationNumber).startsWith(APPEAL_TYPE_LETTERS.feedback)).toBe(true);
      // No kind chosen (the form without its script): a rating.
      expect((await stored(body.registrationNumber)).details).toEqual({ rating: 5, kind: 'rating' });
    });

    it('feedback: a thanks or a proposal is kept as such (001 L785–791)', async () => {
      const { status, body } = await call('/forms/feedback', {
        ...withChannel('proposal@example.ru'),
        audience: 'ul',
        topic: 'ofisy',
        kind: 'proposal',
        rating: '4',
        text: 'Предлагаю открыть офис по субботам.',
      });
      expect(status).toBe(201);
      expect((await stored(body.registrationNumber)).details).toEqual({ rating: 4, kind: 'proposal' });
    });

    it('applications: ФЛ and ЮЛ variants, service from the CMS catalogue, topic from the service', async () => {
      const application = {
        ...withChannel('apply@example.ru'),
        service: 'pribory-ucheta',
        objectAddress: 'г. Приреченск, ул. Лесная, д. 5, кв. 12',
        accountNumber: '',
        text: 'Прошу заменить счётчик на двухтарифный.',
      };
      const fl = await call('/forms/application-fl', application);
      expect(fl.status).toBe(201);
      expect(String(fl.body.registrationNumber).startsWith(APPEAL_TYPE_LETTERS.application)).toBe(true);
      expect(await stored(fl.body.registrationNumber)).toMatchObject({
        type: 'application',
        audience: 'fl',
        topic: { slug: 'pokazaniya' },
        details: { service: 'pribory-ucheta', serviceTitle: expect.stringContaining('приборов учёта') },
      });

      const ul = await call('/forms/application-ul', { ...application, service: 'pereraspredelenie-moshchnosti', organisation: 'ООО «Ромашка»', inn: '7701234567' });
      expect(ul.status).toBe(201);
      expect(await stored(ul.body.registrationNumber)).toMatchObject({ audience: 'ul', details: { organisation: 'ООО «Ромашка»', inn: '7701234567' } });

      // A service only for legal entities is not offered to individuals; an unknown one is not offered at all.
      for (const service of ['pereraspredelenie-moshchnosti', 'net-takoy-uslugi']) {
        const refused = await call('/forms/application-fl', { ...application, service });
        expect(refused.status).toBe(400);
        expect(refused.body.fieldErrors).toEqual({ service: SERVICE_APPLICATION_MESSAGES.service });
      }
    });

    it('household readings: per zone, on the accepted days; a lower reading is questioned, then kept once confirmed', async () => {
      const readings = { ...contacts('meter@example.ru'), accountNumber: '100200300', meterSerial: 'ce-301', tariff: '2', t1: '1200,5', t2: '800', t3: '' };
      const first = await call('/forms/readings-household', readings);
      expect(first.status).toBe(201);
      expect(String(first.body.registrationNumber).startsWith(APPEAL_TYPE_LETTERS.readings)).toBe(true);
      expect(await stored(first.body.registrationNumber)).toMatchObject({
        type: 'readings',
        meterSerial: 'CE-301',
        topic: { slug: 'pokazaniya' },
        details: { tariff: '2', t1: 1200.5, t2: 800, confirmedLower: false },
      });

      const lower = await call('/forms/readings-household', { ...readings, t1: '1100' });
      expect(lower.status).toBe(400);
      expect(lower.body.fieldErrors?.t1).toContain('1200,5');
      expect(lower.body.fieldErrors?.confirmLower).toBe(METER_READINGS_MESSAGES.lowerThanBefore);
      expect(lower.body.fieldErrors).not.toHaveProperty('t2');

      const confirmed = await call('/forms/readings-household', { ...readings, t1: '1100', confirmLower: true });
      expect(confirmed.status).toBe(201);
      expect((await stored(confirmed.body.registrationNumber)).details).toMatchObject({ t1: 1100, confirmedLower: true });
    });

    it('legal readings: by the 6-digit contract code', async () => {
      const { status, body } = await call('/forms/readings-legal', { ...contacts('ul-meter@example.ru'), contractCode: '654321', meterSerial: '0099-77', reading: '45000' });
      expect(status).toBe(201);
      expect(await stored(body.registrationNumber)).toMatchObject({ audience: 'ul', meterSerial: '0099-77', details: { contractCode: '654321', t1: 45000 } });
    });

    it('outside the accepted days readings get a clear explanation with the days, not an error page', async () => {
      await setCompany(windowAroundToday(false));
      try {
        const { status, body } = await call('/forms/readings-legal', { ...contacts('late@example.ru'), contractCode: '654321', meterSerial: 'X1', reading: '1' });
        expect(status).toBe(422);
        expect(body.code).toBe('readings-closed');
        expect(body.message).toMatch(/Показания принимаются с \d+ по \d+ число/);
      } finally {
        await setCompany(windowAroundToday(true));
      }
    });
  });

  describe('attachments', () => {
    const complaint = {
      ...withChannel('files@example.ru'),
      audience: 'ul',
      topic: 'kachestvo',
      accountNumber: '',
      text: 'Напряжение в сети скачет третий день, прилагаю фото.',
    };

    it('are checked by content: a program named .pdf is refused with a message for the field', async () => {
      const { status, body } = await call('/forms/complaint', complaint, { multipart: [{ name: 'akt.pdf', bytes: EXE }] });
      expect(status).toBe(400);
      expect(body.fieldErrors).toEqual({ attachments: ATTACHMENT_MESSAGES.type('akt.pdf') });
    });

    it('a damaged image with the right signature gets a 400 for the field, not a 5xx', async () => {
      const { status, body } = await call('/forms/complaint', complaint, { multipart: [{ name: 'photo.png', bytes: BROKEN_PNG }] });
      expect(status).toBe(400);
      expect(body.fieldErrors).toEqual({ attachments: ATTACHMENT_MESSAGES.damaged('photo.png') });
    });

    const uploadDir = () => (payload.collections['appeal-attachments'].config.upload as { staticDir: string }).staticDir;
    const filesOnDisk = () => (fs.existsSync(uploadDir()) ? fs.readdirSync(uploadDir()).length : 0);
    const attachmentRows = async () => (await payload.count({ collection: 'appeal-attachments', overrideAccess: true })).totalDocs;
    const attachmentExists = async (id: number | string) => (await payload.count({ collection: 'appeal-attachments', where: { id: { equals: id } }, overrideAccess: true })).totalDocs === 1;

    it('a complaint refused for its damaged third file leaves none of its files stored: no record, no file on disk', async () => {
      const before = { files: filesOnDisk(), rows: await attachmentRows() };
      const { status, body } = await call('/forms/complaint', complaint, {
        multipart: [
          { name: 'first.png', bytes: PNG },
          { name: 'second.png', bytes: PNG },
          { name: 'third.png', bytes: BROKEN_PNG },
        ],
      });
      expect(status).toBe(400);
      expect(body.fieldErrors).toEqual({ attachments: ATTACHMENT_MESSAGES.damaged('third.png') });
      expect({ files: filesOnDisk(), rows: await attachmentRows() }).toEqual(before);
    });

    it('the hourly sweep (a scheduled job) removes records no appeal links and files no record names once an hour old, never an appeal\'s', async () => {
      const { status, body } = await call('/forms/complaint', complaint, { multipart: [{ name: 'kept.png', bytes: PNG }] });
      expect(status).toBe(201);
      const kept = (await stored(body.registrationNumber)).attachments[0]!;
      // What a crash between storing the files and inserting the appeal leaves: a record no appeal links, and a
      // file whose record was never written.
      const orphan = (await payload.create({
        collection: 'appeal-attachments',
        overrideAccess: true,
        depth: 0,
        data: { originalName: 'orphan.png' } as never,
        file: { data: Buffer.from(PNG), mimetype: 'image/png', name: `${crypto.randomUUID()}.png`, size: PNG.length },
      })) as unknown as { id: number; filename: string };
      const stray = path.join(uploadDir(), `${crypto.randomUUID()}.png`);
      fs.writeFileSync(stray, PNG);

      // The scheduled task runs hourly; right now both are younger than an hour (a submission may be under way).
      const task = payload.config.jobs.tasks?.find((candidate) => candidate.slug === ORPHAN_SWEEP_TASK);
      expect(task?.schedule?.[0]?.cron).toMatch(/^\d+ \d+ \* \* \* \*$/);
      await payload.jobs.queue({ task: ORPHAN_SWEEP_TASK, input: {} });
      await payload.jobs.run({ queue: 'default' });
      expect(await attachmentExists(orphan.id)).toBe(true);
      expect(fs.existsSync(stray)).toBe(true);

      // An hour and a minute later they go; the appeal's file stays.
      expect(await sweepOrphanAttachments(payload, new Date(Date.now() + 61 * 60 * 1000))).toEqual({ records: 1, files: 1 });
      expect(await attachmentExists(orphan.id)).toBe(false);
      expect(fs.existsSync(path.join(uploadDir(), orphan.filename))).toBe(false);
      expect(fs.existsSync(stray)).toBe(false);
      expect(await attachmentExists(kept.id)).toBe(true);
      expect(fs.existsSync(path.join(uploadDir(), kept.filename))).toBe(true);
    });

    it('are refused above the configured count', async () => {
      const files = Array.from({ length: 4 }, (_, index) => ({ name: `photo-${index}.png`, bytes: PNG }));
      const { status, body } = await call('/forms/complaint', complaint, { multipart: files });
      expect(status).toBe(400);
      expect(body.fieldErrors).toEqual({ attachments: ATTACHMENT_MESSAGES.tooMany(3) });
    });

    it('are stored with the appeal and readable by handlers only — never anonymously or by editors', async () => {
      const { status, body } = await call('/forms/complaint', complaint, { multipart: [{ name: 'фото щитка.jpg', bytes: PNG }] });
      expect(status).toBe(201);
      const appeal = await stored(body.registrationNumber);
      expect(appeal.attachments).toHaveLength(1);
      // The real type wins over the name; the stored name is random, the client's is kept as a field.
      expect(appeal.attachments[0]).toMatchObject({ mimeType: 'image/png', originalName: 'фото щитка.jpg' });
      expect(appeal.attachments[0]?.filename).toMatch(/^[0-9a-f-]{36}\.png$/);
      const id = appeal.attachments[0]!.id;

      const editor = await createStaff(payload, 'editor.files@example.ru', ['editor']);
      const handler = await createStaff(payload, 'handler.files@example.ru', ['handler']);
      await expect(payload.findByID({ collection: 'appeal-attachments', id, overrideAccess: false })).rejects.toThrow();
      await expect(payload.findByID({ collection: 'appeal-attachments', id, overrideAccess: false, user: editor })).rejects.toThrow();
      await expect(payload.find({ collection: 'appeal-attachments', overrideAccess: false, user: editor })).rejects.toThrow();
      const seen = await payload.findByID({ collection: 'appeal-attachments', id, overrideAccess: false, user: handler });
      expect(seen.id).toBe(id);
      // Nobody creates attachments through the API, not even a handler.
      await expect(
        payload.create({ collection: 'appeal-attachments', overrideAccess: false, user: handler, data: {} as never, file: { data: Buffer.from(PNG), mimetype: 'image/png', name: 'x.png', size: PNG.length } }),
      ).rejects.toThrow();
    });
  });

  describe('the form table', () => {
    it('has an endpoint answering for every row: an empty form gets its field errors, not a 404', async () => {
      for (const form of APPEAL_FORM_LIST) {
        expect(endpoints.filter((endpoint) => endpoint.path === form.endpointPath && endpoint.method === 'post'), form.name).toHaveLength(1);
        const { status, body } = await call(form.endpointPath, {});
        expect(status, form.name).toBe(400);
        expect(Object.keys(body.fieldErrors ?? {}).length, form.name).toBeGreaterThan(0);
      }
    });

    it('checks a question’s topic against the CMS taxonomy, in the same place as the other forms’', async () => {
      const question = { ...withChannel('topic@example.ru'), audience: 'fl', topic: 'net-takoy-temy', accountNumber: '', text: 'Как перейти на двухзонный тариф?' };
      const { status, body } = await call('/forms/question', question);
      expect(status).toBe(400);
      expect(body.fieldErrors).toEqual({ topic: 'Выберите тему вопроса из списка' });
    });
  });

  describe('bad input of any kind', () => {
    it('gets a 4xx with a Russian message, never a 5xx, on every form', async () => {
      const paths = endpoints.filter((endpoint) => endpoint.method === 'post' && endpoint.path.startsWith('/forms/')).map((endpoint) => endpoint.path);
      const junk: unknown[] = [
        'null',
        '[]',
        '"text"',
        '{"name":',
        { name: { $ne: null } },
        { consent: 'yes', email: 42, rating: { a: 1 }, readings: [1, 2] },
        { topic: '../../etc', service: 'x'.repeat(10_000), tariff: '9', contractCode: 123456 },
        { ...withChannel('fuzz@example.ru'), text: '\u0000'.repeat(50), t1: '1e9', reading: 'NaN' },
      ];
      for (const path of paths) {
        for (const body of junk) {
          const { status, body: answer } = await call(path, body);
          expect(status, `${path} ${JSON.stringify(body).slice(0, 80)}`).toBeGreaterThanOrEqual(400);
          expect(status, `${path} ${JSON.stringify(body).slice(0, 80)}`).toBeLessThan(500);
          expect(String(answer.message)).toMatch(/[а-яё]/i);
        }
      }
    });
  });
});
