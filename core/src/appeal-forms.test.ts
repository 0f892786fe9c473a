import { describe, expect, it } from 'vitest';
import { fieldErrors } from './form-errors';
import { COMPLAINT_FORM_MESSAGES, ComplaintFormSchema, complaintSubmission } from './complaint-form';
import { FEEDBACK_FORM_MESSAGES, FeedbackFormSchema, feedbackSubmission } from './feedback-form';
import {
  HouseholdReadingsSchema,
  LegalReadingsSchema,
  METER_READINGS_MESSAGES,
  lowerZones,
  meterReadingsSubmission,
  zoneReadings,
} from './meter-readings-form';
import {
  SERVICE_APPLICATION_MESSAGES,
  ServiceApplicationFlSchema,
  ServiceApplicationUlSchema,
  serviceApplicationSubmission,
} from './service-application-form';
import { isWithinReadingsWindow, readingsClosedMessage } from './readings-window';
import type { z } from 'zod';

const contacts = { name: 'Анна Петровна', email: 'anna@example.ru', phone: '', consent: true, website: '' };
const withChannel = { ...contacts, answerChannel: 'email', postalAddress: '' };

function errorsOf(schema: z.ZodType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value);
  return result.success ? {} : fieldErrors(result.error);
}

describe('complaint form', () => {
  const valid = { ...withChannel, audience: 'fl', topic: 'oplata', accountNumber: '', text: 'Платёж за октябрь не учтён в квитанции за ноябрь.' };

  it('accepts a complaint and turns it into an appeal without consent or honeypot', () => {
    const submission = complaintSubmission(ComplaintFormSchema.parse(valid));
    expect(submission).toMatchObject({ name: 'Анна Петровна', topic: 'oplata', audience: 'fl', answerChannel: 'email' });
    expect(submission).not.toHaveProperty('consent');
    expect(submission).not.toHaveProperty('website');
  });

  it('asks for a fuller description, a topic and a way to answer, all at once', () => {
    expect(errorsOf(ComplaintFormSchema, { ...valid, text: 'Плохо', topic: '', email: '', consent: false })).toEqual({
      text: COMPLAINT_FORM_MESSAGES.textTooShort,
      topic: COMPLAINT_FORM_MESSAGES.topic,
      email: COMPLAINT_FORM_MESSAGES.contactRequired,
      consent: COMPLAINT_FORM_MESSAGES.consent,
    });
  });
});

describe('the answer channel of every form that asks for it', () => {
  const forms = [
    ['complaint', ComplaintFormSchema, (form: unknown) => complaintSubmission(form as never), { audience: 'fl', topic: 'oplata', accountNumber: '', text: 'Платёж за октябрь не учтён в квитанции за ноябрь.' }],
    ['feedback', FeedbackFormSchema, (form: unknown) => feedbackSubmission(form as never), { audience: 'ul', topic: 'oplata', rating: '4', text: 'Быстро ответили по телефону, спасибо.' }],
    ['application (ФЛ)', ServiceApplicationFlSchema, (form: unknown) => serviceApplicationSubmission(form as never), { service: 'pribory-ucheta', objectAddress: 'г. Киров, ул. Ленина, д. 1', accountNumber: '', text: 'Прошу заменить счётчик.' }],
  ] as const;

  it.each(forms)('%s: one contact and no choice → answered by that contact', (_name, schema, toSubmission, fields) => {
    expect(toSubmission(schema.parse({ ...contacts, ...fields })).answerChannel).toBe('email');
    expect(toSubmission(schema.parse({ ...contacts, email: '', phone: '+7 912 345-67-89', ...fields })).answerChannel).toBe('phone');
  });

  it.each(forms)('%s: both contacts and no choice → asked which', (_name, schema, _toSubmission, fields) => {
    expect(errorsOf(schema, { ...contacts, phone: '+7 912 345-67-89', ...fields })).toEqual({
      answerChannel: 'Вы указали и e-mail, и телефон: выберите, как вам удобнее получить ответ',
    });
  });
});

describe('feedback form', () => {
  const valid = { ...withChannel, audience: 'ul', topic: 'oplata', rating: '4', text: 'Быстро ответили по телефону, спасибо.' };

  it('accepts a rating from radio buttons (string) or JSON (number) and stores it in the details', () => {
    expect(feedbackSubmission(FeedbackFormSchema.parse(valid)).details).toEqual({ rating: 4, kind: 'rating' });
    expect(FeedbackFormSchema.parse({ ...valid, rating: 5 }).rating).toBe(5);
  });

  it('offers the kinds оценка, благодарность, предложение (001 L785–791); none chosen (no script, untouched radios) is a rating', () => {
    expect(feedbackSubmission(FeedbackFormSchema.parse({ ...valid, kind: 'thanks' })).details).toEqual({ rating: 4, kind: 'thanks' });
    expect(feedbackSubmission(FeedbackFormSchema.parse({ ...valid, kind: 'proposal' })).details).toEqual({ rating: 4, kind: 'proposal' });
    expect(FeedbackFormSchema.parse({ ...valid, kind: null }).kind).toBe('rating');
    expect(errorsOf(FeedbackFormSchema, { ...valid, kind: 'complaint' })).toEqual({ kind: 'Выберите вид отзыва: оценка, благодарность или предложение' });
  });

  it.each([['0'], ['6'], [''], [3.5], ['4.0'], [undefined], [null]])('refuses rating %j with a clear message', (rating) => {
    expect(errorsOf(FeedbackFormSchema, { ...valid, rating })).toEqual({ rating: FEEDBACK_FORM_MESSAGES.rating });
  });
});

describe('service application forms', () => {
  const fl = {
    ...withChannel,
    service: 'zamena-schetchika',
    objectAddress: 'г. Приреченск, ул. Лесная, д. 5, кв. 12',
    accountNumber: '',
    text: 'Прошу заменить счётчик на двухтарифный.',
  };
  const ul = { ...fl, organisation: 'ООО «Ромашка»', inn: '7701 234567' };

  it('keeps individuals and legal entities apart: audience, organisation and ИНН go with the appeal', () => {
    expect(serviceApplicationSubmission(ServiceApplicationFlSchema.parse(fl))).toMatchObject({
      audience: 'fl',
      details: { service: 'zamena-schetchika', objectAddress: fl.objectAddress },
    });
    const legal = serviceApplicationSubmission(ServiceApplicationUlSchema.parse(ul));
    expect(legal).toMatchObject({ audience: 'ul', details: { organisation: 'ООО «Ромашка»', inn: '7701234567' } });
    expect(legal).not.toHaveProperty('organisation');
  });

  it('asks legal entities for the organisation and a 10- or 12-digit ИНН', () => {
    expect(errorsOf(ServiceApplicationUlSchema, { ...ul, organisation: '', inn: '12345' })).toEqual({
      organisation: SERVICE_APPLICATION_MESSAGES.organisation,
      inn: SERVICE_APPLICATION_MESSAGES.inn,
    });
    expect(errorsOf(ServiceApplicationFlSchema, { ...fl, service: '', objectAddress: 'дом' })).toEqual({
      service: SERVICE_APPLICATION_MESSAGES.service,
      objectAddress: SERVICE_APPLICATION_MESSAGES.objectAddress,
    });
  });
});

describe('meter readings forms', () => {
  const household = { ...contacts, accountNumber: '1234 5678', meterSerial: 'ce-102 ', tariff: '2', t1: '12345,6', t2: '4567', t3: '' };
  const legal = { ...contacts, contractCode: '123456', meterSerial: '0123456', reading: '98765.432' };

  it('reads decimal commas, normalises the serial and keeps one reading per zone of the tariff', () => {
    const form = HouseholdReadingsSchema.parse(household);
    expect(form).toMatchObject({ accountNumber: '12345678', meterSerial: 'CE-102', t1: 12345.6, t2: 4567 });
    expect(zoneReadings(form)).toEqual({ t1: 12345.6, t2: 4567 });
    const submission = meterReadingsSubmission(form);
    expect(submission).toMatchObject({ meterSerial: 'CE-102', accountNumber: '12345678', answerChannel: 'email', audience: 'fl' });
    expect(submission.text).toContain('День (Т1): 12345,6');
    expect(submission.text).toContain('Ночь (Т2): 4567');
  });

  it('asks for every zone the tariff has', () => {
    expect(errorsOf(HouseholdReadingsSchema, { ...household, tariff: '3' })).toEqual({ t3: METER_READINGS_MESSAGES.reading });
    expect(errorsOf(HouseholdReadingsSchema, { ...household, t1: '-5', accountNumber: '' })).toEqual({
      t1: METER_READINGS_MESSAGES.reading,
      accountNumber: METER_READINGS_MESSAGES.accountNumberRequired,
    });
  });

  it('takes the legal form by its 6-digit contract code (УИД) only', () => {
    expect(meterReadingsSubmission(LegalReadingsSchema.parse(legal))).toMatchObject({ audience: 'ul', accountNumber: '123456', details: { t1: 98765.432 } });
    for (const contractCode of ['12345', '1234567', '12345a']) {
      expect(errorsOf(LegalReadingsSchema, { ...legal, contractCode })).toEqual({ contractCode: METER_READINGS_MESSAGES.contractCode });
    }
  });

  it('finds the zones where the new reading is lower than the last known one', () => {
    expect(lowerZones({ t1: 100, t2: 50 }, { t1: 120, t2: 50 })).toEqual(['t1']);
    expect(lowerZones({ t1: 100 }, {})).toEqual([]);
  });
});

describe('readings window', () => {
  const window = { fromDay: 15, toDay: 25 };
  it('counts the days in the company time zone', () => {
    // 24 Nov 22:30 UTC is already the 25th in Moscow; 25 Nov 21:30 UTC is the 26th.
    expect(isWithinReadingsWindow(new Date('2026-11-14T20:59:00Z'), window, 'Europe/Moscow')).toBe(false);
    expect(isWithinReadingsWindow(new Date('2026-11-14T21:00:00Z'), window, 'Europe/Moscow')).toBe(true);
    expect(isWithinReadingsWindow(new Date('2026-11-25T20:59:00Z'), window, 'Europe/Moscow')).toBe(true);
    expect(isWithinReadingsWindow(new Date('2026-11-25T21:00:00Z'), window, 'Europe/Moscow')).toBe(false);
    expect(readingsClosedMessage(window)).toContain('с 15 по 25 число');
  });
});

describe('bad input of any kind', () => {
  const schemas = [ComplaintFormSchema, FeedbackFormSchema, ServiceApplicationFlSchema, ServiceApplicationUlSchema, HouseholdReadingsSchema, LegalReadingsSchema];
  const junk: unknown[] = [null, 42, 'text', [], {}, { name: { $gt: '' } }, { consent: 'true', email: ['a'] }, { name: 'x'.repeat(100_000) }];
  it('gives Russian messages per field and never throws', () => {
    for (const schema of schemas) {
      for (const value of junk) {
        const errors = errorsOf(schema, value);
        expect(Object.keys(errors).length).toBeGreaterThan(0);
        for (const message of Object.values(errors)) expect(message).toMatch(/[а-яё]/i);
      }
    }
  });
});
