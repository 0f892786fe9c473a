import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { escapeHtml } from '@portal/core/escape-html';
import { humanCheckSolutionOf } from '@portal/core/human-check';
import { displaySettingsOf, markDisplaySettings } from './display-mode';
import { contentSecurityPolicy, inlineHashes } from './security-headers';

/**
 * The forum's forms without JavaScript (issue 22): a section's page (`/forum/<section>/`) takes a new thread, a
 * thread's page (`/forum/<section>/<thread>/[<page>/]`) a reply, each posted to the page itself (form-encoded). This
 * server sends the fields to the CMS's moderated path (`/api/forms/moderated/forum-threads|forum-posts`, marked as a
 * no-script post: no proof-of-work there, so they share the reviews' tighter per-address limit) with the section or
 * thread taken from the address, and answers with the built page again: «Проверьте почту…» in place of the form, or
 * an error summary above it with the texts put back. A closed thread's page has no form, so nothing is posted to it.
 */

/** `/forum/<section>/` or `/forum/<section>/<thread>/` or `/forum/<section>/<thread>/<page>/`. */
export const FORUM_FORM_PAGE = /^\/forum\/([a-z0-9]+(?:-[a-z0-9]+)*)\/(?:([0-9]{1,12})\/(?:([0-9]{1,4})\/)?)?$/;
export const FORUM_OUTCOME_MARKER = '<!--portal:forum-outcome-->';
export const FORUM_FORM_START = '<!--portal:forum-form-start-->';
export const FORUM_FORM_END = '<!--portal:forum-form-end-->';
const MAX_FORM_BYTES = 16 * 1024;

/** Where a forum form goes in the CMS and what the address adds to it. */
export interface ForumTarget {
  slug: 'forum-threads' | 'forum-posts';
  fields: Record<string, string>;
  /** The built page, relative to the site folder. */
  file: string;
}

/** The target of a form posted to `pathname`, or null when the address is no forum form page. */
export function forumTarget(pathname: string): ForumTarget | null {
  const match = FORUM_FORM_PAGE.exec(pathname);
  if (!match) return null;
  const [, section, thread, page] = match;
  const file = path.join('forum', section!, ...(thread ? [thread] : []), ...(page ? [page] : []), 'index.html');
  return thread ? { slug: 'forum-posts', fields: { thread: thread }, file } : { slug: 'forum-threads', fields: { section: section! }, file };
}

/** What {@link handleForumPost} needs from the outside. */
export interface ForumPostDeps {
  siteDir: string;
  /** Posts to the CMS's moderated path of `slug` and returns its status and JSON body (null body when none could be read). */
  send: (slug: ForumTarget['slug'], post: Record<string, unknown>, altcha: string) => Promise<{ status: number; body: { message?: string; issues?: { path: string[]; message: string }[] } | null }>;
  /**
   * Whether this address may send one more post now: with the script's proof-of-work under the forms' limit, without
   * one (no JavaScript) under the tighter limit of the no-script forms.
   */
  allowed: (withSolution: boolean) => boolean;
}

const FIELD_IDS: Record<string, string> = { title: 'forum-title', text: 'forum-text', authorName: 'forum-name', authorEmail: 'forum-email', rules: 'forum-rules', consent: 'forum-consent' };
const FIELDS = ['title', 'text', 'authorName', 'authorEmail', 'rules', 'consent'];

function refill(html: string, form: URLSearchParams): string {
  const withInputs = html.replace(/<input\b[^>]*\sname="(title|authorName|authorEmail)"[^>]*>/g, (tag, name: string) => tag.replace(/^<input\b/, `<input value="${escapeHtml(form.get(name) ?? '')}"`));
  return withInputs.replace(/(<textarea\b[^>]*\sname="text"[^>]*>)[\s\S]*?(<\/textarea>)/, (_all, open: string, close: string) => `${open}${escapeHtml(form.get('text') ?? '')}${close}`);
}

const panel = (title: string, message: string, kind: 'success-panel' | 'notice-banner') =>
  `<div class="${kind}" role="${kind === 'success-panel' ? 'status' : 'alert'}" tabindex="-1" id="forum-outcome"><h2>${escapeHtml(title)}</h2><p>${escapeHtml(message)}</p></div>`;

function errorSummary(issues: { path: string[]; message: string }[]): string {
  const items = issues.map((issue) => {
    const target = FIELD_IDS[issue.path[0] ?? ''];
    return target ? `<li><a href="#${target}">${escapeHtml(issue.message)}</a></li>` : `<li>${escapeHtml(issue.message)}</li>`;
  });
  return `<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="forum-errors-title" id="forum-errors"><h2 id="forum-errors-title">Пожалуйста, исправьте ошибки</h2><ul>${items.join('')}</ul></div>`;
}

function withoutForm(html: string): string {
  const start = html.indexOf(FORUM_FORM_START);
  const end = html.indexOf(FORUM_FORM_END);
  if (start < 0 || end < start) return html;
  return `${html.slice(0, start)}${html.slice(end + FORUM_FORM_END.length)}`;
}

async function readForm(request: Request): Promise<URLSearchParams | null> {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) return null;
  if (Number(request.headers.get('content-length') ?? '0') > MAX_FORM_BYTES) return null;
  const text = await request.text().catch(() => null);
  if (text === null || text.length > MAX_FORM_BYTES) return null;
  return new URLSearchParams(text);
}

/** Answers a form posted to a forum page, or null when the address or the current build has no such form. */
export async function handleForumPost(request: Request, deps: ForumPostDeps): Promise<Response | null> {
  const target = forumTarget(new URL(request.url).pathname);
  if (!target) return null;
  let shell: string;
  try {
    shell = await readFile(path.join(deps.siteDir, target.file), 'utf8');
  } catch {
    return null;
  }
  if (!shell.includes(FORUM_OUTCOME_MARKER)) return null;
  // The CSP hashes come from the built page, before anything from the request is added.
  const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': contentSecurityPolicy(inlineHashes(shell)) };
  const display = displaySettingsOf(request);
  const respond = (html: string, status: number) => new Response(display ? markDisplaySettings(html, display) : html, { status, headers });

  const form = await readForm(request);
  if (form === null) return respond(shell.replace(FORUM_OUTCOME_MARKER, panel('Не удалось принять сообщение', 'Пожалуйста, обновите страницу и отправьте сообщение ещё раз.', 'notice-banner')), 400);
  // As for reviews: a post with the script's proof-of-work (`altcha`) is checked by the CMS; only one without counts
  // against the tighter per-address limit.
  const altcha = humanCheckSolutionOf(form);
  if (!deps.allowed(altcha !== '')) return respond(refill(shell, form).replace(FORUM_OUTCOME_MARKER, panel('Слишком много отправок', 'Пожалуйста, подождите немного и отправьте сообщение ещё раз.', 'notice-banner')), 429);
  const post = { ...Object.fromEntries(FIELDS.filter((name) => form.has(name)).map((name) => [name, form.get(name) ?? ''])), ...target.fields };
  let answer: Awaited<ReturnType<ForumPostDeps['send']>>;
  try {
    answer = await deps.send(target.slug, post, altcha);
  } catch {
    answer = { status: 503, body: null };
  }
  if (answer.status === 202) return respond(withoutForm(shell).replace(FORUM_OUTCOME_MARKER, panel('Проверьте почту', answer.body?.message ?? 'Мы отправили письмо со ссылкой для подтверждения.', 'success-panel')), 200);
  if (answer.status === 400 && answer.body?.issues?.length) return respond(refill(shell, form).replace(FORUM_OUTCOME_MARKER, errorSummary(answer.body.issues)), 400);
  return respond(refill(shell, form).replace(FORUM_OUTCOME_MARKER, panel('Не удалось отправить сообщение', 'Пожалуйста, попробуйте ещё раз чуть позже — текст остался в форме.', 'notice-banner')), 503);
}
