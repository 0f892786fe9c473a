import type { Field } from 'payload';
import { isAdminField, isAdminOrSelfField, isNobodyField } from '../access/roles';
import { CHAT_PRESENCES, DEFAULT_CHAT_LIMIT, parseChatHours } from './presence';

const CHAT_ROLES = ['handler', 'manager', 'admin'];
const isChatOperator = (data: Record<string, unknown> | undefined) => Array.isArray(data?.roles) && (data.roles as string[]).some((role) => CHAT_ROLES.includes(role));

/**
 * A staff account's chat console settings (issue 19): the limit of conversations at once (administrators set it),
 * working hours, and the presence the console keeps (written only by the server: the console's presence switch and
 * heartbeat go through `POST /api/chat-console/presence`). Colleagues never read them (like the e-mail): the console
 * shows who is online through its own endpoint.
 */
export const CHAT_OPERATOR_FIELDS: Field[] = [
  {
    type: 'collapsible',
    label: 'Онлайн-консультант',
    admin: { initCollapsed: true, condition: (data) => isChatOperator(data) },
    fields: [
      {
        name: 'chatLimit',
        label: 'Диалогов одновременно',
        type: 'number',
        min: 1,
        max: 10,
        defaultValue: DEFAULT_CHAT_LIMIT,
        access: { read: isAdminOrSelfField, create: isAdminField, update: isAdminField },
        admin: { description: `Сколько открытых диалогов оператор может вести сразу; по умолчанию ${DEFAULT_CHAT_LIMIT}. Меняет администратор.` },
      },
      {
        name: 'chatHours',
        label: 'Часы работы в чате',
        type: 'text',
        maxLength: 11,
        access: { read: isAdminOrSelfField },
        validate: (value: unknown) => (value === null || value === undefined || value === '' || parseChatHours(String(value)) ? true : 'Укажите часы так: 08:00–17:00.'),
        admin: { description: 'Например, 08:00–17:00 (время компании). Пусто — часы работы компании.' },
      },
      {
        name: 'chatPresence',
        label: 'Статус в чате',
        type: 'select',
        defaultValue: 'offline',
        options: CHAT_PRESENCES.map((value) => ({ value, label: { online: 'В сети', away: 'Отошёл', offline: 'Не в сети' }[value] })),
        access: { read: isAdminOrSelfField, create: isNobodyField, update: isNobodyField },
        admin: { readOnly: true, description: 'Меняется в консоли онлайн-консультанта.' },
      },
      { name: 'chatSeenAt', label: 'Консоль открыта последний раз', type: 'date', access: { read: isAdminOrSelfField, create: isNobodyField, update: isNobodyField }, admin: { readOnly: true } },
    ],
  },
];
