import type { Payload, TaskConfig } from 'payload';
import { COLLECTIONS } from '../slugs';
import { storeOf } from '../store';

/** Claims younger than this may belong to a booking being written right now. */
const GRACE_MS = 10 * 60_000;
const PAGE = 500;
export const BOOKING_CLAIM_SWEEP_TASK = 'booking-claim-sweep';

/**
 * Gives back time that no booking holds: claims whose booking row was never written (the process died between the
 * claim and the row, or the row's write failed and so did the release) or whose booking is cancelled (died between
 * cancelling and releasing). Only claims older than ten minutes, so a booking in flight is never touched.
 */
export async function sweepOrphanClaims(payload: Payload, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - GRACE_MS).toISOString();
  const old = await payload.find({
    collection: COLLECTIONS.bookingClaims,
    where: { createdAt: { less_than: cutoff } },
    select: { booking: true },
    depth: 0,
    limit: 50_000,
    pagination: false,
    overrideAccess: true,
  });
  const codes = [...new Set(old.docs.map((doc) => String((doc as { booking?: string }).booking)))];
  let released = 0;
  for (let i = 0; i < codes.length; i += PAGE) {
    const page = codes.slice(i, i + PAGE);
    const found = await payload.find({ collection: COLLECTIONS.bookings, where: { code: { in: page } }, select: { code: true, state: true }, depth: 0, limit: page.length, pagination: false, overrideAccess: true });
    const open = new Set((found.docs as unknown as { code: string; state: string }[]).filter((doc) => doc.state !== 'cancelled').map((doc) => doc.code));
    for (const code of page) {
      if (open.has(code)) continue;
      await storeOf(payload).releaseClaims(code);
      released++;
    }
  }
  return released;
}

/** Hourly, like the other sweeps (cms/src/jobs). */
export const bookingSweepTasks: TaskConfig[] = [
  {
    slug: BOOKING_CLAIM_SWEEP_TASK,
    label: 'Освобождение времени без записи',
    schedule: [{ cron: '0 23 * * * *', queue: 'default' }],
    handler: async ({ req }: { req: { payload: Payload } }) => ({ output: { released: await sweepOrphanClaims(req.payload) } }),
  } as unknown as TaskConfig,
];
