import type { Payload, Where } from 'payload';
import type { AppealSubmission } from '@portal/core/appeal-submission';
import { APPEAL_FORM_MESSAGES } from '@portal/core/appeal-form-base';
import { submittedString, type PrecheckResult } from '@portal/core/appeal-contract';
import { COLLECTIONS } from '../../slugs';

/** What routing reads from a topic: its default group and its territory rules (territory ids as stored). */
export interface RoutingTopic {
  handlerGroup?: string | null;
  territoryRoutes?: { territory?: number | string | { id: number | string } | null; handlerGroup?: string | null }[] | null;
}

const idOf = (value: number | string | { id: number | string } | null | undefined): string | null =>
  value === null || value === undefined ? null : typeof value === 'object' ? String(value.id) : String(value);

/**
 * The handler group for an appeal on this topic from this territory: a rule for the territory beats the topic's
 * default group; without a topic (or a group) there is no suggestion. Pure, so the rule order is tested alone.
 */
export function pickHandlerGroup(topic: RoutingTopic | null | undefined, territoryId: number | string | null | undefined): string | null {
  if (!topic) return null;
  if (territoryId !== null && territoryId !== undefined) {
    const rule = (topic.territoryRoutes ?? []).find((route) => idOf(route.territory) === String(territoryId) && route.handlerGroup?.trim());
    if (rule?.handlerGroup) return rule.handlerGroup.trim();
  }
  return topic.handlerGroup?.trim() || null;
}

/**
 * The handler groups in use: every topic's default group and every group of its territory rules, each once, in
 * Russian alphabetical order. The «routed» transition and the queue's filter offer exactly these.
 */
export function handlerGroupsInUse(topics: Iterable<RoutingTopic>): string[] {
  const groups = new Set<string>();
  for (const topic of topics) {
    if (topic.handlerGroup?.trim()) groups.add(topic.handlerGroup.trim());
    for (const route of topic.territoryRoutes ?? []) if (route.handlerGroup?.trim()) groups.add(route.handlerGroup.trim());
  }
  return [...groups].sort((a, b) => a.localeCompare(b, 'ru'));
}

/** Slugs of the territories clients may choose in forms. */
export async function knownTerritorySlugs(payload: Payload): Promise<string[]> {
  const territories = await payload.find({ collection: COLLECTIONS.territories, pagination: false, depth: 0, overrideAccess: true });
  return territories.docs.map((doc) => (doc as unknown as { slug: string }).slug);
}

/**
 * The server's half of the territory check: a chosen territory must be in the CMS list (the shared schema only
 * checks its shape). Nothing chosen is fine — the field is optional.
 */
export async function checkTerritory(payload: Payload, raw: unknown): Promise<PrecheckResult> {
  const territory = submittedString(raw, 'territory');
  if (territory !== undefined && (await territoryIdBySlug(payload, territory)) === null) {
    return { kind: 'invalid', fieldErrors: { territory: APPEAL_FORM_MESSAGES.territory } };
  }
  return { kind: 'ok' };
}

/** The form's own precheck, after the territory check (a wrong territory is reported first, alone). */
export function withTerritoryCheck(payload: Payload, raw: unknown, next: () => Promise<PrecheckResult>): Promise<PrecheckResult> {
  return checkTerritory(payload, raw).then((result) => (result.kind === 'ok' ? next() : result));
}

async function territoryIdBySlug(payload: Payload, slug: string | null | undefined): Promise<number | string | null> {
  if (!slug) return null;
  const found = await payload.find({ collection: COLLECTIONS.territories, where: { slug: { equals: slug } }, limit: 1, depth: 0, overrideAccess: true, pagination: false });
  return found.docs[0]?.id ?? null;
}

/**
 * The suggested handler group for a topic (by id or slug) and a territory slug, read from the CMS: the rules table
 * on the topic first, then the topic's own group. Null when nothing is configured.
 */
export async function suggestHandlerGroup(payload: Payload, topic: { id: number | string } | { slug: string } | null, territory: string | null | undefined): Promise<string | null> {
  if (!topic) return null;
  const where: Where = 'id' in topic ? { id: { equals: topic.id } } : { slug: { equals: topic.slug } };
  const [found, territoryId] = await Promise.all([
    payload.find({ collection: COLLECTIONS.topics, where, limit: 1, depth: 0, overrideAccess: true, pagination: false }),
    territoryIdBySlug(payload, territory),
  ]);
  return pickHandlerGroup(found.docs[0] as RoutingTopic | undefined, territoryId);
}

/**
 * What registration stores about routing, in the same single insert as the appeal, from the robot's cached
 * settings (no query per appeal): the client's territory and the handler group the rules suggest, so the appeal
 * shows up in that group's queue at once. The state stays «registered»: passing it on («routed») is still a
 * handler's decision after the registration check, and that transition offers this group as its default.
 */
export function routingFromSettings(
  settings: { topicsBySlug: ReadonlyMap<string, RoutingTopic>; territoryIdsBySlug: ReadonlyMap<string, number | string> },
  input: Pick<AppealSubmission, 'topic' | 'territory'>,
): { territory: string | null; handlerGroup: string | null } {
  const territory = input.territory ?? null;
  const topic = input.topic === undefined ? null : settings.topicsBySlug.get(input.topic);
  return { territory, handlerGroup: pickHandlerGroup(topic, territory === null ? null : settings.territoryIdsBySlug.get(territory)) };
}
