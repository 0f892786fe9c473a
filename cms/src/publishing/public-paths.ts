import type { CollectionAfterChangeHook, Payload } from 'payload';
import { COLLECTIONS } from '../slugs';
import { addRedirect, type PublicPath } from './redirects';

// The same addresses the site builds (site/src/lib/urls.ts): /faq/<topic>/ and /faq/<topic>/<entry>/.
const topicPath = (topic: string) => `/faq/${topic}/`;
const entryPath = (topic: string, slug: string) => `/faq/${topic}/${slug}/`;

async function topicSlug(payload: Payload, topic: unknown): Promise<string | null> {
  if (topic && typeof topic === 'object' && 'slug' in topic) return String((topic as { slug: unknown }).slug);
  if (topic === null || topic === undefined || topic === '') return null;
  const found = (await payload.findByID({ collection: COLLECTIONS.topics, id: topic as number, depth: 0, overrideAccess: true, disableErrors: true })) as { slug?: string } | null;
  return found?.slug ?? null;
}

/** Address of a FAQ entry on the site. */
export const faqPublicPath: PublicPath = async (doc, payload) => {
  const topic = await topicSlug(payload, doc.topic);
  return topic && typeof doc.slug === 'string' ? entryPath(topic, doc.slug) : null;
};

/** Address of a topic page on the site. */
export const topicPublicPath: PublicPath = (doc) => (typeof doc.slug === 'string' ? topicPath(doc.slug) : null);

/** A renamed topic moves every entry in it: each published entry's old address gets a redirect too. */
export const redirectEntriesOfRenamedTopic: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || !previousDoc?.slug || previousDoc.slug === doc.slug) return doc;
  const entries = await req.payload.find({ collection: COLLECTIONS.faq, where: { topic: { equals: doc.id } }, pagination: false, depth: 0, overrideAccess: true });
  for (const entry of entries.docs as unknown as { slug: string }[]) {
    await addRedirect(req.payload, entryPath(previousDoc.slug, entry.slug), entryPath(doc.slug, entry.slug)).catch((error: unknown) =>
      req.payload.logger.error({ err: error }, 'automatic redirect not saved'),
    );
  }
  return doc;
};
