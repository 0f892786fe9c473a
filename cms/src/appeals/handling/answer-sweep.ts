import type { Payload, TaskConfig } from 'payload';
import { COLLECTIONS } from '../../slugs';
import { recordAnswerJob, SEND_ANSWER_TASK } from './answer-delivery';

export const SWEEP_ANSWERS_TASK = 'sweepAnswers';

/** A job still processing after this long is taken for dead (its process crashed); sending takes seconds. */
const STUCK_JOB_MS = 10 * 60 * 1000;
/** Answers younger than this are left to the transition that queued them. */
const SWEEP_GRACE_MS = 15 * 1000;

interface PendingAnswer {
  id: number | string;
  answerDelivery?: { jobId?: string | null } | null;
}

interface JobRow {
  hasError?: boolean | null;
  processing?: boolean | null;
  completedAt?: string | null;
  updatedAt: string;
}

/** True while the job may still send: queued or running, not failed for good, not stuck, not gone. */
async function jobIsAlive(payload: Payload, jobId: string, now: Date): Promise<boolean> {
  const id = payload.db.defaultIDType === 'number' ? Number(jobId) : jobId;
  if (typeof id === 'number' && !Number.isSafeInteger(id)) return false;
  const job = (await payload
    .findByID({ collection: 'payload-jobs', id, overrideAccess: true, depth: 0, disableErrors: true })
    .catch(() => null)) as JobRow | null;
  if (!job || job.hasError || job.completedAt) return false;
  if (job.processing && now.getTime() - new Date(job.updatedAt).getTime() > STUCK_JOB_MS) return false;
  return true;
}

/**
 * The answers' outbox sweep: every answer still pending whose job failed for good, vanished or never got queued
 * gets a new job. Sending stays exactly once: the job skips answers already marked sent, and a live job is never
 * doubled. Returns how many were queued again.
 */
export async function sweepAnswers(payload: Payload, now: Date = new Date()): Promise<number> {
  const pending = await payload.find({
    collection: COLLECTIONS.appeals,
    where: {
      and: [{ 'answerDelivery.state': { equals: 'pending' } }, { updatedAt: { less_than: new Date(now.getTime() - SWEEP_GRACE_MS).toISOString() } }],
    },
    depth: 0,
    limit: 100,
    overrideAccess: true,
    sort: 'updatedAt',
    select: { answerDelivery: true },
  });
  let requeued = 0;
  for (const appeal of pending.docs as unknown as PendingAnswer[]) {
    const jobId = appeal.answerDelivery?.jobId;
    if (jobId && (await jobIsAlive(payload, jobId, now))) continue;
    const job = await payload.jobs.queue({ task: SEND_ANSWER_TASK, input: { appealId: String(appeal.id) } } as never);
    await recordAnswerJob(payload, appeal.id, (job as { id: number | string }).id);
    requeued += 1;
  }
  if (requeued > 0) payload.logger.info({ requeued }, 'answer sweep re-queued pending answers');
  return requeued;
}

/** Every minute: an answer waits at most about a minute after its job is found failed or gone. */
export const answerSweepTasks: TaskConfig[] = [
  {
    slug: SWEEP_ANSWERS_TASK,
    label: 'Повторная постановка неотправленных ответов',
    schedule: [{ cron: '15 * * * * *', queue: 'default' }],
    handler: async ({ req }: { req: { payload: Payload } }) => ({ output: { requeued: await sweepAnswers(req.payload) } }),
  } as unknown as TaskConfig,
];
