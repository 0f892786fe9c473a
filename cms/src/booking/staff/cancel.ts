import type { PayloadRequest } from 'payload';
import { storeOf } from '../../store';
import { COLLECTIONS } from '../../slugs';
import { placementGroup } from '../notify';
import { withdrawGroup } from '../outbox-link';

/**
 * Cancels a booking the office can no longer take, after its apology went to the outbox (affected.ts): the row is
 * marked cancelled by staff, its cells are freed and its reminder withdrawn. Unlike the service's `cancelBooking` it
 * queues no «запись отменена» letter of its own: the apology already tells the client, once. A booking no longer
 * open is left as it is (a second press, a retry).
 */
export async function cancelForOffice(req: PayloadRequest, bookingId: number | string, now = new Date()): Promise<boolean> {
  const { payload } = req;
  const booking = (await payload.findByID({ collection: COLLECTIONS.bookings, id: bookingId, depth: 0, overrideAccess: true, disableErrors: true })) as { id: number | string; code: string; state: string; moves?: number | null } | null;
  if (!booking || booking.state !== 'booked') return false;
  await payload.update({
    collection: COLLECTIONS.bookings,
    id: booking.id,
    overrideAccess: true,
    depth: 0,
    context: { internal: true },
    data: { state: 'cancelled', cancelledAt: now.toISOString(), cancelledBy: 'staff' } as never,
  });
  await storeOf(payload).releaseClaims(booking.code);
  await withdrawGroup(payload, placementGroup(booking.id, booking.moves ?? 0));
  return true;
}
