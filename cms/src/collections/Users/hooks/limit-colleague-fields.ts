import type { CollectionAfterReadHook } from 'payload';
import { rolesOf } from '../../../access/roles';

/**
 * What a handler may see of another staff member: enough to choose an assignee and sign as a group, and the
 * account's dates (which the admin's lists sort by, so hiding them here would not keep them from a `sort`).
 */
export const COLLEAGUE_FIELDS = ['id', 'name', 'position', 'roles', 'createdAt', 'updatedAt'] as const;

/**
 * Least privilege for handlers choosing an assignee: of another staff member's account they get the name,
 * position, roles and dates only — no e-mail, no login or lock data. The e-mail is also protected by field-level
 * read access (Users/index.ts), which keeps it out of `where` and `sort`; this hook is the second line for any
 * field added later (the access matrix fails for a field hidden here yet queryable). Administrators and the account's owner see it
 * whole; the server's own reads (no user, e.g. the reminder job looking up the assignee's e-mail) are untouched.
 */
export const limitColleagueFields: CollectionAfterReadHook = ({ doc, req }) => {
  if (!req.user || rolesOf(req).includes('admin')) return doc;
  if (String((doc as { id?: unknown }).id) === String(req.user.id)) return doc;
  const source = doc as Record<string, unknown>;
  return Object.fromEntries(COLLEAGUE_FIELDS.filter((field) => field in source).map((field) => [field, source[field]]));
};
