import { APPEAL_TYPE_LABELS, AppealTypeSchema } from '@portal/core/appeal-type';
import { APPEAL_STATE_LABELS, AppealStateSchema } from '@portal/core/appeal-state';
import { ANSWER_CHANNEL_LABELS } from '@portal/core/question-form';
import { TARIFF_LABELS, TARIFF_ZONES } from '@portal/core/meter-readings-form';
import { deadlineStanding, describeDeadlineStanding, type DeadlineStanding } from '@portal/core/deadlines';
import type { ProductionCalendar } from '@portal/core/production-calendar';
import { SETTLED_STATES } from '../appeals/handling/queue';
import { formatStaffDate, formatStaffDateTime } from './staff-dates';

/**
 * What the appeal screen shows, as plain text rows: pure functions of the stored appeal, so the wording is tested
 * without rendering (cms/src/components/appeal-view.test.ts) and the components stay thin.
 */

const label = <T extends string>(labels: Record<T, string>, value: unknown): string =>
  typeof value === 'string' && value in labels ? labels[value as T] : typeof value === 'string' ? value : '';

/** «Вопрос», «Жалоба» … for a stored type. */
export const appealTypeLabel = (value: unknown): string => (AppealTypeSchema.safeParse(value).success ? APPEAL_TYPE_LABELS[value as keyof typeof APPEAL_TYPE_LABELS] : String(value ?? ''));

/** «Зарегистрировано», «Передано исполнителю» … for a stored state. */
export const appealStateLabel = (value: unknown): string => (AppealStateSchema.safeParse(value).success ? APPEAL_STATE_LABELS[value as keyof typeof APPEAL_STATE_LABELS] : String(value ?? ''));

/** «По электронной почте» … for a stored answer channel. */
export const answerChannelLabel = (value: unknown): string => label(ANSWER_CHANNEL_LABELS, value);

/** Who wrote, as the form asked it («Кто обращается»). */
const CLIENT_KINDS: Record<string, string> = { fl: 'Физическое лицо', ul: 'Юридическое лицо или ИП' };

/** «Физическое лицо» / «Юридическое лицо или ИП» for a stored audience. */
export const audienceLabel = (value: unknown): string => label(CLIENT_KINDS, value);

/** The deadline line of the appeal screen and its tone (for the colour; the words carry the meaning). */
export interface DeadlineLine {
  text: string;
  tone: 'overdue' | 'today' | 'soon' | 'normal' | 'settled';
}

/**
 * «9 декабря 2026 — осталось 2 рабочих дня» for an open appeal (working days of the production calendar, `today` in
 * the company's time zone); the bare date once the appeal is settled.
 */
export function deadlineLine(status: string, deadlineDate: string, today: string, calendar: ProductionCalendar): DeadlineLine {
  const date = formatStaffDate(deadlineDate);
  if ((SETTLED_STATES as readonly string[]).includes(status)) return { text: date, tone: 'settled' };
  const standing: DeadlineStanding = deadlineStanding(deadlineDate, today, calendar);
  const tone = standing.kind === 'overdue' ? 'overdue' : standing.kind === 'today' ? 'today' : standing.workingDays <= 1 ? 'soon' : 'normal';
  return { text: `${date} — ${describeDeadlineStanding(standing)}`, tone };
}

/** One row of «Данные формы». */
export interface DetailRow {
  label: string;
  value: string;
}

/** Russian names of the keys the forms put into `details` (core/src/*-form.ts, cms/src/appeals/email-intake.ts). */
const DETAIL_LABELS: Record<string, string> = {
  service: 'Услуга',
  objectAddress: 'Адрес объекта',
  organisation: 'Организация или ИП',
  inn: 'ИНН',
  rating: 'Оценка (1–5)',
  tariff: 'Тариф',
  contractCode: 'Код договора (УИД)',
  confirmedLower: 'Показание ниже прежнего подтверждено',
  subject: 'Тема письма',
};

/** Reading zones of the household readings form by field («День (Т1)»), for the tariff the client chose. */
function zoneLabel(key: string, tariff: unknown): string | null {
  if (!/^t[1-3]$/.test(key)) return null;
  const zones = typeof tariff === 'string' && tariff in TARIFF_ZONES ? TARIFF_ZONES[tariff as keyof typeof TARIFF_ZONES] : [];
  return zones.find((zone) => zone.field === key)?.label ?? `Показание (${key.toUpperCase()})`;
}

function detailValue(key: string, value: unknown, services: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (key === 'service' && typeof value === 'string') return services.get(value) ?? value;
  if (key === 'tariff' && typeof value === 'string') return label(TARIFF_LABELS as Record<string, string>, value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * The form's own fields (`details`) as rows with Russian names, in the order the form had them; unknown keys keep
 * their name, so nothing the client sent is hidden. Service slugs become the service's title.
 */
export function detailRows(details: unknown, services: ReadonlyMap<string, string> = new Map()): DetailRow[] {
  if (details === null || details === undefined) return [];
  let parsed: unknown = details;
  if (typeof details === 'string') {
    try {
      parsed = JSON.parse(details);
    } catch {
      return [{ label: 'Данные', value: details }];
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return [{ label: 'Данные', value: JSON.stringify(parsed) }];
  const record = parsed as Record<string, unknown>;
  // The service's title as the client saw it is stored beside its slug: one row «Услуга» with that title.
  const serviceTitle = typeof record.serviceTitle === 'string' && record.serviceTitle ? record.serviceTitle : null;
  return Object.entries(record)
    .filter(([key]) => !(key === 'serviceTitle' && serviceTitle && 'service' in record))
    .map(([key, value]) =>
      key === 'service' && serviceTitle
        ? { label: 'Услуга', value: serviceTitle }
        : { label: DETAIL_LABELS[key] ?? zoneLabel(key, record.tariff) ?? key, value: detailValue(key, value, services) },
    );
}

/** An outbox letter as stored on the appeal (confirmation, handlers' notice, answer, survey). */
export interface StoredLetter {
  state?: string | null;
  attempts?: number | null;
  lastError?: string | null;
  sentAt?: string | null;
  nextAttemptAt?: string | null;
}

/** One row of «Письма робота». */
export interface LetterRow {
  letter: string;
  state: string;
  when: string;
  attempts: string;
  error: string;
}

const LETTER_STATES: Record<string, string> = {
  pending: 'Ожидает отправки',
  sent: 'Отправлено',
  'not-needed': 'Не требуется',
  recorded: 'Дан почтой или по телефону',
  recent: 'Не отправлен: опрос уже был в последние 3 месяца',
};

/**
 * The robot's letters of an appeal as rows: which letter, its state, when it went out (or when the next attempt
 * is due), how many attempts, the last error. Letters the appeal never had (no notice for a question) are left out.
 */
export function letterRows(appeal: { confirmation?: StoredLetter | null; handlerNotice?: StoredLetter | null; answerDelivery?: StoredLetter | null; survey?: StoredLetter | null }, timeZone: string): LetterRow[] {
  const rows: LetterRow[] = [];
  const add = (letter: string, stored: StoredLetter | null | undefined, notNeeded: string) => {
    if (!stored?.state) return;
    const when =
      stored.state === 'pending'
        ? stored.nextAttemptAt
          ? `следующая попытка ${formatStaffDateTime(stored.nextAttemptAt, timeZone)}`
          : 'в очереди'
        : formatStaffDateTime(stored.sentAt, timeZone) || '—';
    // A letter withheld on purpose (incoming e-mail from a forged or flooding sender) keeps its reason in lastError.
    const withheld = stored.state === 'not-needed' && stored.lastError ? stored.lastError : undefined;
    rows.push({
      letter,
      state: stored.state === 'not-needed' ? (withheld ?? notNeeded) : (LETTER_STATES[stored.state] ?? stored.state),
      when,
      attempts: stored.state === 'not-needed' ? '—' : String(stored.attempts ?? 0),
      error: withheld ? '' : (stored.lastError ?? ''),
    });
  };
  add('Подтверждение клиенту', appeal.confirmation, 'Не требуется: клиент не оставил e-mail');
  add('Уведомление специалистов', appeal.handlerNotice, 'Не требуется');
  add('Ответ заявителю', appeal.answerDelivery, 'Не требуется');
  add('Опрос о качестве ответа', appeal.survey, 'Не отправляется: нет e-mail');
  return rows;
}
