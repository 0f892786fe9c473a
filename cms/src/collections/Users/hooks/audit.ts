import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionAfterOperationHook } from 'payload';
import { changedFields, writeAuditEntry } from '../../../audit/hooks';

/** Payload's own bookkeeping on an account (logins, lockouts, sessions, reset tokens): not a change of the account. */
const ACCOUNT_BOOKKEEPING = new Set(['loginAttempts', 'lockUntil', 'sessions', 'resetPasswordToken', 'resetPasswordExpiration', 'resetPasswordRequestedAt', 'salt', 'hash']);

type Account = { id?: unknown; name?: unknown; roles?: unknown };
const rolesText = (account: Account | null | undefined) => (Array.isArray(account?.roles) ? account.roles.join(', ') : '—');

/**
 * Staff accounts in the audit log: who created an account and with which roles, who changed someone's roles, e-mail
 * or password (never the values of the password), who deleted an account. Named by the person's name.
 */
export const auditUserChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, context, collection }) => {
  const account = doc as Account;
  if (operation === 'create') {
    await writeAuditEntry(req, { action: 'create', target: collection.slug, documentId: String(account.id), summary: `${String(account.name ?? '')}; роли: ${rolesText(account)}`, changedFields: ['email', 'name', 'roles'] });
    return doc;
  }
  const changed = changedFields(previousDoc, doc).filter((field) => !ACCOUNT_BOOKKEEPING.has(field));
  if (context.passwordChanged) changed.push('password');
  if (changed.length === 0) return doc;
  const roles = changed.includes('roles') ? `; роли: ${rolesText(previousDoc as Account)} → ${rolesText(account)}` : '';
  await writeAuditEntry(req, { action: 'update', target: collection.slug, documentId: String(account.id), summary: `${String(account.name ?? '')}${roles}`, changedFields: changed.sort() });
  return doc;
};

/** The deletion of a staff account. */
export const auditUserDelete: CollectionAfterDeleteHook = async ({ doc, req, collection }) => {
  const account = doc as Account;
  await writeAuditEntry(req, { action: 'delete', target: collection.slug, documentId: String(account.id), summary: `${String(account.name ?? '')}; роли: ${rolesText(account)}` });
  return doc;
};

/** An administrator unlocking an account locked after wrong passwords. */
export const auditUnlock: CollectionAfterOperationHook = async ({ operation, args, result, req, collection }) => {
  if (operation !== 'unlock' || !result) return result;
  const email = (args as { data?: { email?: unknown } }).data?.email;
  const account = typeof email === 'string' ? ((await req.payload.db.findOne({ collection: collection.slug, req, where: { email: { equals: email.toLowerCase().trim() } } })) as Account | null) : null;
  await writeAuditEntry(req, {
    action: 'update',
    target: collection.slug,
    documentId: account ? String(account.id) : undefined,
    summary: `Разблокировка входа: ${String(account?.name ?? '')}`,
    changedFields: ['lockUntil', 'loginAttempts'],
  });
  return result;
};
