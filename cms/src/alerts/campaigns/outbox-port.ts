import type { Payload } from 'payload';

/**
 * The campaigns' one door to the generic letter outbox (cms/src/outbox/letters.ts, on main from 22:15): until it
 * lands, these are placeholders with its interface; switching is this file only.
 */
export interface LetterInput {
  purpose: string;
  dedupeKey: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  notBefore?: Date;
  group?: string;
}

export interface LetterCounts {
  pending: number;
  held: number;
  sent: number;
  failed: number;
}

const missing = () => new Error('the generic letter outbox is not merged yet');

export async function enqueueLetters(_payload: Payload, _letters: LetterInput[]): Promise<number> {
  throw missing();
}
export async function holdLetters(_payload: Payload, _group: string): Promise<void> {
  throw missing();
}
export async function releaseLetters(_payload: Payload, _group: string): Promise<void> {
  throw missing();
}
export async function countLetters(_payload: Payload, _group: string): Promise<LetterCounts> {
  throw missing();
}

/** The outbox's state of each letter by dedupe key (absent: never enqueued). */
export type LetterState = 'pending' | 'held' | 'sent' | 'failed';
export async function letterStates(_payload: Payload, _keys: string[]): Promise<Map<string, LetterState>> {
  throw missing();
}
