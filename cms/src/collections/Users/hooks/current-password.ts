import { APIError, type CollectionBeforeValidateHook } from 'payload';
import { passwordMatches } from '../password-check';

/** Shown when a staff member changes their own e-mail or password without the current password, or a wrong one. */
export const CURRENT_PASSWORD_MESSAGE = 'Чтобы изменить свой e-mail или пароль, введите текущий пароль.';

/**
 * Changing one's own e-mail or password needs the current password (`currentPassword`, a virtual field): a session
 * left open on a shared computer, or a stolen session cookie, must not be enough to take the account over.
 * Administrators changing another staff member's account do not know that person's password and need none (they
 * reset access for colleagues who forgot it); such changes are in the audit log. The server's own writes (no user)
 * and the password-reset link (Payload writes the new hash directly) are not affected.
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
  const stored = await req.payload.db.findOne({ collection: collection.slug, req, where: { id: { equals: req.user.id } } });
  if (typeof currentPassword !== 'string' || !(await passwordMatches(currentPassword, (stored ?? {}) as { hash?: unknown; salt?: unknown }))) {
    // An APIError, not a ValidationError: the admin then shows this sentence itself, not «field … is invalid». The name
    // is set explicitly: the admin's minified build leaves the class name empty, and Payload's REST error formatting
    // answers «An unknown error occurred.» for an error without one.
    throw Object.assign(new APIError(CURRENT_PASSWORD_MESSAGE, 400, { errors: [{ path: 'currentPassword', message: CURRENT_PASSWORD_MESSAGE }] }, true), { name: 'APIError' });
  }
  return data;
};
