import type { Access, FieldAccess, PayloadRequest, Where } from 'payload';
import { COLLECTIONS, type Role } from '../slugs';

/** The audit log's `target` of appeal entries. */
const APPEALS_AUDIT_TARGET = COLLECTIONS.appeals;

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

/** Managers and administrators (e.g. alert subscriptions: personal data that editors see only as counts). */
export const isManagerOrAdmin: Access = ({ req }) => hasAnyRole(req, ['manager', 'admin']);

/** Appeal handlers, and administrators. */
export const isHandlerOrAdmin: Access = ({ req }) => hasAnyRole(req, ['handler', 'admin']);

/**
 * Staff who work with content or appeals: handlers, editors and administrators — not managers, who read only the
 * appeals report (least privilege: e.g. answer templates are no business of theirs).
 */
export const isWorkingStaff: Access = ({ req }) => hasAnyRole(req, ['handler', 'editor', 'admin']);

/** Moderators of what the public writes (reviews, forum), and administrators. */
export const isModeratorOrAdmin: Access = ({ req }) => hasAnyRole(req, ['moderator', 'admin']);

/** Field-level: moderators and administrators (an author's e-mail, the moderation record). */
export const isModeratorOrAdminField: FieldAccess = ({ req }) => hasAnyRole(req, ['moderator', 'admin']);

/** Who works the moderation queue (`/admin/moderation`): moderators and administrators. */
export function canModerate(roles: readonly string[]): boolean {
  return roles.includes('moderator') || roles.includes('admin');
}

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

/** Field-level: handlers, editors and administrators (e.g. a summary's link back to its appeal; not managers). */
export const isWorkingStaffField: FieldAccess = ({ req }) => hasAnyRole(req, ['handler', 'editor', 'admin']);

/** Field-level: appeal handlers and administrators (an appeal's working fields: group, assignee, topic, notes). */
export const isHandlerOrAdminField: FieldAccess = ({ req }) => hasAnyRole(req, ['handler', 'admin']);

/**
 * Field-level access of what only the server writes: the client's submission and the robot's records. No role,
 * administrators included, creates or changes such a field through REST or the admin; the server's own code
 * writes it with `overrideAccess`.
 */
export const SERVER_ONLY_FIELD = { create: isNobodyField, update: isNobodyField } as const;

/** Field-level: only administrators may change the field (e.g. roles). */
export const isAdminField: FieldAccess = ({ req }) => hasAnyRole(req, ['admin']);

/**
 * Field-level read: administrators, and the account's owner on their own document. Evaluated without a document
 * (query validation of `where` and `sort`) it allows administrators only, so nobody else filters or sorts by it.
 */
export const isAdminOrSelfField: FieldAccess = ({ req, doc }) => {
  if (hasAnyRole(req, ['admin'])) return true;
  const id = (doc as { id?: unknown } | undefined)?.id;
  return Boolean(req.user) && id !== undefined && String(id) === String(req.user?.id);
};

/**
 * Published documents for everyone; drafts too for editors and administrators (appeal handlers see what the public
 * sees: they have no business with unpublished content).
 */
export const publishedOrEditors: Access = ({ req }) => {
  if (hasAnyRole(req, ['editor', 'admin'])) return true;
  return { _status: { equals: 'published' } };
};

/**
 * The audit log: administrators read all of it; editors the entries of public content and settings; appeal handlers
 * the entries of appeals (which carry the changed values of client records, so never editors' or managers' business).
 * Entries of staff accounts (colleagues' e-mails, role changes) are for administrators only.
 */
export const auditLogReaders: Access = ({ req }) => {
  if (hasAnyRole(req, ['admin'])) return true;
  const editor = hasAnyRole(req, ['editor']);
  const handler = hasAnyRole(req, ['handler']);
  if (editor && handler) return { target: { not_equals: COLLECTIONS.users } };
  if (editor) return { target: { not_in: [APPEALS_AUDIT_TARGET, COLLECTIONS.users] } };
  if (handler) return { target: { equals: APPEALS_AUDIT_TARGET } };
  return false;
};

/** A user may read and update their own account; administrators any account. */
export const isAdminOrSelf: Access = ({ req }) => {
  if (hasAnyRole(req, ['admin'])) return true;
  if (req.user) return { id: { equals: req.user.id } };
  return false;
};

/** Complaint answer summaries: written by appeal handlers, editors and administrators. */
export const isSummaryAuthor: Access = ({ req }) => hasAnyRole(req, ['handler', 'editor', 'admin']);

/**
 * Complaint answer summaries: editors and administrators create, change and publish; appeal handlers only
 * drafts (REQUIREMENTS §1: publishing needs an editor). A handler's write that would publish is refused, and
 * documents already on the site are out of a handler's reach, so they can neither change nor unpublish them.
 */
export const summaryDraftsOrEditors: Access = ({ req, data }) => {
  if (hasAnyRole(req, ['editor', 'admin'])) return true;
  if (!hasAnyRole(req, ['handler'])) return false;
  if ((data as { _status?: unknown } | undefined)?._status === 'published') return false;
  return { _status: { not_equals: 'published' } };
};

/** True when the request's user may publish (editors and administrators). */
export function canPublish(req: PayloadRequest): boolean {
  return hasAnyRole(req, ['editor', 'admin']);
}

/** Editors and administrators: a draft rendered through the site's template (the admin's «Предпросмотр»). */
export function canPreviewDrafts(req: PayloadRequest): boolean {
  return hasAnyRole(req, ['editor', 'admin']);
}

/** Editors and administrators: the publishing report (requested → published → live). */
export function canReadPublishingReport(req: PayloadRequest): boolean {
  return hasAnyRole(req, ['editor', 'admin']);
}

/** Administrators only: a full rebuild of the search index (`npm run reindex`). */
export function canRebuildSearchIndex(req: PayloadRequest): boolean {
  return hasAnyRole(req, ['admin']);
}

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

/**
 * Who reads the appeals quality report (dashboard, JSON and CSV): appeal handlers, managers and administrators.
 * The report holds aggregate figures only, so managers get it without any access to the appeals themselves.
 */
export function canReadAppealReport(roles: readonly string[]): boolean {
  return roles.includes('handler') || roles.includes('manager') || roles.includes('admin');
}

/**
 * The operators' chat console (issue 19): appeal handlers, managers (who may stand in at the console) and
 * administrators. Editors and anonymous visitors neither see the console nor any conversation.
 */
export function canUseChatConsole(roles: readonly string[]): boolean {
  return roles.includes('handler') || roles.includes('manager') || roles.includes('admin');
}

/** Canned chat replies: every staff role reads them (editors to maintain them). */
export const isChatTemplateReader: Access = ({ req }) => hasAnyRole(req, ['handler', 'editor', 'manager', 'admin']);

/** Canned chat replies are kept by editors, managers and administrators; operators only use them. */
export const isChatTemplateKeeper: Access = ({ req }) => hasAnyRole(req, ['editor', 'manager', 'admin']);

/** Label of the roles that read the appeals report, for the view's refusal text. */
export const APPEAL_REPORT_READERS_TEXT = 'специалистам по обращениям, руководителям и администраторам';
