import type { ArrayField } from 'payload';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A list of calendar dates kept as `YYYY-MM-DD` text, so no time zone can shift them. */
export function dateListField(name: string, label: string, description: string): ArrayField {
  return {
    name,
    label,
    type: 'array',
    admin: { description, initCollapsed: true },
    fields: [
      {
        type: 'row',
        fields: [
          {
            name: 'date',
            label: 'Дата (ГГГГ-ММ-ДД)',
            type: 'text',
            required: true,
            validate: (value: string | null | undefined) =>
              typeof value === 'string' && ISO_DATE.test(value) ? true : 'Укажите дату в формате ГГГГ-ММ-ДД, например 2026-01-09',
          },
          { name: 'note', label: 'Пояснение', type: 'text' },
        ],
      },
    ],
  };
}
