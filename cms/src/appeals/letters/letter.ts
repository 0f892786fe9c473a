import { escapeHtml } from '@portal/core/escape-html';

/*
 * Every letter the robot sends, one builder each (plain data in, {@link Letter} out; snapshots in __snapshots__/):
 * - confirmation-email.ts   the client's confirmation of a registered appeal, every type (outbox/confirmation.ts sends it)
 * - handler-notice.ts       the handlers' notice of a new application or complaint (outbox/handler-notification.ts)
 * - deadline-reminder.ts    the handler's reminder the day before and on the deadline (handling/deadline-reminders.ts)
 * - answer.ts               the answer to the client (handling/answer-delivery.ts)
 * - client-notice.ts        the client's notice of a refusal, extension, request for information, not considered
 *                           (outbox/client-notices.ts; editors' templates in «Шаблоны ответов»)
 * - survey-invitation.ts    the satisfaction survey after closing (handling/survey.ts)
 * - review-reminder.ts      the editors' reminder of overdue «проверить до» dates (publishing/review.ts)
 * Values are escaped with the one helper @portal/core/escape-html; addresses, origins and links come in as data.
 */

/**
 * A letter of the robot as its builder returns it: the subject and both bodies. Who sends it, to whom and with
 * which Message-ID is the sender's business (outbox/mailer.ts); builders are pure functions of plain data.
 */
export interface Letter {
  subject: string;
  text: string;
  html: string;
}

/**
 * A sentence ending in exactly one full stop: «… 1 декабря 2026 г.» already ends in one (the abbreviated «год»),
 * so no second is added («г..» was a slip of the old letters).
 */
export function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * The HTML of a short notice written as lines: one paragraph per line, every line escaped, an empty line kept
 * as an empty line between paragraphs (the handlers' notices and reminders look the same in both bodies).
 */
export function linesAsParagraphs(lines: readonly string[]): string {
  return lines.map((line) => (line === '' ? '' : `<p>${escapeHtml(line)}</p>`)).join('\n');
}

/** Only web links belong in a letter; anything else (javascript:, data:) is dropped. */
export function safeHttpUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}
