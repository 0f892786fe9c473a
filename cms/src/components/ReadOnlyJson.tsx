'use client';
import type { JSONFieldClientProps } from 'payload';
import { FieldLabel, useField } from '@payloadcms/ui';
import { getTranslation } from '@payloadcms/translations';
import { useTranslation } from '@payloadcms/ui';

/**
 * JSON and code fields in the admin, read-only: the value as indented text. Payload's own editor for these fields
 * (Monaco) fetches its code from a public CDN, and the admin must load nothing from outside
 * (cms/src/admin-display.ts puts this component on every such field).
 */
export function ReadOnlyJson({ field, path }: JSONFieldClientProps) {
  const { value } = useField<unknown>({ path });
  const { i18n } = useTranslation();
  const label = field.label ? getTranslation(field.label, i18n) : field.name;
  const text = value === null || value === undefined || value === '' ? '' : typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  const id = `field-${path.replace(/\./g, '__')}`;
  return (
    <div className="field-type portal-read-only-json">
      <FieldLabel as="span" label={label} path={path} />
      {text ? (
        <pre id={id} className="portal-read-only-json__value" tabIndex={0} aria-label={typeof label === 'string' ? label : undefined}>
          {text}
        </pre>
      ) : (
        <p className="portal-read-only-json__empty">Нет данных.</p>
      )}
    </div>
  );
}
