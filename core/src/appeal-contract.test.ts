import { describe, expect, it } from 'vitest';
import { FieldRejectedError, registrationAnswer, SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS, ServiceUnavailableError, submittedString } from './appeal-contract';
import { StatusLookupSchema, STATUS_LOOKUP_MESSAGES } from './appeal-status-lookup';
import { escapeHtml } from './escape-html';
import { officePath, tariffPeriodPath } from './site-paths';

describe('the 201 answer', () => {
  const registration = { registrationNumber: 'В-2026-000123', receivedAt: '2026-12-07T09:00:00.000Z', deadlineDate: '2026-12-09', deadlineText: '9 декабря 2026 г.' };

  it('thanks the client with the number and the deadline, ending in one full stop', () => {
    expect(registrationAnswer(registration)).toEqual({
      ...registration,
      message: 'Спасибо! Ваше обращение зарегистрировано под номером В-2026-000123. Мы ответим не позднее 9 декабря 2026 г.',
    });
  });

  it('adds the full stop a deadline without one lacks', () => {
    expect(registrationAnswer({ ...registration, deadlineText: '9 декабря' }).message).toBe('Спасибо! Ваше обращение зарегистрировано под номером В-2026-000123. Мы ответим не позднее 9 декабря.');
  });
});

describe('submittedString', () => {
  it('gives the trimmed text a client sent under the key', () => {
    expect(submittedString({ topic: '  oplata ' }, 'topic')).toBe('oplata');
  });

  it('gives nothing for a missing key, a blank or non-text value, or a body that is not an object', () => {
    expect(submittedString({ other: 'oplata' }, 'topic')).toBeUndefined();
    expect(submittedString({ topic: '   ' }, 'topic')).toBeUndefined();
    expect(submittedString({ topic: 42 }, 'topic')).toBeUndefined();
    expect(submittedString(null, 'topic')).toBeUndefined();
    expect(submittedString('topic', 'topic')).toBeUndefined();
  });
});

describe('errors of the appeal road', () => {
  it('a rejected field keeps the field, the message for the client and the cause', () => {
    const cause = new Error('bad PNG header');
    const error = new FieldRejectedError('attachments', 'Файл повреждён', { cause });
    expect([error.name, error.field, error.userMessage, error.cause, error.message]).toEqual(['FieldRejectedError', 'attachments', 'Файл повреждён', cause, 'Field attachments rejected']);
  });

  it('a temporary failure asks the client to come back after 30 seconds unless told otherwise, and keeps its cause', () => {
    const cause = new Error('SQLITE_BUSY');
    const error = new ServiceUnavailableError(undefined, { cause });
    expect([error.name, error.retryAfterSeconds, error.cause]).toEqual(['ServiceUnavailableError', 30, cause]);
    expect(SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS).toBe(30);
    expect(new ServiceUnavailableError('locked', { retryAfterSeconds: 5 }).retryAfterSeconds).toBe(5);
  });
});

describe('the status lookup', () => {
  it('takes the contact trimmed, up to 200 characters', () => {
    expect(StatusLookupSchema.parse({ number: 'В-2026-000123', contact: '  anna@example.ru ' })).toEqual({ number: 'В-2026-000123', contact: 'anna@example.ru' });
    expect(StatusLookupSchema.safeParse({ number: 'В-2026-000123', contact: 'a'.repeat(200) }).success).toBe(true);
  });

  it('names what is wrong with the contact: missing, blank or too long', () => {
    const contactError = (contact: unknown) => {
      const result = StatusLookupSchema.safeParse({ number: 'В-2026-000123', contact });
      return result.success ? undefined : result.error.issues.find((issue) => issue.path[0] === 'contact')?.message;
    };
    expect(contactError(undefined)).toBe(STATUS_LOOKUP_MESSAGES.contactRequired);
    expect(contactError('   ')).toBe(STATUS_LOOKUP_MESSAGES.contactRequired);
    expect(contactError('a'.repeat(201))).toBe(STATUS_LOOKUP_MESSAGES.contactTooLong);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that can start or end markup, and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>Том & Ко</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Том &amp; Ко&lt;/a&gt;');
    expect(escapeHtml('Счётчик № 5 — 100 кВт·ч')).toBe('Счётчик № 5 — 100 кВт·ч');
  });
});

describe('site paths', () => {
  it('puts offices and payment points under their own lists', () => {
    expect(officePath({ kind: 'office', slug: 'zarechnyy' })).toBe('/spravka/ofisy/zarechnyy/');
    expect(officePath({ kind: 'payment-point', slug: 'vokzal' })).toBe('/spravka/punkty-oplaty/vokzal/');
  });

  it('puts a tariff period under the archive', () => {
    expect(tariffPeriodPath('2025-1')).toBe('/fizlicam/tarify/arhiv/2025-1/');
  });
});
