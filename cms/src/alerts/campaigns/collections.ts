import { APIError, type Access, type CollectionBeforeChangeHook, type CollectionConfig, type FieldAccess } from 'payload';
import { ALERT_KIND_LABELS, ALERT_KINDS } from '@portal/core/outages';
import {
  CAMPAIGN_STATE_LABELS,
  CAMPAIGN_STATES,
  DEFAULT_LETTERS_PER_MINUTE,
  EDITABLE_STATES,
  MAX_LETTERS_PER_MINUTE,
  parseAddressList,
  type CampaignState,
} from '@portal/core/alert-campaign';
import { rolesOf } from '../../access/roles';
import { isNobody, isNobodyField } from '../../access/roles';
import { COLLECTIONS, type Role } from '../../slugs';
import { campaignEndpoints } from './endpoints';
import { DELIVERY_STATES, DELIVERY_STATE_LABELS } from './deliveries';

import { ALERTS_NAV_GROUP } from '../../collections/AlertSubscriptions';

const has = (roles: readonly Role[]): Access => ({ req }) => rolesOf(req).some((role) => roles.includes(role));
const hasField = (roles: readonly Role[]): FieldAccess => ({ req }) => rolesOf(req).some((role) => roles.includes(role));

/** Editors compose; managers approve; administrators do both. Handlers have no part (least privilege). */
const COMPOSERS: readonly Role[] = ['editor', 'manager', 'admin'];
/** Who reads clients' addresses (personal data): managers and administrators, as for the subscriptions. */
const PERSONAL_DATA_READERS: readonly Role[] = ['manager', 'admin'];

/** «Сценарии оповещения»: the stored letters (standards 001 §9.1.6: storing scenarios). */
export const AlertScenarios: CollectionConfig = {
  slug: COLLECTIONS.alertScenarios,
  labels: { singular: 'Сценарий оповещения', plural: 'Сценарии оповещения' },
  admin: {
    group: ALERTS_NAV_GROUP,
    useAsTitle: 'title',
    defaultColumns: ['title', 'subject', 'updatedAt'],
    description: 'Текст письма рассылки. В конце каждого письма автоматически добавляется ссылка для отписки.',
  },
  access: { read: has(COMPOSERS), create: has(COMPOSERS), update: has(COMPOSERS), delete: has(['admin']) },
  custom: { accessProfile: 'campaign-staff' },
  fields: [
    { name: 'title', label: 'Название', type: 'text', required: true, maxLength: 200 },
    { name: 'subject', label: 'Тема письма', type: 'text', required: true, maxLength: 200 },
    {
      name: 'body',
      label: 'Текст письма',
      type: 'textarea',
      required: true,
      maxLength: 10_000,
      admin: { description: 'Обычный текст; пустая строка начинает новый абзац. Без персональных данных: письмо одинаково для всех получателей.' },
    },
  ],
};

/** The longest list text accepted: 100,000 addresses of typical length (core's limit on addresses). */
const MAX_LIST_CHARACTERS = 8_000_000;

const importAddresses: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const next = { ...originalDoc, ...data } as { type?: string; csv?: string | null; voluntary?: boolean };
  if (next.type !== 'imported') return data;
  if (!next.voluntary) {
    throw new APIError('Отметьте, что адреса в списке клиенты сами дали для оповещений: загружать другие адреса нельзя.', 400, undefined, true);
  }
  if (typeof data.csv === 'string' && data.csv.trim() !== '') {
    const parsed = parseAddressList(data.csv);
    if (parsed.errors.length > 0) {
      const shown = parsed.errors.slice(0, 20).join('\n');
      const more = parsed.errors.length > 20 ? `\nИ ещё ошибок: ${parsed.errors.length - 20}.` : '';
      throw new APIError(`Список не загружен, исправьте строки файла:\n${shown}${more}`, 400, undefined, true);
    }
    if (parsed.addresses.length === 0) throw new APIError('В файле нет ни одного адреса.', 400, undefined, true);
    data.addresses = parsed.addresses.join('\n');
    data.addressCount = parsed.addresses.length;
    data.importNote = `Загружено адресов: ${parsed.addresses.length}; повторов убрано: ${parsed.duplicates}.`;
  }
  // The file itself is not kept: the cleaned list is.
  data.csv = null;
  return data;
};

/**
 * «Списки оповещения» (storing lists): either the confirmed subscribers filtered by settlement and kind, or a list
 * imported from CSV of addresses clients gave for this purpose (001 §9.1.6.2: only voluntarily given addresses).
 */
export const AlertLists: CollectionConfig = {
  slug: COLLECTIONS.alertLists,
  labels: { singular: 'Список оповещения', plural: 'Списки оповещения' },
  admin: { group: ALERTS_NAV_GROUP, useAsTitle: 'title', defaultColumns: ['title', 'type', 'addressCount', 'updatedAt'] },
  access: { read: has(COMPOSERS), create: has(COMPOSERS), update: has(COMPOSERS), delete: has(['admin']) },
  custom: { accessProfile: 'campaign-staff' },
  hooks: { beforeChange: [importAddresses] },
  fields: [
    { name: 'title', label: 'Название', type: 'text', required: true, maxLength: 200 },
    {
      name: 'type',
      label: 'Кто в списке',
      type: 'select',
      required: true,
      defaultValue: 'subscribers',
      options: [
        { value: 'subscribers', label: 'Подписчики с подтверждённым адресом (по населённым пунктам и видам)' },
        { value: 'imported', label: 'Адреса из файла CSV' },
      ],
    },
    {
      name: 'settlements',
      label: 'Населённые пункты',
      type: 'relationship',
      relationTo: COLLECTIONS.territories,
      hasMany: true,
      admin: { condition: (_, sibling) => sibling?.type !== 'imported', description: 'Пусто — все населённые пункты.' },
    },
    {
      name: 'kinds',
      label: 'Виды оповещений, на которые подписан клиент',
      type: 'select',
      hasMany: true,
      options: ALERT_KINDS.map((value) => ({ value, label: ALERT_KIND_LABELS[value] })),
      admin: { condition: (_, sibling) => sibling?.type !== 'imported', description: 'Письмо получат подписчики хотя бы одного из выбранных видов.' },
    },
    {
      name: 'voluntary',
      label: 'Адреса в файле клиенты сами дали для оповещений по электронной почте (согласие есть у каждого)',
      type: 'checkbox',
      access: { create: hasField(PERSONAL_DATA_READERS), update: hasField(PERSONAL_DATA_READERS) },
      admin: { condition: (_, sibling) => sibling?.type === 'imported' },
    },
    {
      name: 'csv',
      label: 'Файл CSV (вставьте содержимое)',
      type: 'textarea',
      // Payload's default limit of text (40,000 characters) is about 1,500 addresses.
      maxLength: MAX_LIST_CHARACTERS,
      access: { read: () => false, create: hasField(PERSONAL_DATA_READERS), update: hasField(PERSONAL_DATA_READERS) },
      admin: {
        condition: (_, sibling) => sibling?.type === 'imported',
        description:
          'Можно загружать только адреса, которые клиенты сами предоставили для оповещений. Адрес — в первом столбце, ' +
          'разделитель «;» или «,», первая строка может быть заголовком. Повторы убираются, строки с ошибками называются по номеру, ' +
          'и тогда список не сохраняется. Загружают руководитель или администратор.',
      },
    },
    { name: 'importNote', label: 'Итог загрузки', type: 'text', access: { create: isNobodyField, update: isNobodyField }, admin: { readOnly: true, condition: (_, s) => s?.type === 'imported' } },
    { name: 'addressCount', label: 'Адресов', type: 'number', access: { create: isNobodyField, update: isNobodyField }, admin: { readOnly: true } },
    {
      name: 'addresses',
      label: 'Адреса',
      type: 'textarea',
      maxLength: MAX_LIST_CHARACTERS,
      access: { read: hasField(PERSONAL_DATA_READERS), create: isNobodyField, update: isNobodyField },
      admin: { readOnly: true, condition: (_, s) => s?.type === 'imported' },
    },
  ],
};

const stampAuthor: CollectionBeforeChangeHook = ({ data, operation, req, originalDoc }) => {
  if (operation === 'create' && req.user && !data.author) data.author = req.user.id;
  const serverWrite = req.context?.campaignServer === true;
  if (operation === 'update' && !serverWrite && (originalDoc as { state?: string } | undefined)?.state !== 'draft') {
    throw new APIError('Менять рассылку можно, пока она черновик. Верните её на доработку или создайте новую.', 400, undefined, true);
  }
  const next = { ...originalDoc, ...data } as { startAt?: string; endAt?: string; source?: string; scenario?: unknown; list?: unknown };
  if (next.startAt && next.endAt && Date.parse(next.endAt) <= Date.parse(next.startAt)) {
    throw new APIError('Окончание рассылки должно быть позже начала.', 400, undefined, true);
  }
  if (next.source !== 'news' && (!next.scenario || !next.list)) {
    throw new APIError('Выберите сценарий (текст письма) и список получателей.', 400, undefined, true);
  }
  return data;
};

/**
 * The content of a campaign (title, scenario, list, window, throttle) can be changed only while it is a draft: once
 * it is submitted, approved, running or finished the admin shows these fields read-only (only the state buttons —
 * pause, resume, cancel — act), and the server refuses a change anyway (stampAuthor).
 */
const contentWhileDraft: FieldAccess = ({ doc }) => !doc || EDITABLE_STATES.includes((doc as { state?: CampaignState }).state ?? 'draft');

/**
 * «Рассылки»: a task to send one scenario to one list within a window, at most `perMinute` letters a minute.
 * State moves only through POST /api/alert-campaigns/:id/transition (the rules in core/src/alert-campaign.ts);
 * the content is editable while it is a draft.
 */
export const AlertCampaigns: CollectionConfig = {
  slug: COLLECTIONS.alertCampaigns,
  labels: { singular: 'Рассылка', plural: 'Рассылки' },
  admin: {
    group: ALERTS_NAV_GROUP,
    useAsTitle: 'title',
    defaultColumns: ['title', 'state', 'startAt', 'endAt', 'recipients'],
    description: 'Рассылку составляет редактор, утверждает руководитель; она идёт сама с начала до окончания окна.',
  },
  access: {
    read: has(COMPOSERS),
    create: has(COMPOSERS),
    // Content changes only in a draft (stampAuthor refuses others); the state and counters are the server's.
    update: has(COMPOSERS),
    delete: has(['admin']),
  },
  custom: { accessProfile: 'campaign-staff' },
  endpoints: campaignEndpoints,
  hooks: { beforeChange: [stampAuthor] },
  fields: [
    { name: 'monitor', type: 'ui', admin: { components: { Field: '/components/CampaignMonitor#CampaignMonitor' } } },
    { name: 'title', label: 'Название', type: 'text', required: true, maxLength: 200, access: { update: contentWhileDraft } },
    {
      name: 'state',
      label: 'Состояние',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: CAMPAIGN_STATES.map((value) => ({ value, label: CAMPAIGN_STATE_LABELS[value] })),
      access: { create: isNobodyField, update: isNobodyField },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'source',
      label: 'Откуда',
      type: 'select',
      required: true,
      defaultValue: 'manual',
      options: [
        { value: 'manual', label: 'Составлена вручную' },
        { value: 'news', label: 'Новость с отметкой «оповестить»' },
      ],
      access: { create: isNobodyField, update: isNobodyField },
      admin: { position: 'sidebar', readOnly: true },
    },
    { name: 'news', label: 'Новость', type: 'relationship', relationTo: COLLECTIONS.news, access: { create: isNobodyField, update: isNobodyField }, admin: { readOnly: true, condition: (_, s) => s?.source === 'news' } },
    { name: 'scenario', label: 'Сценарий (текст письма)', type: 'relationship', relationTo: COLLECTIONS.alertScenarios, access: { update: contentWhileDraft } },
    { name: 'list', label: 'Список получателей', type: 'relationship', relationTo: COLLECTIONS.alertLists, access: { update: contentWhileDraft } },
    {
      type: 'row',
      fields: [
        { name: 'startAt', label: 'Начало', type: 'date', required: true, access: { update: contentWhileDraft }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'endAt', label: 'Окончание', type: 'date', required: true, access: { update: contentWhileDraft }, admin: { date: { pickerAppearance: 'dayAndTime' }, description: 'Что не отправлено к этому времени, не отправляется.' } },
        {
          name: 'perMinute',
          label: 'Писем в минуту',
          type: 'number',
          required: true,
          min: 1,
          max: MAX_LETTERS_PER_MINUTE,
          defaultValue: DEFAULT_LETTERS_PER_MINUTE,
          access: { update: contentWhileDraft },
          admin: { description: 'Сколько писем в минуту передаётся почтовому серверу.' },
        },
      ],
    },
    // Filled by the server.
    { name: 'author', label: 'Автор', type: 'relationship', relationTo: COLLECTIONS.users, access: { create: isNobodyField, update: isNobodyField }, admin: { position: 'sidebar', readOnly: true } },
    { name: 'approvedBy', label: 'Утвердил', type: 'relationship', relationTo: COLLECTIONS.users, access: { create: isNobodyField, update: isNobodyField }, admin: { position: 'sidebar', readOnly: true } },
    { name: 'approvedAt', label: 'Утверждена', type: 'date', access: { create: isNobodyField, update: isNobodyField }, admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'startedAt', label: 'Началась', type: 'date', access: { create: isNobodyField, update: isNobodyField }, admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'finishedAt', label: 'Завершена', type: 'date', access: { create: isNobodyField, update: isNobodyField }, admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'recipients', label: 'Получателей', type: 'number', access: { create: isNobodyField, update: isNobodyField }, admin: { position: 'sidebar', readOnly: true } },
    // A campaign from a news item has no scenario: the letter is the news item's title and summary, kept here.
    { name: 'subject', label: 'Тема письма', type: 'text', access: { create: isNobodyField, update: isNobodyField }, admin: { readOnly: true, condition: (_, s) => s?.source === 'news' } },
    { name: 'body', label: 'Текст письма', type: 'textarea', access: { create: isNobodyField, update: isNobodyField }, admin: { readOnly: true, condition: (_, s) => s?.source === 'news' } },
    // One campaign per news item, whichever process saw it published: `news:<id>`, unique.
    { name: 'newsKey', type: 'text', unique: true, access: { create: isNobodyField, update: isNobodyField }, admin: { hidden: true } },
    { name: 'prepared', type: 'checkbox', access: { create: isNobodyField, update: isNobodyField }, admin: { hidden: true } },
    { name: 'nextSlotAt', type: 'date', access: { create: isNobodyField, update: isNobodyField }, admin: { hidden: true } },
  ],
};

/**
 * «Результаты рассылок»: one row per recipient and campaign (results kept); the unique `key`
 * (`campaign:<id>:<recipient>`, also the outbox letter's dedupe key) makes a second row for the same recipient
 * impossible, whichever process tries. Personal data: managers and administrators read them; nobody writes them.
 */
export const AlertDeliveries: CollectionConfig = {
  slug: COLLECTIONS.alertDeliveries,
  labels: { singular: 'Результат рассылки', plural: 'Результаты рассылок' },
  admin: { group: ALERTS_NAV_GROUP, useAsTitle: 'email', defaultColumns: ['email', 'campaign', 'state', 'plannedAt'] },
  access: { read: has(PERSONAL_DATA_READERS), create: isNobody, update: isNobody, delete: isNobody },
  custom: { accessProfile: 'campaign-results' },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true, admin: { readOnly: true } },
    { name: 'campaign', label: 'Рассылка', type: 'relationship', relationTo: COLLECTIONS.alertCampaigns, required: true, index: true, admin: { readOnly: true } },
    { name: 'email', label: 'Адрес', type: 'text', required: true, admin: { readOnly: true } },
    { name: 'subscription', label: 'Подписка', type: 'text', admin: { readOnly: true } },
    {
      name: 'state',
      label: 'Итог',
      type: 'select',
      required: true,
      defaultValue: 'planned',
      index: true,
      options: DELIVERY_STATES.map((value) => ({ value, label: DELIVERY_STATE_LABELS[value] })),
      admin: { readOnly: true },
    },
    { name: 'plannedAt', label: 'Не раньше', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
  ],
};
