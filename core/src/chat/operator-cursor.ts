/**
 * The resume point of an operator's event stream (`GET /api/chat-console/events`): one stream carries several
 * conversations, each with its own sequence numbers, so the SSE `id` of every event is the whole cursor — the last
 * `seq` delivered per conversation, `<conversation>.<seq>` pairs joined by `_` (e.g. `12.5_40.3`). The browser sends
 * the last id back as `Last-Event-ID` when it reconnects, and the stream replays each conversation after its number.
 */

/** More pairs than an operator can hold (their limit is a handful); a longer id is not ours and is ignored. */
export const OPERATOR_CURSOR_MAX_PAIRS = 50;

const PAIR = /^(\d{1,15}|[a-f0-9]{24})\.(\d{1,15})$/;

/** The cursor as the SSE id: pairs in a stable order (by conversation id). */
export function formatOperatorCursor(cursor: ReadonlyMap<string, number>): string {
  return [...cursor.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([conversation, seq]) => `${conversation}.${seq}`)
    .join('_');
}

/**
 * The cursor of a `Last-Event-ID`: every well-formed pair (a conversation named twice keeps its higher number);
 * malformed pairs are skipped, and an over-long id gives an empty cursor (everything is replayed, the console drops
 * what it has).
 */
export function parseOperatorCursor(lastEventId: string | null | undefined): Map<string, number> {
  const cursor = new Map<string, number>();
  if (!lastEventId) return cursor;
  const pairs = lastEventId.trim().split('_');
  if (pairs.length > OPERATOR_CURSOR_MAX_PAIRS) return cursor;
  for (const pair of pairs) {
    const match = PAIR.exec(pair);
    if (!match) continue;
    const [, conversation, seq] = match as unknown as [string, string, string];
    cursor.set(conversation, Math.max(cursor.get(conversation) ?? 0, Number(seq)));
  }
  return cursor;
}
