import { z } from 'zod';
import { isWrittenChannel, type AppealChannel } from './appeal-channel';
import type { AppealType } from './appeal-type';
import { termEnd, type DeadlineRule } from './deadlines';
import { addDays } from './iso-date';
import type { ProductionCalendar } from './production-calendar';
import { formatRussianDate } from './time-zone';

/**
 * Which customer-service standard the company follows for its deadlines, and how far a handler may extend one.
 *
 * - `service-standard` («Стандарт обслуживания клиентов», seed 000): questions 2 working days, complaints 10 calendar
 *   days, an extension by at most 8 calendar days (000 L406).
 * - `quality-standard` («Стандарт качества обслуживания потребителей», seed 001 L764–770): a question through the
 *   internet reception is the «interactive question» row (3 working days, extension up to 10 working days from
 *   receipt); a complaint is answered within 30 calendar days, the term of Federal law № 59-ФЗ, which takes precedence
 *   for citizens' complaints (the `complaint-59-fz` row).
 *
 * Kept apart from the appeal type: the channel an appeal came by is one more input of {@link deadlineRuleKey} (a letter
 * received by post follows the written-appeals rows).
 */
export const DEADLINE_POLICIES = ['service-standard', 'quality-standard'] as const;
export type DeadlinePolicy = (typeof DEADLINE_POLICIES)[number];

export const DEADLINE_POLICY_LABELS: Record<DeadlinePolicy, string> = {
  'service-standard': 'Стандарт обслуживания клиентов (вопрос — 2 рабочих дня, жалоба — 10 календарных дней, продление до 8 календарных дней)',
  'quality-standard': 'Стандарт качества обслуживания потребителей (вопрос — 3 рабочих дня с продлением до 10 рабочих, жалоба — 30 календарных дней по 59-ФЗ)',
};

/** The deadline settings besides the rows: the policy and the extension limits. */
export const DeadlineSettingsSchema = z.object({
  policy: z.enum(DEADLINE_POLICIES).default('service-standard'),
  /** For rows without `extendedDays`: how many calendar days one extension may add (000 L406: 8). */
  extensionCalendarDays: z.number().int().min(1).max(60).default(8),
  /** How many times an appeal's term may be extended (the standards: once). */
  extensionsAllowed: z.number().int().min(1).max(5).default(1),
});
export type DeadlineSettings = z.output<typeof DeadlineSettingsSchema>;
export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = DeadlineSettingsSchema.parse({});

/**
 * The key of the deadlines-table row an appeal of `type` follows under `policy`. An e-mail a handler has classified
 * (`classifiedAs`) follows the row of what it is: a complaint by e-mail is a complaint (000 L620, L695). An appeal
 * received by post (`channel`) follows the written-appeals row.
 */
export function deadlineRuleKey(type: AppealType, policy: DeadlinePolicy, classifiedAs?: AppealType | null, channel?: AppealChannel | null): string {
  const effective = type === 'email' && classifiedAs && classifiedAs !== 'email' ? classifiedAs : type;
  if (policy === 'quality-standard') {
    if (effective === 'question') return 'interactive-question';
    // 59-ФЗ takes precedence for citizens' complaints, whatever the channel.
    if (effective === 'complaint') return 'complaint-59-fz';
  }
  // A letter received by post is answered as the written-appeals row says (000 L398–410), whatever its type.
  if (isWrittenChannel(channel)) return WRITTEN_APPEAL_RULE;
  return effective;
}

/** The row of a written (postal) appeal's answer: 20 calendar days (000 L398–410). */
export const WRITTEN_APPEAL_RULE = 'written-appeal';
/** The row of a written (postal) appeal's registration stage: 2 working days from receipt (000 L398–410). */
export const WRITTEN_REGISTRATION_RULE = 'written-registration';

/** The key of the registration-stage row an appeal of `channel` has, or null when registration is immediate. */
export function registrationRuleKey(channel: AppealChannel | null | undefined): string | null {
  return isWrittenChannel(channel) ? WRITTEN_REGISTRATION_RULE : null;
}

/** What {@link checkExtension} needs. */
export interface ExtensionCheck {
  /** The row the appeal follows. */
  rule: DeadlineRule;
  /** The local receipt date, `YYYY-MM-DD`. */
  receivedLocalDate: string;
  /** The deadline before this extension. */
  currentDeadline: string;
  /** The date the handler asks for. */
  newDeadline: string;
  /** Extensions already made (from the appeal's history). */
  extensionsSoFar: number;
  settings: DeadlineSettings;
  calendar: ProductionCalendar;
}

/** The latest date an extension may set, and why: for the handler's form (a hint and the date input's maximum). */
export interface ExtensionLimit {
  /** Local `YYYY-MM-DD`; null when no extension is allowed any more. */
  latest: string | null;
  /** The rule in Russian: «не более чем на 8 календарных дней, то есть не позднее 20 ноября 2026 г.», or the refusal. */
  text: string;
}

/**
 * How far the appeal's term may be extended: not more often than allowed, and not later than the limit — for a row
 * with `extendedDays` the extended term counted from receipt (001 L769: up to 10 working days), otherwise the current
 * deadline plus `extensionCalendarDays` calendar days (000 L406: at most 8).
 */
export function extensionLimit(input: Omit<ExtensionCheck, 'newDeadline'>): ExtensionLimit {
  const { rule, settings } = input;
  if (input.extensionsSoFar >= settings.extensionsAllowed) {
    return {
      latest: null,
      text:
        settings.extensionsAllowed === 1
          ? 'Срок рассмотрения этого обращения уже продлевался. Повторное продление стандартом не предусмотрено.'
          : `Срок рассмотрения этого обращения уже продлевался ${input.extensionsSoFar} раз(а): больше продлевать нельзя.`,
    };
  }
  if (rule.extendedDays !== undefined) {
    const latest = termEnd(input.receivedLocalDate, rule.extendedDays, rule.unit, input.calendar);
    const unit = rule.unit === 'working' ? 'рабочих' : 'календарных';
    return { latest, text: `Срок можно продлить не более чем до ${rule.extendedDays} ${unit} дней с даты поступления обращения, то есть не позднее ${formatRussianDate(latest)}` };
  }
  const latest = addDays(input.currentDeadline, settings.extensionCalendarDays);
  return { latest, text: `Срок можно продлить не более чем на ${settings.extensionCalendarDays} календарных дней, то есть не позднее ${formatRussianDate(latest)}` };
}

/** Whether an extension to `newDeadline` is within {@link extensionLimit}: the Russian refusal, or null. */
export function checkExtension(input: ExtensionCheck): string | null {
  const limit = extensionLimit(input);
  if (limit.latest === null || input.newDeadline > limit.latest) return limit.text;
  return null;
}
