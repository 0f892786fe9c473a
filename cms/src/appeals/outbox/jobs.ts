import type { Payload, TaskConfig } from 'payload';
import { dispatchOutbox, DISPATCH_OUTBOX_TASK } from './outbox';
import { purgeSentLetters } from '../../outbox/letters';

export { DISPATCH_OUTBOX_TASK } from './outbox';
/** The scheduled sweep of the outbox. */
export const SWEEP_CONFIRMATIONS_TASK = 'sweepConfirmations';

const lastPurge = new WeakMap<Payload, number>();

/**
 * The outbox sweep: sends every confirmation and handler notice still pending whose retry time has come and
 * that no live process holds (never sent, failed, or held by a process that died). Returns how many went out.
 */
export async function sweepConfirmations(payload: Payload, now = new Date()): Promise<number> {
  const result = await dispatchOutbox(payload, now);
  if (result.sent > 0) payload.logger.info({ sent: result.sent }, 'outbox sweep sent pending letters');
  // Sent letters of the generic outbox keep their addresses and bodies for a while only (once an hour is enough).
  if (now.getTime() - (lastPurge.get(payload) ?? 0) >= 3_600_000) {
    lastPurge.set(payload, now.getTime());
    await purgeSentLetters(payload, now);
  }
  return result.sent;
}

/** A dispatch as a job: throws while letters failed, so the job runner retries it with backoff. */
async function dispatchAsJob(payload: Payload) {
  const result = await dispatchOutbox(payload);
  if (result.failed > 0) throw new Error(`${result.failed} letters not sent yet; will retry`);
  return { output: { sent: result.sent } };
}

/** Job definitions of the mail robot's outbox: the dispatch a registration queues, and the scheduled sweep. */
export const outboxTasks: TaskConfig[] = [
  {
    slug: DISPATCH_OUTBOX_TASK,
    label: 'Отправка писем робота (подтверждения и уведомления)',
    // 2 s, 4 s, 8 s … about 2.3 hours in all; the scheduled sweep covers anything left after that.
    retries: { attempts: 12, backoff: { type: 'exponential', delay: 2000 } },
    handler: async ({ req }: { req: { payload: Payload } }) => dispatchAsJob(req.payload),
    // Cast: the generated task-slug type is refreshed only when payload-types.ts is regenerated.
  } as unknown as TaskConfig,
  {
    slug: SWEEP_CONFIRMATIONS_TASK,
    label: 'Повторная отправка неотправленных писем робота',
    schedule: [{ cron: '*/30 * * * * *', queue: 'default' }],
    handler: async ({ req }) => ({ output: { sent: await sweepConfirmations(req.payload) } }),
  } as TaskConfig,
];
