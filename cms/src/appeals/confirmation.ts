import { statusPageUrl, statusTokenFor } from './status-token';
import type { Payload, TaskConfig } from 'payload';
import { APPEAL_TYPE_LABELS, type AppealType } from '@portal/core/appeal-type';
import { computeDeadline } from '@portal/core/deadlines';
import { formatRussianDate, formatRussianDateTime, toLocalIsoDateTime } from '@portal/core/time-zone';
import { renderConfirmationEmail } from '@portal/forms-api/confirmation-email';
import { readCmsEnv } from '../env';
import { COLLECTIONS } from '../slugs';
import { mailer, scrubAddresses } from './robot-mail';
import { loadCalendar, loadCompany, loadDeadlineRule } from './settings';

export const SEND_CONFIRMATION_TASK = 'sendConfirmation';
export const SWEEP_CONFIRMATIONS_TASK = 'sweepConfirmations';

/** How long a queued confirmation job may stay unfinished before the sweep queues another one. */
const STUCK_JOB_MS = 2 * 60 * 1000;
/** Appeals younger than this are left to the request that created them. */
const SWEEP_GRACE_MS = 15 * 1000;

interface AppealRow {
  id: number | string;
  registrationNumber: string;
  type: AppealType;
  name: string;
  email?: string | null;
  receivedAt: string;
  deadlineDate: string;
  createdAt: string;
  attachments?: unknown[] | null;
  confirmation?: { state?: string | null; jobId?: string | null; attempts?: number | null } | null;
}

/** Queues the confirmation e-mail of an appeal and records the job on the appeal row. */
export async function queueConfirmation(payload: Payload, appealId: number | string): Promise<void> {
  const job = await payload.jobs.queue({ task: SEND_CONFIRMATION_TASK, input: { appealId: String(appealId) } } as never);
  await payload.update({
    collection: COLLECTIONS.appeals,
    id: appealId,
    overrideAccess: true,
    depth: 0,
    context: { internal: true },
    data: { confirmation: { jobId: String((job as { id: number | string }).id) } } as never,
  });
}

/** Sends one appeal's confirmation unless it has gone already; throws on SMTP failure so the job retries. */
export async function sendConfirmation(payload: Payload, appealId: number | string): Promise<'sent' | 'skipped'> {
  // Job inputs are text; SQLite ids are integers.
  const id = payload.db.defaultIDType === 'number' ? Number(appealId) : appealId;
  const appeal = (await payload.findByID({ collection: COLLECTIONS.appeals, id, overrideAccess: true, depth: 0, disableErrors: true })) as unknown as AppealRow | null;
  if (!appeal || appeal.confirmation?.state !== 'pending' || !appeal.email) return 'skipped';

  const company = await loadCompany(payload);
  const receivedAt = new Date(appeal.receivedAt);
  const [calendar, rule] = await Promise.all([loadCalendar(payload), loadDeadlineRule(payload, appeal.type)]);
  const deadline = computeDeadline({ receivedAt, rule, calendar, timeZone: company.timeZone });
  const notes = rule.note ? [withFullStop(rule.note)] : [];
  if (appeal.type === 'application' && (appeal.attachments?.length ?? 0) > 0) {
    // The standards: originals of documents sent as copies are due within 6 working days (CMS table).
    const originalsRule = await loadDeadlineRule(payload, 'document-originals');
    const originals = computeDeadline({ receivedAt, rule: originalsRule, calendar, timeZone: company.timeZone });
    notes.push(`Оригиналы документов, копии которых вы приложили к заявке, пожалуйста, представьте в офис обслуживания не позднее ${formatRussianDate(originals.deadlineDate)}.`);
  }
  const message = renderConfirmationEmail({
    company,
    appeal: {
      registrationNumber: appeal.registrationNumber,
      typeLabel: APPEAL_TYPE_LABELS[appeal.type].toLowerCase(),
      clientName: appeal.name,
      receivedAtText: formatRussianDateTime(toLocalIsoDateTime(receivedAt, company.timeZone)),
      deadlineText: formatRussianDate(appeal.deadlineDate),
      statusUrl: statusPageUrl(statusTokenFor(appeal.registrationNumber, new Date(appeal.receivedAt).toISOString())),
      ...(notes.length > 0 ? { deadlineNote: notes.join(' ') } : {}),
      ...(deadline.receivedOutsideWorkingHours && deadline.workStartsAt
        ? {
            outsideHoursNote: `Обращение поступило в нерабочее время. Специалисты приступят к работе ${formatRussianDateTime(deadline.workStartsAt)}.`,
          }
        : {}),
    },
  });
  const attempts = (appeal.confirmation?.attempts ?? 0) + 1;
  try {
    const sent = await mailer().send({
      from: readCmsEnv().MAIL_FROM ?? company.email,
      to: appeal.email,
      replyTo: company.email,
      subject: message.subject,
      text: message.text,
      html: message.html,
      // ASCII only (RFC 5322) and stable per appeal, so a resend after a crash is recognisable as the same letter.
      messageId: `<appeal-${appeal.id}-confirmation@${company.email.split('@')[1] ?? 'portal.local'}>`,
    });
    await payload.update({
      collection: COLLECTIONS.appeals,
      id: appeal.id,
      overrideAccess: true,
      depth: 0,
      context: { internal: true },
      data: { confirmation: { state: 'sent', sentAt: new Date().toISOString(), messageId: sent.messageId, attempts, lastError: null } } as never,
    });
    return 'sent';
  } catch (error) {
    const reason = scrubAddresses(error instanceof Error ? error.message : String(error));
    await payload
      .update({
        collection: COLLECTIONS.appeals,
        id: appeal.id,
        overrideAccess: true,
        depth: 0,
        context: { internal: true },
        data: { confirmation: { attempts, lastError: reason } } as never,
      })
      .catch(() => undefined);
    payload.logger.warn({ appeal: appeal.registrationNumber, attempts, reason }, 'confirmation e-mail not sent yet; will retry');
    throw new Error(`Confirmation for ${appeal.registrationNumber} not sent: ${reason}`);
  }
}

/**
 * The outbox sweep: queues a new job for every appeal whose confirmation is still pending and has no live
 * job (never queued, job failed for good, or job stuck because its process died).
 */
export async function sweepConfirmations(payload: Payload, now = new Date()): Promise<number> {
  const pending = await payload.find({
    collection: COLLECTIONS.appeals,
    where: {
      and: [
        { 'confirmation.state': { equals: 'pending' } },
        { createdAt: { less_than: new Date(now.getTime() - SWEEP_GRACE_MS).toISOString() } },
      ],
    },
    depth: 0,
    limit: 200,
    overrideAccess: true,
    sort: 'createdAt',
  });
  let requeued = 0;
  for (const doc of pending.docs as unknown as AppealRow[]) {
    const jobId = doc.confirmation?.jobId;
    if (jobId && (await jobIsAlive(payload, jobId, now))) continue;
    await queueConfirmation(payload, doc.id);
    requeued++;
  }
  if (requeued > 0) payload.logger.info({ requeued }, 'confirmation sweep re-queued pending appeals');
  return requeued;
}

async function jobIsAlive(payload: Payload, jobId: string, now: Date): Promise<boolean> {
  const job = (await payload.findByID({ collection: 'payload-jobs', id: jobId, overrideAccess: true, depth: 0, disableErrors: true })) as
    | { hasError?: boolean | null; processing?: boolean | null; completedAt?: string | null; updatedAt: string }
    | null;
  if (!job || job.hasError || job.completedAt) return false;
  if (job.processing && now.getTime() - new Date(job.updatedAt).getTime() > STUCK_JOB_MS) return false;
  return true;
}

/** Job definitions of the mail robot. */
export const confirmationTasks: TaskConfig[] = [
  {
    slug: SEND_CONFIRMATION_TASK,
    label: 'Отправка подтверждения обращения',
    inputSchema: [{ name: 'appealId', type: 'text', required: true }],
    // 2 s, 4 s, 8 s … about 2.3 hours in all; after that the sweep starts a fresh job.
    retries: { attempts: 12, backoff: { type: 'exponential', delay: 2000 } },
    handler: async ({ input, req }) => {
      const result = await sendConfirmation(req.payload, (input as { appealId: string }).appealId);
      return { output: { result } };
    },
  } as TaskConfig,
  {
    slug: SWEEP_CONFIRMATIONS_TASK,
    label: 'Повторная постановка неотправленных подтверждений',
    schedule: [{ cron: '*/30 * * * * *', queue: 'default' }],
    handler: async ({ req }) => {
      const requeued = await sweepConfirmations(req.payload);
      return { output: { requeued } };
    },
  } as TaskConfig,
];

function withFullStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
