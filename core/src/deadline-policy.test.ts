import { describe, expect, it } from 'vitest';
import { checkExtension, DEFAULT_DEADLINE_SETTINGS, deadlineRuleKey, extensionLimit, registrationRuleKey } from './deadline-policy';
import { computeDeadline, DEFAULT_DEADLINES, deadlineRuleFor } from './deadlines';
import { CALENDAR_2026, ProductionCalendar } from './production-calendar';

const calendar = new ProductionCalendar([CALENDAR_2026]);
const moscow = (localDateTime: string) => new Date(`${localDateTime}+03:00`);
const rule = (key: string) => deadlineRuleFor(DEFAULT_DEADLINES, key);

describe('deadlines as the standards say', () => {
  it('answers feedback within 10 calendar days (000 L691): received Tue 27 Oct 2026 → Fri 6 Nov, past the 4 November holiday', () => {
    // 27 October + 10 calendar days = Friday 6 November 2026, a working day; the 4 November holiday inside the term
    // does not move a calendar-day term. The old 5 working days gave 28, 29, 30 October, 2, 3 November → 3 November.
    const result = computeDeadline({ receivedAt: moscow('2026-10-27T10:00'), rule: rule('feedback'), calendar });
    expect(result.deadlineDate).toBe('2026-11-06');
  });

  it('gives an unclassified e-mail the e-mail row: 10 calendar days (000 L620); ending on Sunday 14 June → Monday 15 June', () => {
    // 4 June 2026 + 10 = Sunday 14 June; 12–14 June are days off (Russia Day), so the term ends on Monday 15 June.
    const result = computeDeadline({ receivedAt: moscow('2026-06-04T12:00'), rule: rule(deadlineRuleKey('email', 'service-standard')), calendar });
    expect(result.deadlineDate).toBe('2026-06-15');
  });

  it('gives an e-mail classified as a complaint the complaint row (000 L695), and as a question the question row', () => {
    expect(deadlineRuleKey('email', 'service-standard', 'complaint')).toBe('complaint');
    expect(deadlineRuleKey('email', 'service-standard', 'question')).toBe('question');
    expect(deadlineRuleKey('email', 'service-standard', null)).toBe('email');
  });

  it('applies the interactive-question and 59-ФЗ rows only under the quality standard (001 L768–770)', () => {
    expect(deadlineRuleKey('question', 'service-standard')).toBe('question');
    expect(deadlineRuleKey('complaint', 'service-standard')).toBe('complaint');
    expect(deadlineRuleKey('question', 'quality-standard')).toBe('interactive-question');
    expect(deadlineRuleKey('complaint', 'quality-standard')).toBe('complaint-59-fz');
    expect(deadlineRuleKey('email', 'quality-standard', 'complaint')).toBe('complaint-59-fz');
    expect(deadlineRuleKey('application', 'quality-standard')).toBe('application');
    // Under the quality standard a question received Friday 30 Oct 2026 is due in 3 working days: 2, 3, 5 November
    // (4 November is a holiday) → Thursday 5 November.
    const due = computeDeadline({ receivedAt: moscow('2026-10-30T10:00'), rule: rule(deadlineRuleKey('question', 'quality-standard')), calendar });
    expect(due.deadlineDate).toBe('2026-11-05');
  });
});

describe('checkExtension', () => {
  const complaint = {
    rule: rule('complaint'),
    receivedLocalDate: '2026-11-02',
    // Received Monday 2 November + 10 calendar days = Thursday 12 November.
    currentDeadline: '2026-11-12',
    extensionsSoFar: 0,
    settings: DEFAULT_DEADLINE_SETTINGS,
    calendar,
  };

  it('allows an extension by 8 calendar days (000 L406): 12 → 20 November', () => {
    expect(checkExtension({ ...complaint, newDeadline: '2026-11-20' })).toBeNull();
  });

  it('refuses an extension by 9 calendar days with the latest allowed date', () => {
    expect(checkExtension({ ...complaint, newDeadline: '2026-11-21' })).toBe(
      'Срок можно продлить не более чем на 8 календарных дней, то есть не позднее 20 ноября 2026 г.',
    );
  });

  it('refuses a second extension', () => {
    expect(checkExtension({ ...complaint, extensionsSoFar: 1, currentDeadline: '2026-11-20', newDeadline: '2026-11-23' })).toMatch(/уже продлевался/);
  });

  it('allows a second extension when the settings allow two', () => {
    expect(checkExtension({ ...complaint, extensionsSoFar: 1, currentDeadline: '2026-11-20', newDeadline: '2026-11-23', settings: { ...DEFAULT_DEADLINE_SETTINGS, extensionsAllowed: 2 } })).toBeNull();
  });

  it('follows a configured cap: 5 calendar days', () => {
    const settings = { ...DEFAULT_DEADLINE_SETTINGS, extensionCalendarDays: 5 };
    expect(checkExtension({ ...complaint, settings, newDeadline: '2026-11-17' })).toBeNull();
    expect(checkExtension({ ...complaint, settings, newDeadline: '2026-11-18' })).toMatch(/не более чем на 5 календарных дней/);
  });

  it('caps an interactive question at 10 working days from receipt (001 L769)', () => {
    // Received Friday 30 October 2026. Ten working days from the next working day: 2, 3, 5, 6, 9, 10, 11, 12, 13, 16
    // November (4 November is a holiday) → Monday 16 November.
    const interactive = { ...complaint, rule: rule('interactive-question'), receivedLocalDate: '2026-10-30', currentDeadline: '2026-11-05' };
    expect(checkExtension({ ...interactive, newDeadline: '2026-11-16' })).toBeNull();
    expect(checkExtension({ ...interactive, newDeadline: '2026-11-17' })).toBe(
      'Срок можно продлить не более чем до 10 рабочих дней с даты поступления обращения, то есть не позднее 16 ноября 2026 г.',
    );
  });

  it('gives the handler\'s form the latest date, or none after the allowed extensions', () => {
    expect(extensionLimit(complaint)).toEqual({ latest: '2026-11-20', text: 'Срок можно продлить не более чем на 8 календарных дней, то есть не позднее 20 ноября 2026 г.' });
    expect(extensionLimit({ ...complaint, extensionsSoFar: 1 }).latest).toBeNull();
  });
});

describe('written (postal) appeals (000 L398–410)', () => {
  it('registers a letter received Tue 3 Nov 2026 within 2 working days: 5 and 6 November (4 November is a holiday) → Fri 6 Nov', () => {
    const key = registrationRuleKey('post');
    expect(key).toBe('written-registration');
    const due = computeDeadline({ receivedAt: moscow('2026-11-03T11:00'), rule: rule(key!), calendar });
    expect(due.deadlineDate).toBe('2026-11-06');
  });

  it('answers a letter received Tue 3 Nov 2026 within 20 calendar days: Mon 23 Nov, whatever its type', () => {
    for (const type of ['question', 'complaint', 'application', 'feedback'] as const) {
      const due = computeDeadline({ receivedAt: moscow('2026-11-03T11:00'), rule: rule(deadlineRuleKey(type, 'service-standard', null, 'post')), calendar });
      expect(due.deadlineDate).toBe('2026-11-23');
    }
  });

  it('moves a 20-day term ending on the Russia Day holiday: received Sat 23 May 2026 → Fri 12 June is a day off → Mon 15 June; registration Tue 26 May', () => {
    expect(computeDeadline({ receivedAt: moscow('2026-05-23T10:00'), rule: rule(deadlineRuleKey('question', 'service-standard', null, 'post')), calendar }).deadlineDate).toBe('2026-06-15');
    // Working days after Saturday 23 May: Monday 25, Tuesday 26.
    expect(computeDeadline({ receivedAt: moscow('2026-05-23T10:00'), rule: rule('written-registration'), calendar }).deadlineDate).toBe('2026-05-26');
  });

  it('extends a postal appeal by at most 8 calendar days: 23 Nov → 1 Dec at the latest, once', () => {
    const base = { rule: rule('written-appeal'), receivedLocalDate: '2026-11-03', currentDeadline: '2026-11-23', extensionsSoFar: 0, settings: DEFAULT_DEADLINE_SETTINGS, calendar };
    expect(checkExtension({ ...base, newDeadline: '2026-12-01' })).toBeNull();
    expect(checkExtension({ ...base, newDeadline: '2026-12-02' })).toContain('8 календарных дней');
    expect(checkExtension({ ...base, newDeadline: '2026-11-30', extensionsSoFar: 1 })).not.toBeNull();
  });

  it('gives site, e-mail, phone and office appeals no registration stage and their type\'s row', () => {
    for (const channel of ['site', 'email', 'phone', 'office', 'chat'] as const) {
      expect(registrationRuleKey(channel)).toBeNull();
      expect(deadlineRuleKey('question', 'service-standard', null, channel)).toBe('question');
    }
    // A postal complaint under the quality standard: 59-ФЗ takes precedence for citizens' complaints.
    expect(deadlineRuleKey('complaint', 'quality-standard', null, 'post')).toBe('complaint-59-fz');
  });
});
