import type { ServerProps } from 'payload';
import { loadCompany } from '../appeals/settings/settings';
import { publishingReport } from '../publishing/report';
import { formatStaffDateTime } from './staff-dates';

const DAYS = 14;
const SHOWN = 20;

/**
 * Dashboard panel: the publishing report for the last two weeks. For each change: when it was requested (draft saved),
 * published and live; changes that took more than one working day are marked. The full list is at /api/publishing-report.
 */
export async function PublishingReport({ payload, user }: ServerProps) {
  const roles = ((user as { roles?: string[] } | undefined)?.roles ?? []) as string[];
  if (!roles.some((role) => role === 'admin' || role === 'editor')) return null;
  const [rows, company] = await Promise.all([publishingReport(payload, { since: new Date(Date.now() - DAYS * 86_400_000) }), loadCompany(payload)]);
  const at = (iso: string | null) => (iso ? formatStaffDateTime(iso, company.timeZone) : 'ещё нет');
  const late = rows.filter((row) => row.late).length;
  return (
    <section aria-labelledby="portal-publishing-report" className="portal-dashboard-panel">
      <h2 id="portal-publishing-report" className="portal-dashboard-panel__title">
        Публикации за {DAYS} дней
      </h2>
      <p>
        Изменений: {rows.length}; дольше одного рабочего дня: {late}.
      </p>
      {rows.length > 0 ? (
        <div className="portal-table-scroll" role="region" aria-label="Последние публикации" tabIndex={0}>
          <table className="portal-table">
            <caption className="portal-visually-hidden">Последние изменения: когда запрошены, опубликованы и появились на сайте</caption>
            <thead>
              <tr>
                <th scope="col">Что</th>
                <th scope="col">Запрошено</th>
                <th scope="col">Опубликовано</th>
                <th scope="col">На сайте</th>
                <th scope="col">Срок</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, SHOWN).map((row) => (
                <tr key={`${row.target}:${row.documentId ?? ''}:${row.publishedAt}`}>
                  <th scope="row">{row.summary || row.target}</th>
                  <td className="portal-table__nowrap">{at(row.requestedAt)}</td>
                  <td className="portal-table__nowrap">{at(row.publishedAt)}</td>
                  <td className="portal-table__nowrap">{row.liveAt ? at(row.liveAt) : <span className="portal-appeal__muted">ещё нет</span>}</td>
                  <td>{row.late ? <strong className="portal-text--alert">дольше рабочего дня</strong> : 'в срок'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
