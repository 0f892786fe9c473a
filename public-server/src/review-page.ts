import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { escapeHtml } from '@portal/core/escape-html';
import { humanCheckSolutionOf } from '@portal/core/human-check';
import { displaySettingsOf, markDisplaySettings } from './display-mode';
import { contentSecurityPolicy, inlineHashes } from './security-headers';

/**
 * A review sent without JavaScript (issue 22): the form on /otzyvy/ posts to the page itself (form-encoded). This
 * server sends the fields to the CMS (`/api/forms/moderated/reviews`, marked as a no-script post: no proof-of-work
 * there, so these are limited per address by their own, tighter limiter) and answers with the built page again: the
 * neutral «Проверьте почту…» in place of the form, or an error summary above the form with the texts put back.
 */

export const REVIEWS_PAGE_PATH = '/otzyvy/';
export const REVIEW_OUTCOME_MARKER = '<!--portal:review-outcome-->';
export const REVIEW_FORM_START = '<!--portal:review-form-start-->';
export const REVIEW_FORM_END = '<!--portal:review-form-end-->';
const MAX_FORM_BYTES = 16 * 1024;

/** What {@link handleReviewPost} needs from the outside. */
export interface ReviewPostDeps {
  siteDir: string;
  /** Posts the review to the CMS and returns its status and JSON body (null body when none could be read). */
  send: (review: Record<string, unknown>, altcha: string) => Promise<{ status: number; body: { message?: string; issues?: { path: string[]; message: string }[] } | null }>;
  /**
   * Whether this address may send one more review now: with the script's proof-of-work under the forms' limit, without
   * one (no JavaScript) under the tighter limit of the no-script forms.
   */
  allowed: (withSolution: boolean) => boolean;
}

/** The form's field → the control an error summary links to. */
const FIELD_IDS: Record<string, string> = { rating: 'review-rating-5', channel: 'review-channel', office: 'review-office', text: 'review-text', authorName: 'review-name', authorEmail: 'review-email', rules: 'review-rules', consent: 'review-consent' };
const FIELDS = ['rating', 'channel', 'office', 'text', 'authorName', 'authorEmail', 'rules', 'consent', 'website'];

/** The review as JSON from the form's fields (only the known ones). */
export function reviewFromForm(form: URLSearchParams): Record<string, unknown> {
  return Object.fromEntries(FIELDS.filter((name) => form.has(name)).map((name) => [name, form.get(name) ?? '']));
}

/** Puts the visitor's texts back: name, e-mail and the review's text (choices are asked again: few clicks). */
function refill(html: string, form: URLSearchParams): string {
  const withInputs = html.replace(/<input\b[^>]*\sname="(authorName|authorEmail)"[^>]*>/g, (tag, name: string) => tag.replace(/^<input\b/, `<input value="${escapeHtml(form.get(name) ?? '')}"`));
  return withInputs.replace(/(<textarea\b[^>]*\sname="text"[^>]*>)[\s\S]*?(<\/textarea>)/, (_all, open: string, close: string) => `${open}${escapeHtml(form.get('text') ?? '')}${close}`);
}

const panel = (title: string, message: string, kind: 'success-panel' | 'notice-banner') =>
  `<div class="${kind}" role="${kind === 'success-panel' ? 'status' : 'alert'}" tabindex="-1" id="review-outcome"><h2>${escapeHtml(title)}</h2><p>${escapeHtml(message)}</p></div>`;

function errorSummary(issues: { path: string[]; message: string }[]): string {
  const items = issues.map((issue) => {
    const target = FIELD_IDS[issue.path[0] ?? ''];
    return target ? `<li><a href="#${target}">${escapeHtml(issue.message)}</a></li>` : `<li>${escapeHtml(issue.message)}</li>`;
  });
  return `<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="review-errors-title" id="review-errors"><h2 id="review-errors-title">Пожалуйста, исправьте ошибки</h2><ul>${items.join('')}</ul></div>`;
}

function withoutForm(html: string, replacement: string): string {
  const start = html.indexOf(REVIEW_FORM_START);
  const end = html.indexOf(REVIEW_FORM_END);
  if (start < 0 || end < start) return html;
  return `${html.slice(0, start)}${replacement}${html.slice(end + REVIEW_FORM_END.length)}`;
}

/** Answers `POST /otzyvy/`, or null when the current build has no reviews page with the form. */
export async function handleReviewPost(request: Request, deps: ReviewPostDeps): Promise<Response | null> {
  let shell: string;
  try {
    shell = await readFile(path.join(deps.siteDir, 'otzyvy', 'index.html'), 'utf8');
  } catch {
    return null;
  }
  if (!shell.includes(REVIEW_OUTCOME_MARKER)) return null;
  // The CSP hashes come from the built page, before anything from the request is added.
  const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': contentSecurityPolicy(inlineHashes(shell)) };
  const display = displaySettingsOf(request);
  const respond = (html: string, status: number) => new Response(display ? markDisplaySettings(html, display) : html, { status, headers });

  const form = await readForm(request);
  if (form === null) return respond(shell.replace(REVIEW_OUTCOME_MARKER, panel('Не удалось принять отзыв', 'Пожалуйста, обновите страницу и отправьте отзыв ещё раз.', 'notice-banner')), 400);
  // The page's script solves the forms' proof-of-work and adds it as `altcha`; only a review without one (no
  // JavaScript) counts against the tighter per-address limit, and the CMS checks the solution of the others.
  const altcha = humanCheckSolutionOf(form);
  if (!deps.allowed(altcha !== '')) return respond(refill(shell, form).replace(REVIEW_OUTCOME_MARKER, panel('Слишком много отправок', 'Пожалуйста, подождите немного и отправьте отзыв ещё раз.', 'notice-banner')), 429);
  let answer: Awaited<ReturnType<ReviewPostDeps['send']>>;
  try {
    answer = await deps.send(reviewFromForm(form), altcha);
  } catch {
    answer = { status: 503, body: null };
  }
  if (answer.status === 202) return respond(withoutForm(shell, '').replace(REVIEW_OUTCOME_MARKER, panel('Проверьте почту', answer.body?.message ?? 'Мы отправили письмо со ссылкой для подтверждения.', 'success-panel')), 200);
  if (answer.status === 400 && answer.body?.issues?.length) return respond(refill(shell, form).replace(REVIEW_OUTCOME_MARKER, errorSummary(answer.body.issues)), 400);
  return respond(refill(shell, form).replace(REVIEW_OUTCOME_MARKER, panel('Не удалось отправить отзыв', 'Пожалуйста, попробуйте ещё раз чуть позже — текст остался в форме.', 'notice-banner')), 503);
}

async function readForm(request: Request): Promise<URLSearchParams | null> {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) return null;
  if (Number(request.headers.get('content-length') ?? '0') > MAX_FORM_BYTES) return null;
  const text = await request.text().catch(() => null);
  if (text === null || text.length > MAX_FORM_BYTES) return null;
  return new URLSearchParams(text);
}
