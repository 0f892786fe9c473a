import type { Payload } from 'payload';
import { escapeHtml } from '@portal/core/escape-html';
import { formatRussianDate } from '@portal/core/time-zone';
import { mailer, robotMessageId } from '../appeals/outbox/mailer';
import { loadCompany } from '../appeals/settings/settings';
import type { BackupProblem } from '../collections/BackupRuns';
import { formatStaffDateTime } from '../components/staff-dates';
import { readCmsEnv } from '../env';
import { COLLECTIONS, GLOBALS } from '../slugs';

/** The alert's words: no client data, only dates and where to look. */
export function backupAlertLetter(problem: BackupProblem, day: string, lastGoodAt: string | null, timeZone: string, adminOrigin: string): { subject: string; text: string } {
  const lastGood = lastGoodAt ? `Последняя успешная резервная копия: ${formatStaffDateTime(lastGoodAt, timeZone)}.` : 'Успешных резервных копий пока нет.';
  const what =
    problem === 'failed'
      ? `Ночное резервное копирование портала ${formatRussianDate(day)} не удалось.`
      : 'Свежей резервной копии портала нет больше 36 часов.';
  const text = [
    'Здравствуйте!',
    '',
    what,
    lastGood,
    'Всё, что принято порталом после последней успешной копии, пока не защищено от потери.',
    '',
    `Причина и история копий: ${adminOrigin}/admin/collections/${COLLECTIONS.backupRuns}`,
    'Передайте, пожалуйста, это письмо администратору сервера.',
    '',
    'Письмо отправлено автоматически, не чаще одного раза в сутки по каждой проблеме.',
  ].join('\n');
  return { subject: problem === 'failed' ? 'Резервная копия портала не создана' : 'Нет свежей резервной копии портала', text };
}

/**
 * Sends the alert `key` (`failed:2026-12-07`) to every editor and administrator in one letter. Returns the number of
 * recipients (0: nobody to write to). Throws while the mail server refuses, so the job retries.
 */
export async function sendBackupAlertLetter(payload: Payload, key: string): Promise<number> {
  const alert = (await payload.find({ collection: COLLECTIONS.backupAlerts, where: { key: { equals: key } }, limit: 1, depth: 0, overrideAccess: true })).docs[0] as
    | { problem: BackupProblem; day: string }
    | undefined;
  if (!alert) return 0;
  const staff = await payload.find({ collection: COLLECTIONS.users, where: { roles: { in: ['editor', 'admin'] } }, pagination: false, depth: 0, overrideAccess: true });
  const to = [...new Set((staff.docs as { email?: string | null }[]).map((user) => user.email).filter((email): email is string => Boolean(email)))];
  if (to.length === 0) return 0;
  const lastGood = (await payload.find({ collection: COLLECTIONS.backupRuns, where: { status: { equals: 'ok' } }, sort: '-startedAt', limit: 1, depth: 0, overrideAccess: true })).docs[0] as
    | { startedAt: string }
    | undefined;
  const [{ timeZone }, settings] = await Promise.all([loadCompany(payload), payload.findGlobal({ slug: GLOBALS.companySettings, overrideAccess: true, depth: 0 }) as Promise<{ email?: string | null }>]);
  const env = readCmsEnv();
  const letter = backupAlertLetter(alert.problem, alert.day, lastGood?.startedAt ?? null, timeZone, (env.CMS_PUBLIC_URL ?? '').replace(/\/$/, ''));
  try {
    await mailer().send({
      from: env.MAIL_FROM ?? settings.email ?? 'robot@example.ru',
      to: to.join(', '),
      subject: letter.subject,
      text: letter.text,
      html: letter.text.split('\n\n').map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`).join('\n'),
      messageId: robotMessageId(`backup-alert-${key.replace(/:/g, '-')}`, settings.email),
    });
  } catch {
    // The mail server's error may quote the addresses: the job's log gets none of it.
    throw new Error('The backup alert was not sent yet (SMTP); will retry');
  }
  return to.length;
}
