import type { Payload } from 'payload';
import { enqueueLetter, type LetterInput } from '../../outbox/letters';

/**
 * The one call through which the staff side of booking sends letters: the generic outbox (durable before it returns,
 * retried by the robot's dispatcher, at most one letter per `dedupeKey`). `created` is false when the key was queued
 * before — a second press of «Уведомить клиентов» or a retry after a crash.
 */
export async function sendBookingStaffLetter(payload: Payload, letter: LetterInput): Promise<{ created: boolean }> {
  const { created } = await enqueueLetter(payload, letter);
  return { created };
}
