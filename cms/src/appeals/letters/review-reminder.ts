import { escapeHtml } from '@portal/core/escape-html';
import { formatRussianDate } from '@portal/core/time-zone';
import type { Letter } from './letter';

/** One page or setting of the site whose «проверить до» date has passed. */
export interface ReviewItem {
  /** Collection or setting label, for people. */
  targetLabel: string;
  title: string;
  /** Local `YYYY-MM-DD`. */
  reviewBy: string;
  /** Where it opens in the admin, e.g. `/admin/collections/faq/3`. */
  adminPath: string;
}

/**
 * The reminder to editors: the list of overdue items with links to the admin. `adminOrigin` is the CMS's public
 * origin (empty when not configured: the links are then paths, and the HTML shows them without a link).
 */
export function reviewReminderLetter(items: readonly ReviewItem[], adminOrigin: string): Letter {
  const subject = `Пора проверить сведения на сайте: ${items.length}`;
  const greeting = 'Здравствуйте!';
  const request = 'Срок проверки этих материалов сайта уже прошёл. Пожалуйста, убедитесь, что сведения актуальны, и обновите дату «Проверить до».';
  const footer = 'Это автоматическое письмо интернет-приёмной.';
  const entries = items.map((item) => ({ line: `${item.targetLabel}: «${item.title}», проверить до ${formatRussianDate(item.reviewBy)}`, url: `${adminOrigin}${item.adminPath}` }));
  const text = `${greeting}\n\n${request}\n\n${entries.map(({ line, url }) => `— ${line}\n  ${url}`).join('\n')}\n\n${footer}\n`;
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(request)}</p>`,
    '<ul>',
    ...entries.map(({ line, url }) => `<li>${escapeHtml(line)}<br>${/^https?:\/\//.test(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : escapeHtml(url)}</li>`),
    '</ul>',
    `<p>${escapeHtml(footer)}</p>`,
  ].join('\n');
  return { subject, text, html };
}
