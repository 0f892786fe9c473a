import type { Payload, TaskConfig } from 'payload';
import { z } from 'zod';
import { ALERT_KIND_LABELS, ALERT_KINDS, type AlertKind } from '@portal/core/outages';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { readCmsEnv } from '../env';
import { loadCompany } from '../appeals/settings/settings';
import { enqueueLetter } from '../outbox/letters';
import { COLLECTIONS } from '../slugs';
import { subscriptionConfirmationLetter, type BuiltLetter } from './letters';
import { addressTokenDelivery, addressTokenValid, hashToken, manageTokenId, manageTokenValid, newConfirmToken, newManageNonce } from './tokens';

/** Confirmation letters one address may get per company day (subscription bombing: the rest are dropped silently). */
export const CONFIRMATIONS_PER_DAY = 3;
/** How long a confirmation link works. */
export const CONFIRM_VALID_HOURS = 48;
export const CONFIRM_PATH = '/api/alerts/confirm';

export const SUBSCRIBE_MESSAGES = {
  email: 'Укажите адрес электронной почты, например ivanova@mail.ru',
  settlements: 'Выберите хотя бы один населённый пункт',
  kinds: 'Выберите хотя бы один вид уведомлений',
  streets: 'Улица не из списка выбранного населённого пункта',
  consent: 'Без согласия на обработку персональных данных мы не сможем отправлять уведомления',
} as const;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value]);

/** The subscription form as the endpoint reads it (JSON, or the no-JS form: repeated fields, `street` = «slug|street»). */
export const SubscribeSchema = z.object({
  email: z.string({ error: SUBSCRIBE_MESSAGES.email }).trim().toLowerCase().max(254, SUBSCRIBE_MESSAGES.email).pipe(z.email({ error: SUBSCRIBE_MESSAGES.email })),
  settlements: z.preprocess(list, z.array(z.string().regex(/^[a-z0-9-]{1,80}$/)).min(1, SUBSCRIBE_MESSAGES.settlements).max(50)),
  streets: z.preprocess(
    (value) => list(value).map((row) => (typeof row === 'string' && row.includes('|') ? { settlement: row.split('|', 1)[0], street: row.slice(row.indexOf('|') + 1) } : row)),
    z.array(z.object({ settlement: z.string().max(80), street: z.string().trim().min(1).max(120) })).max(100),
  ),
  kinds: z.preprocess(list, z.array(z.enum(ALERT_KINDS, { error: SUBSCRIBE_MESSAGES.kinds })).min(1, SUBSCRIBE_MESSAGES.kinds)),
  consent: z.preprocess((value) => value === true || value === 'on' || value === 'true' || value === 'yes', z.literal(true, { error: SUBSCRIBE_MESSAGES.consent })),
});
export type SubscribeForm = z.output<typeof SubscribeSchema>;

interface Requested {
  settlements: string[];
  streets: { settlement: string; street: string }[];
  kinds: AlertKind[];
}

interface Row {
  id: number | string;
  email: string;
  state: 'pending' | 'active' | 'unsubscribed';
  requested?: Requested | null;
  confirmTokenHash?: string | null;
  confirmTokenExpiresAt?: string | null;
  manageNonce?: string | null;
  confirmationsDay?: string | null;
  confirmationsCount?: number | null;
  confirmedAt?: string | null;
  settlements?: unknown[] | null;
  kinds?: string[] | null;
}

/** How the letter leaves: one function, so moving to the generic outbox is one line. */
export type SendLetter = (payload: Payload, letter: BuiltLetter & { to: string; purpose: string; dedupeKey: string }) => Promise<void>;

/** Through the generic outbox: durable before the answer, sent and retried by the robot's dispatcher, once per key. */
export const sendLetterNow: SendLetter = async (payload, letter) => {
  await enqueueLetter(payload, { purpose: letter.purpose, dedupeKey: letter.dedupeKey, to: letter.to, subject: letter.subject, text: letter.text, html: letter.html });
};

export type SubscribeOutcome = { kind: 'invalid'; fieldErrors: Record<string, string> } | { kind: 'accepted'; letterSent: boolean };

async function territoriesBySlug(payload: Payload): Promise<Map<string, { id: number | string; name: string; streets: string[] }>> {
  const found = await payload.find({ collection: COLLECTIONS.territories, pagination: false, depth: 0, overrideAccess: true });
  return new Map(
    found.docs.map((doc) => {
      const row = doc as unknown as { id: number | string; slug: string; name: string; streets?: { text?: string | null }[] | null };
      return [row.slug, { id: row.id, name: row.name, streets: (row.streets ?? []).map((line) => line.text ?? '').filter(Boolean) }];
    }),
  );
}

/**
 * A subscription request (double opt-in). The same neutral outcome whatever the address's state, so the form does
 * not tell who is subscribed. A new address becomes a `pending` row; a known one keeps its current preferences and
 * state, and the new ones wait in `requested` until the link of the new confirmation letter is followed (an earlier
 * link stops working). At most {@link CONFIRMATIONS_PER_DAY} letters per address per company day; beyond that the
 * request is accepted and nothing is sent.
 */
export async function requestSubscription(
  payload: Payload,
  form: SubscribeForm,
  meta: { ip: string | null; now?: Date },
  send: SendLetter = sendLetterNow,
): Promise<SubscribeOutcome> {
  const now = meta.now ?? new Date();
  const places = await territoriesBySlug(payload);
  const errors: Record<string, string> = {};
  const settlements = [...new Set(form.settlements)];
  if (settlements.some((slug) => !places.has(slug))) errors.settlements = SUBSCRIBE_MESSAGES.settlements;
  const streets = form.streets.filter((row, index, all) => all.findIndex((other) => other.settlement === row.settlement && other.street === row.street) === index);
  if (streets.some((row) => !settlements.includes(row.settlement) || !places.get(row.settlement)?.streets.includes(row.street))) errors.streets = SUBSCRIBE_MESSAGES.streets;
  if (Object.keys(errors).length > 0) return { kind: 'invalid', fieldErrors: errors };

  const company = await loadCompany(payload);
  const today = toLocalIsoDate(now, company.timeZone);
  const requested: Requested = { settlements, streets, kinds: [...new Set(form.kinds)] };
  const consent = { version: company.consentVersion || 'не указана', method: 'form', acceptedAt: now.toISOString(), ip: meta.ip };
  const { token, hash } = newConfirmToken();
  const expires = new Date(now.getTime() + CONFIRM_VALID_HOURS * 3_600_000).toISOString();

  const existing = (await payload.find({ collection: COLLECTIONS.alertSubscriptions, where: { email: { equals: form.email } }, limit: 1, depth: 0, overrideAccess: true, showHiddenFields: true })).docs[0] as unknown as Row | undefined;
  let id: number | string;
  if (!existing) {
    try {
      const created = await payload.create({
        collection: COLLECTIONS.alertSubscriptions,
        overrideAccess: true,
        data: { email: form.email, state: 'pending', requested, consent, confirmTokenHash: hash, confirmTokenExpiresAt: expires, manageNonce: newManageNonce(), confirmationsDay: today, confirmationsCount: 1 } as never,
      });
      id = created.id;
    } catch (error) {
      // Two requests for a new address at once: the unique e-mail lets one in; the other counts as a repeat.
      const again = (await payload.find({ collection: COLLECTIONS.alertSubscriptions, where: { email: { equals: form.email } }, limit: 1, depth: 0, overrideAccess: true })).docs[0];
      if (!again) throw error;
      return { kind: 'accepted', letterSent: false };
    }
  } else {
    const sentToday = existing.confirmationsDay === today ? (existing.confirmationsCount ?? 0) : 0;
    if (sentToday >= CONFIRMATIONS_PER_DAY) return { kind: 'accepted', letterSent: false };
    await payload.update({
      collection: COLLECTIONS.alertSubscriptions,
      id: existing.id,
      overrideAccess: true,
      data: { requested, consent, confirmTokenHash: hash, confirmTokenExpiresAt: expires, manageNonce: existing.manageNonce || newManageNonce(), confirmationsDay: today, confirmationsCount: sentToday + 1 } as never,
    });
    id = existing.id;
  }

  const confirmUrl = `${readCmsEnv().SITE_URL.replace(/\/$/, '')}${CONFIRM_PATH}?t=${token}`;
  const letter = subscriptionConfirmationLetter({
    companyName: company.shortName || company.name,
    confirmUrl,
    settlements: settlements.map((slug) => places.get(slug)?.name ?? slug),
    kinds: requested.kinds.map((kind) => ALERT_KIND_LABELS[kind]),
    validHours: CONFIRM_VALID_HOURS,
  });
  await send(payload, { ...letter, to: form.email, purpose: 'alert-subscription-confirm', dedupeKey: `alert-confirm:${String(id)}:${hash.slice(0, 16)}` });
  return { kind: 'accepted', letterSent: true };
}

/** Follows a confirmation link: the requested preferences take effect and the row is `active`. Null: unknown or expired. */
export async function confirmSubscription(payload: Payload, token: string, now: Date = new Date()): Promise<{ id: number | string; manageNonce: string } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = (await payload.find({ collection: COLLECTIONS.alertSubscriptions, where: { confirmTokenHash: { equals: hashToken(token) } }, limit: 1, depth: 0, overrideAccess: true, showHiddenFields: true })).docs[0] as unknown as Row | undefined;
  if (!row || !row.requested || !row.confirmTokenExpiresAt || new Date(row.confirmTokenExpiresAt).getTime() < now.getTime()) return null;
  const places = await territoriesBySlug(payload);
  const id = (slug: string) => places.get(slug)?.id;
  const manageNonce = row.manageNonce || newManageNonce();
  await payload.update({
    collection: COLLECTIONS.alertSubscriptions,
    id: row.id,
    overrideAccess: true,
    data: {
      state: 'active',
      settlements: row.requested.settlements.map(id).filter((value) => value !== undefined),
      streets: row.requested.streets.filter((line) => id(line.settlement) !== undefined).map((line) => ({ settlement: id(line.settlement), street: line.street })),
      kinds: row.requested.kinds,
      requested: null,
      confirmTokenHash: null,
      confirmTokenExpiresAt: null,
      confirmedAt: now.toISOString(),
      unsubscribedAt: null,
      manageNonce,
    } as never,
  });
  return { id: row.id, manageNonce };
}

/** The row a manage/unsubscribe token names, when the token is valid. */
export async function subscriptionByManageToken(payload: Payload, token: string): Promise<Row | null> {
  const id = manageTokenId(token);
  if (id === null || addressTokenDelivery(token) !== null) return null;
  const row = (await payload.find({ collection: COLLECTIONS.alertSubscriptions, where: { id: { equals: id } }, limit: 1, depth: 1, overrideAccess: true, showHiddenFields: true })).docs[0] as unknown as Row | undefined;
  if (!row || !manageTokenValid(readCmsEnv().PAYLOAD_SECRET, token, row.manageNonce)) return null;
  return row;
}

/** The address an imported list's unsubscribe token names, when the token is valid (see `addressTokenFor`). */
export async function addressByToken(payload: Payload, token: string): Promise<string | null> {
  const deliveryId = addressTokenDelivery(token);
  if (deliveryId === null) return null;
  const row = (await payload.find({ collection: COLLECTIONS.alertDeliveries, where: { id: { equals: deliveryId } }, limit: 1, depth: 0, overrideAccess: true })).docs[0] as unknown as
    | { email?: string | null }
    | undefined;
  if (!row?.email || !addressTokenValid(readCmsEnv().PAYLOAD_SECRET, token, row.email)) return null;
  return row.email.trim().toLowerCase();
}

/**
 * Puts an address on the suppression list: its subscription row becomes (or is created as) `unsubscribed`, which
 * every later campaign to an imported list honours (and a subscriber's letters stop). Subscribing again on the site
 * with a confirmed link lifts it. Idempotent.
 */
export async function suppressAddress(payload: Payload, email: string, now: Date = new Date()): Promise<void> {
  const existing = (await payload.find({ collection: COLLECTIONS.alertSubscriptions, where: { email: { equals: email } }, limit: 1, depth: 0, overrideAccess: true })).docs[0] as unknown as Row | undefined;
  const data = { state: 'unsubscribed', unsubscribedAt: now.toISOString(), requested: null, confirmTokenHash: null, confirmTokenExpiresAt: null };
  if (existing) {
    if (existing.state !== 'unsubscribed') await payload.update({ collection: COLLECTIONS.alertSubscriptions, id: existing.id, overrideAccess: true, data: data as never });
    return;
  }
  try {
    await payload.create({ collection: COLLECTIONS.alertSubscriptions, overrideAccess: true, data: { email, manageNonce: newManageNonce(), ...data } as never });
  } catch (error) {
    // Two clicks at once: the unique e-mail let one row in; make sure it says unsubscribed.
    const again = (await payload.find({ collection: COLLECTIONS.alertSubscriptions, where: { email: { equals: email } }, limit: 1, depth: 0, overrideAccess: true })).docs[0] as unknown as Row | undefined;
    if (!again) throw error;
    if (again.state !== 'unsubscribed') await payload.update({ collection: COLLECTIONS.alertSubscriptions, id: again.id, overrideAccess: true, data: data as never });
  }
}

/**
 * Unsubscribes by the private token (one-click): a subscriber's, or an imported address's (which puts the address on
 * the suppression list). Idempotent; false when the token is not valid.
 */
export async function unsubscribeByToken(payload: Payload, token: string, now: Date = new Date()): Promise<boolean> {
  if (addressTokenDelivery(token) !== null) {
    const email = await addressByToken(payload, token);
    if (email === null) return false;
    await suppressAddress(payload, email, now);
    return true;
  }
  const row = await subscriptionByManageToken(payload, token);
  if (!row) return false;
  if (row.state === 'unsubscribed') return true;
  await payload.update({
    collection: COLLECTIONS.alertSubscriptions,
    id: row.id,
    overrideAccess: true,
    data: { state: 'unsubscribed', unsubscribedAt: now.toISOString(), requested: null, confirmTokenHash: null, confirmTokenExpiresAt: null } as never,
  });
  return true;
}

/**
 * Forgets addresses that never confirmed: a `pending` row that was never active, whose last confirmation link has
 * expired, is deleted (the confirmation letter promises it). Rows that were once confirmed are kept as they are.
 */
export async function forgetUnconfirmed(payload: Payload, now: Date = new Date()): Promise<number> {
  const result = await payload.delete({
    collection: COLLECTIONS.alertSubscriptions,
    where: { and: [{ state: { equals: 'pending' } }, { confirmedAt: { exists: false } }, { confirmTokenExpiresAt: { less_than: now.toISOString() } }] },
    overrideAccess: true,
  });
  return result.docs.length;
}

export const FORGET_UNCONFIRMED_TASK = 'forgetUnconfirmedAlertSubscriptions';

/** Hourly: unconfirmed subscription requests leave the database once their link has expired. */
export const alertSubscriptionTasks: TaskConfig[] = [
  {
    slug: FORGET_UNCONFIRMED_TASK,
    label: 'Удаление неподтверждённых подписок',
    schedule: [{ cron: '0 15 * * * *', queue: 'default' }],
    handler: async ({ req }) => ({ output: { deleted: await forgetUnconfirmed(req.payload) } }),
  } as TaskConfig,
];
