import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { escapeHtml } from '@portal/core/escape-html';
import { humanCheckSolutionOf } from '@portal/core/human-check';
import { displaySettingsOf, markDisplaySettings } from './display-mode';
import { contentSecurityPolicy, inlineHashes } from './security-headers';

/**
 * A form the public writes for moderation (issue 22: a review, a forum thread or reply), posted to its own built page
 * (form-encoded). The fields go to the CMS's moderated path; the answer is the built page again: the neutral
 * «Проверьте почту…» in place of the form, or an error summary above the form with the texts put back. The page's
 * script adds the forms' proof-of-work as `altcha`; a post with it is checked by the CMS under the forms' limit, a post
 * without it (no JavaScript) counts against the tighter per-address limit of the no-script forms.
 */

const MAX_FORM_BYTES = 16 * 1024;

/** The CMS's answer to a moderated post: its status and JSON body (null when none could be read). */
export interface ModeratedAnswer {
  status: number;
  body: { message?: string; issues?: { path: string[]; message: string }[] } | null;
}

/** One kind of moderated page form: its built page's markers, ids and words. */
export interface ModeratedPageForm {
  /** Prefix of the page's ids: `<prefix>-outcome`, `<prefix>-errors`, and the markers `<!--portal:<prefix>-…-->`. */
  prefix: 'review' | 'forum';
  /** What is sent, in the accusative: «отзыв», «сообщение». */
  noun: string;
  /** Field → the id of the control an error summary links to. */
  fieldIds: Record<string, string>;
  /** The fields sent to the CMS (only these). */
  fields: readonly string[];
  /** The text inputs put back after an error (the `text` textarea always is). */
  refilledInputs: readonly string[];
}

/** What {@link answerModeratedPagePost} needs from the outside. */
export interface ModeratedPagePostDeps {
  siteDir: string;
  /** Posts the fields to the CMS (with the proof-of-work solution, '' when none). */
  send: (fields: Record<string, unknown>, altcha: string) => Promise<ModeratedAnswer>;
  /** Whether this address may send one more now: with a solution under the forms' limit, without under the no-script one. */
  allowed: (withSolution: boolean) => boolean;
}

export const outcomeMarker = (prefix: ModeratedPageForm['prefix']) => `<!--portal:${prefix}-outcome-->`;
export const formStartMarker = (prefix: ModeratedPageForm['prefix']) => `<!--portal:${prefix}-form-start-->`;
export const formEndMarker = (prefix: ModeratedPageForm['prefix']) => `<!--portal:${prefix}-form-end-->`;

/** The known fields of the form, as JSON for the CMS. */
export function fieldsOf(form: URLSearchParams, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.filter((name) => form.has(name)).map((name) => [name, form.get(name) ?? '']));
}

/**
 * Answers a form posted to the built page `file` (relative to the site folder), or null when the current build has no
 * such page with the form. `extra` fields (e.g. the section or thread taken from the address) win over the form's.
 */
export async function answerModeratedPagePost(request: Request, file: string, kind: ModeratedPageForm, deps: ModeratedPagePostDeps, extra: Record<string, string> = {}): Promise<Response | null> {
  const marker = outcomeMarker(kind.prefix);
  let shell: string;
  try {
    shell = await readFile(path.join(deps.siteDir, file), 'utf8');
  } catch {
    return null;
  }
  if (!shell.includes(marker)) return null;
  // The CSP hashes come from the built page, before anything from the request is added.
  const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': contentSecurityPolicy(inlineHashes(shell)) };
  const display = displaySettingsOf(request);
  const respond = (html: string, status: number) => new Response(display ? markDisplaySettings(html, display) : html, { status, headers });
  const panel = (title: string, message: string, style: 'success-panel' | 'notice-banner') =>
    `<div class="${style}" role="${style === 'success-panel' ? 'status' : 'alert'}" tabindex="-1" id="${kind.prefix}-outcome"><h2>${escapeHtml(title)}</h2><p>${escapeHtml(message)}</p></div>`;

  const form = await readForm(request);
  if (form === null) return respond(shell.replace(marker, panel(`Не удалось принять ${kind.noun}`, `Пожалуйста, обновите страницу и отправьте ${kind.noun} ещё раз.`, 'notice-banner')), 400);
  const again = (html: string) => refill(html, form, kind.refilledInputs);
  const altcha = humanCheckSolutionOf(form);
  if (!deps.allowed(altcha !== '')) return respond(again(shell).replace(marker, panel('Слишком много отправок', `Пожалуйста, подождите немного и отправьте ${kind.noun} ещё раз.`, 'notice-banner')), 429);
  let answer: ModeratedAnswer;
  try {
    answer = await deps.send({ ...fieldsOf(form, kind.fields), ...extra }, altcha);
  } catch {
    answer = { status: 503, body: null };
  }
  if (answer.status === 202) return respond(withoutForm(shell, kind.prefix).replace(marker, panel('Проверьте почту', answer.body?.message ?? 'Мы отправили письмо со ссылкой для подтверждения.', 'success-panel')), 200);
  if (answer.status === 400 && answer.body?.issues?.length) return respond(again(shell).replace(marker, errorSummary(answer.body.issues, kind)), 400);
  return respond(again(shell).replace(marker, panel(`Не удалось отправить ${kind.noun}`, 'Пожалуйста, попробуйте ещё раз чуть позже — текст остался в форме.', 'notice-banner')), 503);
}

/** Puts the visitor's texts back: the named inputs and the `text` textarea (choices are asked again: few clicks). */
function refill(html: string, form: URLSearchParams, inputs: readonly string[]): string {
  const input = new RegExp(`<input\\b[^>]*\\sname="(${inputs.join('|')})"[^>]*>`, 'g');
  const withInputs = html.replace(input, (tag, name: string) => tag.replace(/^<input\b/, `<input value="${escapeHtml(form.get(name) ?? '')}"`));
  return withInputs.replace(/(<textarea\b[^>]*\sname="text"[^>]*>)[\s\S]*?(<\/textarea>)/, (_all, open: string, close: string) => `${open}${escapeHtml(form.get('text') ?? '')}${close}`);
}

function errorSummary(issues: { path: string[]; message: string }[], kind: ModeratedPageForm): string {
  const items = issues.map((issue) => {
    const target = kind.fieldIds[issue.path[0] ?? ''];
    return target ? `<li><a href="#${target}">${escapeHtml(issue.message)}</a></li>` : `<li>${escapeHtml(issue.message)}</li>`;
  });
  const id = `${kind.prefix}-errors`;
  return `<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="${id}-title" id="${id}"><h2 id="${id}-title">Пожалуйста, исправьте ошибки</h2><ul>${items.join('')}</ul></div>`;
}

function withoutForm(html: string, prefix: ModeratedPageForm['prefix']): string {
  const start = html.indexOf(formStartMarker(prefix));
  const end = html.indexOf(formEndMarker(prefix));
  if (start < 0 || end < start) return html;
  return `${html.slice(0, start)}${html.slice(end + formEndMarker(prefix).length)}`;
}

async function readForm(request: Request): Promise<URLSearchParams | null> {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) return null;
  if (Number(request.headers.get('content-length') ?? '0') > MAX_FORM_BYTES) return null;
  const text = await request.text().catch(() => null);
  if (text === null || text.length > MAX_FORM_BYTES) return null;
  return new URLSearchParams(text);
}
