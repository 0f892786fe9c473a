/**
 * The waiting queue of the chat: a client's position and an estimated wait from recent history.
 *
 * The estimate is the pace at which operators have recently taken conversations from the queue: with the last
 * acceptances (at most {@link RECENT_ACCEPTANCES}) inside the last {@link PACE_WINDOW_MINUTES}, the mean interval
 * between them times the position (the third in line waits about three intervals). With fewer than two recent
 * acceptances the pace is unknown, and the median wait of the last accepted conversations stands in. With no history
 * at all there is no estimate (null): the client is told the position only.
 */

/** How many recent acceptances the estimate looks at. */
export const RECENT_ACCEPTANCES = 20;

/** Acceptances older than this do not say anything about the current pace. */
export const PACE_WINDOW_MINUTES = 60;

/** One accepted conversation of the recent history. */
export interface AcceptedSample {
  queuedAt: Date;
  acceptedAt: Date;
}

/** Median of numbers (mean of the two middle ones for an even count), null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Estimated wait in whole minutes (at least 1) for the given 1-based position, or null when history says nothing.
 * `samples` may be in any order; only the latest {@link RECENT_ACCEPTANCES} count.
 */
export function estimateWaitMinutes(position: number, samples: readonly AcceptedSample[], now: Date): number | null {
  if (position < 1) return null;
  const recent = [...samples].sort((a, b) => b.acceptedAt.getTime() - a.acceptedAt.getTime()).slice(0, RECENT_ACCEPTANCES);
  if (recent.length === 0) return null;
  const windowStart = now.getTime() - PACE_WINDOW_MINUTES * 60_000;
  const inWindow = recent.filter((sample) => sample.acceptedAt.getTime() >= windowStart);
  if (inWindow.length >= 2) {
    const newest = inWindow[0]!.acceptedAt.getTime();
    const oldest = inWindow[inWindow.length - 1]!.acceptedAt.getTime();
    const intervalMinutes = (newest - oldest) / 60_000 / (inWindow.length - 1);
    return Math.max(1, Math.ceil(position * intervalMinutes));
  }
  const waits = recent.map((sample) => Math.max(0, sample.acceptedAt.getTime() - sample.queuedAt.getTime()) / 60_000);
  const typical = median(waits);
  return typical === null ? null : Math.max(1, Math.ceil(typical));
}

/** «Вы в очереди: 3-й. Примерное время ожидания — 6 мин.» — the queue line the client reads. */
export function queueText(position: number, estimatedWaitMinutes: number | null): string {
  const place = `Вы в очереди: ${position}-й.`;
  return estimatedWaitMinutes === null ? `${place} Оператор ответит, как только освободится.` : `${place} Примерное время ожидания — ${estimatedWaitMinutes} мин.`;
}
