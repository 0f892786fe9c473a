import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';

/**
 * A scripted client of the public question form, as the site's island behaves: it fetches the proof-of-work
 * challenge from the public server, solves it, and posts the form with one Idempotency-Key per filled-in
 * form. A 5xx or a lost answer is retried with the same key and the same solution, so a retry can never
 * register a second appeal. Used by the fault tests and the soak test (loopback only).
 */

/** One question as the fault and soak tests send it. */
export interface QuestionSubmission {
  /** Idempotency-Key of this filled-in form. */
  key: string;
  email: string;
  text: string;
  name?: string;
  topic?: string;
}

/** What happened to one submission. */
export interface QuestionOutcome {
  key: string;
  email: string;
  /** HTTP status of every attempt (0: no answer). */
  statuses: number[];
  /** Set when the server acknowledged the appeal (201). */
  registrationNumber?: string;
  /** When the 201 arrived (ms since the epoch). */
  acknowledgedAt?: number;
}

export interface SubmitOptions {
  /** Attempts in all (default 8). */
  attempts?: number;
  /** Pause before retry n is n × this (default 2000 ms). */
  retryDelayMs?: number;
  /** Per-request time limit (default 30 s). */
  timeoutMs?: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The value of the form's `altcha` field for a fresh challenge, or null when the site has the check off.
 * Throws when the challenge cannot be fetched (the CMS is down): the caller retries.
 */
export async function solvedHumanCheck(siteUrl: string, timeoutMs = 30_000): Promise<string | null> {
  const response = await fetch(`${siteUrl}/api/forms/challenge`, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`challenge: HTTP ${response.status}`);
  const body = (await response.json()) as { enabled?: boolean; challenge?: Challenge };
  if (!body.enabled || !body.challenge) return null;
  const solution = await solveChallenge({ challenge: body.challenge, deriveKey });
  if (!solution) throw new Error('challenge: no solution found');
  return Buffer.from(JSON.stringify({ challenge: body.challenge, solution })).toString('base64');
}

/** Submits one question through the public server, retrying 5xx and lost answers with the same key. */
export async function submitQuestion(siteUrl: string, submission: QuestionSubmission, options: SubmitOptions = {}): Promise<QuestionOutcome> {
  const attempts = options.attempts ?? 8;
  const retryDelayMs = options.retryDelayMs ?? 2000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const outcome: QuestionOutcome = { key: submission.key, email: submission.email, statuses: [] };
  // Solved once per filled-in form, as the browser does; fetched again only while none could be had.
  let altcha: string | null | undefined;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    if (attempt > 1) await pause(retryDelayMs * (attempt - 1));
    try {
      altcha ??= await solvedHumanCheck(siteUrl, timeoutMs);
    } catch {
      outcome.statuses.push(0);
      continue;
    }
    let status = 0;
    try {
      const response = await fetch(`${siteUrl}/api/forms/question`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': submission.key },
        body: JSON.stringify({
          name: submission.name ?? 'Наталья Петрова',
          email: submission.email,
          answerChannel: 'email',
          audience: 'fl',
          topic: submission.topic ?? 'pokazaniya',
          text: submission.text,
          consent: true,
          website: '',
          ...(altcha ? { altcha } : {}),
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      const body = (await response.json().catch(() => ({}))) as { registrationNumber?: string };
      if (status === 201 && body.registrationNumber) {
        outcome.registrationNumber = body.registrationNumber;
        outcome.acknowledgedAt = Date.now();
      }
    } catch {
      // No answer (connection refused or reset, time-out): the appeal may or may not be stored; retry.
    }
    outcome.statuses.push(status);
    if (outcome.registrationNumber) return outcome;
    // A 4xx is the server's final word on this form; only 5xx and lost answers are worth another try.
    if (status !== 0 && status < 500) return outcome;
  }
  return outcome;
}

/** Runs `task` for 0…count-1 with at most `concurrency` in flight; resolves with the results in order. */
export async function inParallel<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}
