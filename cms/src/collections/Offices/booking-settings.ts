import type { GroupField } from 'payload';
import { CELL_MINUTES, DEFAULT_HORIZON_DAYS, DEFAULT_SLOT_MINUTES } from '@portal/core/booking/constants';
import { parseDeskList } from '@portal/core/booking/slots';
import { isoDateField } from '../../fields/iso-date';
import { COLLECTIONS } from '../../slugs';

/**
 * An office's settings for booking a visit (issue 20): whether the office takes bookings, which topics with what
 * slot length and at which desks, how far ahead, and dates closed to booking. Slots are computed from these and the
 * office's hours (core/src/booking/slots.ts), never stored per slot. The editors' screens for them are the
 * booking-office branch's; the fields are defined here.
 */
export const bookingSettingsField: GroupField = {
  name: 'booking',
  label: 'Запись на приём',
  type: 'group',
  admin: { description: 'Темы, по которым клиенты записываются в этот офис через сайт, длительность приёма и окна.' },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'enabled', label: 'Принимает запись на приём', type: 'checkbox', defaultValue: false },
        {
          name: 'horizonDays',
          label: 'Запись на дней вперёд',
          type: 'number',
          defaultValue: DEFAULT_HORIZON_DAYS,
          min: 1,
          max: 90,
          admin: { description: 'Записаться можно с завтрашнего дня на столько дней вперёд.' },
        },
      ],
    },
    {
      name: 'topics',
      label: 'Темы приёма',
      type: 'array',
      admin: { initCollapsed: true },
      fields: [
        { name: 'topic', label: 'Тема', type: 'relationship', relationTo: COLLECTIONS.topics, required: true },
        {
          type: 'row',
          fields: [
            {
              name: 'slotMinutes',
              label: 'Длительность приёма, минут',
              type: 'number',
              required: true,
              defaultValue: DEFAULT_SLOT_MINUTES,
              min: CELL_MINUTES,
              max: 240,
              validate: (value: number | null | undefined) =>
                typeof value === 'number' && Number.isInteger(value) && value >= CELL_MINUTES && value <= 240 && value % CELL_MINUTES === 0
                  ? true
                  : `Укажите длительность от ${CELL_MINUTES} до 240 минут, кратную ${CELL_MINUTES}`,
            },
            {
              name: 'desks',
              label: 'Окна (номера через запятую)',
              type: 'text',
              required: true,
              defaultValue: '1',
              admin: { description: 'Например: 1, 2. Одно окно может принимать по нескольким темам.' },
              validate: (value: string | null | undefined) => (parseDeskList(value ?? '').length > 0 ? true : 'Укажите номера окон через запятую, например: 1, 2'),
            },
          ],
        },
        { name: 'documents', label: 'Какие документы взять с собой', type: 'textarea', admin: { description: 'Попадает в письмо с подтверждением записи.' } },
      ],
    },
    {
      name: 'closedDates',
      label: 'Дни без записи',
      type: 'array',
      admin: { initCollapsed: true, description: 'Даты, на которые запись не ведётся (офис при этом может работать).' },
      fields: [{ type: 'row', fields: [isoDateField('date', 'Дата'), { name: 'note', label: 'Причина (для сотрудников)', type: 'text' }] }],
    },
  ],
};
