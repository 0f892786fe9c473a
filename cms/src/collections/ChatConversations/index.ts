import type { Access, CollectionConfig, FieldAccess } from 'payload';
import { CHAT_STATE_LABELS, CHAT_STATES } from '@portal/core/chat/contract';
import { isNobody, isNobodyField, rolesOf, SERVER_ONLY_FIELD } from '../../access/roles';
import { COLLECTIONS } from '../../slugs';
import { APPEALS_NAV_GROUP } from '../nav-groups';

/** Chat conversations and messages: handlers, managers and administrators read; nobody writes through the API. */
export const isChatReader: Access = ({ req }) => rolesOf(req).some((role) => role === 'handler' || role === 'manager' || role === 'admin');

/** Nobody reads the field through the API (the token's hash). */
const NOBODY_READS: { read: FieldAccess; create: FieldAccess; update: FieldAccess } = { read: isNobodyField, create: isNobodyField, update: isNobodyField };

/** Channels a conversation can come from (only the site's chat today; a messenger bot would add one). */
export const CHAT_CHANNELS = ['site'] as const;

/**
 * Online chat conversations («Онлайн ЦОК», issue 19). Written only by the server (cms/src/chat/service.ts): the
 * client endpoints and the operators' console call the service, which stores every state change durably before it
 * answers. Operators work in the console, not in this collection's edit view.
 */
export const ChatConversations: CollectionConfig = {
  slug: COLLECTIONS.chatConversations,
  labels: { singular: 'Разговор в чате', plural: 'Разговоры в чате' },
  admin: {
    group: APPEALS_NAV_GROUP,
    defaultColumns: ['id', 'state', 'name', 'queuedAt', 'operator', 'rating'],
  },
  custom: { accessProfile: 'chat' },
  access: { read: isChatReader, create: isNobody, update: isNobody, delete: isNobody, readVersions: isNobody },
  fields: [
    {
      name: 'state',
      label: 'Состояние',
      type: 'select',
      required: true,
      index: true,
      access: SERVER_ONLY_FIELD,
      options: CHAT_STATES.map((value) => ({ value, label: CHAT_STATE_LABELS[value] })),
      admin: { readOnly: true },
    },
    { name: 'channel', label: 'Канал', type: 'select', defaultValue: 'site', access: SERVER_ONLY_FIELD, options: [{ value: 'site', label: 'Чат на сайте' }], admin: { readOnly: true } },
    { name: 'topic', label: 'Тема', type: 'relationship', relationTo: COLLECTIONS.topics, access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
    { name: 'operator', label: 'Оператор', type: 'relationship', relationTo: COLLECTIONS.users, index: true, access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
    { name: 'group', label: 'Группа', type: 'text', index: true, access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
    { name: 'queuedAt', label: 'Поставлен в очередь', type: 'date', index: true, access: SERVER_ONLY_FIELD, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'acceptedAt', label: 'Принят оператором', type: 'date', index: true, access: SERVER_ONLY_FIELD, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'closedAt', label: 'Завершён', type: 'date', index: true, access: SERVER_ONLY_FIELD, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'deferredUntil', label: 'Отложен до', type: 'date', index: true, access: SERVER_ONLY_FIELD, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'outOfHoursUntil', label: 'Начат вне рабочего времени, работа с', type: 'date', access: SERVER_ONLY_FIELD, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'rating', label: 'Оценка', type: 'number', min: 1, max: 5, access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
    { name: 'faqOffered', label: 'Предложены ответы из базы знаний', type: 'checkbox', defaultValue: false, access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
    { name: 'name', label: 'Имя клиента', type: 'text', access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
    { name: 'contact', label: 'Контакт клиента', type: 'text', access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
    {
      name: 'consent',
      label: 'Согласие на обработку персональных данных',
      type: 'group',
      access: SERVER_ONLY_FIELD,
      admin: { readOnly: true },
      fields: [
        { name: 'version', label: 'Версия текста согласия', type: 'text' },
        { name: 'acceptedAt', label: 'Когда дано', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'ip', label: 'IP-адрес', type: 'text' },
      ],
    },
    // The first message's retry key (SHA-256 of its clientMessageId, text and proof): a retried start finds its conversation.
    { name: 'startKey', type: 'text', required: true, unique: true, index: true, access: NOBODY_READS, admin: { hidden: true } },
    // SHA-256 of the private link's token: a leaked database gives no working links. Never readable through the API.
    { name: 'tokenHash', type: 'text', required: true, index: true, access: NOBODY_READS, admin: { hidden: true } },
    { name: 'appeal', label: 'Обращение', type: 'relationship', relationTo: COLLECTIONS.appeals, index: true, access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
    // No longer kept current: a message's number is derived from the stored rows inside its own insert (one write per
    // message, cms/src/chat/service.ts `append`). Kept in the schema until a migration drops the column.
    { name: 'lastSeq', type: 'number', defaultValue: 0, required: true, access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
    // When the client was told by e-mail that an operator joined (at most once per acceptance).
    { name: 'joinNotifiedAt', type: 'date', access: SERVER_ONLY_FIELD, admin: { hidden: true } },
  ],
};
