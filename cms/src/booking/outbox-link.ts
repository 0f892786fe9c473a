import type { Payload } from 'payload';
import { cancelLetters, enqueueLetter, type LetterInput } from '../outbox/letters';

/**
 * The one place the booking's letters meet the generic outbox (cms/src/outbox/letters.ts): durable before the
 * booking answers, sent and retried by the robot's dispatcher, at most one letter per key.
 */
export type BookingLetterInput = LetterInput;

export async function enqueue(payload: Payload, letter: BookingLetterInput): Promise<void> {
  await enqueueLetter(payload, letter);
}

/** Withdraws the unsent letters of a group for good (the reminder of a placement that was moved or cancelled). */
export async function withdrawGroup(payload: Payload, group: string): Promise<void> {
  await cancelLetters(payload, group);
}
