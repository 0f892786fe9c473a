import { describe, expect, it } from 'vitest';
import { receiptDateProblem, StaffAppealSchema } from './staff-appeal';

const base = {
  channel: 'phone',
  type: 'complaint',
  topic: 'oplata',
  name: 'Пётр Звонарёв',
  phone: '8 (912) 345-67-89',
  answerChannel: 'phone',
  text: 'Не учтена оплата за октябрь в квитанции за ноябрь.',
  receivedAt: '2026-11-02T12:00:00+03:00',
  consent: 'oral',
};

const problems = (input: Record<string, unknown>) => {
  const result = StaffAppealSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
};

describe('a staff-registered appeal', () => {
  it('accepts a phone complaint with oral consent and normalises the phone', () => {
    const parsed = StaffAppealSchema.parse(base);
    expect(parsed).toMatchObject({ channel: 'phone', type: 'complaint', phone: '+79123456789', consent: 'oral' });
  });

  it('needs a contact: an appeal without contact data is not considered (000 L423)', () => {
    expect(problems({ ...base, phone: '', answerChannel: 'email' })).toHaveProperty('phone', expect.stringContaining('хотя бы один контакт'));
  });

  it('needs the contact the answer goes to', () => {
    expect(problems({ ...base, answerChannel: 'email' })).toHaveProperty('answerChannel');
  });

  it('needs the sender\'s postal address for a letter, and refuses «oral» consent for it; a letter may carry no consent', () => {
    expect(problems({ ...base, channel: 'post', consent: undefined })).toHaveProperty('postalAddress');
    const letter = { ...base, channel: 'post', postalAddress: '610000, г. Северо-Озёрск, ул. Почтовая, д. 5', answerChannel: 'post' };
    expect(problems({ ...letter, consent: 'oral' })).toHaveProperty('consent');
    expect(problems({ ...letter, consent: undefined })).toEqual({});
  });

  it('needs the consent the client gave on the phone or in the office', () => {
    expect(problems({ ...base, consent: undefined })).toHaveProperty('consent');
    expect(problems({ ...base, channel: 'office', consent: 'written' })).toEqual({});
  });

  it('is not a channel of its own for the site or e-mail, nor a meter reading', () => {
    expect(problems({ ...base, channel: 'site' })).toHaveProperty('channel');
    expect(problems({ ...base, channel: 'email' })).toHaveProperty('channel');
    expect(problems({ ...base, type: 'readings' })).toHaveProperty('type');
  });

  it('refuses a receipt in the future or older than 60 days', () => {
    const now = new Date('2026-11-05T12:00:00+03:00');
    expect(receiptDateProblem(new Date('2026-11-05T13:00:00+03:00'), now)).toContain('позже');
    expect(receiptDateProblem(new Date('2026-09-05T11:00:00+03:00'), now)).toContain('60 дней');
    expect(receiptDateProblem(new Date('2026-09-07T12:00:00+03:00'), now)).toBeNull();
  });
});
