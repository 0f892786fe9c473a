import type { CollectionAfterReadHook } from 'payload';
import { rolesOf } from '../../../access/roles';

/** What a handler may see of another staff member: enough to choose an assignee and sign as a group. */
export const COLLEAGUE_FIELDS = ['id', 'name', 'position', 'roles'] as const;

/**
 * Least privilege for handlers choosing an assignee: of another staff member's account they get the name,
 * position and roles only — no e-mail, no login or lock data. Administrators and the account's owner see it
 * whole; the server's own reads (no user, e.g. the reminder job looking up the assignee's e-mail) are untouched.
 */
export const limitColleagueFields: CollectionAfterReadHook = ({ doc, req }) => {
  if (!req.user || rolesOf(req).includes('admin')) return doc;
  if (String((doc as { id?: unknown }).id) === String(req.user.id)) return doc;
  const source = doc as Record<string, unknown>;
  return Object.fromEntries(COLLEAGUE_FIELDS.filter((field) => field in source).map((field) => [field, source[field]]));
};
