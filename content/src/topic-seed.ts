import { z } from 'zod';
import { SlugSchema, TextLineSchema } from './slug';

/**
 * One topic of the taxonomy (ЕКТО) in `topics.yaml`. The same topics drive FAQ sections, form
 * topics, routing and reports; the slug is also the FAQ file name under `data/faq/`.
 */
export const TopicSeedSchema = z.strictObject({
  /** URL slug, transliterated Russian, e.g. `pokazaniya`. */
  slug: SlugSchema,
  /** Title shown to visitors. */
  title: TextLineSchema,
  /** One sentence for the topic page. */
  description: TextLineSchema,
  /** Sort order in lists, ascending. */
  order: z.number().int().nonnegative(),
  /** Handler group its appeals are routed to (internal, never published); none when omitted. */
  handlerGroup: TextLineSchema.optional(),
});
export type Topic = z.output<typeof TopicSeedSchema>;

/** The whole `topics.yaml` file: a list with unique slugs. */
export const TopicListSchema = z.array(TopicSeedSchema).superRefine((topics, ctx) => {
  const seen = new Set<string>();
  topics.forEach((topic, index) => {
    if (seen.has(topic.slug)) {
      ctx.addIssue({ code: 'custom', path: [index, 'slug'], message: `duplicate topic slug "${topic.slug}"` });
    }
    seen.add(topic.slug);
  });
});
