import type { TextField } from 'payload';

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A URL slug: lowercase Latin letters, digits and hyphens (transliterated Russian), unique in its collection
 * unless `unique: false` (pages: unique among siblings only, checked by the collection's hook).
 */
export function slugField(options: { unique?: boolean } = {}): TextField {
  return {
    name: 'slug',
    label: 'Адрес (slug)',
    type: 'text',
    required: true,
    unique: options.unique ?? true,
    index: true,
    admin: { description: 'Латинские строчные буквы, цифры и дефисы, например kak-peredat-pokazaniya.' },
    validate: (value: string | null | undefined) =>
      typeof value === 'string' && SLUG_PATTERN.test(value)
        ? true
        : 'Используйте латинские строчные буквы, цифры и дефисы, например kak-peredat-pokazaniya',
  };
}
