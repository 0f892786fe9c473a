import type { Payload } from 'payload';
import type { SuggestionStats } from '@portal/core/faq-suggestions';
import { chatReportCsvLines, type ChatReport } from '@portal/core/chat/chat-report';
import { loadChatReport } from '../../chat-console/report';
import { csvCell as sharedCsvCell } from '@portal/core/csv';
import { receivedChannelOf } from '@portal/core/appeal-channel';
import { SETTLED_STATES } from '../handling/queue';
import { readHistory } from '../handling/transition';
import { COLLECTIONS } from '../../slugs';
import { suggestionStatsForPeriod } from '../handling/faq-suggestion-stats';

/** The facts of one appeal the quality report reads (no personal data). */
export interface ReportRow {
  type: string;
  topic: string;
  /** The answer channel the client chose. */
  channel: string;
  /** The channel the appeal came by (site, e-mail, phone, office, post, chat). */
  receivedChannel: string;
  status: string;
  receivedAt: string;
  deadlineDate: string;
  answeredAt?: string | null;
  rating?: number | null;
  /** Written (postal) appeals: the local date the registration stage is due. */
  registrationDeadlineDate?: string | null;
  /** When the appeal first left «registered» (routed, taken into work, refused…); null while it has not. */
  registrationDoneAt?: string | null;
  /** Territory slug or name; appeals without one are counted under {@link NO_TERRITORY}. */
  territory?: string | null;
}

/** The row label of appeals whose territory is not known. */
export const NO_TERRITORY = 'не указана';

/** The managers' quality indicators for a period (REQUIREMENTS §5). */
export interface AppealReport {
  from: string;
  to: string;
  total: number;
  byType: Record<string, number>;
  byTopic: Record<string, number>;
  /** By the answer channel the clients chose. */
  byChannel: Record<string, number>;
  /** By the channel appeals came by: every channel, the staff-registered ones included. */
  byReceivedChannel: Record<string, number>;
  /** Written (postal) appeals whose registration stage ended after its deadline (registered and handed on late, or not yet). */
  registrationOverdue: number;
  byTerritory: Record<string, number>;
  /** Per type: answered, of them within the deadline, and the share (0–1; null when nothing was answered). */
  onTimeByType: Record<string, { answered: number; onTime: number; share: number | null }>;
  /** Open appeals (of all periods) whose deadline has passed, as of `today`. */
  overdueNow: number;
  /** Hours from receipt to answer: average and 90th percentile (nearest rank); null without answers. */
  handlingHours: { average: number | null; p90: number | null };
  satisfaction: { count: number; average: number | null; distribution: Record<'1' | '2' | '3' | '4' | '5', number> };
  /** Question-form views where a FAQ suggestion was opened, and how many of them sent no question (answered by the FAQ). */
  faqSuggestions: SuggestionStats | null;
  /** The online chat's figures (every conversation started in the period, with or without an appeal); null when not loaded. */
  chat?: ChatReport | null;
}

const count = (map: Record<string, number>, key: string) => {
  map[key] = (map[key] ?? 0) + 1;
};
const round1 = (value: number) => Math.round(value * 10) / 10;

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * The report's arithmetic, pure: `rows` are the appeals received in [from, to] (ISO dates, inclusive), `open` the
 * currently open appeals of any period (for «overdue now»), `today` the company's local date. An answer is on time
 * when its answer date in the company's time zone (`answerDate`) is not later than the deadline.
 */
export function buildAppealReport(
  rows: ReportRow[],
  open: { deadlineDate: string }[],
  period: { from: string; to: string; today: string },
  answerDate: (instant: string) => string,
): AppealReport {
  const report: AppealReport = {
    from: period.from,
    to: period.to,
    total: rows.length,
    byType: {},
    byTopic: {},
    byChannel: {},
    byReceivedChannel: {},
    registrationOverdue: 0,
    byTerritory: {},
    onTimeByType: {},
    overdueNow: open.filter((appeal) => appeal.deadlineDate < period.today).length,
    handlingHours: { average: null, p90: null },
    satisfaction: { count: 0, average: null, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } },
    faqSuggestions: null,
  };
  const hours: number[] = [];
  let ratingSum = 0;
  for (const row of rows) {
    count(report.byType, row.type);
    count(report.byTopic, row.topic || 'без темы');
    count(report.byChannel, row.channel);
    count(report.byReceivedChannel, row.receivedChannel);
    if (row.registrationDeadlineDate) {
      const done = row.registrationDoneAt ? answerDate(row.registrationDoneAt) : period.today;
      // Late when handed on after the due day, or still waiting after it.
      if (done > row.registrationDeadlineDate) report.registrationOverdue += 1;
    }
    count(report.byTerritory, (typeof row.territory === 'string' && row.territory.trim()) || NO_TERRITORY);
    if (row.answeredAt) {
      const entry = (report.onTimeByType[row.type] ??= { answered: 0, onTime: 0, share: null });
      entry.answered += 1;
      if (answerDate(row.answeredAt) <= row.deadlineDate) entry.onTime += 1;
      hours.push((Date.parse(row.answeredAt) - Date.parse(row.receivedAt)) / 3_600_000);
    }
    if (row.rating && row.rating >= 1 && row.rating <= 5) {
      report.satisfaction.count += 1;
      report.satisfaction.distribution[String(row.rating) as '1']! += 1;
      ratingSum += row.rating;
    }
  }
  for (const entry of Object.values(report.onTimeByType)) entry.share = entry.answered > 0 ? entry.onTime / entry.answered : null;
  if (hours.length > 0) {
    hours.sort((a, b) => a - b);
    report.handlingHours = { average: round1(hours.reduce((sum, value) => sum + value, 0) / hours.length), p90: round1(percentile(hours, 90)!) };
  }
  if (report.satisfaction.count > 0) report.satisfaction.average = round1(ratingSum / report.satisfaction.count);
  return report;
}

/** One CSV cell of the report: «;»-separated, formulas neutralised and line breaks quoted (core/src/csv.ts). */
export function csvCell(value: string | number | null): string {
  return sharedCsvCell(value, ';');
}

/** One CSV line per indicator (section; key; value), «;»-separated as Russian spreadsheets expect, with a BOM. */
export function reportToCsv(report: AppealReport): string {
  const lines: (string | number | null)[][] = [['раздел', 'показатель', 'значение'], ['период', 'с', report.from], ['период', 'по', report.to], ['всего', 'обращений', report.total]];
  for (const [key, value] of Object.entries(report.byType)) lines.push(['по виду', key, value]);
  for (const [key, value] of Object.entries(report.byTopic)) lines.push(['по теме', key, value]);
  for (const [key, value] of Object.entries(report.byReceivedChannel)) lines.push(['по каналу поступления', key, value]);
  for (const [key, value] of Object.entries(report.byChannel)) lines.push(['по способу ответа', key, value]);
  for (const [key, value] of Object.entries(report.byTerritory)) lines.push(['по территории', key, value]);
  for (const [key, value] of Object.entries(report.onTimeByType)) lines.push(['в срок, доля', key, value.share === null ? null : Math.round(value.share * 1000) / 1000]);
  lines.push(['просрочено сейчас', 'обращений', report.overdueNow]);
  lines.push(['регистрация письменных обращений', 'с нарушением срока', report.registrationOverdue]);
  lines.push(['время рассмотрения, ч', 'среднее', report.handlingHours.average], ['время рассмотрения, ч', '90-й процентиль', report.handlingHours.p90]);
  lines.push(['оценка', 'средняя', report.satisfaction.average], ['оценка', 'количество', report.satisfaction.count]);
  for (const [key, value] of Object.entries(report.satisfaction.distribution)) lines.push(['оценка', key, value]);
  if (report.faqSuggestions) {
    lines.push(['подсказки из базы ответов', 'открыты', report.faqSuggestions.opened], ['подсказки из базы ответов', 'вопрос не отправлен', report.faqSuggestions.notSentAfterOpening]);
  }
  if (report.chat) lines.push(...chatReportCsvLines(report.chat));
  return `\uFEFF${lines.map((line) => line.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

/** Loads the appeals received in a period (by their company-local date) and the open appeals, and builds the report. */
export async function loadAppealReport(payload: Payload, period: { from: string; to: string; today: string }, timeZoneDate: (instant: string) => string): Promise<AppealReport> {
  const [inPeriod, open, topics, faqSuggestions, chat] = await Promise.all([
    payload.find({
      collection: COLLECTIONS.appeals,
      // A day's margin on both sides covers every time zone; rows are then kept by their company-local date below.
      where: { and: [{ receivedAt: { greater_than_equal: shiftDays(period.from, -1) } }, { receivedAt: { less_than: shiftDays(period.to, 2) } }] },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { type: true, channel: true, registrationDeadlineDate: true, history: true, topic: true, answerChannel: true, status: true, receivedAt: true, deadlineDate: true, answeredAt: true, survey: { rating: true }, territory: true } as never,
    }),
    payload.find({ collection: COLLECTIONS.appeals, where: { status: { not_in: [...SETTLED_STATES] } }, depth: 0, pagination: false, overrideAccess: true, select: { deadlineDate: true } as never }),
    payload.find({ collection: COLLECTIONS.topics, depth: 0, pagination: false, overrideAccess: true }),
    suggestionStatsForPeriod(payload, period),
    loadChatReport(payload, period, timeZoneDate),
  ]);
  const topicTitles = new Map(topics.docs.map((doc) => [String(doc.id), String((doc as { title?: string }).title ?? doc.id)]));
  const received = inPeriod.docs.filter((doc) => {
    const date = timeZoneDate(String((doc as { receivedAt?: string }).receivedAt));
    return date >= period.from && date <= period.to;
  });
  const rows: ReportRow[] = received.map((doc) => {
    const row = doc as unknown as { type: string; channel?: string | null; registrationDeadlineDate?: string | null; history?: unknown; topic?: number | string | null; answerChannel: string; status: string; receivedAt: string; deadlineDate: string; answeredAt?: string | null; survey?: { rating?: number | null } | null; territory?: unknown };
    return {
      type: row.type,
      topic: row.topic ? (topicTitles.get(String(row.topic)) ?? String(row.topic)) : '',
      channel: row.answerChannel,
      receivedChannel: receivedChannelOf(row),
      registrationDeadlineDate: row.registrationDeadlineDate ?? null,
      registrationDoneAt: row.registrationDeadlineDate ? (readHistory(row.history).find((entry) => entry.from === 'registered')?.at ?? null) : null,
      status: row.status,
      receivedAt: row.receivedAt,
      deadlineDate: row.deadlineDate,
      answeredAt: row.answeredAt ?? null,
      rating: row.survey?.rating ?? null,
      territory: typeof row.territory === 'string' ? row.territory : null,
    };
  });
  return { ...buildAppealReport(rows, open.docs as unknown as { deadlineDate: string }[], period, timeZoneDate), faqSuggestions, chat };
}

/** Midnight UTC of the date `days` away from `isoDate`, as an ISO instant. */
function shiftDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString();
}
