import type { Payload, PayloadRequest } from 'payload';
import { enqueue, type BookingLetterInput } from '../outbox-link';

/**
 * The one call through which the staff side of booking sends letters. Until the generic outbox is merged this goes
 * through the booking's outbox link (straight to SMTP); then it becomes `enqueueLetter` (durable, retried, at most
 * one letter per `dedupeKey`; `created` false when the key was queued before).
 */
export async function sendBookingStaffLetter(payload: Payload, letter: BookingLetterInput, _req?: PayloadRequest): Promise<{ created: boolean }> {
  await enqueue(payload, letter);
  return { created: true };
}
