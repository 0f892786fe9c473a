import type { TextField } from 'payload';
import { isIsoDate } from '@portal/core/iso-date';

/**
 * A calendar date kept as `YYYY-MM-DD` text, so no time zone can shift it (tariff periods, news dates,
 * approval dates).
 */
export function isoDateField(name: string, label: string, options: { required?: boolean; description?: string } = {}): TextField {
  const required = options.required ?? true;
  return {
    name,
    label,
    type: 'text',
    required,
    index: true,
    admin: { description: options.description ?? 'В формате ГГГГ-ММ-ДД, например 2026-07-01.' },
    validate: (value: string | null | undefined) => {
      if (!value) return required ? 'Укажите дату в формате ГГГГ-ММ-ДД' : true;
      return isIsoDate(value) ? true : 'Укажите дату в формате ГГГГ-ММ-ДД, например 2026-07-01';
    },
  };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A month kept as `YYYY-MM` text. */
export function monthField(name: string, label: string): TextField {
  return {
    name,
    label,
    type: 'text',
    required: true,
    index: true,
    admin: { description: 'В формате ГГГГ-ММ, например 2026-10.' },
    validate: (value: string | null | undefined) => (typeof value === 'string' && MONTH.test(value) ? true : 'Укажите месяц в формате ГГГГ-ММ, например 2026-10'),
  };
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A wall-clock time `HH:MM`. */
export function clockField(name: string, label: string, required = true): TextField {
  return {
    name,
    label,
    type: 'text',
    required,
    admin: { width: '25%', placeholder: '08:00' },
    validate: (value: string | null | undefined) => {
      if (!value) return required ? 'Укажите время в формате ЧЧ:ММ' : true;
      return CLOCK.test(value) ? true : 'Укажите время в формате ЧЧ:ММ, например 08:00';
    },
  };
}

/** A list of single text lines (services, stops, phones), stored as rows of `{ text }`. */
export function textListField(name: string, label: string): import('payload').ArrayField {
  return { name, label, type: 'array', admin: { initCollapsed: true }, fields: [{ name: 'text', label: 'Текст', type: 'text', required: true }] };
}
