import type { Access, FieldAccess, PayloadRequest, Where } from 'payload';
import type { Role } from '../slugs';

/** Roles of the logged-in staff user, empty for anonymous requests. */
export function rolesOf(req: PayloadRequest): readonly Role[] {
  const roles = (req.user as { roles?: Role[] } | null | undefined)?.roles;
  return Array.isArray(roles) ? roles : [];
}

function hasAnyRole(req: PayloadRequest, allowed: readonly Role[]): boolean {
  return rolesOf(req).some((role) => allowed.includes(role));
}

/** Only administrators. */
export const isAdmin: Access = ({ req }) => hasAnyRole(req, ['admin']);

/** Editors of public content, and administrators. */
export const isEditorOrAdmin: Access = ({ req }) => hasAnyRole(req, ['editor', 'admin']);

/** Appeal handlers, and administrators. */
export const isHandlerOrAdmin: Access = ({ req }) => hasAnyRole(req, ['handler', 'admin']);

/** Any logged-in staff member. */
export const isStaff: Access = ({ req }) => rolesOf(req).length > 0;

/** Everyone, including anonymous visitors: for public reference data. */
export const isAnyone: Access = () => true;

/** Nobody through the API; the server creates such documents with the local API. */
export const isNobody: Access = () => false;

/**
 * Field-level: nobody changes the field through the API, the admin included. For fields only the server's own
 * code writes (with `overrideAccess`), e.g. an appeal's state, which moves only through the state machine.
 */
export const isNobodyField: FieldAccess = () => false;

/** Field-level: any logged-in staff member (internal fields of public documents). */
export const isStaffField: FieldAccess = ({ req }) => rolesOf(req).length > 0;

/** Field-level: only administrators may change the field (e.g. roles). */
export const isAdminField: FieldAccess = ({ req }) => hasAnyRole(req, ['admin']);

/**
 * Published documents for everyone; drafts too for editors and administrators (appeal handlers see what the public
 * sees: they have no business with unpublished content).
 */
export const publishedOrEditors: Access = ({ req }) => {
  if (hasAnyRole(req, ['editor', 'admin'])) return true;
  return { _status: { equals: 'published' } };
};

/** A user may read and update their own account; administrators any account. */
export const isAdminOrSelf: Access = ({ req }) => {
  if (hasAnyRole(req, ['admin'])) return true;
  if (req.user) return { id: { equals: req.user.id } };
  return false;
};

/** Complaint answer summaries: written by appeal handlers, editors and administrators. */
export const isSummaryAuthor: Access = ({ req }) => hasAnyRole(req, ['handler', 'editor', 'admin']);

/** Published summaries for everyone; drafts for their authors. */
export const publishedOrSummaryAuthor: Access = ({ req }) => {
  if (hasAnyRole(req, ['handler', 'editor', 'admin'])) return true;
  return { _status: { equals: 'published' } };
};

/**
 * Staff accounts to read: administrators any; appeal handlers their own and other handlers' (to choose an assignee —
 * the fields they see of others are cut down by the Users collection's `afterRead`); everyone else only their own.
 */
export const isAdminSelfOrHandlerColleague: Access = ({ req }) => {
  if (hasAnyRole(req, ['admin'])) return true;
  if (!req.user) return false;
  if (hasAnyRole(req, ['handler'])) {
    const colleagues: Where = { or: [{ id: { equals: req.user.id } }, { roles: { in: ['handler'] } }] };
    return colleagues;
  }
  return { id: { equals: req.user.id } };
};
