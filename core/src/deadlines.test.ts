import { describe, expect, it } from 'vitest';
import {
  APPEAL_TYPE_LABELS,
  APPEAL_TYPES,
  computeDeadline,
  DEFAULT_DEADLINES,
  DEFAULT_WORKING_HOURS,
  deadlineRuleFor,
  deadlineStanding,
  describeDeadlineStanding,
  type DeadlineRule,
  DeadlineRuleSchema,
  DeadlineTableSchema,
  WorkingHoursSchema,
  workingDaysText,
  workingPeriodOn,
} from './deadlines';
import { CALENDAR_2026, ProductionCalendar } from './production-calendar';

const calendar = new ProductionCalendar([CALENDAR_2026]);
const question = deadlineRuleFor(DEFAULT_DEADLINES, 'question');
const complaint = deadlineRuleFor(DEFAULT_DEADLINES, 'complaint');

/** The instant of a Moscow wall-clock time (UTC+3 all year). */
const moscow = (localDateTime: string) => new Date(`${localDateTime}+03:00`);

describe('DEFAULT_DEADLINES', () => {
  it('is a valid table with a rule for every appeal type', () => {
    expect(DeadlineTableSchema.safeParse(DEFAULT_DEADLINES).success).toBe(true);
    for (const type of APPEAL_TYPES) expect(deadlineRuleFor(DEFAULT_DEADLINES, type).appealType).toBe(type);
  });

  it.each([
    ['question', 2, 'working'],
    ['application', 5, 'working'],
    ['complaint', 10, 'calendar'],
    ['feedback', 10, 'calendar'],
    ['readings', 1, 'working'],
    ['email', 10, 'calendar'],
    ['complaint-59-fz', 30, 'calendar'],
    ['interactive-question', 3, 'working'],
    ['document-originals', 6, 'working'],
  ])('gives %s %d %s days', (key, days, unit) => {
    const rule = deadlineRuleFor(DEFAULT_DEADLINES, key);
    expect({ days: rule.days, unit: rule.unit }).toEqual({ days, unit });
    expect(rule.title).toMatch(/[а-я]/);
    expect(rule.source.length).toBeGreaterThan(0);
  });

  it('tells the applicant a specialist will call, and allows the interactive term to grow to 10 days', () => {
    expect(deadlineRuleFor(DEFAULT_DEADLINES, 'application').note).toMatch(/свяжется специалист/);
    expect(deadlineRuleFor(DEFAULT_DEADLINES, 'interactive-question').extendedDays).toBe(10);
  });

  it('labels every appeal type in Russian', () => {
    for (const type of APPEAL_TYPES) expect(APPEAL_TYPE_LABELS[type]).toMatch(/^[А-ЯЁ]/);
  });

  it('refuses an unknown key', () => {
    expect(() => deadlineRuleFor(DEFAULT_DEADLINES, 'telegram')).toThrow(/telegram/);
  });
});

describe('DeadlineRuleSchema and DeadlineTableSchema', () => {
  const rule = { appealType: 'question', days: 2, unit: 'working', title: 'Ответ', source: 'Стандарт, п. 6' } as const;

  it('defaults the note to empty', () => {
    expect(DeadlineRuleSchema.parse(rule).note).toBe('');
  });

  it.each([
    [{ days: 0 }],
    [{ days: 2.5 }],
    [{ unit: 'hours' }],
    [{ appealType: 'Вопрос' }],
    [{ appealType: 'interactive question' }],
    [{ title: '  ' }],
    [{ extendedDays: 2 }],
  ])('rejects %j', (change) => {
    expect(DeadlineRuleSchema.safeParse({ ...rule, ...change }).success).toBe(false);
  });

  it('requires every appeal type once', () => {
    const withoutEmail = DEFAULT_DEADLINES.filter((row) => row.appealType !== 'email');
    expect(DeadlineTableSchema.safeParse(withoutEmail).error?.issues[0]?.message).toBe('Не указан срок для «email»');
    const doubled = [...DEFAULT_DEADLINES, DEFAULT_DEADLINES[0]];
    expect(DeadlineTableSchema.safeParse(doubled).error?.issues[0]?.message).toBe('Срок для «question» указан дважды');
  });
});

describe('computeDeadline: working days', () => {
  it('counts from the next working day: Friday 27 November 2026 + 2 → Tuesday 1 December', () => {
    const result = computeDeadline({ receivedAt: moscow('2026-11-27T12:00:00'), rule: question, calendar });
    expect(result).toEqual({
      deadlineDate: '2026-12-01',
      receivedLocalDate: '2026-11-27',
      receivedLocalDateTime: '2026-11-27T12:00:00',
      receivedOutsideWorkingHours: false,
      calendarConfirmed: true,
    });
  });

  it('gives the same date for the weekend after', () => {
    expect(computeDeadline({ receivedAt: moscow('2026-11-29T10:00:00'), rule: question, calendar }).deadlineDate).toBe(
      '2026-12-01',
    );
  });

  it('takes the receipt date in the company time zone, not UTC', () => {
    // 21:30 UTC on Thursday is 00:30 on Friday in Moscow but still Thursday 23:30 in Kaliningrad.
    const receivedAt = new Date('2026-11-26T21:30:00Z');
    const inMoscow = computeDeadline({ receivedAt, rule: question, calendar });
    const inKaliningrad = computeDeadline({ receivedAt, rule: question, calendar, timeZone: 'Europe/Kaliningrad' });
    expect([inMoscow.receivedLocalDate, inMoscow.deadlineDate]).toEqual(['2026-11-27', '2026-12-01']);
    expect([inKaliningrad.receivedLocalDate, inKaliningrad.deadlineDate]).toEqual(['2026-11-26', '2026-11-30']);
  });

  it('carries a 30 December evening appeal past the New Year holidays of the statutory 2027', () => {
    // 31 Dec 2026 is a day off by the decree; 1 and 4–8 Jan 2027 are holidays, 2–3 and 9–10 Jan weekends.
    const result = computeDeadline({ receivedAt: moscow('2026-12-30T19:30:00'), rule: question, calendar });
    expect(result.deadlineDate).toBe('2027-01-12');
    expect(result.receivedOutsideWorkingHours).toBe(true);
    expect(result.workStartsAt).toBe('2027-01-11T08:00');
    expect(result.calendarConfirmed).toBe(false);
  });

  it('gives the extended date for a rule that can be extended', () => {
    const rule = deadlineRuleFor(DEFAULT_DEADLINES, 'interactive-question');
    const result = computeDeadline({ receivedAt: moscow('2026-11-27T09:00:00'), rule, calendar });
    expect(result.deadlineDate).toBe('2026-12-02');
    expect(result.extendedDeadlineDate).toBe('2026-12-11');
  });

  it('skips the May holidays of 2026', () => {
    const rule = deadlineRuleFor(DEFAULT_DEADLINES, 'application');
    // 5 working days after Thu 30 April: 4, 5, 6, 7, 8 May.
    expect(computeDeadline({ receivedAt: moscow('2026-04-30T10:00:00'), rule, calendar }).deadlineDate).toBe(
      '2026-05-08',
    );
  });
});

describe('computeDeadline: calendar days', () => {
  it('adds calendar days to the receipt date', () => {
    expect(computeDeadline({ receivedAt: moscow('2026-11-27T12:00:00'), rule: complaint, calendar }).deadlineDate).toBe(
      '2026-12-07',
    );
  });

  it('moves a term ending on a day off to the next working day (Civil Code art. 193)', () => {
    // 29 April + 10 = Saturday 9 May; 10 May is Sunday and 11 May a day off, so Tuesday 12 May.
    expect(computeDeadline({ receivedAt: moscow('2026-04-29T12:00:00'), rule: complaint, calendar }).deadlineDate).toBe(
      '2026-05-12',
    );
    // 22 December + 10 = 1 January 2027.
    expect(computeDeadline({ receivedAt: moscow('2026-12-22T12:00:00'), rule: complaint, calendar }).deadlineDate).toBe(
      '2027-01-11',
    );
  });

  it('counts the 59-ФЗ term of 30 days the same way', () => {
    const rule = deadlineRuleFor(DEFAULT_DEADLINES, 'complaint-59-fz');
    // 27 November + 30 = Sunday 27 December → Monday 28 December.
    expect(computeDeadline({ receivedAt: moscow('2026-11-27T12:00:00'), rule, calendar }).deadlineDate).toBe(
      '2026-12-28',
    );
  });
});

describe('computeDeadline: working hours', () => {
  const at = (localDateTime: string, rule: DeadlineRule = question) =>
    computeDeadline({ receivedAt: moscow(localDateTime), rule, calendar });

  it('works Monday to Thursday 8:00–17:00', () => {
    expect(at('2026-11-26T08:00:00').receivedOutsideWorkingHours).toBe(false);
    expect(at('2026-11-26T16:59:59').receivedOutsideWorkingHours).toBe(false);
    expect(at('2026-11-26T17:00:00')).toMatchObject({
      receivedOutsideWorkingHours: true,
      workStartsAt: '2026-11-27T08:00',
    });
  });

  it('starts the same day when an appeal arrives before opening', () => {
    expect(at('2026-11-30T07:59:00')).toMatchObject({
      receivedOutsideWorkingHours: true,
      workStartsAt: '2026-11-30T08:00',
    });
  });

  it('ends Friday at 15:45 and resumes on Monday', () => {
    expect(at('2026-11-27T15:44:00').receivedOutsideWorkingHours).toBe(false);
    expect(at('2026-11-27T15:45:00')).toMatchObject({
      receivedOutsideWorkingHours: true,
      workStartsAt: '2026-11-30T08:00',
    });
    expect(at('2026-11-28T11:00:00').workStartsAt).toBe('2026-11-30T08:00');
  });

  it('ends a shortened day an hour earlier and skips the holiday after it', () => {
    // Tuesday 3 November 2026 is shortened; 4 November is a holiday.
    expect(at('2026-11-03T15:59:00').receivedOutsideWorkingHours).toBe(false);
    expect(at('2026-11-03T16:00:00')).toMatchObject({
      receivedOutsideWorkingHours: true,
      workStartsAt: '2026-11-05T08:00',
    });
    // Friday 8 May 2026 is shortened too: 14:45 instead of 15:45.
    expect(workingPeriodOn('2026-05-08', calendar)).toEqual({ start: '08:00', end: '14:45' });
  });

  it('is outside working hours all through a holiday', () => {
    expect(at('2026-01-05T10:00:00')).toMatchObject({
      receivedOutsideWorkingHours: true,
      workStartsAt: '2026-01-12T08:00',
    });
  });

  it('follows configured hours', () => {
    const workingHours = WorkingHoursSchema.parse({
      friday: { start: '09:00', end: '18:00' },
      shortDayMinutes: 0,
    });
    const friday = computeDeadline({
      receivedAt: moscow('2026-11-27T17:00:00'),
      rule: question,
      calendar,
      workingHours,
    });
    expect(friday.receivedOutsideWorkingHours).toBe(false);
    expect(workingPeriodOn('2026-11-03', calendar, workingHours)).toEqual({ start: '08:00', end: '17:00' });
    expect(WorkingHoursSchema.safeParse({ monday: { start: '17:00', end: '08:00' } }).success).toBe(false);
    expect(WorkingHoursSchema.safeParse({ monday: { start: '8:00', end: '17:00' } }).success).toBe(false);
  });

  it('uses the working-weekend hours on a Saturday a transfer makes working', () => {
    const withTransfer = new ProductionCalendar([{ ...CALENDAR_2026, workingWeekends: ['2026-11-28'] }]);
    const result = computeDeadline({
      receivedAt: moscow('2026-11-28T10:00:00'),
      rule: question,
      calendar: withTransfer,
    });
    expect(result.receivedOutsideWorkingHours).toBe(false);
    expect(result.deadlineDate).toBe('2026-12-01');
    expect(workingPeriodOn('2026-11-28', withTransfer)).toEqual(DEFAULT_WORKING_HOURS.workingWeekend);
    expect(workingPeriodOn('2026-11-28', calendar)).toBeNull();
  });
});

describe('deadline standing for handlers', () => {
  it('says how many working days are left, the deadline day included', () => {
    // Thursday 26 November, deadline Monday 30 November: Friday 27 and Monday 30 are left.
    expect(describeDeadlineStanding(deadlineStanding('2026-11-30', '2026-11-26', calendar))).toBe('осталось 2 рабочих дня');
    expect(describeDeadlineStanding(deadlineStanding('2026-11-30', '2026-11-27', calendar))).toBe('остался 1 рабочий день');
    // Monday 2 → Monday 9 November: 3, 5, 6, 9 (4 November is a holiday).
    expect(describeDeadlineStanding(deadlineStanding('2026-11-09', '2026-11-02', calendar))).toBe('осталось 4 рабочих дня');
  });

  it('says «срок сегодня» on the deadline day', () => {
    expect(describeDeadlineStanding(deadlineStanding('2026-11-27', '2026-11-27', calendar))).toBe('срок сегодня');
  });

  it('counts overdue working days after the deadline, days off not counted', () => {
    // Deadline Friday 27 November; on Monday 30 one working day has passed, on Wednesday 2 December three.
    expect(describeDeadlineStanding(deadlineStanding('2026-11-27', '2026-11-30', calendar))).toBe('просрочено на 1 рабочий день');
    expect(describeDeadlineStanding(deadlineStanding('2026-11-27', '2026-12-02', calendar))).toBe('просрочено на 3 рабочих дня');
    expect(describeDeadlineStanding(deadlineStanding('2026-11-27', '2026-11-29', calendar))).toBe('просрочено (прошли только выходные дни)');
  });

  it('agrees the words with the number', () => {
    expect(workingDaysText(1)).toBe('1 рабочий день');
    expect(workingDaysText(3)).toBe('3 рабочих дня');
    expect(workingDaysText(5)).toBe('5 рабочих дней');
    expect(workingDaysText(11)).toBe('11 рабочих дней');
    expect(workingDaysText(21)).toBe('21 рабочий день');
    expect(workingDaysText(22)).toBe('22 рабочих дня');
  });
});
