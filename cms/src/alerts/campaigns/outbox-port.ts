import type { Payload } from 'payload';
import { COLLECTIONS } from '../../slugs';

/** The campaigns' one door to the generic letter outbox (cms/src/outbox/letters.ts). */
export { cancelLetters, countLetters, enqueueLetters, holdLetters, releaseLetters, type LetterCounts, type LetterInput } from '../../outbox/letters';

/** What became of a campaign letter: its outbox state and how many attempts it took. */
export interface LetterOutcome {
  state: 'pending' | 'held' | 'sent' | 'cancelled';
  attempts: number;
}

/** The outbox's outcome of each letter by dedupe key (absent: never enqueued). */
export async function letterStates(payload: Payload, keys: string[]): Promise<Map<string, LetterOutcome>> {
  const found = await payload.find({
    collection: COLLECTIONS.outgoingLetters,
    where: { dedupeKey: { in: keys } },
    pagination: false,
    limit: keys.length,
    depth: 0,
    overrideAccess: true,
    select: { dedupeKey: true, state: true, attempts: true },
  });
  const outcomes = new Map<string, LetterOutcome>();
  for (const doc of found.docs as unknown as { dedupeKey: string; state: LetterOutcome['state']; attempts?: number | null }[]) {
    outcomes.set(doc.dedupeKey, { state: doc.state, attempts: Number(doc.attempts ?? 0) });
  }
  return outcomes;
}
