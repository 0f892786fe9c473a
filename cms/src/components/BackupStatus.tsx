import type { ServerProps } from 'payload';
import { loadCompany } from '../appeals/settings/settings';
import { backupHealth, STALE_AFTER_MS } from '../backup/nightly';
import { COLLECTIONS } from '../slugs';
import { formatStaffDateTime } from './staff-dates';

const megabytes = (bytes: number | null | undefined) => `${((bytes ?? 0) / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`;

/**
 * Dashboard panel for editors and administrators: the last good nightly backup (when, size, file), and a warning when the last
 * run failed or the last good archive is older than 36 hours.
 */
export async function BackupStatus({ payload, user }: ServerProps) {
  const roles = ((user as { roles?: string[] } | undefined)?.roles ?? []) as string[];
  if (!roles.some((role) => role === 'admin' || role === 'editor')) return null;
  const [health, company] = await Promise.all([backupHealth(payload), loadCompany(payload)]);
  const at = (iso: string | null | undefined) => (iso ? formatStaffDateTime(iso, company.timeZone) : '—');
  const { lastGood, lastRun } = health;
  return (
    <section aria-labelledby="portal-backup-status" className="portal-dashboard-panel">
      <h2 id="portal-backup-status" className="portal-dashboard-panel__title">
        Резервные копии
      </h2>
      {health.disabled ? (
        <p>Ночное резервное копирование в этой установке не работает: {health.disabled}.</p>
      ) : null}
      {lastGood ? (
        <p>
          Последняя успешная копия: {at(lastGood.startedAt)}, {megabytes(lastGood.bytes)}, файл <code>{lastGood.file}</code>.
        </p>
      ) : (
        <p>Успешных резервных копий пока нет.</p>
      )}
      {health.failed && lastRun ? (
        <div role="alert">
          <p>
            <strong>Последняя попытка резервного копирования не удалась</strong> ({at(lastRun.startedAt)}).
          </p>
          {lastRun.error ? <pre className="portal-dashboard-panel__error">{lastRun.error}</pre> : null}
        </div>
      ) : null}
      {health.stale ? (
        <p role="alert">
          <strong>Нет свежей резервной копии:</strong> последней успешной больше {STALE_AFTER_MS / 3_600_000} часов. Данные, принятые после неё, не защищены от потери.
        </p>
      ) : null}
      <p>
        <a href={`/admin/collections/${COLLECTIONS.backupRuns}`}>Все попытки</a>
      </p>
    </section>
  );
}
