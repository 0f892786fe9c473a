import { z } from 'zod';
import { APPEAL_TYPES } from './appeal-type';
import { addDays, dayOfWeek, isWeekend, yearOf } from './iso-date';
import type { ProductionCalendar } from './production-calendar';
import { DEFAULT_TIME_ZONE, toLocalDateTime } from './time-zone';

/**
 * The service deadlines table (сроки рассмотрения обращений) and the arithmetic that turns the moment an
 * appeal arrives into the date promised to the client in the registration e-mail.
 */

// The appeal types are their own concept (appeal-type.ts); re-exported because the table is keyed by them.
export { APPEAL_TYPES, APPEAL_TYPE_LABELS, APPEAL_TYPE_LETTERS, AppealTypeSchema } from './appeal-type';
export type { AppealType } from './appeal-type';

/** How the days of a rule are counted. */
export const DEADLINE_UNITS = ['working', 'calendar'] as const;

/** Russian names of the units, for the CMS and e-mails («2 рабочих дня»). */
export const DEADLINE_UNIT_LABELS: Record<(typeof DEADLINE_UNITS)[number], string> = {
  working: 'рабочие дни',
  calendar: 'календарные дни',
};

/** One row of the deadlines table. */
export const DeadlineRuleSchema = z
  .object({
    /**
     * What the rule is for: one of `APPEAL_TYPES`, or the key of an extra documented rule such as
     * `interactive-question` or `document-originals` (lowercase Latin letters, digits and hyphens).
     */
    appealType: z
      .string()
      .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, { error: 'Ключ правила: латинские строчные буквы, цифры и дефис' }),
    /** Length of the term, counted from the receipt of the appeal (1–365). */
    days: z.number().int().min(1).max(365),
    /** `working`: counted from the next working day after receipt; `calendar`: from the receipt date. */
    unit: z.enum(DEADLINE_UNITS),
    /** Longest total term when the handler extends it (same unit, counted from receipt); none by default. */
    extendedDays: z.number().int().min(1).max(365).optional(),
    /** Russian name of the rule, e.g. «Ответ на вопрос». */
    title: z.string().trim().min(1).max(200),
    /** Russian sentence for the client after the date, e.g. «Затем с вами свяжется специалист». Default empty. */
    note: z.string().trim().max(500).default(''),
    /** Where the term comes from, e.g. «Стандарт обслуживания клиентов, п. 6». */
    source: z.string().trim().min(1).max(300),
  })
  .refine((rule) => rule.extendedDays === undefined || rule.extendedDays > rule.days, {
    error: 'Продлённый срок должен быть больше основного',
    path: ['extendedDays'],
  });
export type DeadlineRule = z.output<typeof DeadlineRuleSchema>;
export type DeadlineRuleInput = z.input<typeof DeadlineRuleSchema>;

/** The whole table: one rule per key, and a rule for every appeal type so every appeal gets a date. */
export const DeadlineTableSchema = z.array(DeadlineRuleSchema).superRefine((rules, ctx) => {
  const keys = new Set<string>();
  rules.forEach((rule, index) => {
    if (keys.has(rule.appealType)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'appealType'],
        message: `Срок для «${rule.appealType}» указан дважды`,
      });
    }
    keys.add(rule.appealType);
  });
  for (const type of APPEAL_TYPES) {
    if (!keys.has(type)) ctx.addIssue({ code: 'custom', path: [], message: `Не указан срок для «${type}»` });
  }
});
export type DeadlineTable = z.output<typeof DeadlineTableSchema>;

const INTERNET_RECEPTION_STANDARD = 'Стандарт обслуживания клиентов, порядок работы Интернет-приёмной';
const INTERACTIVE_SERVICE_STANDARD = 'Стандарт качества обслуживания потребителей, п. 9.2.4';
const COMPANY_DEFAULT = 'Принято в компании по умолчанию, можно изменить';
const FEEDBACK_STANDARD = 'Стандарт обслуживания клиентов, § 3–4';
const WRITTEN_STANDARD = 'Стандарт обслуживания клиентов, типовой алгоритм заочного обслуживания по почте, п. 6';

/**
 * The seed of the editable deadlines table, taken from the customer-service standards.
 *
 * The complaint term is the standard's 10 calendar days; the 30 calendar days that Federal law № 59-ФЗ
 * allows for citizens' written appeals are kept as the separate `complaint-59-fz` row, so a company that
 * follows the law's term can copy it over the `complaint` row in the CMS.
 */
export const DEFAULT_DEADLINES: readonly DeadlineRule[] = DeadlineTableSchema.parse([
  {
    appealType: 'question',
    days: 2,
    unit: 'working',
    title: 'Ответ на вопрос',
    note: 'Ответ придёт выбранным вами способом',
    source: `${INTERNET_RECEPTION_STANDARD}, п. 6`,
  },
  {
    appealType: 'application',
    days: 5,
    unit: 'working',
    title: 'Рассмотрение заявки на услугу',
    note: 'Затем с вами свяжется специалист, чтобы договориться о дальнейших шагах',
    source: `${INTERNET_RECEPTION_STANDARD}, п. 15`,
  },
  {
    appealType: 'complaint',
    days: 10,
    unit: 'calendar',
    title: 'Рассмотрение жалобы',
    note: 'Затем с вами свяжется специалист',
    source: `${INTERNET_RECEPTION_STANDARD}, п. 22`,
  },
  {
    appealType: 'feedback',
    days: 10,
    unit: 'calendar',
    title: 'Ответ на отзыв',
    note: 'Если отзыв требует ответа, мы ответим выбранным вами способом',
    source: `${FEEDBACK_STANDARD}, п. 4 (обратная связь)`,
  },
  {
    appealType: 'readings',
    days: 1,
    unit: 'working',
    title: 'Приём показаний приборов учёта',
    note: 'Если в показаниях что-то потребуется уточнить, мы с вами свяжемся',
    source: COMPANY_DEFAULT,
  },
  {
    appealType: 'email',
    days: 10,
    unit: 'calendar',
    title: 'Ответ на письмо',
    note: 'Ответ придёт на адрес, с которого вы написали',
    source: `${FEEDBACK_STANDARD}, п. 6 (E-mail)`,
  },
  {
    appealType: 'complaint-59-fz',
    days: 30,
    unit: 'calendar',
    title: 'Рассмотрение письменного обращения гражданина',
    note: 'Затем с вами свяжется специалист',
    source: `Федеральный закон от 02.05.2006 № 59-ФЗ, ст. 12; ${INTERACTIVE_SERVICE_STANDARD}`,
  },
  {
    appealType: 'interactive-question',
    days: 3,
    unit: 'working',
    extendedDays: 10,
    title: 'Ответ на обращение через интернет-приёмную',
    note: 'Если для ответа понадобится больше времени, мы заранее сообщим об этом: срок может быть продлён до 10 рабочих дней',
    source: INTERACTIVE_SERVICE_STANDARD,
  },
  {
    // 000 L398–410, «Типовой алгоритм заочного обслуживания по почте», п. 6: registration, classification and transfer
    // to a specialist within 2 working days of receipt — the registration stage's own deadline.
    appealType: 'written-registration',
    days: 2,
    unit: 'working',
    title: 'Регистрация письменного (почтового) обращения',
    note: '',
    source: `${WRITTEN_STANDARD}: регистрация, классификация и передача специалисту`,
  },
  {
    // 000 L398–410: the answer within 20 calendar days, an extension by at most 8 (the «Сроки обслуживания» limit), 30
    // in all. Counted from the letter's receipt, so the date promised never exceeds the standard's.
    appealType: 'written-appeal',
    days: 20,
    unit: 'calendar',
    title: 'Ответ на письменное (почтовое) обращение',
    note: 'Ответ будет направлен выбранным вами способом. Если потребуется больше времени, срок может быть продлён не более чем на 8 календарных дней',
    source: `${WRITTEN_STANDARD}: рассмотрение и ответ — не более 20 календарных дней, продление — не более 8, всего — не более 30`,
  },
  {
    appealType: 'document-originals',
    days: 6,
    unit: 'working',
    title: 'Представление оригиналов документов',
    note: 'Пожалуйста, принесите в офис обслуживания оригиналы документов, копии которых вы приложили к заявке',
    source: 'Стандарт обслуживания, подраздел «Интернет-приёмная» (заявки на оказание услуг)',
  },
]);

/**
 * The rule for a key from a table.
 * @throws Error when the table has no such rule (a table validated with DeadlineTableSchema has every appeal type).
 */
export function deadlineRuleFor(table: readonly DeadlineRule[], appealType: string): DeadlineRule {
  const rule = table.find((candidate) => candidate.appealType === appealType);
  if (!rule) throw new Error(`No deadline rule for ${JSON.stringify(appealType)}`);
  return rule;
}

const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Local wall-clock time `HH:MM`, 24-hour clock. */
export const ClockTimeSchema = z
  .string()
  .regex(TIME_PATTERN, { error: 'Укажите время в формате ЧЧ:ММ, например 08:00' });

/** The working period of one day, start inclusive, end exclusive. */
export const WorkingPeriodSchema = z
  .object({
    /** When work starts, `HH:MM`. */
    start: ClockTimeSchema,
    /** When work ends, `HH:MM`; later than `start`. */
    end: ClockTimeSchema,
  })
  .refine((period) => period.start < period.end, {
    error: 'Конец рабочего дня должен быть позже начала',
    path: ['end'],
  });
export type WorkingPeriod = z.output<typeof WorkingPeriodSchema>;

const MONDAY_TO_THURSDAY: WorkingPeriod = { start: '08:00', end: '17:00' };
const FRIDAY: WorkingPeriod = { start: '08:00', end: '15:45' };

/** When the appeal handlers work; the production calendar decides which days are working. */
export const WorkingHoursSchema = z.object({
  /** Default 08:00–17:00. */
  monday: WorkingPeriodSchema.default(MONDAY_TO_THURSDAY),
  /** Default 08:00–17:00. */
  tuesday: WorkingPeriodSchema.default(MONDAY_TO_THURSDAY),
  /** Default 08:00–17:00. */
  wednesday: WorkingPeriodSchema.default(MONDAY_TO_THURSDAY),
  /** Default 08:00–17:00. */
  thursday: WorkingPeriodSchema.default(MONDAY_TO_THURSDAY),
  /** Default 08:00–15:45. */
  friday: WorkingPeriodSchema.default(FRIDAY),
  /** Hours on a Saturday or Sunday that a transfer makes a working day. Default 08:00–17:00. */
  workingWeekend: WorkingPeriodSchema.default(MONDAY_TO_THURSDAY),
  /** How much earlier a shortened pre-holiday day ends, in minutes. Default 60 (Labour Code art. 95). */
  shortDayMinutes: z.number().int().min(0).max(240).default(60),
});
export type WorkingHours = z.output<typeof WorkingHoursSchema>;

/** Mon–Thu 08:00–17:00, Fri 08:00–15:45, shortened days one hour shorter. */
export const DEFAULT_WORKING_HOURS: WorkingHours = WorkingHoursSchema.parse({});

const WEEKDAY_KEYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;

function toMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function toClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The working period of a local date, already shortened on a pre-holiday day, or null on a day off.
 * A shortened period never ends before it starts.
 */
export function workingPeriodOn(
  isoDate: string,
  calendar: ProductionCalendar,
  hours: WorkingHours = DEFAULT_WORKING_HOURS,
): WorkingPeriod | null {
  if (!calendar.isWorkingDay(isoDate)) return null;
  const weekday = dayOfWeek(isoDate);
  const key = WEEKDAY_KEYS[weekday - 1];
  const period = isWeekend(isoDate) || !key ? hours.workingWeekend : hours[key];
  if (!calendar.isShortDay(isoDate)) return period;
  const start = toMinutes(period.start);
  const end = Math.max(start + 1, toMinutes(period.end) - hours.shortDayMinutes);
  return { start: period.start, end: toClock(end) };
}

/** What {@link computeDeadline} needs. */
export interface DeadlineInput {
  /** The instant the appeal arrived (form submitted or e-mail received). */
  receivedAt: Date;
  /** The row of the deadlines table for the appeal. */
  rule: DeadlineRule;
  /** The production calendar of the company's region. */
  calendar: ProductionCalendar;
  /** The company's IANA time zone. Default Europe/Moscow. */
  timeZone?: string;
  /** The handlers' working hours. Default {@link DEFAULT_WORKING_HOURS}. */
  workingHours?: WorkingHours;
}

/** The dates to promise the client. */
export interface DeadlineResult {
  /** The last day of the term, local `YYYY-MM-DD`. */
  deadlineDate: string;
  /** The last day if the handler extends the term (rules with `extendedDays` only). */
  extendedDeadlineDate?: string;
  /** The receipt date in the company's time zone, `YYYY-MM-DD`. */
  receivedLocalDate: string;
  /** The receipt moment in the company's time zone, `YYYY-MM-DDTHH:MM:SS`. */
  receivedLocalDateTime: string;
  /** True when the appeal arrived on a day off or outside the working hours of a working day. */
  receivedOutsideWorkingHours: boolean;
  /** When outside working hours: the local start of the next working period, `YYYY-MM-DDTHH:MM`. */
  workStartsAt?: string;
  /** False when the term runs into a year not yet confirmed by a decree, so the date may still move. */
  calendarConfirmed: boolean;
}

/**
 * The last day of a term of `days` (of `unit`) counted from a local receipt date: working days from the next working
 * day; calendar days added to the date, a term ending on a day off moving to the next working day (Civil Code art. 193).
 */
export function termEnd(receivedLocalDate: string, days: number, unit: DeadlineRule['unit'], calendar: ProductionCalendar): string {
  if (unit === 'working') return calendar.addWorkingDays(receivedLocalDate, days);
  // Civil Code art. 193: a term ending on a day off ends on the next working day.
  const end = addDays(receivedLocalDate, days);
  return calendar.isWorkingDay(end) ? end : calendar.nextWorkingDay(end);
}

/**
 * Turns the receipt moment into the deadline the registration e-mail states.
 *
 * - The receipt date is the local date in the company's time zone (23:30 in Moscow is still "today").
 * - Working days are counted from the next working day after that date: received on Friday 27 November
 *   2026 with 2 working days, the answer is due on Tuesday 1 December 2026. The day of receipt never counts,
 *   whatever the hour.
 * - Calendar days are added to the receipt date; a term ending on a day off moves to the next working day
 *   (Civil Code art. 193).
 * - Outside the working hours (or on a day off) the result says when work starts, so the reply can tell
 *   the client (the standard asks for that in automatic replies).
 */
export function computeDeadline(input: DeadlineInput): DeadlineResult {
  const { receivedAt, rule, calendar } = input;
  const hours = input.workingHours ?? DEFAULT_WORKING_HOURS;
  const local = toLocalDateTime(receivedAt, input.timeZone ?? DEFAULT_TIME_ZONE);
  const deadlineDate = termEnd(local.date, rule.days, rule.unit, calendar);
  const extendedDeadlineDate =
    rule.extendedDays === undefined ? undefined : termEnd(local.date, rule.extendedDays, rule.unit, calendar);

  const today = workingPeriodOn(local.date, calendar, hours);
  const working =
    today !== null && local.minutesOfDay >= toMinutes(today.start) && local.minutesOfDay < toMinutes(today.end);
  let workStartsAt: string | undefined;
  if (!working) {
    const beforeStartToday = today !== null && local.minutesOfDay < toMinutes(today.start);
    const startDate = beforeStartToday ? local.date : calendar.nextWorkingDay(local.date);
    const period = workingPeriodOn(startDate, calendar, hours);
    // Only null if the calendar contradicts itself; nextWorkingDay returns a working day.
    if (!period) throw new Error(`No working period on ${startDate}`);
    workStartsAt = `${startDate}T${period.start}`;
  }

  const lastDate = extendedDeadlineDate ?? deadlineDate;
  let calendarConfirmed = true;
  for (let year = yearOf(local.date); year <= yearOf(lastDate); year++) {
    calendarConfirmed &&= calendar.isConfirmed(year);
  }

  return {
    deadlineDate,
    ...(extendedDeadlineDate === undefined ? {} : { extendedDeadlineDate }),
    receivedLocalDate: local.date,
    receivedLocalDateTime: `${local.date}T${local.time}`,
    receivedOutsideWorkingHours: !working,
    ...(workStartsAt === undefined ? {} : { workStartsAt }),
    calendarConfirmed,
  };
}

/** Russian «N рабочий день / рабочих дня / рабочих дней» with the number's grammatical agreement. */
export function workingDaysText(count: number): string {
  const n = Math.abs(count);
  const lastTwo = n % 100;
  const last = n % 10;
  const words = lastTwo >= 11 && lastTwo <= 14 ? 'рабочих дней' : last === 1 ? 'рабочий день' : last >= 2 && last <= 4 ? 'рабочих дня' : 'рабочих дней';
  return `${n} ${words}`;
}

/** Where an appeal's deadline stands on a given day, in working days of the production calendar. */
export type DeadlineStanding =
  | { kind: 'ahead'; workingDays: number }
  | { kind: 'today' }
  | { kind: 'overdue'; workingDays: number };

/**
 * Where `deadlineDate` stands on `today` (both local `YYYY-MM-DD` in the company's time zone): working days left
 * after today (the deadline day included), due today, or overdue by the working days passed since the deadline
 * (0 while only days off have passed).
 */
export function deadlineStanding(deadlineDate: string, today: string, calendar: ProductionCalendar): DeadlineStanding {
  if (deadlineDate === today) return { kind: 'today' };
  const between = calendar.workingDaysBetween(today, deadlineDate);
  return deadlineDate > today ? { kind: 'ahead', workingDays: between } : { kind: 'overdue', workingDays: -between };
}

/** The standing in words for handlers: «осталось 2 рабочих дня», «срок сегодня», «просрочено на 1 рабочий день». */
export function describeDeadlineStanding(standing: DeadlineStanding): string {
  switch (standing.kind) {
    case 'today':
      return 'срок сегодня';
    case 'ahead':
      // A deadline after a run of days off may have no working day before it: it is still ahead.
      if (standing.workingDays === 0) return 'срок после выходных';
      // «остался 21 рабочий день», «осталось 11 рабочих дней»: the verb agrees with the number.
      return `${standing.workingDays % 10 === 1 && standing.workingDays % 100 !== 11 ? 'остался' : 'осталось'} ${workingDaysText(standing.workingDays)}`;
    case 'overdue':
      return standing.workingDays === 0 ? 'просрочено (прошли только выходные дни)' : `просрочено на ${workingDaysText(standing.workingDays)}`;
  }
}
