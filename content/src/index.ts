import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContentError, parseYamlText, validateContent } from './content-error';
import { CompanySeedSchema, type CompanySeed } from './company-seed';
import { FaqFileSchema, type FaqSeed } from './faq-seed';
import { RelevanceQueryListSchema, type RelevanceQuery } from './relevance-query';
import { SLUG_PATTERN } from './slug';
import { TopicListSchema, type Topic } from './topic-seed';
import {
  ComplaintSummarySeedSchema,
  DocumentSeedSchema,
  flattenPrices,
  LinkSeedSchema,
  NewsSeedSchema,
  OfficeSeedSchema,
  PageTreeSeedSchema,
  PricesSeedSchema,
  TariffsSeedSchema,
  type NewsSeed,
  type OfficeSeed,
  type PageSeed,
  QuestionnaireSeedSchema,
  type QuestionnaireSeed,
} from './site-content';
import { z } from 'zod';
import type { TariffPeriod, UnregulatedPrice } from '@portal/core/tariffs';
import type { ExportComplaintSummary, ExportDocument, ExportLink } from '@portal/core/site-export';

export { ContentError, parseYamlText, validateContent } from './content-error';
export { CompanySeedSchema, PhoneSchema, type CompanySeed } from './company-seed';
export * from './site-content';
export { TopicSeedSchema, TopicListSchema, type Topic } from './topic-seed';
export {
  AnswerMarkdownSchema,
  FaqFileEntrySchema,
  FaqFileSchema,
  FaqSeedSchema,
  findAnswerMarkdownProblem,
  type FaqFileEntry,
  type FaqSeed,
} from './faq-seed';
export { RelevanceQuerySchema, RelevanceQueryListSchema, type RelevanceQuery } from './relevance-query';
export { SLUG_PATTERN, SlugSchema, TextLineSchema, type Slug } from './slug';

/**
 * The `content/` package folder, found from this module's own location so the loaders work
 * from any working directory (CMS seed, site build, tests).
 */
// Not `new URL('..', import.meta.url)`: bundlers (Turbopack) read that as an asset import and fail.
export const DEFAULT_CONTENT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where to read the demo content from. */
export interface LoadOptions {
  /** Folder holding `data/` and `relevance/`; defaults to this package's folder. */
  root?: string;
}

/** One FAQ file before assembly: its path, the topic its name gives, and its validated entries. */
export interface FaqFile {
  file: string;
  topic: string;
  entries: FaqSeed[];
}

function contentPath(options: LoadOptions | undefined, ...parts: string[]): string {
  return join(options?.root ?? DEFAULT_CONTENT_ROOT, ...parts);
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ContentError(file, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Validates the text of `company.yaml`. `file` only labels errors. */
export function parseCompany(text: string, file: string): CompanySeed {
  return validateContent(CompanySeedSchema, parseYamlText(text, file), file);
}

/** Validates the text of `topics.yaml` and returns the topics sorted by `order`. */
export function parseTopics(text: string, file: string): Topic[] {
  const topics = validateContent(TopicListSchema, parseYamlText(text, file), file, 'slug');
  return [...topics].sort((a, b) => a.order - b.order);
}

/** Validates the text of one FAQ file and stamps each entry with `topic` (the file's name). */
export function parseFaqFile(text: string, file: string, topic: string): FaqSeed[] {
  if (!SLUG_PATTERN.test(topic)) {
    throw new ContentError(file, `the file name "${topic}" is not a valid topic slug`);
  }
  const entries = validateContent(FaqFileSchema, parseYamlText(text, file), file, 'slug');
  return entries.map((entry) => ({ ...entry, topic }));
}

/**
 * Joins FAQ files into one list ordered by topic order, then by position in the file.
 * Refuses a file whose topic is not in the taxonomy and a slug used twice, naming both places:
 * a slug is a URL, so a duplicate would hide one of the entries.
 */
export function assembleFaq(files: readonly FaqFile[], topics: readonly Topic[]): FaqSeed[] {
  const order = new Map(topics.map((topic) => [topic.slug, topic.order]));
  const seen = new Map<string, string>();
  for (const { file, topic, entries } of files) {
    if (!order.has(topic)) {
      throw new ContentError(file, `topic "${topic}" (the file name) is not listed in topics.yaml`);
    }
    entries.forEach((entry, index) => {
      const first = seen.get(entry.slug);
      if (first) {
        throw new ContentError(file, `entry ${index + 1} (slug "${entry.slug}"): slug is already used in ${first}`);
      }
      seen.set(entry.slug, `${file}`);
    });
  }
  return [...files]
    .sort((a, b) => order.get(a.topic)! - order.get(b.topic)! || a.topic.localeCompare(b.topic))
    .flatMap((faqFile) => faqFile.entries);
}

/** Validates the text of `relevance/queries.yaml`. */
export function parseRelevanceQueries(text: string, file: string): RelevanceQuery[] {
  return validateContent(RelevanceQueryListSchema, parseYamlText(text, file), file, 'query');
}

/** Loads the company settings from `data/company.yaml`; the result is a valid `ExportCompany`. */
export function loadCompany(options?: LoadOptions): CompanySeed {
  const file = contentPath(options, 'data', 'company.yaml');
  return parseCompany(readText(file), file);
}

/** Loads the topic taxonomy from `data/topics.yaml`, sorted by `order`. */
export function loadTopics(options?: LoadOptions): Topic[] {
  const file = contentPath(options, 'data', 'topics.yaml');
  return parseTopics(readText(file), file);
}

/** Loads every `data/faq/<topic>.yaml`, checked against the taxonomy, in topic order. */
export function loadFaq(options?: LoadOptions): FaqSeed[] {
  const dir = contentPath(options, 'data', 'faq');
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort();
  } catch (error) {
    throw new ContentError(dir, `cannot list the folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const files = names.map((name): FaqFile => {
    const file = join(dir, name);
    const topic = basename(name, '.yaml');
    return { file, topic, entries: parseFaqFile(readText(file), file, topic) };
  });
  return assembleFaq(files, loadTopics(options));
}

/** Loads the search relevance set from `relevance/queries.yaml`. */
export function loadRelevanceQueries(options?: LoadOptions): RelevanceQuery[] {
  const file = contentPath(options, 'relevance', 'queries.yaml');
  return parseRelevanceQueries(readText(file), file);
}

function loadList<T extends z.ZodType>(options: LoadOptions | undefined, name: string, schema: T, key?: string): z.output<T> {
  const file = contentPath(options, 'data', name);
  return validateContent(schema, parseYamlText(readText(file), file), file, key);
}

/** Loads the page tree from `data/pages.yaml`, checked against the four-level rule. */
export function loadPages(options?: LoadOptions): PageSeed[] {
  return loadList(options, 'pages.yaml', PageTreeSeedSchema, 'slug');
}

/** Loads the regulated tariff periods from `data/tariffs.yaml`, oldest first. */
export function loadTariffPeriods(options?: LoadOptions): TariffPeriod[] {
  return [...loadList(options, 'tariffs.yaml', TariffsSeedSchema).periods].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
}

/** Loads the unregulated prices from `data/prices.yaml` as flat rows. */
export function loadUnregulatedPrices(options?: LoadOptions): UnregulatedPrice[] {
  return flattenPrices(loadList(options, 'prices.yaml', PricesSeedSchema));
}

/** Loads offices and payment points from `data/offices.yaml`. */
export function loadOffices(options?: LoadOptions): OfficeSeed[] {
  return loadList(options, 'offices.yaml', z.array(OfficeSeedSchema), 'slug');
}

/** Loads news from `data/news.yaml`, newest first. */
export function loadNews(options?: LoadOptions): NewsSeed[] {
  return [...loadList(options, 'news.yaml', z.array(NewsSeedSchema), 'slug')].sort((a, b) => b.date.localeCompare(a.date));
}

/** Loads complaint answer summaries from `data/complaint-summaries.yaml`. */
export function loadComplaintSummaries(options?: LoadOptions): ExportComplaintSummary[] {
  return loadList(options, 'complaint-summaries.yaml', z.array(ComplaintSummarySeedSchema));
}

/** Loads documents from `data/documents.yaml`. */
export function loadDocuments(options?: LoadOptions): ExportDocument[] {
  return loadList(options, 'documents.yaml', z.array(DocumentSeedSchema), 'slug');
}

/** Loads useful links from `data/links.yaml`. */
export function loadLinks(options?: LoadOptions): ExportLink[] {
  return loadList(options, 'links.yaml', z.array(LinkSeedSchema), 'title');
}

/** Loads the demo questionnaires from `data/questionnaires.yaml` (their dates are set on import). */
export function loadQuestionnaires(options?: LoadOptions): QuestionnaireSeed[] {
  return loadList(options, 'questionnaires.yaml', z.array(QuestionnaireSeedSchema), 'slug');
}
