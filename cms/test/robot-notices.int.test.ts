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

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-notices-mail-'));
  const smtpPort = await freePort();
  sink = await startMailSink({ smtpPort, webPort: 0, dir: mailDir });
  cms = await startTestCms({ SEED_DEMO: 'on', SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
  payload = cms.payload;
  await payload.updateGlobal({ slug: 'company-settings', overrideAccess: true, data: { handlersEmail: HANDLERS } as never });
}, 180_000);
afterAll(async () => {
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
