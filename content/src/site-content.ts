import { z } from 'zod';
import { AudienceSchema } from '@portal/core/audience';
import { findPersonalData } from '@portal/core/pii-guard';
import {
  ExportComplaintSummarySchema,
  ExportDocumentSchema,
  ExportLinkSchema,
  ExportNewsSchema,
  ExportOfficeSchema,
} from '@portal/core/site-export';
import { MAX_PAGE_DEPTH, pagePath, type PageNode } from '@portal/core/page-tree';
import { PRICE_CAPACITY_GROUPS, TariffPeriodSchema, type UnregulatedPrice } from '@portal/core/tariffs';
import { QUESTION_KINDS, questionProblems, ShowIfSchema } from '@portal/core/questionnaire';
import { quarterOf, quarterPeriod } from '@portal/core/report-period';
import { PhoneSchema } from './company-seed';
import { SlugSchema, TextLineSchema } from './slug';

/**
 * Seed forms of the site's reference content (pages, tariffs, prices, offices, news, complaint summaries,
 * documents, links, questionnaires). Each is the export contract made stricter: unknown keys refused, bodies in Markdown.
 */

/** Markdown of a page or news body: no raw HTML, since the CMS renders and escapes it. */
const BodyMarkdownSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((markdown) => !/<\/?[a-z!][^>]*>/i.test(markdown), 'must not contain HTML');

/** One page of the tree with its children, nested as on the site. */
export interface PageSeed {
  slug: string;
  title: string;
  audience: z.output<typeof AudienceSchema>;
  summary: string;
  body: string;
  children: PageSeed[];
}

export const PageSeedSchema: z.ZodType<PageSeed> = z.strictObject({
  slug: SlugSchema,
  title: TextLineSchema,
  audience: AudienceSchema,
  summary: TextLineSchema,
  body: BodyMarkdownSchema,
  children: z.lazy(() => z.array(PageSeedSchema)).default([]),
}) as never;

/** The whole tree; refuses a page deeper than the nesting rule allows, naming its path. */
export const PageTreeSeedSchema = z.array(PageSeedSchema).superRefine((pages, ctx) => {
  const walk = (list: readonly PageSeed[], parents: string[]) => {
    const seen = new Set<string>();
    for (const page of list) {
      const path = [...parents, page.slug];
      if (seen.has(page.slug)) ctx.addIssue({ code: 'custom', message: `slug "${page.slug}" is used twice under /${parents.join('/')}` });
      seen.add(page.slug);
      if (path.length > MAX_PAGE_DEPTH) ctx.addIssue({ code: 'custom', message: `/${path.join('/')}/ is deeper than ${MAX_PAGE_DEPTH} levels` });
      walk(page.children, path);
    }
  };
  walk(pages, []);
});

/** A page of the tree with its site path. */
export interface PlacedPageSeed {
  page: PageSeed;
  /** The page's path, by the site's rule (`pagePath` of core/page-tree), e.g. `/fizlicam/dogovor/`. */
  path: string;
}

/** Every page of the tree, parents before children, with its site path. */
export function placePageSeeds(pages: readonly PageSeed[]): PlacedPageSeed[] {
  const placed: PlacedPageSeed[] = [];
  const nodes = new Map<string, PageNode>();
  const walk = (list: readonly PageSeed[], parent: PageNode | null) => {
    for (const page of list) {
      // The parent's node id is its path: unique in the tree, which is all pagePath needs.
      const id = `${parent ? String(parent.id) : ''}/${page.slug}`;
      const node: PageNode = { id, slug: page.slug, parent: parent ? parent.id : null };
      nodes.set(id, node);
      placed.push({ page, path: pagePath(node, nodes) });
      walk(page.children, node);
    }
  };
  walk(pages, null);
  return placed;
}

/** `tariffs.yaml`: regulated periods, each with its decree and rates. */
export const TariffsSeedSchema = z.strictObject({ periods: z.array(TariffPeriodSchema).min(1) });

/** `prices.yaml`: month → category → prices per capacity group, in kopecks per MWh. */
export const PricesSeedSchema = z.strictObject({
  months: z.record(
    z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    z.record(z.enum(['1', '2', '3', '4', '5', '6']), z.array(z.number().int().positive()).length(PRICE_CAPACITY_GROUPS.length)),
  ),
});

/** Flattens `prices.yaml` into rows of the export contract. */
export function flattenPrices(seed: z.output<typeof PricesSeedSchema>): UnregulatedPrice[] {
  return Object.entries(seed.months).flatMap(([month, categories]) =>
    Object.entries(categories).flatMap(([category, prices]) =>
      prices.map((priceKopecksPerMwh, index) => ({ month, category: Number(category), group: PRICE_CAPACITY_GROUPS[index]!, priceKopecksPerMwh })),
    ),
  );
}

const count = (text: string, char: string) => text.split(char).length - 1;

/**
 * One item of a text list (stops, services, ways to pay, accessibility). YAML's flow list `[a, b (c, d)]`
 * splits at every comma, inside brackets too, and the site would show «b (c» and «d)» as two items: an item
 * with unbalanced brackets or quotes is refused, so such a list is written one item per line instead.
 */
const ListItemSchema = TextLineSchema.refine(
  (item) => count(item, '(') === count(item, ')') && count(item, '«') === count(item, '»'),
  'has unbalanced brackets or quotes: was it cut at a comma? Write the list one item per line (`- item`) or quote the item',
);

export const OfficeSeedSchema = ExportOfficeSchema.extend({
  slug: SlugSchema,
  name: TextLineSchema,
  address: TextLineSchema,
  transport: z.array(ListItemSchema).default([]),
  services: z.array(ListItemSchema).default([]),
  payment: z.array(ListItemSchema).default([]),
  accessibility: z.array(ListItemSchema).default([]),
  phones: z.array(PhoneSchema).min(1, 'at least one phone is expected'),
  email: z.email().or(z.literal('')).default(''),
  headName: TextLineSchema.or(z.literal('')).default(''),
  headPhone: PhoneSchema.or(z.literal('')).default(''),
  /** Booking a visit (issue 20): the topics the office books with slot length, desks and documents to bring. */
  booking: z
    .object({
      horizonDays: z.number().int().min(1).max(90).default(14),
      topics: z.array(z.object({ topic: SlugSchema, slotMinutes: z.number().int().min(5).max(240).multipleOf(5), desks: z.string().regex(/^\d{1,2}(, ?\d{1,2})*$/), documents: z.string().default('') }).strict()).min(1),
    })
    .strict()
    .optional(),
}).strict();
export type OfficeSeed = z.output<typeof OfficeSeedSchema>;

export const NewsSeedSchema = ExportNewsSchema.omit({ bodyHtml: true, settlementSlugs: true })
  // Settlements and streets name territories by slug (cms/src/seed/territories.ts), as the CMS keeps them.
  .extend({ slug: SlugSchema, title: TextLineSchema, body: BodyMarkdownSchema, settlements: z.array(SlugSchema).default([]) })
  .strict()
  .refine((news) => !news.urgent || news.urgentUntil !== undefined, { message: 'an urgent item needs urgentUntil', path: ['urgentUntil'] });
export type NewsSeed = z.output<typeof NewsSeedSchema>;

/** A complaint summary: refused when it contains personal data, exactly as the CMS refuses it. */
export const ComplaintSummarySeedSchema = ExportComplaintSummarySchema.extend({ topic: SlugSchema })
  .strict()
  .superRefine((item, ctx) => {
    const found = findPersonalData(item.summary);
    if (found.length > 0) ctx.addIssue({ code: 'custom', message: `contains personal data (${found.map((f) => f.kind).join(', ')})`, path: ['summary'] });
  });

export const DocumentSeedSchema = ExportDocumentSchema.extend({ slug: SlugSchema, title: TextLineSchema }).strict();
export const LinkSeedSchema = ExportLinkSchema.extend({ title: TextLineSchema }).strict();

/**
 * A demo questionnaire (`data/questionnaires.yaml`): the questions as editors build them in «Анкеты», without dates.
 * The importer runs it from the first day of the quarter it is imported in to the last day of the next quarter
 * ({@link demoQuestionnairePeriod}), so a fresh `npm start` has a running questionnaire, its page and the home banner.
 */
export const QuestionnaireSeedSchema = z.strictObject({
  slug: SlugSchema,
  title: TextLineSchema,
  intro: z.string().trim().max(2000).default(''),
  homeBanner: z.boolean().default(true),
  questions: z
    .array(
      z.strictObject({
        text: TextLineSchema,
        kind: z.enum(QUESTION_KINDS),
        required: z.boolean().default(false),
        options: z.array(TextLineSchema).default([]),
        showIf: ShowIfSchema.optional(),
      }),
    )
    .min(1)
    .superRefine((questions, ctx) => {
      const problems = questionProblems(questions.map((question, index) => ({ ...question, id: String(index + 1), showIf: question.showIf ?? null })));
      for (const problem of problems) ctx.addIssue({ code: 'custom', message: problem.message, path: [problem.question - 1] });
    }),
});
export type QuestionnaireSeed = z.output<typeof QuestionnaireSeedSchema>;

/** The demo run: from the first day of `today`'s quarter to the last day of the next quarter (company-local dates). */
export function demoQuestionnairePeriod(today: string): { from: string; to: string } {
  const { from, to } = quarterPeriod(quarterOf(today));
  const dayAfter = new Date(`${to}T00:00:00Z`);
  dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
  return { from, to: quarterPeriod(quarterOf(dayAfter.toISOString().slice(0, 10))).to };
}
