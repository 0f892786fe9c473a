import type { CollectionConfig } from 'payload';
import { isAdmin, isHandlerOrAdmin, isHandlerOrAdminField, isNobody, isNobodyField, SERVER_ONLY_FIELD } from '../../access/roles';
import { NOTICE_DECISION_LABELS, NOTICE_DECISIONS } from '../../appeals/letters/client-notice';
import { COLLECTIONS } from '../../slugs';
import { APPEALS_NAV_GROUP } from '../nav-groups';

/**
 * Where a notice stands: held while its decision is being stored, then e-mailed by the robot, or a task for the
 * handler (post, phone), or nobody to tell.
 */
export const NOTICE_STATES = ['held', 'pending', 'sent', 'task', 'no-contact'] as const;

/**
 * The client's notices of decisions (refusal, extension, request for information, not considered), one row each. An
 * e-mail notice is an outbox entry (`pending` until the robot's dispatcher has sent it, retried while SMTP fails, like
 * the confirmations); a client who chose post or phone gets a `task` row with the text the handler sends or reads out,
 * shown on the appeal. Written only by the server; handlers mark a task done.
 */
export const AppealNotices: CollectionConfig = {
  slug: COLLECTIONS.appealNotices,
  labels: { singular: 'Уведомление заявителю', plural: 'Уведомления заявителям' },
  admin: {
    group: APPEALS_NAV_GROUP,
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'decision', 'channel', 'state', 'taskDone', 'createdAt'],
  },
  custom: { accessProfile: 'appeals' },
  access: { read: isHandlerOrAdmin, create: isNobody, update: isHandlerOrAdmin, delete: isAdmin, readVersions: isNobody },
  fields: [
    { name: 'appeal', label: 'Обращение', type: 'relationship', relationTo: COLLECTIONS.appeals, index: true, access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
    { name: 'decision', label: 'Решение', type: 'select', required: true, access: SERVER_ONLY_FIELD, options: NOTICE_DECISIONS.map((value) => ({ value, label: NOTICE_DECISION_LABELS[value] })), admin: { readOnly: true } },
    {
      name: 'channel',
      label: 'Способ',
      type: 'select',
      required: true,
      access: SERVER_ONLY_FIELD,
      options: [
        { value: 'email', label: 'E-mail (отправляет робот)' },
        { value: 'post', label: 'Письмом по почте (отправляет специалист)' },
        { value: 'phone', label: 'По телефону (сообщает специалист)' },
        { value: 'none', label: 'Нет контактов' },
      ],
      admin: { readOnly: true },
    },
    {
      name: 'state',
      label: 'Состояние',
      type: 'select',
      required: true,
      index: true,
      access: SERVER_ONLY_FIELD,
      options: [
        { value: 'held', label: 'Готовится (решение сохраняется)' },
        { value: 'pending', label: 'Ожидает отправки по e-mail' },
        { value: 'sent', label: 'Отправлено по e-mail' },
        { value: 'task', label: 'Задача специалисту: отправить письмом или сообщить по телефону' },
        { value: 'no-contact', label: 'Не отправляется: заявитель не оставил контактов' },
      ],
      admin: { readOnly: true },
    },
    { name: 'subject', label: 'Тема', type: 'text', required: true, access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
    {
      name: 'text',
      label: 'Текст для заявителя',
      type: 'textarea',
      required: true,
      access: SERVER_ONLY_FIELD,
      admin: { readOnly: true, rows: 12, description: 'Для почты и телефона: этот текст специалист отправляет письмом или зачитывает заявителю.' },
    },
    {
      name: 'taskDone',
      label: 'Задача выполнена (письмо отправлено / заявитель извещён)',
      type: 'checkbox',
      defaultValue: false,
      access: { create: isNobodyField, update: isHandlerOrAdminField, read: isHandlerOrAdminField },
    },
    { name: 'html', type: 'textarea', access: { ...SERVER_ONLY_FIELD, read: isHandlerOrAdminField }, admin: { hidden: true } },
    { name: 'attempts', label: 'Попыток', type: 'number', defaultValue: 0, access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
    { name: 'lastError', label: 'Последняя ошибка', type: 'text', access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
    { name: 'sentAt', label: 'Отправлено', type: 'date', access: SERVER_ONLY_FIELD, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'messageId', type: 'text', access: SERVER_ONLY_FIELD, admin: { hidden: true } },
    // The `at` of the history entry of the decision: a notice held by a crashed transition is released only if it is there.
    { name: 'historyAt', type: 'text', access: SERVER_ONLY_FIELD, admin: { hidden: true } },
    { name: 'nextAttemptAt', type: 'date', index: true, access: SERVER_ONLY_FIELD, admin: { hidden: true } },
    { name: 'claimedUntil', type: 'date', access: SERVER_ONLY_FIELD, admin: { hidden: true } },
  ],
};
