import type { Payload } from 'payload';
import { COLLECTIONS } from '../../slugs';

/**
 * The robot's own change of an appeal row (a letter sent, a reminder noted, a survey answer, retention):
 * without access checks, marked internal so the collection's hooks treat it as the server's write, not a
 * handler's. Transitions use their own update, which carries the history entry.
 */
export async function updateAppealInternally(payload: Payload, id: number | string, data: Record<string, unknown>): Promise<void> {
  await payload.update({ collection: COLLECTIONS.appeals, id, depth: 0, overrideAccess: true, context: { internal: true }, data: data as never });
}
