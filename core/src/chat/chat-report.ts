/**
 * The chat section of the appeals report: every conversation counts, with or without an appeal (issue 19).
 * Pure arithmetic over the facts of each conversation and the day counters of the FAQ answers offered before the
 * queue; the CMS loads them (cms/src/chat-console/report.ts).
 *
 * «Answered by FAQ» (ответ найден в базе ответов): the answers offered for a client's first message where the client
 * did not ask for an operator — said «Да» to «Это помогло?», or left without answering and without asking. A
 * conversation exists only once an operator is asked, so these are counted, not stored: offered − «Нет, позвать
 * оператора» (never below the «Да» count, which also bounds it when counters disagree).
 */

/** The facts of one conversation the report reads (no personal data). */
export interface ChatReportRow {
  /** When the conversation was started (the client's first message). */
  startedAt: string;
  /** When it joined the operators' queue; null when the client never asked for an operator (FAQ only). */
  queuedAt?: string | null;
  /** When an operator first accepted it; null while nobody has. */
  acceptedAt?: string | null;
  /** When it was closed; null while open. */
  closedAt?: string | null;
  /** The client's 1–5 rating, when given. */
  rating?: number | null;
  /** Set when the conversation became a registered appeal. */
  appeal?: unknown;
}

/** The period's sums of the FAQ day counters (`chat-faq-offered`, `chat-faq-helped`, `chat-faq-not-helped`). */
export interface ChatFaqCounts {
  /** Times up to three answers were offered for a first message. */
  offered: number;
  /** «Да» on «Это помогло?». */
  helped: number;
  /** «Нет, позвать оператора»: the conversation started after the answers. */
  notHelped: number;
}

/** The chat figures for a period. */
export interface ChatReport {
  /** Conversations started in the period. */
  total: number;
  /** Of them, queued for an operator. */
  queued: number;
  /** Of them, accepted by an operator. */
  accepted: number;
  /** Minutes from queue to the operator's acceptance: median and 90th percentile (nearest rank); null without any. */
  waitMinutes: { p50: number | null; p90: number | null };
  /** Queued conversations closed before any operator joined, and their share of the queued ones (0–1). */
  abandoned: { count: number; share: number | null };
  /** The FAQ answers before the queue: offered, «Да», «Нет, позвать оператора», and left without either. */
  faq: ChatFaqCounts & { leftWithoutAsking: number };
  /** Offers the FAQ answered: «Да» plus left without asking for an operator (see the module comment). */
  answeredByFaq: number;
  /** Conversations that became registered appeals. */
  becameAppeals: number;
  /** Ratings given and their average (1 decimal). */
  rating: { count: number; average: number | null };
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Nearest-rank percentile of sorted values (the appeals report's definition). */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * The figures of the conversations started in the period (`rows` are already filtered by their start date). A
 * conversation is abandoned when it was queued and closed without an operator ever accepting it; one still waiting
 * is neither accepted nor abandoned.
 */
export function buildChatReport(rows: readonly ChatReportRow[], faq: ChatFaqCounts = { offered: 0, helped: 0, notHelped: 0 }): ChatReport {
  const waits: number[] = [];
  let queued = 0;
  let accepted = 0;
  let abandoned = 0;
  let becameAppeals = 0;
  let ratingSum = 0;
  let ratingCount = 0;
  for (const row of rows) {
    if (row.appeal !== null && row.appeal !== undefined && row.appeal !== '') becameAppeals += 1;
    if (typeof row.rating === 'number' && Number.isInteger(row.rating) && row.rating >= 1 && row.rating <= 5) {
      ratingCount += 1;
      ratingSum += row.rating;
    }
    if (!row.queuedAt) continue;
    queued += 1;
    if (row.acceptedAt) {
      accepted += 1;
      waits.push(Math.max(0, Date.parse(row.acceptedAt) - Date.parse(row.queuedAt)) / 60_000);
    } else if (row.closedAt) {
      abandoned += 1;
    }
  }
  waits.sort((a, b) => a - b);
  const p50 = percentile(waits, 50);
  const p90 = percentile(waits, 90);
  const leftWithoutAsking = Math.max(0, faq.offered - faq.helped - faq.notHelped);
  return {
    total: rows.length,
    queued,
    accepted,
    waitMinutes: { p50: p50 === null ? null : round1(p50), p90: p90 === null ? null : round1(p90) },
    abandoned: { count: abandoned, share: queued > 0 ? abandoned / queued : null },
    faq: { offered: faq.offered, helped: faq.helped, notHelped: faq.notHelped, leftWithoutAsking },
    answeredByFaq: faq.helped + leftWithoutAsking,
    becameAppeals,
    rating: { count: ratingCount, average: ratingCount > 0 ? round1(ratingSum / ratingCount) : null },
  };
}

/** The report's CSV lines (section; indicator; value) for the chat, appended to the appeals report's CSV. */
export function chatReportCsvLines(report: ChatReport): (string | number | null)[][] {
  const section = 'онлайн-консультант';
  return [
    [section, 'диалогов', report.total],
    [section, 'в очереди к оператору', report.queued],
    [section, 'принято оператором', report.accepted],
    [section, 'ожидание, мин, медиана', report.waitMinutes.p50],
    [section, 'ожидание, мин, 90-й процентиль', report.waitMinutes.p90],
    [section, 'ушли из очереди до оператора', report.abandoned.count],
    [section, 'ушли из очереди, доля', report.abandoned.share === null ? null : Math.round(report.abandoned.share * 1000) / 1000],
    [section, 'ответы из базы предложены', report.faq.offered],
    [section, 'ответ помог («Да»)', report.faq.helped],
    [section, 'после ответов позвали оператора', report.faq.notHelped],
    [section, 'ответ найден в базе ответов', report.answeredByFaq],
    [section, 'оформлено обращений', report.becameAppeals],
    [section, 'оценка, средняя', report.rating.average],
    [section, 'оценка, количество', report.rating.count],
  ];
}
