import type { Block, Field } from 'payload';
import { STAFF_DATE_FNS_DAY_PATTERN, staffDateFnsPattern } from './components/staff-dates';

/** The admin's read-only view of JSON and code fields (cms/src/components/ReadOnlyJson.tsx). */
export const READ_ONLY_JSON_FIELD = '/components/ReadOnlyJson#ReadOnlyJson';

/**
 * One look for every field of the admin, applied to the whole config in one place so a new collection gets it
 * without thinking about it:
 *
 * - date fields show the admin's one Russian format («7 декабря 2026, 05:31 МСК», calendar dates «9 декабря 2026»)
 *   in their inputs and list cells, unless a field chose its own;
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
      if (date.displayFormat) return field;
      const appearance = date.pickerAppearance ?? 'dayAndTime';
      const displayFormat = appearance === 'dayOnly' ? STAFF_DATE_FNS_DAY_PATTERN : appearance === 'monthOnly' ? 'LLLL yyyy' : appearance === 'timeOnly' ? 'HH:mm' : staffDateFnsPattern(timeZone);
      return { ...field, admin: { ...field.admin, date: { ...date, displayFormat } as typeof date } };
    }
    case 'json':
    case 'code':
      if (field.admin?.components?.Field !== undefined) return field;
      return { ...field, admin: { ...field.admin, components: { ...field.admin?.components, Field: READ_ONLY_JSON_FIELD } } } as Field;
    case 'tabs':
      return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: staffFields(tab.fields, timeZone) })) };
    case 'blocks':
      return { ...field, blocks: field.blocks.map((block: Block) => ({ ...block, fields: staffFields(block.fields, timeZone) })) };
    default:
      return 'fields' in field && Array.isArray(field.fields) ? ({ ...field, fields: staffFields(field.fields, timeZone) } as Field) : field;
  }
}
