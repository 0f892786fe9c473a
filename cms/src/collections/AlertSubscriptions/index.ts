import type { CollectionConfig, FieldAccess } from 'payload';
import { ALERT_KIND_LABELS, ALERT_KINDS, SUBSCRIPTION_STATE_LABELS, SUBSCRIPTION_STATES } from '@portal/core/outages';
import { isAdmin, isManagerOrAdmin, isNobody, isNobodyField } from '../../access/roles';
import { COLLECTIONS } from '../../slugs';

export const ALERTS_NAV_GROUP = 'Уведомления';

/** Secrets and bookkeeping of the subscription flow: only the server's own code (local API) reads or writes them. */
const SERVER_SECRET = { read: isNobodyField as FieldAccess, create: isNobodyField, update: isNobodyField } as const;
const dateTime = { date: { pickerAppearance: 'dayAndTime' as const } };

/**
 * E-mail alerts by settlement (issue 21): one row per address. Personal data: only managers and administrators read
 * it, only the server writes it (the public subscription endpoints, cms/src/alerts), only administrators delete a row
 * (a request to erase). Editors see counts only (GET /api/alerts/counts).
 *
 * Double opt-in: a row starts `pending`; nothing but the confirmation letter goes to the address until the link in it
 * is followed (state `active`, `confirmedAt`). A new request for a known address keeps its preferences in `requested`
 * until confirmed again. Tokens are never stored: the confirmation token only as its SHA-256, the private
 * manage/unsubscribe token is an HMAC of the row's id and `manageNonce` under the server secret
 * (cms/src/alerts/tokens.ts).
 */
export const AlertSubscriptions: CollectionConfig = {
  slug: COLLECTIONS.alertSubscriptions,
  labels: { singular: 'Подписка на уведомления', plural: 'Подписки на уведомления' },
  admin: { group: ALERTS_NAV_GROUP, useAsTitle: 'email', defaultColumns: ['email', 'state', 'settlements', 'kinds', 'confirmedAt'] },
  custom: { accessProfile: 'subscribers' },
  access: { read: isManagerOrAdmin, create: isNobody, update: isNobody, delete: isAdmin },
  defaultSort: '-createdAt',
  fields: [
    { name: 'email', label: 'E-mail', type: 'text', required: true, unique: true, index: true, admin: { readOnly: true } },
    {
      name: 'state',
      label: 'Состояние',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'pending',
      options: SUBSCRIPTION_STATES.map((value) => ({ value, label: SUBSCRIPTION_STATE_LABELS[value] })),
      admin: { readOnly: true },
    },
    { name: 'settlements', label: 'Населённые пункты', type: 'relationship', relationTo: COLLECTIONS.territories, hasMany: true, admin: { readOnly: true } },
    {
      name: 'streets',
      label: 'Улицы',
      type: 'array',
      admin: { readOnly: true, initCollapsed: true },
      fields: [
        { name: 'settlement', label: 'Населённый пункт', type: 'relationship', relationTo: COLLECTIONS.territories, required: true },
        { name: 'street', label: 'Улица', type: 'text', required: true },
      ],
    },
    { name: 'kinds', label: 'Виды уведомлений', type: 'select', hasMany: true, options: ALERT_KINDS.map((value) => ({ value, label: ALERT_KIND_LABELS[value] })), admin: { readOnly: true } },
    // Preferences of a request not yet confirmed: { settlements: slugs, streets: [{ settlement, street }], kinds }.
    { name: 'requested', type: 'json', access: SERVER_SECRET, admin: { hidden: true } },
    {
      name: 'consent',
      label: 'Согласие на обработку персональных данных',
      type: 'group',
      admin: { readOnly: true },
      fields: [
        { name: 'version', label: 'Версия текста согласия', type: 'text' },
        { name: 'method', label: 'Как дано', type: 'select', options: [{ value: 'form', label: 'Отметка в форме на сайте' }] },
        { name: 'acceptedAt', label: 'Когда дано', type: 'date', admin: dateTime },
        { name: 'ip', label: 'IP-адрес', type: 'text' },
      ],
    },
    { name: 'confirmedAt', label: 'Адрес подтверждён', type: 'date', index: true, admin: { readOnly: true, ...dateTime } },
    { name: 'unsubscribedAt', label: 'Отписан', type: 'date', admin: { readOnly: true, ...dateTime } },
    // SHA-256 of the outstanding confirmation token, and when it stops working.
    { name: 'confirmTokenHash', type: 'text', index: true, access: SERVER_SECRET, admin: { hidden: true } },
    { name: 'confirmTokenExpiresAt', type: 'date', access: SERVER_SECRET, admin: { hidden: true } },
    // Random per row; changing it revokes every manage and unsubscribe link given out so far.
    { name: 'manageNonce', type: 'text', access: SERVER_SECRET, admin: { hidden: true } },
    // Against subscription bombing: confirmation letters sent to this address on `confirmationsDay` (company date).
    { name: 'confirmationsDay', type: 'text', access: SERVER_SECRET, admin: { hidden: true } },
    { name: 'confirmationsCount', type: 'number', defaultValue: 0, access: SERVER_SECRET, admin: { hidden: true } },
  ],
};
