import { z } from 'zod';
import { AudienceSchema } from '@portal/core/audience';
import { SlugSchema, TextLineSchema } from './slug';

/** Markdown link targets: `[text](target)` or `[text](target "title")`. */
const LINK_TARGET = /\]\(\s*<?([^)\s>]*)/g;

/**
 * Why an answer's Markdown breaks the house rules, or `undefined` when it is fine.
 * Answers are short paragraphs and lists: headings would break the page outline of the FAQ
 * page, raw HTML would bypass the CMS's escaping, and external links would send visitors off
 * the site without the editors' review.
 */
export function findAnswerMarkdownProblem(markdown: string): string | undefined {
  if (/^ {0,3}#{1,6}(\s|$)/m.test(markdown)) return 'must not contain Markdown headings';
  if (/^ {0,3}(=+|-{3,}|\*{3,}|_{3,})\s*$/m.test(markdown)) return 'must not contain headings or rules';
  if (/<\/?[a-z!][^>]*>/i.test(markdown)) return 'must not contain HTML';
  if (/\b(?:https?|ftp):\/\/|\bwww\./i.test(markdown)) return 'must not contain external links or URLs';
  for (const match of markdown.matchAll(LINK_TARGET)) {
    const target = match[1] ?? '';
    if (!target.startsWith('/') || target.startsWith('//')) {
      return `links must be relative site paths starting with "/", found "${target}"`;
    }
  }
  return undefined;
}

/** An FAQ answer in Markdown: paragraphs and lists only, links only to pages of this site. */
export const AnswerMarkdownSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .superRefine((markdown, ctx) => {
    const problem = findAnswerMarkdownProblem(markdown);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * One FAQ entry as written in `data/faq/<topic>.yaml`. The topic is not repeated in the entry:
 * it is the file name.
 */
export const FaqFileEntrySchema = z.strictObject({
  /** URL slug, unique across all topics, e.g. `kak-peredat-pokazaniya`. */
  slug: SlugSchema,
  /** The question as a client would ask it. */
  question: TextLineSchema,
  /** Who the entry is for: `fl` individuals, `ul` legal entities, `all` both. */
  audience: AudienceSchema,
  /** The answer in Markdown (no headings, no HTML, only relative links). */
  answer: AnswerMarkdownSchema,
  /** Slug of the office the entry is about (shown on that office's page); absent for general entries. */
  office: SlugSchema.optional(),
});
export type FaqFileEntry = z.output<typeof FaqFileEntrySchema>;

/** A whole FAQ file: a list of entries. */
export const FaqFileSchema = z.array(FaqFileEntrySchema);

/** One FAQ entry with its topic, as the CMS seed and the search tests consume it. */
export const FaqSeedSchema = z.strictObject({
  ...FaqFileEntrySchema.shape,
  /** Slug of the entry's topic (see `topics.yaml`). */
  topic: SlugSchema,
});
export type FaqSeed = z.output<typeof FaqSeedSchema>;
