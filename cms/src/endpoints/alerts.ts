import type { Endpoint, PayloadRequest } from 'payload';
import { escapeHtml } from '@portal/core/escape-html';
import { ALERT_KIND_LABELS, type AlertKind } from '@portal/core/outages';
import { rolesOf } from '../access/roles';
import { singleUseHumanCheck } from '../appeals/intake/human-check-once';
import { addressByToken, CONFIRM_PATH, confirmSubscription, requestSubscription, SubscribeSchema, subscriptionByManageToken, unsubscribeByToken } from '../alerts/subscriptions';
import { addressTokenDelivery } from '../alerts/tokens';
import { subscriberCounts } from '../alerts/counts';
import { UNSUBSCRIBE_PATH, unsubscribeUrl } from '../alerts/unsubscribe-headers';
import { fieldErrors, FORM_ERROR_MESSAGE } from '@portal/core/form-errors';
import { asRequest, forbidden, NO_STORE, searchParamsOf } from './payload-request';

const MAX_BODY_BYTES = 32 * 1024;
const SUBSCRIBE_PAGE = '/podpiska/';

/** A small self-contained HTML page (no scripts, no external resources) for the no-JS paths and the e-mail links. */
function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html>\n<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}<p><a href="/">На главную</a></p></main></body></html>\n`;
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...NO_STORE, 'Referrer-Policy': 'no-referrer', 'X-Portal-Page': 'alerts' } });
}

const wantsHtml = (req: PayloadRequest) => !(req.headers.get('content-type') ?? '').includes('application/json');

/** The body as a plain object: JSON, or the no-JS form (urlencoded; repeated fields become arrays). */
async function readBody(req: PayloadRequest): Promise<Record<string, unknown> | null> {
  const request = asRequest(req);
  const text = await request.text().catch(() => null);
  if (text === null || text.length > MAX_BODY_BYTES) return null;
  const type = req.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    try {
      const value = JSON.parse(text) as unknown;
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const name = key.replace(/\[\]$/, '');
    const previous = out[name];
    out[name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return out;
}

const clientIp = (req: PayloadRequest): string | null => req.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() || null;

const CHECK_MAIL = 'Мы отправили письмо со ссылкой для подтверждения. Уведомления начнут приходить только после того, как вы перейдёте по ссылке из письма. Если письма нет, проверьте папку «Спам».';

/**
 * `POST /api/alerts/subscribe` (JSON from the page's script, or the plain form without JavaScript). The same answer
 * for new and known addresses. The JSON path passes the forms' proof-of-work check; the no-JS path cannot solve it
 * and relies on the per-IP limit of the public server and the per-address daily cap of confirmation letters.
 */
export const alertSubscribeEndpoint: Endpoint = {
  path: '/alerts/subscribe',
  method: 'post',
  handler: async (req) => {
    const html = wantsHtml(req);
    const body = await readBody(req);
    if (!body) return html ? page(400, 'Не удалось оформить подписку', '<p>Форма пришла повреждённой. Пожалуйста, вернитесь и отправьте её ещё раз.</p>') : Response.json({ message: FORM_ERROR_MESSAGE }, { status: 400, headers: NO_STORE });
    if (typeof body.website === 'string' && body.website.trim() !== '') {
      return html ? page(400, 'Не удалось оформить подписку', '<p>Пожалуйста, отправьте форму ещё раз.</p>') : Response.json({ message: FORM_ERROR_MESSAGE }, { status: 400, headers: NO_STORE });
    }
    const human = html ? null : singleUseHumanCheck(req.payload, asRequest(req));
    if (human) {
      const problem = await human.verify(body);
      if (problem !== null) return Response.json({ message: problem, code: 'human-check' }, { status: 400, headers: NO_STORE });
    }
    const parsed = SubscribeSchema.safeParse(body);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      if (!html) return Response.json({ message: FORM_ERROR_MESSAGE, fieldErrors: errors }, { status: 400, headers: NO_STORE });
      return page(400, 'Проверьте форму', `<ul>${Object.values(errors).map((message) => `<li>${escapeHtml(message)}</li>`).join('')}</ul><p><a href="${SUBSCRIBE_PAGE}">Вернуться к форме</a></p>`);
    }
    await human?.spend();
    const outcome = await requestSubscription(req.payload, parsed.data, { ip: clientIp(req) });
    if (outcome.kind === 'invalid') {
      if (!html) return Response.json({ message: FORM_ERROR_MESSAGE, fieldErrors: outcome.fieldErrors }, { status: 400, headers: NO_STORE });
      return page(400, 'Проверьте форму', `<ul>${Object.values(outcome.fieldErrors).map((message) => `<li>${escapeHtml(message)}</li>`).join('')}</ul><p><a href="${SUBSCRIBE_PAGE}">Вернуться к форме</a></p>`);
    }
    return html ? page(200, 'Проверьте почту', `<p>${escapeHtml(CHECK_MAIL)}</p>`) : Response.json({ message: CHECK_MAIL }, { status: 202, headers: NO_STORE });
  },
};

const tokenOf = (req: PayloadRequest, body?: Record<string, unknown> | null): string => {
  const fromBody = typeof body?.t === 'string' ? body.t : '';
  return (fromBody || searchParamsOf(req).get('t') || '').slice(0, 200);
};

/** `GET /api/alerts/confirm?t=…`: a page with a button (mail scanners that open links do not confirm anything). */
export const alertConfirmPageEndpoint: Endpoint = {
  path: '/alerts/confirm',
  method: 'get',
  handler: async (req) => {
    const token = tokenOf(req);
    return page(200, 'Подтверждение подписки', `<p>Нажмите кнопку, чтобы получать уведомления на этот адрес.</p><form method="post" action="${CONFIRM_PATH}"><input type="hidden" name="t" value="${escapeHtml(token)}"><button type="submit">Подтвердить подписку</button></form>`);
  },
};

/** `POST /api/alerts/confirm` (form field or query `t`): the subscription becomes active; shows the private link. */
export const alertConfirmEndpoint: Endpoint = {
  path: '/alerts/confirm',
  method: 'post',
  handler: async (req) => {
    const body = await readBody(req);
    const confirmed = await confirmSubscription(req.payload, tokenOf(req, body));
    if (!confirmed) return page(404, 'Ссылка не действует', `<p>Ссылка устарела или уже использована. Если подписка ещё нужна, <a href="${SUBSCRIBE_PAGE}">оформите её заново</a>.</p>`);
    const link = unsubscribeUrl(confirmed);
    return page(200, 'Подписка подтверждена', `<p>Спасибо! Теперь мы будем сообщать вам об отключениях и изменениях по выбранным населённым пунктам.</p><p>Изменить подписку или отписаться можно по личной ссылке; она есть и в каждом нашем письме: <a href="${escapeHtml(link)}">управление подпиской</a>.</p>`);
  },
};

/** `GET /api/alerts/unsubscribe?t=…`: the private page — what the subscription is, a button to unsubscribe. */
export const alertUnsubscribePageEndpoint: Endpoint = {
  path: '/alerts/unsubscribe',
  method: 'get',
  handler: async (req) => {
    const token = tokenOf(req);
    if (addressTokenDelivery(token) !== null) {
      // An imported list's letter: no subscription to show, only the button (a GET never unsubscribes).
      if ((await addressByToken(req.payload, token)) === null) return page(404, 'Ссылка не действует', '<p>Ссылка неверна или устарела.</p>');
      return page(
        200,
        'Отписаться от оповещений',
        `<p>Вы получаете наши оповещения, потому что дали этот адрес для них. Нажмите кнопку, и мы больше не будем их присылать.</p><form method="post" action="${UNSUBSCRIBE_PATH}?t=${encodeURIComponent(token)}"><input type="hidden" name="t" value="${escapeHtml(token)}"><button type="submit">Отписаться от оповещений</button></form>`,
      );
    }
    const row = (await subscriptionByManageToken(req.payload, token)) as (Awaited<ReturnType<typeof subscriptionByManageToken>> & { settlements?: { name?: string }[] }) | null;
    if (!row) return page(404, 'Ссылка не действует', '<p>Ссылка неверна или устарела.</p>');
    if (row.state === 'unsubscribed') return page(200, 'Вы отписаны', `<p>Уведомления на этот адрес не отправляются. <a href="${SUBSCRIBE_PAGE}">Подписаться снова</a>.</p>`);
    const places = (row.settlements ?? []).map((place) => (place && typeof place === 'object' ? ((place as { name?: string }).name ?? '') : '')).filter(Boolean).join(', ');
    const kinds = (row.kinds ?? []).map((kind) => ALERT_KIND_LABELS[kind as AlertKind] ?? kind).join(', ');
    return page(
      200,
      'Управление подпиской',
      `<p>Населённые пункты: ${escapeHtml(places || '—')}.<br>Виды уведомлений: ${escapeHtml(kinds || '—')}.</p><form method="post" action="${UNSUBSCRIBE_PATH}?t=${encodeURIComponent(token)}"><input type="hidden" name="t" value="${escapeHtml(token)}"><button type="submit">Отписаться от всех уведомлений</button></form><p>Чтобы изменить населённые пункты или виды уведомлений, <a href="${SUBSCRIBE_PAGE}">заполните форму подписки</a> с тем же адресом и подтвердите изменения по ссылке из письма.</p>`,
    );
  },
};

/**
 * `POST /api/alerts/unsubscribe?t=…`: RFC 8058 one-click (`List-Unsubscribe=One-Click` in the body, no cookies, no
 * JavaScript) and the page's button alike. Idempotent.
 */
export const alertUnsubscribeEndpoint: Endpoint = {
  path: '/alerts/unsubscribe',
  method: 'post',
  handler: async (req) => {
    const body = await readBody(req);
    const done = await unsubscribeByToken(req.payload, tokenOf(req, body));
    if (!done) return page(404, 'Ссылка не действует', '<p>Ссылка неверна или устарела.</p>');
    return page(200, 'Вы отписаны', `<p>Больше писем на этот адрес мы не отправим. Если передумаете, <a href="${SUBSCRIBE_PAGE}">подпишитесь снова</a>.</p>`);
  },
};

/**
 * `GET /api/alerts/counts` for editors, managers and admins: how many subscriptions by state, and active ones by
 * settlement and by settlement and kind — numbers only, never an address (the dashboard panel shows the same).
 */
export const alertCountsEndpoint: Endpoint = {
  path: '/alerts/counts',
  method: 'get',
  handler: async (req) => {
    if (!rolesOf(req).some((role) => role === 'editor' || role === 'manager' || role === 'admin')) return forbidden();
    return Response.json(await subscriberCounts(req.payload), { headers: NO_STORE });
  },
};

export const alertEndpoints: Endpoint[] = [alertSubscribeEndpoint, alertConfirmPageEndpoint, alertConfirmEndpoint, alertUnsubscribePageEndpoint, alertUnsubscribeEndpoint, alertCountsEndpoint];

