import type { ServerProps } from 'payload';
import { loadCompany } from '../appeals/settings/settings';
import { latestBuilds } from '../publishing/site-build';
import { formatStaffDateTime } from './staff-dates';

/**
 * Dashboard panel: the state of the last site build, its error when it failed (the previous site then stays
 * online), and whether a build is waiting or running now.
 */
export async function SiteBuildStatus({ payload, user }: ServerProps) {
  const roles = ((user as { roles?: string[] } | undefined)?.roles ?? []) as string[];
  if (!roles.some((role) => role === 'admin' || role === 'editor')) return null;
  const [{ last, pending }, company] = await Promise.all([latestBuilds(payload), loadCompany(payload)]);
  const at = (iso: string | null | undefined) => (iso ? formatStaffDateTime(iso, company.timeZone) : '—');
  return (
    <section aria-labelledby="portal-build-status" className="portal-dashboard-panel">
      <h2 id="portal-build-status" className="portal-dashboard-panel__title">
        Сборка сайта
      </h2>
      {last === null ? (
        <p>Сайт ещё не пересобирался из CMS: сейчас на сайте сборка, сделанная при запуске.</p>
      ) : last.status === 'succeeded' ? (
        <p>
          Последняя сборка прошла успешно: {at(last.finishedAt)} ({Math.round((last.durationMs ?? 0) / 1000)} с).
        </p>
      ) : (
        <div role="alert">
          <p>
            <strong>Последняя сборка не удалась</strong> ({at(last.finishedAt)}). На сайте остаётся предыдущая версия.
          </p>
          <pre className="portal-dashboard-panel__error">{last.error}</pre>
        </div>
      )}
      {pending ? (
        <p role="status">
          {pending.status === 'running' ? 'Идёт сборка' : 'Ожидает сборки'}: изменений — {pending.changes ?? 1}.
        </p>
      ) : null}
      <p>
        <a href="/admin/collections/site-builds">Все сборки</a>
      </p>
    </section>
  );
}
