import { createClient } from '@libsql/client';

/**
 * What the fault and soak tests check after the fact, from the outside only: the letters in the stack's
 * mail sink (over its HTTP API) and the rows committed to the database file. Nothing here calls the CMS's
 * code, so the checks hold whatever the registration path looks like inside.
 */

/** A letter as the sink's `/api/messages` lists it (the fields these checks need). */
interface SinkLetter {
  to: string[] | string;
  subject: string;
  receivedAt: string;
}

/** Registration numbers as the confirmation's subject carries them, e.g. `В-2026-000123`. */
const REGISTRATION_NUMBER = /[А-ЯЁ]-\d{4}-\d{6,}/u;

/** Confirmations in the sink: per registration number, how many letters and when the first one arrived. */
export interface ConfirmationTally {
  counts: Map<string, number>;
  firstArrival: Map<string, number>;
}

/**
 * Counts the letters to addresses matching `recipient` whose subject carries a registration number:
 * the robot's confirmations of the appeals a test sent.
 */
export async function tallyConfirmations(mailUrl: string, recipient: RegExp): Promise<ConfirmationTally> {
  const response = await fetch(`${mailUrl}/api/messages`, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`mail sink: HTTP ${response.status}`);
  const letters = (await response.json()) as SinkLetter[];
  const tally: ConfirmationTally = { counts: new Map(), firstArrival: new Map() };
  for (const letter of letters) {
    const to = Array.isArray(letter.to) ? letter.to : [letter.to];
    if (!to.some((address) => recipient.test(address))) continue;
    const number = letter.subject.match(REGISTRATION_NUMBER)?.[0];
    if (!number) continue;
    tally.counts.set(number, (tally.counts.get(number) ?? 0) + 1);
    const at = Date.parse(letter.receivedAt);
    tally.firstArrival.set(number, Math.min(at, tally.firstArrival.get(number) ?? at));
  }
  return tally;
}

/**
 * Polls the sink until every number in `expected` has a confirmation or `timeoutMs` passes, then keeps
 * watching for `settleMs` more so that late duplicates are counted too. Resolves with the last tally.
 */
export async function waitForConfirmations(
  mailUrl: string,
  recipient: RegExp,
  expected: readonly string[],
  { timeoutMs, settleMs = 5_000, pollMs = 2_000 }: { timeoutMs: number; settleMs?: number; pollMs?: number },
): Promise<ConfirmationTally> {
  const deadline = Date.now() + timeoutMs;
  let tally = await tallyConfirmations(mailUrl, recipient).catch(() => null);
  while (Date.now() < deadline && !(tally && expected.every((number) => tally!.counts.has(number)))) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    tally = (await tallyConfirmations(mailUrl, recipient).catch(() => null)) ?? tally;
  }
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  return (await tallyConfirmations(mailUrl, recipient).catch(() => null)) ?? tally ?? { counts: new Map(), firstArrival: new Map() };
}

/** One committed appeal row, as the fault checks need it. */
export interface AppealRow {
  idempotencyKey: string;
  registrationNumber: string;
  email: string;
  /** Delivery attempts of the confirmation so far, the successful one included: 2 or more means one failed. */
  confirmationAttempts: number;
}

/**
 * Appeal rows whose Idempotency-Key starts with `keyPrefix`, read from the SQLite file (whether each was
 * confirmed is read from the sink, where the client would see it). Call it after the CMS has stopped: then
 * only what was committed is there.
 */
export async function readAppealRows(databaseFile: string, keyPrefix: string): Promise<AppealRow[]> {
  const db = createClient({ url: `file:${databaseFile}` });
  try {
    const result = await db.execute({
      sql: 'SELECT idempotency_key AS k, registration_number AS n, email AS e, confirmation_attempts AS a FROM appeals WHERE idempotency_key LIKE ?',
      args: [`${keyPrefix.replace(/[%_]/g, '')}%`],
    });
    return result.rows.map((row) => ({ idempotencyKey: String(row.k), registrationNumber: String(row.n), email: String(row.e ?? ''), confirmationAttempts: Number(row.a ?? 0) }));
  } finally {
    db.close();
  }
}
