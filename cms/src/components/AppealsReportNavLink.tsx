import type { ServerProps } from 'payload';
import { canReadAppealReport } from '../access/roles';
import { APPEALS_REPORT_VIEW_PATH } from './appeals-report-path';

/** «Отчёт по обращениям» in the admin's side navigation, for those who may read it. */
export function AppealsReportNavLink({ user }: ServerProps) {
  const roles = ((user as { roles?: string[] } | undefined)?.roles ?? []) as string[];
  if (!canReadAppealReport(roles)) return null;
  return (
    <a className="nav__link" href={`/admin${APPEALS_REPORT_VIEW_PATH}`} style={{ display: 'block', marginBlock: '0.5rem' }}>
      <span className="nav__link-label">Отчёт по обращениям</span>
    </a>
  );
}
