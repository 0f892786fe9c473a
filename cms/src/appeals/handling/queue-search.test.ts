import type { Where } from 'payload';
import { describe, expect, it } from 'vitest';
import { phoneSearchDigits, withPhoneSearchDigits } from './queue-search';

describe('the queue\'s search by phone', () => {
  it('matches a phone typed as the client said it by its digits without the country code', () => {
    expect(phoneSearchDigits('8 900 111-22-33')).toBe('9001112233');
    expect(phoneSearchDigits('+7 (900) 111')).toBe('900111');
    expect(phoneSearchDigits('79001112233')).toBe('9001112233');
    expect(phoneSearchDigits('111-22')).toBe('11122');
  });

  it('leaves names, e-mails, registration numbers and short numbers alone', () => {
    expect(phoneSearchDigits('Белова')).toBeNull();
    expect(phoneSearchDigits('kuznetsov@example.ru')).toBeNull();
    expect(phoneSearchDigits('З-2026-000001')).toBeNull();
    expect(phoneSearchDigits('12')).toBeNull();
  });

  it('rewrites only the phone condition of the list\'s search, keeping the others and the filters', () => {
    const where: Where = { and: [{ status: { equals: 'routed' } }, { or: [{ name: { like: '8 900 111' } }, { phone: { like: '8 900 111' } }] }] };
    expect(withPhoneSearchDigits(where)).toEqual({ and: [{ status: { equals: 'routed' } }, { or: [{ name: { like: '8 900 111' } }, { phone: { like: '900111' } }] }] });
  });
});
