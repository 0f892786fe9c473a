import type { Payload } from 'payload';
import { COLLECTIONS, GLOBALS } from '../../slugs';

/**
 * Topic of appeals that arrive by e-mail when the settings name none: «Прочее» of the demo taxonomy, the
 * topic handlers triage from. A letter has no topic field, and guessing one from free text would misroute
 * some letters silently; one predictable topic that handlers re-classify is what they expect.
 */
export const EMAIL_APPEAL_DEFAULT_TOPIC = 'prochee';

const TOPIC_MISSING_MESSAGE = 'Такой темы нет в классификаторе. Укажите код существующей темы, например prochee.';

/** Field validation of the setting: empty, or the slug of an existing topic. */
export async function validateTopicSlug(value: unknown, { req }: { req: { payload: Payload } }): Promise<string | true> {
  if (value === null || value === undefined || value === '') return true;
  if (typeof value !== 'string') return TOPIC_MISSING_MESSAGE;
  const found = await req.payload.count({ collection: COLLECTIONS.topics, where: { slug: { equals: value.trim() } }, overrideAccess: true });
  return found.totalDocs > 0 ? true : TOPIC_MISSING_MESSAGE;
}

/**
 * The topic slug an appeal that arrived by e-mail gets: the company setting `emailAppealTopic` (default
 * {@link EMAIL_APPEAL_DEFAULT_TOPIC}) when that topic exists, none otherwise (a deleted topic must not
 * stop the letter from being registered).
 */
export async function emailAppealTopic(payload: Payload): Promise<string | undefined> {
  const settings = (await payload.findGlobal({ slug: GLOBALS.companySettings, overrideAccess: true, depth: 0 })) as { emailAppealTopic?: string | null };
  const slug = (settings.emailAppealTopic ?? EMAIL_APPEAL_DEFAULT_TOPIC).trim();
  if (!slug) return undefined;
  const found = await payload.count({ collection: COLLECTIONS.topics, where: { slug: { equals: slug } }, overrideAccess: true });
  return found.totalDocs > 0 ? slug : undefined;
}
