import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MESSAGES } from '@portal/core/attachments';
import { COMPLAINT_FORM_MESSAGES, ComplaintFormSchema, complaintSubmission } from '@portal/core/complaint-form';
import {
  EMAIL_RATE_LIMITED_MESSAGE,
  FieldRejectedError,
  handleAppealForm,
  type AppealEndpointDeps,
  type AppealFormDefinition,
} from './appeal-form-endpoint';

const COMPLAINT: AppealFormDefinition<typeof ComplaintFormSchema> = { name: 'complaint', schema: ComplaintFormSchema, toSubmission: complaintSubmission };
const VALID = {
  name: 'Анна Петрова',
  email: 'anna@example.ru',
  phone: '',
  answerChannel: 'email',
  postalAddress: '',
  audience: 'fl',
  topic: 'oplata',
  accountNumber: '',
  text: 'Платёж за октябрь не учтён в квитанции.',
  consent: true,
  website: '',
};
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const REGISTRATION = { registrationNumber: 'Ж-2026-000001', receivedAt: '2026-11-27T10:00:00.000Z', deadlineDate: '2026-12-07', deadlineText: '7 декабря 2026 г.' };

function deps(overrides: Partial<AppealEndpointDeps<unknown>> = {}) {
  const registered: { files: number }[] = [];
  const value: AppealEndpointDeps<unknown> = {
    precheck: async () => ({ kind: 'ok' }),
    register: async (_submission, _meta, _form, files) => {
      registered.push({ files: files.length });
      return REGISTRATION;
    },
    attachmentLimits: async () => ({ maxFileMb: 1, maxFiles: 2 }),
    logger: { error: () => undefined, warn: () => undefined },
    ...overrides,
  };
  return { value, registered };
}

function multipart(body: unknown, files: { name: string; bytes: Uint8Array }[]) {
  const form = new FormData();
  form.set('data', JSON.stringify(body));
  for (const file of files) form.append('attachments', new Blob([file.bytes as Uint8Array<ArrayBuffer>]), file.name);
  return new Request('http://cms.local/api/forms/complaint', { method: 'POST', body: form });
}

describe('handleAppealForm', () => {
  it('takes fields as JSON in `data` and files in `attachments`, checked by content', async () => {
    const { value, registered } = deps();
    expect((await handleAppealForm(multipart(VALID, [{ name: 'a.png', bytes: PNG }]), COMPLAINT, value)).status).toBe(201);
    expect(registered).toEqual([{ files: 1 }]);
    const bad = await handleAppealForm(multipart(VALID, [{ name: 'a.png', bytes: new TextEncoder().encode('<svg/>') }]), COMPLAINT, value);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ fieldErrors: { attachments: ATTACHMENT_MESSAGES.type('a.png') } });
  });

  it('reports attachment problems together with field problems', async () => {
    const { value } = deps();
    const res = await handleAppealForm(multipart({ ...VALID, text: '' }, [1, 2, 3].map((n) => ({ name: `${n}.png`, bytes: PNG }))), COMPLAINT, value);
    expect(await res.json()).toMatchObject({ fieldErrors: { text: COMPLAINT_FORM_MESSAGES.textRequired, attachments: ATTACHMENT_MESSAGES.tooMany(2) } });
  });

  it('answers 413 before reading a body above the files limit', async () => {
    const { value } = deps();
    const res = await handleAppealForm(
      new Request('http://cms.local/api/forms/complaint', { method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(3 * 1024 * 1024) }, body: 'x' }),
      COMPLAINT,
      value,
    );
    expect(res.status).toBe(413);
    expect((await res.json()).message).toMatch(/МБ/);
  });

  it('turns a file rejected while storing into a 400 for the field, not a 503', async () => {
    const { value } = deps({
      register: async () => {
        throw new FieldRejectedError('attachments', ATTACHMENT_MESSAGES.damaged('a.png'));
      },
    });
    const res = await handleAppealForm(multipart(VALID, [{ name: 'a.png', bytes: PNG }]), COMPLAINT, value);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ fieldErrors: { attachments: ATTACHMENT_MESSAGES.damaged('a.png') } });
  });

  it('refuses a failed human check before looking at the fields, and too many appeals from one address', async () => {
    const human = deps({ verifyHuman: async () => 'Форма отправлена слишком быстро' });
    const refused = await handleAppealForm(multipart({}, []), COMPLAINT, human.value);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ message: 'Форма отправлена слишком быстро', code: 'human-check' });

    const limited = deps({ withinEmailLimit: async () => false });
    const res = await handleAppealForm(multipart(VALID, []), COMPLAINT, limited.value);
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual({ message: EMAIL_RATE_LIMITED_MESSAGE });
    expect(limited.registered).toHaveLength(0);
  });

  it('answers a refusal (e.g. readings out of days) with its status, code and explanation', async () => {
    const { value, registered } = deps({ precheck: async () => ({ kind: 'refused', status: 422, code: 'readings-closed', message: 'Показания принимаются с 15 по 25 число каждого месяца.' }) });
    const res = await handleAppealForm(multipart(VALID, []), COMPLAINT, value);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ code: 'readings-closed', message: 'Показания принимаются с 15 по 25 число каждого месяца.' });
    expect(registered).toHaveLength(0);
  });
});
