'use client';
import type { DateFieldClientProps } from 'payload';
import { FieldLabel, useField, useTranslation } from '@payloadcms/ui';
import { getTranslation } from '@payloadcms/translations';
import { formatStaffDateTime } from './staff-dates';

/**
 * A read-only date-and-time field in the document view: the instant as text in the company's time zone
 * («8 декабря 2026, 00:30 МСК»). Payload's date input would show it in the browser's zone. The zone comes from the
 * config (`clientProps`, cms/src/admin-display.ts puts this component on every read-only date-and-time field).
 */
export function StaffDateField({ field, path, timeZone }: DateFieldClientProps & { timeZone?: string }) {
  const { value } = useField<string | null>({ path });
  const { i18n } = useTranslation();
  const label = field.label ? getTranslation(field.label, i18n) : field.name;
  const text = formatStaffDateTime(value, timeZone);
  return (
    <div className="field-type portal-staff-date-field">
      <FieldLabel as="span" label={label} path={path} />
      <p className="portal-staff-date-field__value">{text || '—'}</p>
    </div>
  );
}
