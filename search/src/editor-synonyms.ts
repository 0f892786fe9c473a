import { z } from 'zod';
import { DEFAULT_SYNONYMS, normalize, type SynonymGroup } from './analysis';

/** The most groups editors may add: the analysis compiles them all on every change. */
export const MAX_EDITOR_SYNONYM_GROUPS = 300;
/** The longest word or phrase of a group. */
export const MAX_SYNONYM_PHRASE_LENGTH = 60;

/**
 * One synonym group as editors type it in the CMS: words or phrases separated by commas or
 * semicolons, e.g. «свет, электроэнергия, электричество». The first one names the group.
 */
export const EditorSynonymLineSchema = z
  .string()
  .transform((line) => splitSynonymLine(line))
  .refine((phrases) => phrases.length >= 2, { error: 'Укажите хотя бы два слова или выражения через запятую.' })
  .refine((phrases) => phrases.every((phrase) => phrase.length <= MAX_SYNONYM_PHRASE_LENGTH), {
    error: `Каждое слово или выражение — не длиннее ${MAX_SYNONYM_PHRASE_LENGTH} символов.`,
  });
export type EditorSynonymLine = z.output<typeof EditorSynonymLineSchema>;

/** Splits one editor line into trimmed, distinct phrases (compared after normalization). */
export function splitSynonymLine(line: string): string[] {
  const seen = new Set<string>();
  const phrases: string[] = [];
  for (const raw of line.split(/[,;\n]/)) {
    const phrase = raw.replace(/\s+/g, ' ').trim();
    const key = normalize(phrase);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    phrases.push(phrase);
  }
  return phrases;
}

/**
 * The synonym list both engines use: our defaults followed by the editors' groups. Lines that are
 * not valid groups (fewer than two phrases, over-long phrases) are skipped rather than failing the
 * whole list, since the CMS already validates them on save; the count is capped.
 */
export function mergeSynonyms(editorLines: readonly string[]): SynonymGroup[] {
  const groups: SynonymGroup[] = [...DEFAULT_SYNONYMS];
  for (const line of editorLines.slice(0, MAX_EDITOR_SYNONYM_GROUPS)) {
    const parsed = EditorSynonymLineSchema.safeParse(line);
    if (parsed.success) groups.push(parsed.data);
  }
  return groups;
}
