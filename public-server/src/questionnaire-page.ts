import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { escapeHtml } from '@portal/core/escape-html';
import { displaySettingsOf, markDisplaySettings } from './display-mode';
import { contentSecurityPolicy, inlineHashes } from './security-headers';

/**
 * A questionnaire answered without JavaScript: the page's plain form posts to the page's own address
 * (`POST /obratnaya-svyaz/anketa/<slug>/`, form-encoded). This server turns the fields into the answer sheet, sends
 * it to the CMS (`/api/forms/questionnaire`, marked as a no-script sheet) and answers with the built page again: the
 * thanks (the form removed), or the error summary above the form with everything typed put back.
 *
 * One answer per browser: the CMS issues the answer token with the first sheet; it is kept in a cookie limited to this
 * questionnaire's address (HttpOnly), and sent back with any later sheet, which the CMS then refuses. A no-script
 * sheet carries no proof-of-work (it needs a script), so these are limited per address by their own limiter.
 */

/** Address of questionnaire pages; the slug is the one segment after it. */
export const QUESTIONNAIRE_PAGE = /^\/obratnaya-svyaz\/anketa\/([a-z0-9-]{1,100})\/$/;
/** Where the outcome goes in the built page, and the form's bounds (site/src/pages/obratnaya-svyaz/anketa/[slug].astro). */
export const OUTCOME_MARKER = '<!--portal:questionnaire-outcome-->';
export const FORM_START = '<!--portal:questionnaire-form-start-->';
export const FORM_END = '<!--portal:questionnaire-form-end-->';
/** Name of the cookie holding the answer token (its path makes it this questionnaire's only). */
export const TOKEN_COOKIE = 'anketa-token';
/** The header that marks a sheet as coming from this no-script path (the CMS's NOSCRIPT_HEADER). */
export const NOSCRIPT_HEADER = 'x-portal-noscript-form';
const MAX_FORM_BYTES = 64 * 1024;

/** What {@link handleQuestionnairePost} needs from the outside. */
export interface QuestionnairePostDeps {
  siteDir: string;
  /** Posts the sheet to the CMS and returns its status and JSON body (null body when none could be read). */
  send: (sheet: Record<string, unknown>) => Promise<{ status: number; body: CmsAnswer | null }>;
  /** Whether this address may send one more no-script sheet now. */
  allowed: () => boolean;
  overTls: boolean;
}

/** The CMS's answer (see cms/src/endpoints/questionnaires.ts). */
export interface CmsAnswer {
  message?: string;
  token?: string;
  issues?: { path: string[]; message: string }[];
}

const decodeEntities = (value: string) =>
  value.replace(/&(#x?[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (entity, code: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (named[code.toLowerCase()]) return named[code.toLowerCase()]!;
    const number = code.toLowerCase().startsWith('#x') ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
    return Number.isFinite(number) ? String.fromCodePoint(number) : entity;
  });
const attribute = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decodeEntities(match[1]!) : null;
};
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The sheet as JSON from the form's fields: `q.<id>` per question (repeated for multiple choice), contact, consent, honeypot. */
export function sheetFromForm(slug: string, form: URLSearchParams, token: string | null): Record<string, unknown> {
  const answers: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (!key.startsWith('q.')) continue;
    const values = form.getAll(key);
    answers[key.slice(2)] = values.length === 1 ? values[0]! : values;
  }
  return {
    questionnaire: slug,
    ...(token ? { token } : {}),
    answers,
    contact: form.get('contact') ?? '',
    consent: form.get('consent') === '1',
    ...(form.has('website') ? { website: form.get('website') ?? '' } : {}),
  };
}

/** Puts the visitor's values back into the page's form: checked options, the texts, the contact and the consent box. */
export function refillForm(html: string, form: URLSearchParams): string {
  let out = html.replace(/<input\b[^>]*>/g, (tag) => {
    const name = attribute(tag, 'name');
    if (name === null) return tag;
    const type = attribute(tag, 'type');
    if (type === 'radio' || type === 'checkbox') {
      const chosen = name === 'consent' ? form.get('consent') === '1' : form.getAll(name).includes(attribute(tag, 'value') ?? '');
      const plain = tag.replace(/\schecked(?:="[^"]*")?/, '');
      return chosen ? plain.replace(/^<input\b/, '<input checked=""') : plain;
    }
    if (name === 'contact') return tag.replace(/\svalue="[^"]*"/, '').replace(/^<input\b/, `<input value="${escapeHtml(form.get('contact') ?? '')}"`);
    return tag;
  });
  out = out.replace(/(<textarea\b[^>]*\sname="([^"]*)"[^>]*>)[\s\S]*?(<\/textarea>)/g, (_all, open: string, name: string, close: string) => `${open}${escapeHtml(form.get(decodeEntities(name)) ?? '')}${close}`);
  return out;
}

/** The error summary: one link per problem, to the question's first control (as the island's summary). */
function errorSummary(issues: { path: string[]; message: string }[], html: string): string {
  const items = issues.map((issue) => {
    const target = issue.path[0] === 'answers' ? `anketa-${issue.path[1] ?? ''}-first` : issue.path[0] === 'consent' ? 'anketa-consent' : '';
    const number = issue.path[0] === 'answers' ? questionNumber(html, issue.path[1] ?? '') : null;
    const text = `${number ? `Вопрос ${number}: ` : ''}${issue.message}`;
    return target ? `<li><a href="#${escapeHtml(target)}">${escapeHtml(text)}</a></li>` : `<li>${escapeHtml(text)}</li>`;
  });
  return (
    '<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="anketa-error-summary-title" id="anketa-errors">' +
    '<h2 id="anketa-error-summary-title">Пожалуйста, исправьте ошибки в анкете</h2>' +
    `<ul>${items.join('')}</ul></div>`
  );
}

function questionNumber(html: string, questionId: string): string | null {
  const match = new RegExp(`data-question="${escapeRegExp(escapeHtml(questionId))}"[^>]*>\\s*<legend[^>]*>\\s*(\\d+)`).exec(html);
  return match ? match[1]! : null;
}

const panel = (title: string, message: string, kind: 'success-panel' | 'notice-banner') =>
  `<div class="${kind}" role="${kind === 'success-panel' ? 'status' : 'alert'}" tabindex="-1" id="anketa-outcome"><h2>${escapeHtml(title)}</h2><p>${escapeHtml(message)}</p></div>`;

function withoutForm(html: string, replacement: string): string {
  const start = html.indexOf(FORM_START);
  const end = html.indexOf(FORM_END);
  if (start < 0 || end < start) return html;
  return `${html.slice(0, start)}${replacement}${html.slice(end + FORM_END.length)}`;
}

function readCookie(request: Request, name: string): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/**
 * Answers `POST /obratnaya-svyaz/anketa/<slug>/`, or null when the address is not a questionnaire page that the
 * current build has (the caller then answers as for any unknown page).
 */
export async function handleQuestionnairePost(request: Request, deps: QuestionnairePostDeps): Promise<Response | null> {
  const pathname = new URL(request.url).pathname;
  const slug = QUESTIONNAIRE_PAGE.exec(pathname)?.[1];
  if (!slug) return null;
  let shell: string;
  try {
    shell = await readFile(path.join(deps.siteDir, 'obratnaya-svyaz', 'anketa', slug, 'index.html'), 'utf8');
  } catch {
    return null;
  }
  if (!shell.includes(OUTCOME_MARKER)) return null;
  // The CSP hashes come from the built page, before anything from the request is added.
  const csp = contentSecurityPolicy(inlineHashes(shell));
  const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', Vary: 'Cookie', 'Content-Security-Policy': csp };
  const display = displaySettingsOf(request);
  const respond = (html: string, status: number, extra: Record<string, string> = {}) =>
    new Response(display ? markDisplaySettings(html, display) : html, { status, headers: { ...headers, ...extra } });

  const form = await readForm(request);
  if (form === null) return respond(shell.replace(OUTCOME_MARKER, panel('Не удалось принять анкету', 'Пожалуйста, обновите страницу и отправьте анкету ещё раз.', 'notice-banner')), 400);
  const refilled = () => refillForm(shell, form);
  if (!deps.allowed()) {
    return respond(refilled().replace(OUTCOME_MARKER, panel('Слишком много отправок', 'Пожалуйста, подождите немного и отправьте анкету ещё раз.', 'notice-banner')), 429);
  }
  let answer: { status: number; body: CmsAnswer | null };
  try {
    answer = await deps.send(sheetFromForm(slug, form, readCookie(request, TOKEN_COOKIE)));
  } catch {
    answer = { status: 503, body: null };
  }
  const message = answer.body?.message;
  if (answer.status === 201) {
    const cookie: Record<string, string> = answer.body?.token
      ? { 'Set-Cookie': `${TOKEN_COOKIE}=${encodeURIComponent(answer.body.token)}; Path=${pathname}; Max-Age=${366 * 24 * 3600}; HttpOnly; SameSite=Lax${deps.overTls ? '; Secure' : ''}` }
      : {};
    return respond(withoutForm(shell, '').replace(OUTCOME_MARKER, panel('Спасибо!', message ?? 'Ваши ответы получены.', 'success-panel')), 200, cookie);
  }
  if (answer.status === 409) return respond(withoutForm(shell, '').replace(OUTCOME_MARKER, panel('Анкета уже заполнена', message ?? 'Вы уже заполнили эту анкету — спасибо!', 'success-panel')), 409);
  if (answer.status === 400 && answer.body?.issues?.length) return respond(refilled().replace(OUTCOME_MARKER, errorSummary(answer.body.issues, shell)), 400);
  if (answer.status === 404) return respond(withoutForm(shell, '').replace(OUTCOME_MARKER, panel('Анкета завершена', message ?? 'Эта анкета уже завершена.', 'notice-banner')), 404);
  return respond(refilled().replace(OUTCOME_MARKER, panel('Не удалось отправить анкету', 'Пожалуйста, попробуйте ещё раз чуть позже — ответы остались в форме.', 'notice-banner')), 503);
}

async function readForm(request: Request): Promise<URLSearchParams | null> {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) return null;
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_FORM_BYTES) return null;
  const text = await request.text().catch(() => null);
  if (text === null || text.length > MAX_FORM_BYTES) return null;
  return new URLSearchParams(text);
}
