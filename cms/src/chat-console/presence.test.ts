import { describe, expect, it } from 'vitest';
import { chatLimitOf, effectivePresence, parseChatHours } from './presence';

describe('operator presence', () => {
  const now = new Date('2026-12-07T10:00:00.000Z');
  it('keeps what the operator set while the console beats within two minutes', () => {
    expect(effectivePresence('online', '2026-12-07T09:58:00.000Z', now)).toBe('online');
    expect(effectivePresence('away', '2026-12-07T09:59:30.000Z', now)).toBe('away');
  });
  it('turns offline after two minutes without a heartbeat, or with none at all', () => {
    expect(effectivePresence('online', '2026-12-07T09:57:59.000Z', now)).toBe('offline');
    expect(effectivePresence('online', null, now)).toBe('offline');
    expect(effectivePresence('offline', '2026-12-07T10:00:00.000Z', now)).toBe('offline');
  });
  it('reads working hours written as 08:00–17:00 and refuses an empty or reversed span', () => {
    expect(parseChatHours('08:00–17:00')).toEqual({ from: 480, to: 1020 });
    expect(parseChatHours('09:30-18:15')).toEqual({ from: 570, to: 1095 });
    expect(parseChatHours('17:00–08:00')).toBeNull();
    expect(parseChatHours('8 до 17')).toBeNull();
  });
  it('limits an operator to 3 conversations unless a sane limit is set', () => {
    expect(chatLimitOf(undefined)).toBe(3);
    expect(chatLimitOf(5)).toBe(5);
    expect(chatLimitOf(0)).toBe(3);
  });
});
