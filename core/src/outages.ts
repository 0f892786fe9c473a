/**
 * Outages as data (issue 21): the state of an outage, the kinds of alerts a subscriber may choose, and which
 * subscribers an item concerns. Pure code: the CMS, the site build and the campaigns share it.
 */

export const OUTAGE_TYPES = ['planned-outage', 'emergency-outage'] as const;
export type OutageType = (typeof OUTAGE_TYPES)[number];

/** A news type is an outage (planned or emergency). */
export function isOutageType(type: unknown): type is OutageType {
  return type === 'planned-outage' || type === 'emergency-outage';
}

export const OUTAGE_STATES = ['planned', 'ongoing', 'restored'] as const;
export type OutageState = (typeof OUTAGE_STATES)[number];
export const OUTAGE_STATE_LABELS: Record<OutageState, string> = {
  planned: 'Запланировано',
  ongoing: 'Идёт сейчас',
  restored: 'Электроснабжение восстановлено',
};

/** What a subscriber may ask to be told about. */
export const ALERT_KINDS = ['planned', 'emergency', 'tariff', 'news'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  planned: 'Плановые отключения',
  emergency: 'Аварийные отключения',
  tariff: 'Изменения тарифов',
  news: 'Новости обслуживания',
};

/** The kind of alert a news item of this type is (tariff news → `tariff`, service and general news → `news`). */
export function alertKindOfNewsType(type: string): AlertKind {
  if (type === 'planned-outage') return 'planned';
  if (type === 'emergency-outage') return 'emergency';
  if (type === 'tariff') return 'tariff';
  return 'news';
}

export const SUBSCRIPTION_STATES = ['pending', 'active', 'unsubscribed'] as const;
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];
export const SUBSCRIPTION_STATE_LABELS: Record<SubscriptionState, string> = {
  pending: 'Ждёт подтверждения адреса',
  active: 'Действует',
  unsubscribed: 'Отписан',
};

/** A street of a settlement, both as slugs/names the way they are stored. */
export interface SettlementStreet {
  settlement: string;
  street: string;
}

/** Where a news item applies: its settlements (empty: the whole area the company serves) and streets within them. */
export interface AlertTarget {
  kind: AlertKind;
  settlements: readonly string[];
  streets?: readonly SettlementStreet[];
}

/** What a subscriber asked for. */
export interface AlertInterest {
  kinds: readonly string[];
  settlements: readonly string[];
  streets?: readonly SettlementStreet[];
}

const normStreet = (street: string) => street.trim().toLocaleLowerCase('ru-RU').replace(/ё/g, 'е').replace(/\s+/g, ' ');

/**
 * Whether a subscriber must hear about an item: the kind is one they chose, and
 * - an item without settlements (tariff changes, company news) concerns every subscriber;
 * - otherwise they share a settlement S where either side names no street of S (the whole settlement), or both
 *   name the same street of S.
 */
export function interestMatches(interest: AlertInterest, target: AlertTarget): boolean {
  if (!interest.kinds.includes(target.kind)) return false;
  if (target.settlements.length === 0) return true;
  for (const settlement of target.settlements) {
    if (!interest.settlements.includes(settlement)) continue;
    const theirs = (interest.streets ?? []).filter((row) => row.settlement === settlement).map((row) => normStreet(row.street));
    const ours = (target.streets ?? []).filter((row) => row.settlement === settlement).map((row) => normStreet(row.street));
    if (theirs.length === 0 || ours.length === 0) return true;
    if (ours.some((street) => theirs.includes(street))) return true;
  }
  return false;
}
