import type { Payload } from 'payload';
import { HUMAN_CHECK_MESSAGES } from '@portal/core/human-check';
import { FieldRejectedError } from '@portal/core/appeal-contract';
import { COLLECTIONS } from '../../slugs';
import { inspectHuman, type SolvedChallenge } from './human-check';

/** How often one process deletes spent challenges that have expired (they are refused as expired anyway). */
const CLEANUP_EVERY_MS = 10 * 60 * 1000;
let lastCleanup = 0;

interface UseRow {
  idempotencyKey?: string | null;
}

/** The proof-of-work check of one form request, with its solution usable once. */
export interface SingleUseHumanCheck {
  /** The endpoint's `verifyHuman`: the usual check, plus a refusal when the solution was already spent. */
  verify(body: unknown): Promise<string | null>;
  /**
   * Spends the verified challenge; call right before registering. Throws a 400 field error when another
   * submission spent it first (two replays racing past `verify`). Nothing to do when the check is off.
   */
  spend(): Promise<void>;
}

/**
 * Makes a solved ALTCHA challenge good for one appeal. A spent challenge is stored (its signature's hash,
 * until it expires) in the database, so the rule holds across CMS instances and restarts.
 *
 * It is spent only when the form is about to be registered: a form refused for a field error keeps its
 * solution, so the client can correct it and send again. A retry of the same submission (same
 * `Idempotency-Key`, e.g. after a lost answer or a 503) passes again: registration is idempotent per key, so
 * it yields the first appeal, not a second one. Any other reuse is refused with a clear message.
 */
export function singleUseHumanCheck(payload: Payload, request: Request): SingleUseHumanCheck {
  const idempotencyKey = request.headers.get('idempotency-key');
  let solved: SolvedChallenge | null = null;
  const sameSubmission = (row: UseRow) => idempotencyKey !== null && row.idempotencyKey === idempotencyKey;
  return {
    async verify(body) {
      const outcome = await inspectHuman(body);
      if (outcome.problem !== null) return outcome.problem;
      solved = outcome.solved;
      if (!solved) return null;
      const earlier = await findUse(payload, solved.hash);
      return earlier && !sameSubmission(earlier) ? HUMAN_CHECK_MESSAGES.used : null;
    },
    async spend() {
      if (!solved) return;
      const challenge = solved;
      try {
        // One insert; the unique index decides between racing submissions, on every instance.
        await payload.create({
          collection: COLLECTIONS.humanCheckUses,
          data: { challengeHash: challenge.hash, idempotencyKey, expiresAt: new Date(challenge.expiresAt).toISOString() } as never,
          overrideAccess: true,
          depth: 0,
        });
      } catch (error) {
        const earlier = await findUse(payload, challenge.hash);
        if (!earlier) throw error;
        if (!sameSubmission(earlier)) throw new FieldRejectedError('altcha', HUMAN_CHECK_MESSAGES.used);
      }
      cleanUpExpired(payload);
    },
  };
}

async function findUse(payload: Payload, hash: string): Promise<UseRow | undefined> {
  const found = await payload.find({
    collection: COLLECTIONS.humanCheckUses,
    where: { challengeHash: { equals: hash } },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  });
  return found.docs[0] as UseRow | undefined;
}

/** Drops expired rows now and then, in the background: the table holds about an hour of submissions. */
function cleanUpExpired(payload: Payload, now = Date.now()): void {
  if (now - lastCleanup < CLEANUP_EVERY_MS) return;
  lastCleanup = now;
  deleteExpiredChallenges(payload, new Date(now)).catch((error: unknown) =>
    payload.logger.warn({ err: error instanceof Error ? error.name : typeof error }, 'spent challenge cleanup failed; it runs again later'),
  );
}

/** Deletes the spent challenges that have expired: past their expiry they are refused as expired anyway. */
export async function deleteExpiredChallenges(payload: Payload, now: Date = new Date()): Promise<void> {
  await payload.db.deleteMany({ collection: COLLECTIONS.humanCheckUses, where: { expiresAt: { less_than: now.toISOString() } } });
}
