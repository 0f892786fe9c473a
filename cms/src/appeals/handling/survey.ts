import { createHmac } from 'node:crypto';
import type { Payload, TaskConfig } from 'payload';
import { z } from 'zod';
import { formatRussianDate, toLocalIsoDate } from '@portal/core/time-zone';
import { readCmsEnv } from '../../env';
import { COLLECTIONS } from '../../slugs';
import { surveyInvitationLetter } from '../letters/survey-invitation';
import { mailer, robotMessageId } from '../outbox/mailer';
import { loadCompany } from '../settings/settings';
import { hashStatusToken } from '../intake/status-token';
import { updateAppealInternally } from './internal-update';

export const SEND_SURVEYS_TASK = 'sendSurveys';

/** The survey link's token: an HMAC under the CMS secret, distinct from the status link's; only its hash is stored. */
export function surveyTokenFor(registrationNumber: string): string {
  return createHmac('sha256', readCmsEnv().PAYLOAD_SECRET).update(`appeal-survey\u0000${registrationNumber}`).digest('base64url');
}

/** What the 'closed' transition stores: a pending survey when the client can be e-mailed. */
export function surveyOnClosing(appeal: { registrationNumber: string; email?: string | null }): Record<string, unknown> {
  return appeal.email
    ? { state: 'pending', tokenHash: hashStatusToken(surveyTokenFor(appeal.registrationNumber)) }
    : { state: 'not-needed' };
}

/** The rating page on the site; the token travels in the fragment. */
export function surveyPageUrl(token: string): string {
  return `${readCmsEnv().SITE_URL.replace(/\/$/, '')}/otsenka/#t=${token}`;
}

interface SurveyRow {
  id: number | string;
  registrationNumber: string;
  name: string;
  receivedAt: string;
  accountNumber?: string | null;
  email?: string | null;
  survey?: { state?: string | null; rating?: number | null } | null;
}

/** How often one client is asked at most (000 L691, L695: «не чаще 1 раза в 3 месяца»). */
export const SURVEY_MIN_INTERVAL_MONTHS = 3;

/** The same wall-clock moment `months` calendar months earlier (31 May − 3 months → 28 or 29 February, clamped). */
export function monthsBefore(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** True when the client (by e-mail address) was sent a survey about another appeal after `since`. */
async function surveyedSince(payload: Payload, appeal: SurveyRow, since: Date): Promise<boolean> {
  const found = await payload.find({
    collection: COLLECTIONS.appeals,
    where: { and: [{ email: { equals: appeal.email } }, { id: { not_equals: appeal.id } }, { 'survey.sentAt': { greater_than: since.toISOString() } }] },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
  });
  return found.docs.length > 0;
}

/**
 * Sends the satisfaction survey to clients whose appeals were closed (the standards: within one day of closing; the
 * job runs every ten minutes), at most once per client in {@link SURVEY_MIN_INTERVAL_MONTHS} months: a client already
 * asked about another appeal since then is not asked again (state `recent`). Marked sent after the letter left, with a
 * stable Message-ID for a resend after a crash.
 */
export async function sendSurveys(payload: Payload, now: Date = new Date()): Promise<number> {
  const pending = await payload.find({
    collection: COLLECTIONS.appeals,
    where: { 'survey.state': { equals: 'pending' } },
    depth: 0,
    limit: 50,
    overrideAccess: true,
  });
  if (pending.docs.length === 0) return 0;
  const company = await loadCompany(payload);
  let sent = 0;
  const since = monthsBefore(now, SURVEY_MIN_INTERVAL_MONTHS);
  for (const appeal of pending.docs as unknown as SurveyRow[]) {
    if (!appeal.email) continue;
    if (await surveyedSince(payload, appeal, since)) {
      await updateAppealInternally(payload, appeal.id, { survey: { state: 'recent' } });
      continue;
    }
    const letter = surveyInvitationLetter({
      registrationNumber: appeal.registrationNumber,
      receivedDate: formatRussianDate(toLocalIsoDate(new Date(appeal.receivedAt), company.timeZone)),
      accountNumber: appeal.accountNumber ?? null,
      clientName: appeal.name,
      surveyUrl: surveyPageUrl(surveyTokenFor(appeal.registrationNumber)),
      companyName: company.shortName || company.name,
    });
    await mailer().send({
      from: readCmsEnv().MAIL_FROM ?? company.email,
      to: appeal.email,
      replyTo: company.email,
      ...letter,
      messageId: robotMessageId(`appeal-${appeal.id}-survey`, company.email),
    });
    await updateAppealInternally(payload, appeal.id, { survey: { state: 'sent', sentAt: now.toISOString() } });
    sent += 1;
  }
  return sent;
}

export const SurveyAnswerSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'Ссылка на оценку повреждена. Пожалуйста, откройте её из письма ещё раз.' }),
  rating: z.coerce.number().int().min(1, { error: 'Выберите оценку от 1 до 5' }).max(5, { error: 'Выберите оценку от 1 до 5' }),
  comment: z.string().trim().max(2000, { error: 'Комментарий слишком длинный: не больше 2000 символов' }).optional(),
});
export type SurveyAnswer = z.output<typeof SurveyAnswerSchema>;

/** The outcome of a rating: recorded, already given (one rating per appeal), or no such survey. */
export type SurveyOutcome = 'recorded' | 'already-rated' | 'not-found';

/** Records the client's rating of a closed appeal, once. */
export async function recordSurveyAnswer(payload: Payload, answer: SurveyAnswer, now: Date = new Date()): Promise<SurveyOutcome> {
  const found = await payload.find({
    collection: COLLECTIONS.appeals,
    where: { 'survey.tokenHash': { equals: hashStatusToken(answer.token) } },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  });
  const appeal = found.docs[0] as unknown as SurveyRow | undefined;
  if (!appeal) return 'not-found';
  if (appeal.survey?.rating) return 'already-rated';
  await updateAppealInternally(payload, appeal.id, { survey: { rating: answer.rating, comment: answer.comment ?? null, ratedAt: now.toISOString() } });
  return 'recorded';
}

/**
 * A six-field cron (with seconds) firing every `seconds` seconds: below a minute as a seconds step, otherwise as a
 * minutes step (whole minutes, at most hourly).
 */
export function everySecondsCron(seconds: number): string {
  if (seconds < 60) return `*/${Math.max(1, Math.round(seconds))} * * * * *`;
  const minutes = Math.round(seconds / 60);
  return minutes >= 60 ? '0 0 * * * *' : `0 */${minutes} * * * *`;
}

/**
 * The survey job, every `SURVEY_INTERVAL_SECONDS` (default ten minutes: well within the standards' one day; the
 * test stack sets a few seconds so its journey gets the letter at once).
 */
export function surveyTasks(): TaskConfig[] {
  return [
    {
      slug: SEND_SURVEYS_TASK,
      label: 'Опрос удовлетворённости после закрытия обращения',
      schedule: [{ cron: everySecondsCron(readCmsEnv().SURVEY_INTERVAL_SECONDS), queue: 'default' }],
      handler: async ({ req }: { req: { payload: Payload } }) => ({ output: { sent: await sendSurveys(req.payload) } }),
    } as unknown as TaskConfig,
  ];
}
