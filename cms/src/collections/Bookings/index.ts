import type { CollectionConfig } from 'payload';
import { BOOKING_CHANNEL_LABELS, BOOKING_CHANNELS, BOOKING_STATE_LABELS, BOOKING_STATES } from '@portal/core/booking/constants';
import { isAdmin, isHandlerOrAdmin, isNobody, SERVER_ONLY_FIELD } from '../../access/roles';
import { isoDateField, clockField } from '../../fields/iso-date';
import { COLLECTIONS } from '../../slugs';

/**
 * Visits booked to an office: one row per booking, created only by the server (cms/src/booking: the client on the
 * site, or staff for a client who called). The time is held by rows of `booking-claims` (a unique cell per desk and
 * 5 minutes); this row says who comes, when and about what. Personal data: handlers and administrators only.
 */
export const Bookings: CollectionConfig = {
  slug: COLLECTIONS.bookings,
  labels: { singular: 'Запись на приём', plural: 'Записи на приём' },
  admin: {
    useAsTitle: 'code',
    defaultColumns: ['code', 'date', 'startTime', 'office', 'topic', 'name', 'state'],
  },
  defaultSort: '-startsAt',
  custom: { accessProfile: 'appeals' },
  access: { read: isHandlerOrAdmin, create: isNobody, update: isHandlerOrAdmin, delete: isAdmin, readVersions: isNobody },
  fields: [
    { name: 'code', label: 'Код записи', type: 'text', required: true, unique: true, index: true, access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
    {
      type: 'row',
      fields: [
        { name: 'office', label: 'Офис', type: 'relationship', relationTo: COLLECTIONS.offices, required: true, index: true, access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
        { name: 'topic', label: 'Вопрос', type: 'relationship', relationTo: COLLECTIONS.topics, required: true, access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
      ],
    },
    {
      type: 'row',
      fields: [
        { ...isoDateField('date', 'Дата'), index: true, access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
        { ...clockField('startTime', 'Начало'), access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
        { ...clockField('endTime', 'Окончание'), access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
        { name: 'desk', label: 'Окно', type: 'number', required: true, access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
      ],
    },
    // The same moment as an instant, for sorting, reminders and «open = still ahead».
    { name: 'startsAt', label: 'Начало (момент)', type: 'date', required: true, index: true, access: SERVER_ONLY_FIELD, admin: { readOnly: true, hidden: true } },
    {
      name: 'state',
      label: 'Состояние',
      type: 'select',
      required: true,
      defaultValue: 'booked',
      index: true,
      options: BOOKING_STATES.map((value) => ({ value, label: BOOKING_STATE_LABELS[value] })),
    },
    { name: 'channel', label: 'Как записался', type: 'select', required: true, access: SERVER_ONLY_FIELD, options: BOOKING_CHANNELS.map((value) => ({ value, label: BOOKING_CHANNEL_LABELS[value] })), admin: { readOnly: true } },
    { name: 'staffUser', label: 'Записал сотрудник', type: 'relationship', relationTo: COLLECTIONS.users, access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
    { name: 'name', label: 'Имя', type: 'text', required: true, access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
    {
      type: 'row',
      fields: [
        { name: 'phone', label: 'Телефон', type: 'text', access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
        { name: 'email', label: 'E-mail', type: 'text', access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
      ],
    },
    // Normalized phone and e-mail (`tel:79991234567`, `mail:a@b.ru`): the per-contact limit counts open bookings by them.
    { name: 'contactKeys', type: 'text', hasMany: true, index: true, access: SERVER_ONLY_FIELD, admin: { hidden: true } },
    // SHA-256 of the private link's token (cancel / move); the token itself is only in the client's letter.
    { name: 'manageTokenHash', type: 'text', index: true, access: SERVER_ONLY_FIELD, admin: { hidden: true } },
    {
      name: 'consent',
      label: 'Согласие на обработку персональных данных',
      type: 'group',
      access: SERVER_ONLY_FIELD,
      admin: { readOnly: true },
      fields: [
        { name: 'version', label: 'Версия текста', type: 'text' },
        { name: 'acceptedAt', label: 'Дано', type: 'date' },
        { name: 'method', label: 'Способ', type: 'select', options: [{ value: 'form', label: 'Отметка в форме' }, { value: 'oral', label: 'Устно (по телефону)' }, { value: 'written', label: 'Письменно' }] },
      ],
    },
    { name: 'cancelledAt', label: 'Отменена', type: 'date', access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
    { name: 'cancelledBy', label: 'Кто отменил', type: 'select', access: SERVER_ONLY_FIELD, options: [{ value: 'client', label: 'Клиент' }, { value: 'staff', label: 'Сотрудник' }], admin: { readOnly: true } },
    { name: 'moves', label: 'Переносов', type: 'number', defaultValue: 0, access: SERVER_ONLY_FIELD, admin: { readOnly: true } },
    { name: 'staffNote', label: 'Заметка сотрудника', type: 'textarea' },
  ],
};
