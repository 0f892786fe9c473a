import type { Payload } from 'payload';
import { COLLECTIONS } from '../slugs';
import { chatLimitOf, effectivePresence, type ChatPresence } from './presence';

/** An operator as the console shows colleagues (no e-mail, no login data). */
export interface ConsoleOperator {
  id: number | string;
  name: string;
  presence: ChatPresence;
  limit: number;
  hours: string | null;
}

const OPERATOR_ROLES = ['handler', 'manager', 'admin'];

/** Every staff member who may work at the console, with the presence that counts now. */
export async function loadOperators(payload: Payload, now: Date = new Date()): Promise<ConsoleOperator[]> {
  const found = await payload.find({ collection: COLLECTIONS.users, where: { roles: { in: OPERATOR_ROLES } }, depth: 0, pagination: false, overrideAccess: true, sort: 'name' });
  return (found.docs as unknown as { id: number | string; name?: string; chatPresence?: string | null; chatSeenAt?: string | null; chatLimit?: number | null; chatHours?: string | null }[]).map((user) => ({
    id: user.id,
    name: user.name ?? 'Сотрудник',
    presence: effectivePresence(user.chatPresence, user.chatSeenAt, now),
    limit: chatLimitOf(user.chatLimit),
    hours: user.chatHours ?? null,
  }));
}

/**
 * How many operators are online now (presence «В сети» and a heartbeat within the timeout). The client side's
 * queue estimate may use it (issue 19: «the count of online operators»).
 */
export async function countOnlineOperators(payload: Payload, now: Date = new Date()): Promise<number> {
  return (await loadOperators(payload, now)).filter((operator) => operator.presence === 'online').length;
}

/**
 * The console's presence switch and heartbeat: stores what the operator set and when the console was last heard.
 * A straight database write: a heartbeat every 30 s is bookkeeping, not a change of the account for the audit log.
 */
export async function recordPresence(payload: Payload, userId: number | string, presence: ChatPresence, now: Date = new Date()): Promise<void> {
  await payload.db.updateOne({ collection: COLLECTIONS.users, id: userId, data: { chatPresence: presence, chatSeenAt: now.toISOString() } });
}
