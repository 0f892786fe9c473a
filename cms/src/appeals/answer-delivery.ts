import type { Payload, TaskConfig } from 'payload';
import { escapeHtml } from '@portal/forms-api/escape-html';
import { readCmsEnv } from '../env';
import { COLLECTIONS } from '../slugs';
import { mailer, scrubAddresses } from './robot-mail';
import { loadCompany } from './settings';

export const SEND_ANSWER_TASK = 'sendAnswer';

interface AnswerRow {
  id: number | string;
  registrationNumber: string;
  email?: string | null;
  answer?: string | null;
  answerDelivery?: { state?: string | null; attempts?: number | null } | null;
}

/** Queues the answer e-mail; the appeal's `answerDelivery.state = 'pending'` is the outbox row. */
export async function queueAnswer(payload: Payload, appealId: number | string): Promise<void> {
  await payload.jobs
    .queue({ task: SEND_ANSWER_TASK, input: { appealId: String(appealId) } } as never)
    .catch((error: unknown) => payload.logger.warn({ err: error instanceof Error ? error.name : typeof error, appealId }, 'answer e-mail not queued'));
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
      subject: `Ответ на обращение № ${appeal.registrationNumber}`,
      text: appeal.answer,
      html: appeal.answer
        .split(/\n{2,}/)
        .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
        .join('\n'),
      messageId: `<appeal-${appeal.id}-answer@${company.email.split('@')[1] ?? 'portal.local'}>`,
    });
    await payload.update({
      collection: COLLECTIONS.appeals,
      id: appeal.id,
      overrideAccess: true,
      depth: 0,
      context: { internal: true },
      data: { answerDelivery: { state: 'sent', sentAt: new Date().toISOString(), messageId: sent.messageId, attempts, lastError: null } } as never,
    });
    return 'sent';
  } catch (error) {
    const reason = scrubAddresses(error instanceof Error ? error.message : String(error));
    await payload
      .update({ collection: COLLECTIONS.appeals, id: appeal.id, overrideAccess: true, depth: 0, context: { internal: true }, data: { answerDelivery: { attempts, lastError: reason } } as never })
      .catch(() => undefined);
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
