import crypto from 'node:crypto';
import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { HUMAN_CHECK_ALGORITHM, HUMAN_CHECK_COST, HUMAN_CHECK_FIELD, HUMAN_CHECK_MESSAGES } from '@portal/core/human-check';
import { readCmsEnv } from '../../env';

/** How long a challenge stays valid: enough to fill in a long complaint. */
const CHALLENGE_TTL_MS = 60 * 60 * 1000;

/** The check is on when `ALTCHA_HMAC_KEY` is set (always in `npm start`; tests opt in). */
export function humanCheckEnabled(): boolean {
  return Boolean(readCmsEnv().ALTCHA_HMAC_KEY);
}

/** A new signed challenge for a form that has just appeared (`issuedAt` is signed in for diagnostics only). */
export async function issueChallenge(now = Date.now()): Promise<Challenge> {
  const env = readCmsEnv();
  if (!env.ALTCHA_HMAC_KEY) throw new Error('ALTCHA_HMAC_KEY is not set');
  return createChallenge({
    algorithm: HUMAN_CHECK_ALGORITHM,
    cost: HUMAN_CHECK_COST,
    // Deterministic mode: the server knows the key prefix, the browser searches the counter.
    counter: randomInt(500, 2_000),
    deriveKey,
    expiresAt: Math.floor((now + CHALLENGE_TTL_MS) / 1000),
    data: { issuedAt: now },
    hmacSignatureSecret: env.ALTCHA_HMAC_KEY,
  });
}

/** A challenge whose solution passed the check: what is needed to spend it once. */
export interface SolvedChallenge {
  /** SHA-256 of the challenge's signature (hex): unique per issued challenge. */
  hash: string;
  /** When the challenge stops being valid anyway (ms since the epoch). */
  expiresAt: number;
}

/** Outcome of {@link inspectHuman}: a Russian message for the form, or the solved challenge (none when the check is off). */
export type HumanCheckOutcome = { problem: string } | { problem: null; solved: SolvedChallenge | null };

/**
 * Checks the solution sent in the form body: signed by us, solved, not expired. Returns a Russian message for the
 * form, or null when fine. Says nothing about earlier use: appeals/human-check-once.ts makes a solution usable once.
 *
 * There is deliberately no minimum fill time. It refused people whose browser filled the form in for them
 * (autofill, a password manager) and who sent it within seconds, while costing a bot nothing: a bot fetches many
 * challenges at once and waits out the seconds in parallel. Counting from the first interaction would not help
 * either: the server cannot verify a time the browser reports, and an autofilled form is sent a moment after the
 * first click. What a bot does pay for is the proof-of-work (per challenge), each solution being good for one
 * appeal, and the rate limits per IP address and per e-mail address.
 */
export async function checkHuman(body: unknown, now = Date.now()): Promise<string | null> {
  return (await inspectHuman(body, now)).problem;
}

/** {@link checkHuman} that also hands back the solved challenge, so the caller can spend it. */
export async function inspectHuman(body: unknown, now = Date.now()): Promise<HumanCheckOutcome> {
  const env = readCmsEnv();
  if (!env.ALTCHA_HMAC_KEY) return { problem: null, solved: null };
  const encoded = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[HUMAN_CHECK_FIELD] : undefined;
  if (typeof encoded !== 'string' || encoded.length > 4_000) return { problem: HUMAN_CHECK_MESSAGES.missing };
  let payload: { challenge: Challenge; solution: Solution };
  try {
    payload = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as { challenge: Challenge; solution: Solution };
    if (typeof payload?.challenge?.parameters !== 'object' || typeof payload.solution !== 'object') return { problem: HUMAN_CHECK_MESSAGES.missing };
  } catch {
    return { problem: HUMAN_CHECK_MESSAGES.missing };
  }
  let result;
  try {
    result = await verifySolution({ challenge: payload.challenge, solution: payload.solution, deriveKey, hmacSignatureSecret: env.ALTCHA_HMAC_KEY });
  } catch {
    return { problem: HUMAN_CHECK_MESSAGES.missing };
  }
  if (result.expired) return { problem: HUMAN_CHECK_MESSAGES.expired };
  if (!result.verified || typeof payload.challenge.signature !== 'string') return { problem: HUMAN_CHECK_MESSAGES.missing };
  const expiresAtSeconds = Number(payload.challenge.parameters.expiresAt);
  return {
    problem: null,
    solved: {
      hash: crypto.createHash('sha256').update(payload.challenge.signature).digest('hex'),
      // Our challenges always expire; the fallback only bounds how long a row is kept.
      expiresAt: Number.isFinite(expiresAtSeconds) && expiresAtSeconds > 0 ? expiresAtSeconds * 1000 : now + CHALLENGE_TTL_MS,
    },
  };
}
