import type { Payload } from 'payload';

/** Sends every letter queued so far (the booking's letters go straight to SMTP until the generic outbox is merged). */
export async function drainLetters(_payload: Payload): Promise<void> {}
