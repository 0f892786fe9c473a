import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload, PayloadRequest } from 'payload';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { endpoints } from '../src/endpoints';
import { freePort } from '../../scripts/lib/free-port';
import { startTestCms, type TestCms } from './harness';

/** A minimal PDF with the header, cross-reference table and end marker readers (and Payload) look for. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n44\n%%EOF\n');
const HANDLERS = 'handlers@example-energo.ru';

let cms: TestCms;
let payload: Payload;
let sink: RunningMailSink;
let mailDir: string;

async function mailTo(address: string) {
  const response = await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as { subject: string; text: string }[];
}

async function postMultipart(pathName: string, data: unknown, files: { name: string; bytes: Buffer }[]) {
  const form = new FormData();
  form.set('data', JSON.stringify(data));
  for (const file of files) form.append('attachments', new Blob([new Uint8Array(file.bytes)]), file.name);
  const endpoint = endpoints.find((candidate) => candidate.path === pathName)!;
  const request = new Request(`http://cms.local/api${pathName}`, { method: 'POST', body: form });
  const response = await endpoint.handler(Object.assign(request, { payload }) as unknown as PayloadRequest);
  return { status: response.status, body: (await response.json()) as { registrationNumber: string } };
}

const ADMIN_ORIGIN = 'https://cms.energo.example';

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-notices-mail-'));
  const smtpPort = await freePort();
  sink = await startMailSink({ smtpPort, webPort: 0, dir: mailDir });
  // The admin's public address is part of the CMS's environment, read once at start (cms/src/env.ts).
  cms = await startTestCms({ SEED_DEMO: 'on', SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, CMS_PUBLIC_URL: ADMIN_ORIGIN });
  payload = cms.payload;
  await payload.updateGlobal({ slug: 'company-settings', overrideAccess: true, data: { handlersEmail: HANDLERS } as never });
}, 180_000);
afterAll(async () => {
  delete process.env.CMS_PUBLIC_URL;
  await sink?.close();
  await cms?.close();
  fs.rmSync(mailDir, { recursive: true, force: true });
});

describe('robot letters per appeal type', () => {
  it('an application with copies of documents: the client is told the originals deadline, the handlers are notified without client data', async () => {
    const { status, body } = await postMultipart(
      '/forms/application-fl',
      {
        name: 'Семён Аркадьевич',
        email: 'semen@example.ru',
        phone: '',
        answerChannel: 'email',
        postalAddress: '',
        service: 'tekhnologicheskoe-prisoedinenie',
        objectAddress: 'с. Заречное, ул. Полевая, д. 3',
        accountNumber: '',
        text: 'Прошу подключить новый дом к сети.',
        consent: true,
        website: '',
      },
      [{ name: 'pasport.pdf', bytes: PDF }],
    );
    expect(status).toBe(201);
    await payload.jobs.run();

    const [confirmation] = await mailTo('semen@example.ru');
    expect(confirmation?.subject).toContain(body.registrationNumber);
    expect(confirmation?.text).toMatch(/Оригиналы документов, копии которых вы приложили к заявке, пожалуйста, представьте в офис обслуживания не позднее \d+ \S+ \d{4} г\./);

    const [notice] = await mailTo(HANDLERS);
    expect(notice?.subject).toBe(`Новое обращение № ${body.registrationNumber}`);
    expect(notice?.text).toContain('Вложений: 1');
    expect(notice?.text).not.toContain('Семён');
    expect(notice?.text).not.toContain('semen@example.ru');
  });
});

describe('the dates a confirmation states', () => {
  const application = (email: string) => ({
    name: 'Семён Аркадьевич',
    email,
    phone: '',
    answerChannel: 'email',
    postalAddress: '',
    service: 'tekhnologicheskoe-prisoedinenie',
    objectAddress: 'с. Заречное, ул. Полевая, д. 3',
    accountNumber: '',
    text: 'Прошу подключить новый дом к сети.',
    consent: true,
    website: '',
  });
  const storedAppeal = async (registrationNumber: string) =>
    (await payload.find({ collection: 'appeals', where: { registrationNumber: { equals: registrationNumber } }, depth: 0, limit: 1, overrideAccess: true })).docs[0] as unknown as {
      id: number;
      receivedOutsideWorkingHours?: boolean | null;
      workStartsAt?: string | null;
      originalsDeadlineDate?: string | null;
    };

  it('are the ones stored at registration, not computed again when the letter is written', async () => {
    const { status, body } = await postMultipart('/forms/application-fl', application('stored-dates@example.ru'), [{ name: 'pasport.pdf', bytes: PDF }]);
    expect(status).toBe(201);
    const stored = await storedAppeal(body.registrationNumber);
    expect(stored.originalsDeadlineDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Boolean(stored.workStartsAt)).toBe(Boolean(stored.receivedOutsideWorkingHours));
    // Dates no computation from the receipt time could give: the letter can only have read them from the row.
    await payload.update({ collection: 'appeals', id: stored.id, overrideAccess: true, data: { receivedOutsideWorkingHours: true, workStartsAt: '2030-01-14T09:30', originalsDeadlineDate: '2030-01-15' } as never });
    await payload.jobs.run();

    const [confirmation] = await mailTo('stored-dates@example.ru');
    expect(confirmation?.text).toContain('представьте в офис обслуживания не позднее 15 января 2030 г.');
    expect(confirmation?.text).toContain('Обращение поступило в нерабочее время. Специалисты приступят к работе 14 января 2030 г. в 9:30.');
  });

  it('of an appeal registered before they were stored are worked out from its receipt time', async () => {
    const { status, body } = await postMultipart('/forms/application-fl', application('old-row@example.ru'), [{ name: 'pasport.pdf', bytes: PDF }]);
    expect(status).toBe(201);
    const stored = await storedAppeal(body.registrationNumber);
    // As a row written before the columns existed: received on Saturday 28 November 2026 at 13:00 in Moscow.
    await payload.update({ collection: 'appeals', id: stored.id, overrideAccess: true, data: { receivedAt: '2026-11-28T10:00:00.000Z', receivedOutsideWorkingHours: true, workStartsAt: null, originalsDeadlineDate: null } as never });
    await payload.jobs.run();

    const [confirmation] = await mailTo('old-row@example.ru');
    // Work starts on Monday 30 November at 08:00; originals are due 6 working days after the receipt date: 30 Nov,
    // 1, 2, 3, 4 and 7 December.
    expect(confirmation?.text).toContain('Специалисты приступят к работе 30 ноября 2026 г. в 8:00.');
    expect(confirmation?.text).toContain('представьте в офис обслуживания не позднее 7 декабря 2026 г.');
  });
});

describe('links in staff letters', () => {
  it('open the appeal at the admin\'s public address when CMS_PUBLIC_URL is set', async () => {
    const { status, body } = await postMultipart(
      '/forms/application-fl',
      { name: 'Лидия', email: 'lidia@example.ru', phone: '', answerChannel: 'email', postalAddress: '', service: 'tekhnologicheskoe-prisoedinenie', objectAddress: 'с. Заречное, ул. Лесная, д. 1', accountNumber: '', text: 'Прошу подключить баню.', consent: true, website: '' },
      [],
    );
    expect(status).toBe(201);
    await payload.jobs.run();
    const id = (await payload.find({ collection: 'appeals', where: { registrationNumber: { equals: body.registrationNumber } }, depth: 0, limit: 1, overrideAccess: true })).docs[0]?.id;
    const notice = (await mailTo(HANDLERS)).find((letter) => letter.subject.includes(body.registrationNumber));
    expect(notice?.text).toContain(`Открыть в панели управления: https://cms.energo.example/admin/collections/appeals/${id}`);
  });
});
