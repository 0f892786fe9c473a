import type { ServerProps } from 'payload';
import { formatRussianDateTime, toLocalIsoDateTime } from '@portal/core/time-zone';
import { loadCompany } from '../appeals/settings';
import { publishingReport } from '../publishing/report';

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
  const at = (iso: string | null) => (iso ? formatRussianDateTime(toLocalIsoDateTime(new Date(iso), company.timeZone)) : 'ещё нет');
  const late = rows.filter((row) => row.late).length;
  return (
    <section aria-labelledby="portal-publishing-report" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <h2 id="portal-publishing-report">Публикации за {DAYS} дней</h2>
      <p>
        Изменений: {rows.length}; дольше одного рабочего дня: {late}.
      </p>
      {rows.length > 0 ? (
        <table>
          <caption className="sr-only">Последние изменения: когда запрошены, опубликованы и появились на сайте</caption>
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
                <td>{row.summary || row.target}</td>
                <td>{at(row.requestedAt)}</td>
                <td>{at(row.publishedAt)}</td>
                <td>{at(row.liveAt)}</td>
                <td>{row.late ? <strong>дольше рабочего дня</strong> : 'в срок'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
