import type { Payload } from 'payload';
import type { AppealState } from '@portal/core/appeal-state';
import { storeOf } from '../../store';

/** What the handler who lost a race is told. */
export const STATE_CHANGED_MESSAGE = 'Обращение уже изменил другой сотрудник, обновите страницу.';

/**
 * Compare-and-set of an appeal's state in one database statement (`UPDATE … WHERE id = ? AND status = ? AND
 * updated_at = ?`): true only for the one request that found the appeal still as it read it (`from`, last changed
 * at `readUpdatedAt`; the time also catches a state moved to itself, e.g. routed again). Two handlers acting at once on the same appeal
 * therefore cannot both move it from the same state; the loser is told to reload. Payload's own update reads and
 * then writes, so it cannot do this (and transactions are off on SQLite).
 */
export function claimStateChange(
  payload: Payload,
  id: number | string,
  from: AppealState,
  to: AppealState,
  readUpdatedAt: string | null,
  now: Date = new Date(),
): Promise<boolean> {
  return storeOf(payload).claimStateChange(id, from, to, readUpdatedAt, now);
}

/** Undoes a claim whose follow-up write failed, unless someone has moved the appeal on since. */
export async function releaseStateChange(payload: Payload, id: number | string, from: AppealState, to: AppealState): Promise<void> {
  await claimStateChange(payload, id, to, from, null).catch(() => false);
}
