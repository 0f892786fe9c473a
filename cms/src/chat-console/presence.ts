/** Operator presence in the chat console (issue 19): pure rules, the CMS's reads and writes in presence-store.ts. */

export const CHAT_PRESENCES = ['online', 'away', 'offline'] as const;
export type ChatPresence = (typeof CHAT_PRESENCES)[number];

/** Conversations an operator may hold at once unless an administrator sets another limit. */
export const DEFAULT_CHAT_LIMIT = 3;

/**
 * Minutes without a heartbeat after which an operator counts as offline: the console beats every 30 s while open,
 * so two minutes cover a missed beat or two; a closed tab or a lost session turns the operator offline after that.
 */
export const PRESENCE_TIMEOUT_MINUTES = 2;

/** «08:00–17:00» (an en dash or a hyphen) → minutes from midnight; null for anything else or an empty span. */
export function parseChatHours(text: string): { from: number; to: number } | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)\s*[–-]\s*([01]\d|2[0-4]):([0-5]\d)$/.exec(text.trim());
  if (!match) return null;
  const from = Number(match[1]) * 60 + Number(match[2]);
  const to = Number(match[3]) * 60 + Number(match[4]);
  if (to > 24 * 60 || to <= from) return null;
  return { from, to };
}

/**
 * The presence that counts now: what the operator set, unless the console has not been heard from for
 * {@link PRESENCE_TIMEOUT_MINUTES} (closed tab, expired session) — then offline.
 */
export function effectivePresence(set: string | null | undefined, seenAt: string | null | undefined, now: Date): ChatPresence {
  if (set !== 'online' && set !== 'away') return 'offline';
  if (!seenAt) return 'offline';
  const silentMs = now.getTime() - Date.parse(seenAt);
  if (!(silentMs <= PRESENCE_TIMEOUT_MINUTES * 60_000)) return 'offline';
  return set;
}

/** The effective limit of an account: its own when set to a sane number, else the default. */
export function chatLimitOf(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10 ? value : DEFAULT_CHAT_LIMIT;
}
