import type { Block, Field } from 'payload';
import { STAFF_BROWSER_DATE_FNS_PATTERN, STAFF_DATE_FNS_DAY_PATTERN } from './components/staff-dates';

/** The admin's read-only view of JSON and code fields (cms/src/components/ReadOnlyJson.tsx). */
export const READ_ONLY_JSON_FIELD = '/components/ReadOnlyJson#ReadOnlyJson';

/** The list cell of date-and-time fields, in the company's zone (cms/src/components/StaffDateCell.tsx). */
export const STAFF_DATE_CELL = '/components/StaffDateCell#StaffDateCell';

/** The document view of read-only date-and-time fields, in the company's zone (cms/src/components/StaffDateField.tsx). */
export const STAFF_DATE_FIELD = '/components/StaffDateField#StaffDateField';

/**
 * One look for every field of the admin, applied to the whole config in one place so a new collection gets it
 * without thinking about it:
 *
 * - date-and-time fields show the admin's one Russian format in the company's time zone («7 декабря 2026, 05:31 МСК»)
 *   in list cells and, when read-only, in the document view, whatever the browser's zone. Date inputs are formatted
 *   by Payload in the browser's zone, so they name the browser's offset («… 05:31 UTC+03:00») rather than «МСК»;
 *   calendar dates show «9 декабря 2026». A field's own `displayFormat`, Cell or Field component wins;
 * - rows of a list (array) field without labels of their own are «Запись 01», «Запись 02»… instead of the English
 *   name Payload derives from the field's name («Rule 01»);
 * - JSON and code fields are shown as read-only text. Payload's editor for them (Monaco) loads its code from a
 *   public CDN, and nothing in the admin may load anything from outside; none of our JSON fields is edited by hand.
 */
export function withStaffDisplay<T extends { fields: Field[] }>(entity: T, timeZone: string): T {
  return { ...entity, fields: staffFields(entity.fields, timeZone) };
}

/** {@link withStaffDisplay} for a list of fields. */
export function staffFields(fields: Field[], timeZone: string): Field[] {
  return fields.map((field) => staffField(field, timeZone));
}

function staffField(field: Field, timeZone: string): Field {
  switch (field.type) {
    case 'date': {
      const date = field.admin?.date ?? {};
      const appearance = date.pickerAppearance ?? 'dayAndTime';
      if (appearance !== 'dayAndTime') {
        if (date.displayFormat) return field;
        const displayFormat = appearance === 'dayOnly' ? STAFF_DATE_FNS_DAY_PATTERN : appearance === 'monthOnly' ? 'LLLL yyyy' : 'HH:mm';
        return { ...field, admin: { ...field.admin, date: { ...date, displayFormat } as typeof date } };
      }
      const components = field.admin?.components ?? {};
      const clientProps = { timeZone };
      return {
        ...field,
        admin: {
          ...field.admin,
          date: { ...date, displayFormat: date.displayFormat ?? STAFF_BROWSER_DATE_FNS_PATTERN } as typeof date,
          components: {
            ...components,
            Cell: components.Cell ?? { path: STAFF_DATE_CELL, clientProps },
            ...(field.admin?.readOnly && components.Field === undefined ? { Field: { path: STAFF_DATE_FIELD, clientProps } } : {}),
          },
        },
      } as Field;
    }
    case 'json':
    case 'code':
      if (field.admin?.components?.Field !== undefined) return field;
      return { ...field, admin: { ...field.admin, components: { ...field.admin?.components, Field: READ_ONLY_JSON_FIELD } } } as Field;
    case 'array': {
      // Payload names unlabelled rows after the field's name in English («Rule 01»); staff read «Запись 01».
      const labels = field.labels ?? { singular: 'Запись', plural: typeof field.label === 'string' ? field.label : 'Записи' };
      return { ...field, labels, fields: staffFields(field.fields, timeZone) } as Field;
    }
    case 'tabs':
      return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: staffFields(tab.fields, timeZone) })) };
    case 'blocks':
      return { ...field, blocks: field.blocks.map((block: Block) => ({ ...block, fields: staffFields(block.fields, timeZone) })) };
    default:
      return 'fields' in field && Array.isArray(field.fields) ? ({ ...field, fields: staffFields(field.fields, timeZone) } as Field) : field;
  }
}
