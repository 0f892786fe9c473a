import type { Payload } from 'payload';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { loadCalendar, loadCompany } from '../appeals/settings/settings';
import type { AuditAction } from '../collections/AuditLog';
import { COLLECTIONS } from '../slugs';
import type { SiteBuildRow } from './site-build';

/** One change of public content on its way to the site. */
export interface PublishingReportRow {
  target: string;
  documentId: string | null;
  summary: string;
  by: string;
  /** When the change was first asked for: the first draft saved since the previous publication, else the publication. */
  requestedAt: string;
  publishedAt: string;
  /** When a site build with the change went online; null while none has. */
  liveAt: string | null;
  /** The change went online later than the working day after it was requested (or still is not online by then). */
  late: boolean;
}

interface AuditRow {
  at: string;
  action: AuditAction;
  target: string;
  documentId?: string | null;
  summary?: string | null;
  userEmail?: string | null;
}

/** Actions that put a change on the site at once (collections without drafts, settings, unpublish, delete). */
const PUBLISHING: ReadonlySet<AuditAction> = new Set(['publish', 'unpublish', 'update', 'delete', 'settings']);
/** Audited records that are never on the site: staff accounts and appeals. */
const NOT_ON_SITE: ReadonlySet<string> = new Set([COLLECTIONS.users, COLLECTIONS.appeals]);

/**
 * The publishing report: for each change since `since`, when it was requested, published and live, flagging those that
 * took longer than one working day (the standard: information on the site is updated within one working day). Working
 * days come from the production calendar, dates from the company's time zone.
 */
export async function publishingReport(payload: Payload, options: { since: Date; now?: Date }): Promise<PublishingReportRow[]> {
  const now = options.now ?? new Date();
  const [company, calendar, audit, builds] = await Promise.all([
    loadCompany(payload),
    loadCalendar(payload),
    payload.find({ collection: COLLECTIONS.auditLog, where: { at: { greater_than_equal: options.since.toISOString() } }, sort: 'at', pagination: false, depth: 0, overrideAccess: true }),
    payload.find({ collection: COLLECTIONS.siteBuilds, where: { status: { equals: 'succeeded' } }, sort: 'startedAt', pagination: false, depth: 0, overrideAccess: true }),
  ]);
  const succeeded = builds.docs as unknown as SiteBuildRow[];
  const localDate = (iso: string | Date) => toLocalIsoDate(new Date(iso), company.timeZone);
  const requested = new Map<string, string>();
  const rows: PublishingReportRow[] = [];
  for (const entry of audit.docs as unknown as AuditRow[]) {
    if (NOT_ON_SITE.has(entry.target)) continue;
    const key = `${entry.target}:${entry.documentId ?? ''}`;
    if (entry.action === 'draft' || entry.action === 'create') {
      if (!requested.has(key)) requested.set(key, entry.at);
      continue;
    }
    if (!PUBLISHING.has(entry.action)) continue;
    const requestedAt = requested.get(key) ?? entry.at;
    requested.delete(key);
    const live = succeeded.find((build) => build.startedAt && build.startedAt >= entry.at);
    const liveAt = live?.finishedAt ?? null;
    // Due by the end of the next working day after the request (a Friday or Saturday request is due on Monday).
    const due = calendar.addWorkingDays(localDate(requestedAt), 1);
    const late = localDate(liveAt ?? now) > due;
    rows.push({
      target: entry.target,
      documentId: entry.documentId ?? null,
      summary: entry.summary ?? '',
      by: entry.userEmail ?? '',
      requestedAt,
      publishedAt: entry.at,
      liveAt,
      late,
    });
  }
  return rows.reverse();
}
