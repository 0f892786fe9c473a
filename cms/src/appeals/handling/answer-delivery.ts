import type { Payload, TaskConfig } from 'payload';
import { readCmsEnv } from '../../env';
import { COLLECTIONS } from '../../slugs';
import { storeOf } from '../../store';
import { answerLetter } from '../letters/answer';
import { mailer, robotMessageId, scrubAddresses } from '../outbox/mailer';
import { loadCompany } from '../settings/settings';
import { updateAppealInternally } from './internal-update';

export const SEND_ANSWER_TASK = 'sendAnswer';

interface AnswerRow {
  id: number | string;
  registrationNumber: string;
  email?: string | null;
  answer?: string | null;
  answerDelivery?: { state?: string | null; attempts?: number | null } | null;
}

/**
 * Records the job that sends an appeal's answer, touching that one column only: a whole-document update here could
 * race with the job marking the answer sent and put the outbox row back to «pending» — and the answer out twice.
 */
export function recordAnswerJob(payload: Payload, appealId: number | string, jobId: number | string): Promise<void> {
  return storeOf(payload).recordAnswerJob(appealId, jobId);
}

/**
 * Queues the answer e-mail and records the job on the appeal; the appeal's `answerDelivery.state = 'pending'` is the
 * outbox row. A failure here loses nothing: the answer sweep (answer-sweep.ts) queues pending answers without a job.
 */
export async function queueAnswer(payload: Payload, appealId: number | string): Promise<void> {
  try {
    const job = await payload.jobs.queue({ task: SEND_ANSWER_TASK, input: { appealId: String(appealId) } } as never);
    await recordAnswerJob(payload, appealId, (job as { id: number | string }).id);
  } catch (error) {
    payload.logger.warn({ err: error instanceof Error ? error.name : typeof error, appealId }, 'answer e-mail not queued; the sweep will retry');
  }
}

/**
 * Sends the answer letter of an appeal whose delivery is pending, then marks it sent. Idempotent: a sent answer is
 * never sent again; a stable Message-ID makes a resend after a crash recognisable as the same letter.
 */
export async function sendAnswer(payload: Payload, appealId: number | string): Promise<'sent' | 'skipped'> {
  const id = payload.db.defaultIDType === 'number' ? Number(appealId) : appealId;
  const appeal = (await payload.findByID({ collection: COLLECTIONS.appeals, id, overrideAccess: true, depth: 0, disableErrors: true })) as unknown as AnswerRow | null;
  if (!appeal || appeal.answerDelivery?.state !== 'pending' || !appeal.email || !appeal.answer) return 'skipped';
  const company = await loadCompany(payload);
  const attempts = (appeal.answerDelivery?.attempts ?? 0) + 1;
  try {
    const sent = await mailer().send({
      from: readCmsEnv().MAIL_FROM ?? company.email,
      to: appeal.email,
      replyTo: company.email,
      ...answerLetter({ registrationNumber: appeal.registrationNumber, answer: appeal.answer }),
      messageId: robotMessageId(`appeal-${appeal.id}-answer`, company.email),
    });
    await updateAppealInternally(payload, appeal.id, { answerDelivery: { state: 'sent', sentAt: new Date().toISOString(), messageId: sent.messageId, attempts, lastError: null } });
    return 'sent';
  } catch (error) {
    const reason = scrubAddresses(error instanceof Error ? error.message : String(error));
    await updateAppealInternally(payload, appeal.id, { answerDelivery: { attempts, lastError: reason } }).catch(() => undefined);
    throw new Error(`Answer for ${appeal.registrationNumber} not sent: ${reason}`);
  }
}

/** The answer job, retried with backoff while SMTP is down. */
export const answerTasks: TaskConfig[] = [
  {
    slug: SEND_ANSWER_TASK,
    label: 'Отправка ответа на обращение',
    inputSchema: [{ name: 'appealId', type: 'text', required: true }],
    retries: { attempts: 10, backoff: { type: 'exponential', delay: 2000 } },
    handler: async ({ input, req }: { input: unknown; req: { payload: Payload } }) => ({ output: { result: await sendAnswer(req.payload, (input as { appealId: string }).appealId) } }),
  } as unknown as TaskConfig,
];
