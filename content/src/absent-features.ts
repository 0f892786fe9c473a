import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { parseYamlText, validateContent } from './content-error';

/**
 * The list of features the portal does not have (content/absent-features.yaml) and the check that no demo text
 * promises one of them: a page or an FAQ answer offering an online chat or online booking when neither is built
 * sends clients looking for something that is not there.
 */

export const AbsentFeatureSchema = z.strictObject({
  /** Stable key, e.g. `online-chat`. */
  feature: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** What the feature is, in Russian. */
  title: z.string().min(1),
  /** True while the portal lacks it: then no text may mention it. */
  absent: z.boolean(),
  /** Phrases that speak of the feature; matched at the start of a word, any ending. */
  phrases: z.array(z.string().trim().min(3)).min(1),
});
export type AbsentFeature = z.output<typeof AbsentFeatureSchema>;
export const AbsentFeatureListSchema = z.array(AbsentFeatureSchema);

/** A text of the content, named by where it is: `faq/ofisy.yaml › 2 › answer`. */
export interface ContentText {
  where: string;
  text: string;
}

/** A phrase of an absent feature found in a text. */
export interface AbsentFeatureMention {
  feature: string;
  phrase: string;
  where: string;
  /** The words around the phrase, to find it in the file. */
  excerpt: string;
}

/** Lower case, ё → е, every run of spaces (non-breaking ones too) as one space. */
export function normaliseText(text: string): string {
  return text.toLowerCase().replaceAll('ё', 'е').replace(/[\s\u00a0]+/g, ' ');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The mentions of flagged-absent features in the texts (features with `absent: false` are not looked for). */
export function findAbsentFeatureMentions(texts: readonly ContentText[], features: readonly AbsentFeature[]): AbsentFeatureMention[] {
  const mentions: AbsentFeatureMention[] = [];
  for (const feature of features.filter((item) => item.absent)) {
    for (const phrase of feature.phrases) {
      // The phrase starts a word (no letter or digit before it); its spaces match any run of spaces.
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(normaliseText(phrase)).replace(/ /g, '[ ]+')}`, 'u');
      for (const { where, text } of texts) {
        const normalised = normaliseText(text);
        const found = pattern.exec(normalised);
        if (!found) continue;
        const excerpt = normalised.slice(Math.max(0, found.index - 40), found.index + found[0].length + 40).trim();
        mentions.push({ feature: feature.feature, phrase, where, excerpt });
      }
    }
  }
  return mentions;
}

/** Keys whose strings are not the company's own words: the clients' questions, slugs, addresses, dates. */
const SKIPPED_KEYS = new Set(['question', 'slug', 'url', 'fileUrl', 'topic', 'office', 'date', 'month', 'audience']);

/** Every text of a parsed YAML value with its place, skipping {@link SKIPPED_KEYS}. */
export function collectTexts(value: unknown, where: string, out: ContentText[] = []): ContentText[] {
  if (typeof value === 'string') out.push({ where, text: value });
  else if (Array.isArray(value)) value.forEach((item, index) => collectTexts(item, `${where} › ${index + 1}`, out));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (!SKIPPED_KEYS.has(key)) collectTexts(item, `${where} › ${key}`, out);
  }
  return out;
}

/** Every YAML file under `dir`, recursively. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The texts of every YAML file of the demo content in `dataDir` (content/data). */
export function loadContentTexts(dataDir: string): ContentText[] {
  return yamlFiles(dataDir).flatMap((file) => {
    const name = relative(dataDir, file);
    return collectTexts(parseYamlText(readFileSync(file, 'utf8'), name), name);
  });
}

/** Reads and validates the feature list (content/absent-features.yaml). */
export function loadAbsentFeatures(file: string): AbsentFeature[] {
  return validateContent(AbsentFeatureListSchema, parseYamlText(readFileSync(file, 'utf8'), file), file);
}
