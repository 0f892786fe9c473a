import type { ServerProps } from 'payload';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { queueCounts, queueLink } from '../appeals/reports/queue-counts';
import { robotSettings } from '../appeals/settings/settings-cache';
import { draftsWaiting } from '../publishing/editor-counts';
import { overdueForReview } from '../publishing/review';
import { latestBuilds } from '../publishing/site-build';
import { COLLECTIONS } from '../slugs';
import { formatStaffDateTime } from './staff-dates';

/** One number on the dashboard with what it counts, linking to the list of those items. */
function Count({ href, count, label, alert = false }: { href: string; count: number | string; label: string; alert?: boolean }) {
  return (
    <li className={`portal-counts__item${alert ? ' portal-counts__item--alert' : ''}`}>
      <a href={href} className="portal-counts__link">
        <span className="portal-counts__number" aria-hidden={typeof count === 'string' || undefined}>{count}</span>
        <span className="portal-counts__label">{label}</span>
      </a>
    </li>
  );
}

/**
 * The top of the dashboard: the numbers each role starts the day with. Handlers: new appeals, overdue, due today and
 * their own open ones (links open the queue with that filter). Editors: drafts waiting, the last site build, overdue
 * reviews. Administrators see both; managers neither (they have the appeals report).
 */
export async function WorkOverview({ payload, user }: ServerProps) {
  const roles = ((user as { roles?: string[] } | undefined)?.roles ?? []) as string[];
  const handles = roles.includes('handler') || roles.includes('admin');
  const edits = roles.includes('editor') || roles.includes('admin');
  if (!handles && !edits) return null;
  const userId = (user as { id?: number | string } | undefined)?.id ?? null;
  const settings = await robotSettings(payload);
  const timeZone = settings.company.timeZone;
  const today = toLocalIsoDate(new Date(), timeZone);
  const [appeals, drafts, builds, overdue] = await Promise.all([
    handles ? queueCounts(payload, userId) : Promise.resolve([]),
    edits ? draftsWaiting(payload) : Promise.resolve([]),
    edits ? latestBuilds(payload) : Promise.resolve(null),
    edits ? overdueForReview(payload) : Promise.resolve([]),
  ]);
  const draftTotal = drafts.reduce((sum, row) => sum + row.count, 0);
  const last = builds?.last ?? null;
  return (
    <div className="portal-work">
      {handles ? (
        <section aria-labelledby="portal-work-appeals" className="portal-work__section">
          <h2 id="portal-work-appeals" className="portal-work__title">
            Обращения
          </h2>
          <ul className="portal-counts">
            {appeals.map((item) => (
              <Count key={item.key} href={queueLink(item.filter, { today, userId })} count={item.count} label={item.label} alert={item.key === 'overdue' && item.count > 0} />
            ))}
            <Count href={`/admin/collections/${COLLECTIONS.appeals}`} count="→" label="Вся очередь" />
          </ul>
        </section>
      ) : null}
      {edits ? (
        <section aria-labelledby="portal-work-content" className="portal-work__section">
          <h2 id="portal-work-content" className="portal-work__title">
            Публикация
          </h2>
          <ul className="portal-counts">
            <Count href={drafts[0] ? `/admin/collections/${drafts[0].collection}?where[_status][equals]=draft` : '/admin'} count={draftTotal} label={draftTotal === 0 ? 'Черновиков, ждущих публикации, нет' : 'Черновики ждут публикации'} />
            <Count href="#portal-review-overdue" count={overdue.length} label="Пора проверить сведения" alert={overdue.length > 0} />
            <Count
              href={`/admin/collections/${COLLECTIONS.siteBuilds}`}
              count={last === null ? '—' : last.status === 'succeeded' ? '✓' : '!'}
              label={last === null ? 'Сайт ещё не пересобирался из CMS' : `Последняя сборка ${last.status === 'succeeded' ? 'прошла' : 'не удалась'}: ${formatStaffDateTime(last.finishedAt, timeZone)}`}
              alert={last?.status === 'failed'}
            />
          </ul>
          {drafts.length > 1 ? (
            <p className="portal-work__note">
              Черновики:{' '}
              {drafts.map((row, index) => (
                <span key={row.collection}>
                  {index > 0 ? ', ' : ''}
                  <a href={`/admin/collections/${row.collection}?where[_status][equals]=draft`}>
                    {row.label} — {row.count}
                  </a>
                </span>
              ))}
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
