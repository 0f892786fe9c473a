import type { CollectionAfterOperationHook, CollectionBeforeOperationHook, Payload, TaskConfig } from 'payload';
import { COLLECTIONS } from '../../slugs';
import { passwordResetHtml, passwordResetSubject } from './reset-email';

export const PASSWORD_RESET_LETTER_TASK = 'sendPasswordResetLetter';

/** Payload's own spacing of reset letters to one account (`auth.forgotPassword.minRequestInterval`, default 15 s). */
const MIN_REQUEST_INTERVAL_MS = 15_000;

/**
 * «Забыли пароль?» answers the same, after the same work, whether the e-mail belongs to a staff member or not: the
 * request never waits on SMTP. Payload would send the letter inside the request (an existing account answering a
 * mail server's round trip later than an unknown one); here Payload only stores the reset token (`disableEmail`)
 * and the letter is queued as a job that the job runner sends, retrying while the mail server is unreachable.
 */
export const deferResetLetter: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'forgotPassword') return args;
  return { ...args, disableEmail: true };
};

/** Queues the letter for the account Payload just gave a reset token (nothing for an unknown e-mail). */
export const queueResetLetter: CollectionAfterOperationHook = async ({ operation, result, req, collection }) => {
  if (operation !== 'forgotPassword' || typeof result !== 'string' || !result) return result;
  const account = (await req.payload.db.findOne({ collection: collection.slug, req, where: { resetPasswordToken: { equals: result } } })) as { id: number | string } | null;
  if (!account) return result;
  // At most one letter per account in the interval (what Payload's `minRequestInterval` did for its own sending):
  // asking again and again does not flood the staff member's mailbox. The token is renewed all the same.
  const now = Date.now();
  const reserved = await req.payload.db.updateOne({
    collection: collection.slug,
    req,
    data: { resetPasswordRequestedAt: new Date(now).toISOString() },
    where: {
      and: [
        { id: { equals: account.id } },
        { or: [{ resetPasswordRequestedAt: { exists: false } }, { resetPasswordRequestedAt: { equals: null } }, { resetPasswordRequestedAt: { less_than_equal: new Date(now - MIN_REQUEST_INTERVAL_MS).toISOString() } }] },
      ],
    },
  });
  // Only the account's id goes into the job: a job that failed for good stays visible to administrators.
  if (reserved) await req.payload.jobs.queue({ task: PASSWORD_RESET_LETTER_TASK, input: { user: String(account.id) }, queue: 'default', req });
  return result;
};

/** Sends the reset letter with the account's current token; none once the token is used or expired. */
export async function sendPasswordResetLetter(payload: Payload, userId: string): Promise<boolean> {
  const account = (await payload.db.findOne({ collection: COLLECTIONS.users, where: { id: { equals: userId } } })) as
    | { email?: string | null; resetPasswordToken?: string | null; resetPasswordExpiration?: string | null }
    | null;
  const token = account?.resetPasswordToken;
  if (!account?.email || !token || !account.resetPasswordExpiration || new Date(account.resetPasswordExpiration).getTime() <= Date.now()) return false;
  try {
    await payload.sendEmail({ to: account.email, subject: passwordResetSubject(), html: passwordResetHtml({ token }) });
  } catch {
    // The mail server's error may quote the address: the job's log (and the server log) get none of it.
    throw new Error('The password-reset letter was not sent yet (SMTP); will retry');
  }
  return true;
}

export const passwordResetTasks: TaskConfig[] = [
  {
    slug: PASSWORD_RESET_LETTER_TASK,
    label: 'Письмо для восстановления пароля',
    // 2 s, 4 s, 8 s … about half an hour in all, within the link's hour.
    retries: { attempts: 10, backoff: { type: 'exponential', delay: 2000 } },
    inputSchema: [{ name: 'user', type: 'text', required: true }],
    handler: async ({ input, req }: { input: { user: string }; req: { payload: Payload } }) => ({ output: { sent: await sendPasswordResetLetter(req.payload, input.user) } }),
    // Cast: the generated task-slug type is refreshed only when payload-types.ts is regenerated.
  } as unknown as TaskConfig,
];
