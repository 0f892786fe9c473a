import { APIError, incrementLoginAttempts, type CollectionBeforeValidateHook } from 'payload';
import { hashForNothing, passwordMatches } from '../password-check';

/** Shown when a staff member changes their own e-mail or password without the current password, or a wrong one. */
export const CURRENT_PASSWORD_MESSAGE = 'Чтобы изменить свой e-mail или пароль, введите текущий пароль.';

type StoredAccount = { id: number | string; hash?: unknown; salt?: unknown; lockUntil?: unknown; loginAttempts?: unknown };

/**
 * Changing one's own e-mail or password needs the current password (`currentPassword`, a virtual field): a session
 * left open on a shared computer, or a stolen session cookie, must not be enough to take the account over.
 * Administrators changing another staff member's account do not know that person's password and need none (they
 * reset access for colleagues who forgot it); such changes are in the audit log. The server's own writes (no user)
 * and the password-reset link (Payload writes the new hash directly) are not affected.
 *
 * The check is a login in all but name, so it shares the login's lockout (`auth.maxLoginAttempts`, `lockTime`): a
 * wrong current password counts as a failed login of that account, and a locked account's own change is refused
 * whatever password comes with it — a stolen session cannot guess the password here faster than at the login form.
 * A right one resets the count, as a successful login does.
 */
export const requireCurrentPassword: CollectionBeforeValidateHook = async ({ data, originalDoc, operation, req, collection, context }) => {
  if (!data) return data;
  const changes = data as { email?: unknown; password?: unknown; currentPassword?: unknown };
  const currentPassword = changes.currentPassword;
  delete changes.currentPassword;
  // For the audit entry (hooks/audit.ts): the new password itself never reaches the after-change hooks.
  if (typeof changes.password === 'string' && changes.password !== '') context.passwordChanged = true;
  if (operation !== 'update' || !req.user || !originalDoc) return data;
  if (String(req.user.id) !== String((originalDoc as { id?: unknown }).id)) return data;
  const changesPassword = typeof changes.password === 'string' && changes.password !== '';
  const changesEmail = typeof changes.email === 'string' && changes.email.toLowerCase().trim() !== String((originalDoc as { email?: unknown }).email ?? '').toLowerCase();
  if (!changesPassword && !changesEmail) return data;
  const refuse = () =>
    // An APIError, not a ValidationError: the admin then shows this sentence itself, not «field … is invalid». The name
    // is set explicitly: the admin's minified build leaves the class name empty, and Payload's REST error formatting
    // answers «An unknown error occurred.» for an error without one.
    Object.assign(new APIError(CURRENT_PASSWORD_MESSAGE, 400, { errors: [{ path: 'currentPassword', message: CURRENT_PASSWORD_MESSAGE }] }, true), { name: 'APIError' });
  const stored = (await req.payload.db.findOne({ collection: collection.slug, req, where: { id: { equals: req.user.id } } })) as StoredAccount | null;
  if (!stored) throw refuse();
  const password = typeof currentPassword === 'string' ? currentPassword : '';
  const lockout = (collection.auth?.maxLoginAttempts ?? 0) > 0;
  const locked = lockout && Boolean(stored.lockUntil) && new Date(String(stored.lockUntil)).getTime() > Date.now();
  if (locked) {
    // The same hashing work as a check, so the answer's time does not tell a locked account either.
    await hashForNothing(password);
    throw refuse();
  }
  if (!password || !(await passwordMatches(password, stored))) {
    // Payload's own counter: written outside this request's transaction (it survives the refusal that rolls the
    // update back), locking the account for `lockTime` at `maxLoginAttempts`, as a wrong password at login does.
    if (lockout) await incrementLoginAttempts({ collection: collection as never, payload: req.payload, user: { ...stored, collection: collection.slug } as never });
    throw refuse();
  }
  // Written with this update (Payload's resetLoginAttempts would be overwritten by the update's own copy of the count).
  if (lockout && (stored.lockUntil || stored.loginAttempts)) Object.assign(changes, { loginAttempts: 0, lockUntil: null });
  return data;
};
