import { z } from 'zod';

/** Lower-case Latin letters and digits in hyphen-separated words: the shape of every URL slug. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A transliterated URL slug such as `kak-peredat-pokazaniya`. */
export const SlugSchema = z
  .string()
  .regex(SLUG_PATTERN, 'must be lower-case latin letters, digits and single hyphens');
export type Slug = z.output<typeof SlugSchema>;

/** A trimmed, non-empty line of text (titles, questions, names). */
export const TextLineSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((value) => !value.includes('\n'), 'must be a single line');
