import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { escapeHtml } from '@portal/core/escape-html';
import { BOOKING_SLUG as SLUG, MANAGE_TOKEN as TOKEN, type PublicBooking, type PublicDay, type PublicOffice, type PublicTopic } from '@portal/core/booking/public-api';
import { formatRussianDate } from '@portal/core/time-zone';
import { displaySettingsOf, markDisplaySettings } from './display-mode';
import { contentSecurityPolicy, inlineHashes } from './security-headers';

/**
 * The booking steps without JavaScript (issue 20): `/zapis/` (office → topic → day → time → contact and consent →
 * done) and the private page `/zapis/moya/?t=…` (cancel or move), rendered here on the server into the place the
 * built pages mark (site/src/pages/zapis/*.astro), with the data from the CMS's /api/forms/booking endpoints. Every
 * step is a link or a plain form; the island (when it runs) does the same without reloads.
 */

/** Where the steps go in the built `zapis/index.html` (the private page `/zapis/moya/` uses the same shell). */
export const BOOKING_MARKER = '<!--portal:booking-->';
export const BOOKING_PATH = '/zapis/';
export const BOOKING_MANAGE_PATH = '/zapis/moya/';

/** The CMS calls the pages need: JSON in, `{ status, body }` out (`null` when the CMS did not answer). */
export interface BookingApi {
  get(pathAndQuery: string): Promise<{ status: number; body: Record<string, unknown> } | null>;
  post(pathAndQuery: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> } | null>;
}

/** What the booking POST needs besides the CMS: whether one more booking without proof-of-work is allowed here. */
export interface BookingPostDeps {
  siteDir: string;
  api: BookingApi;
  /** Counts one booking sent without JavaScript (no `altcha`) against its per-address limit; false when over it. */
  noScriptAllowed: () => boolean;
}

/** The header that marks a booking as sent from the page without JavaScript (the CMS's NOSCRIPT_HEADER). */
export const NOSCRIPT_BOOKING_HEADER = 'x-portal-noscript-form';
const NOSCRIPT_LIMITED_MESSAGE =
  'С вашего адреса уже было несколько записей без JavaScript за последний час. Пожалуйста, попробуйте позже, включите JavaScript в браузере или запишитесь по телефону горячей линии.';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const e = escapeHtml;
const clock = (time: string) => time.replace(/^0(\d)/, '$1');
const day = (date: string) => formatRussianDate(date, { weekday: true });
const href = (base: string, params: Record<string, string>) => `${base}?${new URLSearchParams(params).toString()}`;
const UNAVAILABLE = '<p class="panel" role="alert">Запись сейчас недоступна. Пожалуйста, попробуйте чуть позже или позвоните на горячую линию.</p>';

function stepsNav(current: number): string {
  const names = ['Офис', 'Вопрос', 'День', 'Время', 'Контакты'];
  return `<ol class="booking-steps">${names.map((name, i) => `<li${i === current ? ' aria-current="step"' : ''}>${name}</li>`).join('')}</ol>`;
}

function alertBlock(message: string | undefined): string {
  return message ? `<p class="panel booking-error" role="alert">${e(message)}</p>` : '';
}

function officeList(offices: PublicOffice[]): string {
  if (offices.length === 0) return '<p>Сейчас ни один офис не ведёт запись через сайт. Приходите в часы работы или позвоните на горячую линию.</p>';
  return `<h2>Выберите офис</h2><ul class="booking-choices">${offices
    .map((office) => `<li><a href="${e(href(BOOKING_PATH, { office: office.slug }))}">${e(office.name)}</a><br><span class="muted">${e(office.address)}</span></li>`)
    .join('')}</ul>`;
}

function topicList(office: PublicOffice): string {
  return `<h2>С каким вопросом вы придёте?</h2><p>${e(office.name)}, ${e(office.address)}. <a href="${BOOKING_PATH}">Другой офис</a></p><ul class="booking-choices">${office.topics
    .map((topic) => `<li><a href="${e(href(BOOKING_PATH, { office: office.slug, topic: topic.slug }))}">${e(topic.title)}</a> <span class="muted">(около ${topic.minutes} мин)</span></li>`)
    .join('')}</ul>`;
}

function dayList(base: string, params: Record<string, string>, days: PublicDay[]): string {
  if (days.length === 0) return '<p>На ближайшие дни свободного времени нет. Выберите другой офис или загляните позже: время освобождается, когда кто-то отменяет запись.</p>';
  return `<h2>Выберите день</h2><ul class="booking-choices booking-days">${days
    .map((item) => `<li><a href="${e(href(base, { ...params, date: item.date }))}">${e(day(item.date))}</a> <span class="muted">— свободно: ${item.times.length}</span></li>`)
    .join('')}</ul>`;
}

function timeLinks(base: string, params: Record<string, string>, date: string, times: string[]): string {
  if (times.length === 0) return `<p>На ${e(day(date))} свободного времени уже нет. <a href="${e(href(base, params))}">Выбрать другой день</a></p>`;
  return `<h2>Выберите время на ${e(day(date))}</h2><ul class="booking-times">${times
    .map((time) => `<li><a href="${e(href(base, { ...params, date, time }))}">${e(clock(time))}</a></li>`)
    .join('')}</ul><p><a href="${e(href(base, params))}">Другой день</a></p>`;
}

export interface ContactValues {
  name?: string;
  phone?: string;
  email?: string;
}

function contactForm(office: PublicOffice, topic: PublicTopic, date: string, time: string, values: ContactValues, errors: Record<string, string>): string {
  const field = (name: keyof ContactValues, label: string, type: string, autocomplete: string, hint = '') => {
    const error = errors[name];
    const described = [error ? `booking-${name}-error` : '', hint ? `booking-${name}-hint` : ''].filter(Boolean).join(' ');
    return `<div class="field${error ? ' field--error' : ''}"><label class="label" for="booking-${name}">${label}</label>${hint ? `<p class="hint" id="booking-${name}-hint">${hint}</p>` : ''}${error ? `<span class="error-message" id="booking-${name}-error">${e(error)}</span>` : ''}<input class="input input--short" id="booking-${name}" name="${name}" type="${type}" autocomplete="${autocomplete}" value="${e(values[name] ?? '')}"${error ? ' aria-invalid="true"' : ''}${described ? ` aria-describedby="${described}"` : ''}></div>`;
  };
  return `<h2>Ваши контакты</h2>
<p class="booking-summary"><strong>${e(day(date))}, ${e(clock(time))}</strong><br>${e(office.name)}, ${e(office.address)}<br>${e(topic.title)}<br><a href="${e(href(BOOKING_PATH, { office: office.slug, topic: topic.slug, date }))}">Выбрать другое время</a></p>
<form method="post" action="${BOOKING_PATH}" class="booking-form" novalidate>
<input type="hidden" name="office" value="${e(office.slug)}"><input type="hidden" name="topic" value="${e(topic.slug)}"><input type="hidden" name="date" value="${e(date)}"><input type="hidden" name="time" value="${e(time)}">
${field('name', 'Как к вам обращаться', 'text', 'name')}
${field('phone', 'Телефон', 'tel', 'tel', 'Телефон или e-mail — хотя бы одно, чтобы мы могли напомнить о визите.')}
${field('email', 'E-mail', 'email', 'email', 'На e-mail придёт подтверждение с кодом записи и ссылкой для отмены.')}
<div class="field${errors.consent ? ' field--error' : ''}">${errors.consent ? `<span class="error-message" id="booking-consent-error">${e(errors.consent)}</span>` : ''}<label class="checkbox"><input type="checkbox" name="consent" value="on"${errors.consent ? ' aria-invalid="true" aria-describedby="booking-consent-error"' : ''}> <span>Согласен(на) на обработку персональных данных для записи на приём (<a href="/privacy/">политика</a>)</span></label></div>
<p><button type="submit" class="button">Записаться</button></p>
</form>`;
}

function donePage(result: Record<string, unknown>, office: PublicOffice | undefined, topic: PublicTopic | undefined, hasEmail: boolean): string {
  const code = String(result.code ?? '');
  const date = String(result.date ?? '');
  const manage = String(result.manageUrl ?? '');
  const managePath = (() => {
    try {
      const url = new URL(manage);
      return `${url.pathname}${url.search}`;
    } catch {
      return '';
    }
  })();
  return `<h2>Вы записаны</h2>
<p class="panel booking-done" role="status">Код записи: <strong class="booking-code">${e(code)}</strong></p>
<p><strong>${DATE.test(date) ? e(day(date)) : ''}, ${e(clock(String(result.startTime ?? '')))}–${e(clock(String(result.endTime ?? '')))}</strong>${office ? `<br>${e(office.name)}, ${e(office.address)}` : ''}${topic ? `<br>${e(topic.title)}` : ''}</p>
<p>${hasEmail ? 'Подтверждение с кодом, списком документов и файлом для календаря отправлено на ваш e-mail. ' : ''}Назовите код записи администратору или у окна.</p>
${managePath ? `<p>Отменить или перенести визит: <a href="${e(managePath)}" rel="noreferrer">страница вашей записи</a>. Сохраните эту ссылку — она работает только для вас.</p>` : ''}`;
}

/** Reads the built page that holds the marker; `null` when the build has none. */
async function shellOf(siteDir: string, pagePath: string): Promise<string | null> {
  try {
    const shell = await readFile(path.join(siteDir, ...pagePath.split('/').filter(Boolean), 'index.html'), 'utf8');
    return shell.includes(BOOKING_MARKER) ? shell : null;
  } catch {
    return null;
  }
}

function page(request: Request, shell: string, content: string, status = 200, extraHeaders: Record<string, string> = {}): Response {
  const filled = shell.replace(BOOKING_MARKER, () => content);
  const display = displaySettingsOf(request);
  const html = display ? markDisplaySettings(filled, display) : filled;
  return new Response(request.method === 'HEAD' ? null : html, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', Vary: 'Cookie', 'Content-Security-Policy': contentSecurityPolicy(inlineHashes(shell)), ...extraHeaders },
  });
}

async function offices(api: BookingApi): Promise<PublicOffice[] | null> {
  const answer = await api.get('/api/forms/booking/offices').catch(() => null);
  return answer && answer.status === 200 ? ((answer.body.offices as PublicOffice[] | undefined) ?? []) : null;
}

async function days(api: BookingApi, office: string, topic: string): Promise<PublicDay[] | null> {
  const answer = await api.get(`/api/forms/booking/slots?${new URLSearchParams({ office, topic }).toString()}`).catch(() => null);
  return answer && answer.status === 200 ? ((answer.body.days as PublicDay[] | undefined) ?? []) : null;
}

/** The step a query asks for (GET `/zapis/`), or the contact form again with a message (after a refused POST). */
async function stepContent(api: BookingApi, query: Record<string, string>, values: ContactValues = {}, errors: Record<string, string> = {}, message?: string): Promise<string> {
  const list = await offices(api);
  if (list === null) return UNAVAILABLE;
  const office = SLUG.test(query.office ?? '') ? list.find((item) => item.slug === query.office) : undefined;
  if (!office) return stepsNav(0) + alertBlock(query.office ? 'Этот офис не ведёт запись через сайт. Выберите другой.' : message) + officeList(list);
  const topic = SLUG.test(query.topic ?? '') ? office.topics.find((item) => item.slug === query.topic) : undefined;
  if (!topic) return stepsNav(1) + alertBlock(message) + topicList(office);
  const free = await days(api, office.slug, topic.slug);
  if (free === null) return UNAVAILABLE;
  const base = { office: office.slug, topic: topic.slug };
  const heading = `<p>${e(office.name)} · ${e(topic.title)}. <a href="${e(href(BOOKING_PATH, { office: office.slug }))}">Другой вопрос</a></p>`;
  const date = DATE.test(query.date ?? '') ? query.date! : '';
  if (!date) return stepsNav(2) + alertBlock(message) + heading + dayList(BOOKING_PATH, base, free);
  const times = free.find((item) => item.date === date)?.times ?? [];
  const time = TIME.test(query.time ?? '') && times.includes(query.time!) ? query.time! : '';
  if (!time) return stepsNav(3) + alertBlock(message ?? (query.time ? 'Это время уже заняли, выберите другое' : undefined)) + heading + timeLinks(BOOKING_PATH, base, date, times);
  return stepsNav(4) + alertBlock(message) + contactForm(office, topic, date, time, values, errors);
}

/** GET `/zapis/`: the step the query asks for. */
export async function handleBookingPage(request: Request, deps: { siteDir: string; api: BookingApi }): Promise<Response | null> {
  const shell = await shellOf(deps.siteDir, BOOKING_PATH);
  if (!shell) return null;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return page(request, shell, await stepContent(deps.api, query));
}

/**
 * POST `/zapis/` from the contact form: books, then shows the booking or the form again with what to fix. The island
 * adds the proof-of-work solution (`altcha`), passed on to the CMS; a form without one (no JavaScript) goes with the
 * no-script header instead and counts against the tighter per-address limit of such bookings (429 page over it).
 */
export async function handleBookingPost(request: Request, form: Record<string, string>, deps: BookingPostDeps): Promise<Response | null> {
  const shell = await shellOf(deps.siteDir, BOOKING_PATH);
  if (!shell) return null;
  const pick = (name: string) => (typeof form[name] === 'string' ? form[name]!.slice(0, 300) : '');
  const query = { office: pick('office'), topic: pick('topic'), date: pick('date'), time: pick('time') };
  const values = { name: pick('name'), phone: pick('phone'), email: pick('email') };
  const altcha = typeof form.altcha === 'string' && form.altcha.length > 0 && form.altcha.length <= 4_000 ? form.altcha : '';
  if (!altcha && !deps.noScriptAllowed()) {
    return page(request, shell, await stepContent(deps.api, query, values, {}, NOSCRIPT_LIMITED_MESSAGE), 429, { 'Retry-After': '3600' });
  }
  const fields = { ...query, ...values, consent: pick('consent') === 'on' ? 'on' : false };
  const answer = await (altcha ? deps.api.post('/api/forms/booking', { ...fields, altcha }) : deps.api.post('/api/forms/booking', fields, { [NOSCRIPT_BOOKING_HEADER]: '1' })).catch(() => null);
  if (answer === null) return page(request, shell, UNAVAILABLE, 503);
  if (answer.status === 201) {
    const list = (await offices(deps.api)) ?? [];
    const office = list.find((item) => item.slug === query.office);
    return page(request, shell, donePage(answer.body, office, office?.topics.find((item) => item.slug === query.topic), Boolean(values.email)), 201, { 'Referrer-Policy': 'no-referrer' });
  }
  const message = String(answer.body.message ?? 'Не удалось записаться. Попробуйте ещё раз.');
  if (answer.status === 409 || answer.status === 422) {
    // The time was taken meanwhile (or is no longer bookable): back to the day's times with the reason.
    return page(request, shell, await stepContent(deps.api, { office: query.office, topic: query.topic, date: query.date }, {}, {}, message), answer.status);
  }
  const errors = (answer.body.fieldErrors as Record<string, string> | undefined) ?? {};
  return page(request, shell, await stepContent(deps.api, query, values, errors, message), answer.status);
}

function bookingCard(booking: PublicBooking): string {
  const state = booking.state === 'cancelled' ? 'Запись отменена' : booking.open ? 'Вы записаны' : booking.state === 'attended' ? 'Визит состоялся' : 'Время визита прошло';
  return `<h2>${state}</h2><p class="panel">Код записи: <strong class="booking-code">${e(booking.code)}</strong><br><strong>${e(day(booking.date))}, ${e(clock(booking.startTime))}–${e(clock(booking.endTime))}</strong><br>${e(booking.office.name)}, ${e(booking.office.address)}<br>${e(booking.topic.title)}</p>`;
}

/** GET `/zapis/moya/?t=…[&move=1[&date=…]]`: the booking, a cancel button, and the steps to move it. */
export async function handleManagePage(request: Request, deps: { siteDir: string; api: BookingApi }, notice?: string, status = 200): Promise<Response | null> {
  // The booking page's shell serves the private page too (one built page; the private one is never indexed).
  const shell = await shellOf(deps.siteDir, BOOKING_PATH);
  if (!shell) return null;
  const params = new URL(request.url).searchParams;
  const token = params.get('t') ?? '';
  const noReferrer = { 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex' };
  const notFound = '<p class="panel" role="alert">Запись не найдена или ссылка устарела. Проверьте ссылку из письма.</p>';
  if (!TOKEN.test(token)) return page(request, shell, notFound, 404, noReferrer);
  const answer = await deps.api.get(`/api/forms/booking/manage?${new URLSearchParams({ t: token }).toString()}`).catch(() => null);
  if (answer === null) return page(request, shell, UNAVAILABLE, 503, noReferrer);
  if (answer.status !== 200) return page(request, shell, notFound, 404, noReferrer);
  const booking = answer.body as unknown as PublicBooking;
  let content = (notice ? `<p class="panel" role="status">${e(notice)}</p>` : '') + bookingCard(booking);
  if (booking.open) {
    if (params.get('move') === '1') {
      const free = (await days(deps.api, booking.office.slug, booking.topic.slug)) ?? [];
      const date = DATE.test(params.get('date') ?? '') ? params.get('date')! : '';
      if (!date) content += `<h2>Перенести на другой день</h2>` + dayList(BOOKING_MANAGE_PATH, { t: token, move: '1' }, free).replace('<h2>Выберите день</h2>', '');
      else {
        const times = free.find((item) => item.date === date)?.times ?? [];
        content += `<h2>Новое время на ${e(day(date))}</h2>${
          times.length === 0
            ? '<p>Свободного времени на этот день нет.</p>'
            : `<ul class="booking-times">${times
                .map((time) => `<li><form method="post" action="${BOOKING_MANAGE_PATH}"><input type="hidden" name="t" value="${e(token)}"><input type="hidden" name="action" value="move"><input type="hidden" name="date" value="${e(date)}"><input type="hidden" name="time" value="${e(time)}"><button type="submit" class="button-link">${e(clock(time))}</button></form></li>`)
                .join('')}</ul>`
        }<p><a href="${e(href(BOOKING_MANAGE_PATH, { t: token, move: '1' }))}">Другой день</a></p>`;
      }
    } else {
      content += `<p><a class="button" href="${e(href(BOOKING_MANAGE_PATH, { t: token, move: '1' }))}">Перенести на другое время</a></p>`;
    }
    content += `<form method="post" action="${BOOKING_MANAGE_PATH}"><input type="hidden" name="t" value="${e(token)}"><input type="hidden" name="action" value="cancel"><button type="submit" class="button button-secondary">Отменить запись</button></form>`;
  } else if (booking.state === 'cancelled') {
    content += `<p><a href="${BOOKING_PATH}">Записаться снова</a></p>`;
  }
  return page(request, shell, content, status, noReferrer);
}

/** POST `/zapis/moya/`: cancel or move, then the booking page with what happened. */
export async function handleManagePost(request: Request, form: Record<string, string>, deps: { siteDir: string; api: BookingApi }): Promise<Response | null> {
  const token = typeof form.t === 'string' && TOKEN.test(form.t) ? form.t : '';
  const url = new URL(request.url);
  url.search = token ? `?t=${encodeURIComponent(token)}` : '';
  const view = new Request(url, { method: 'GET', headers: request.headers });
  if (form.action === 'cancel') {
    const answer = await deps.api.post('/api/forms/booking/cancel', { t: token }).catch(() => null);
    return handleManagePage(view, deps, answer?.status === 200 ? 'Запись отменена. Время освобождено для других клиентов.' : String(answer?.body.message ?? 'Не удалось отменить запись.'));
  }
  if (form.action === 'move') {
    const answer = await deps.api.post('/api/forms/booking/move', { t: token, date: form.date ?? '', time: form.time ?? '' }).catch(() => null);
    if (answer?.status === 200) return handleManagePage(view, deps, 'Запись перенесена. Новое время — ниже; письмо с ним отправлено на ваш e-mail, если вы его указали.');
    const back = new URL(url);
    back.searchParams.set('move', '1');
    if (typeof form.date === 'string' && DATE.test(form.date)) back.searchParams.set('date', form.date);
    return handleManagePage(new Request(back, { method: 'GET', headers: request.headers }), deps, String(answer?.body.message ?? 'Не удалось перенести запись.'), answer?.status ?? 503);
  }
  return handleManagePage(view, deps);
}
