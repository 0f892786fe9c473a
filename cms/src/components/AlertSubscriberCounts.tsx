import type { ServerProps } from 'payload';
import { ALERT_KIND_LABELS, ALERT_KINDS } from '@portal/core/outages';
import { subscriberCounts } from '../alerts/counts';

/**
 * Dashboard panel for editors, managers and administrators: how many confirmed subscribers each settlement has, per
 * kind of alert (numbers only; the addresses stay with managers and administrators).
 */
export async function AlertSubscriberCounts({ payload, user }: ServerProps) {
  const roles = ((user as { roles?: string[] } | undefined)?.roles ?? []) as string[];
  if (!roles.some((role) => role === 'admin' || role === 'editor' || role === 'manager')) return null;
  const counts = await subscriberCounts(payload);
  return (
    <section aria-labelledby="portal-alert-counts" className="portal-dashboard-panel">
      <h2 id="portal-alert-counts" className="portal-dashboard-panel__title">
        Подписчики уведомлений
      </h2>
      <p>
        Действует подписок: {counts.byState.active}; ждут подтверждения адреса: {counts.byState.pending}; отписались: {counts.byState.unsubscribed}.
      </p>
      {/* Wider than a phone: the table scrolls inside its own region, never the dashboard. */}
      <div className="portal-table-scroll" role="region" aria-label="Подписчики по населённым пунктам" tabIndex={0}>
        <table className="portal-table" aria-labelledby="portal-alert-counts">
          <thead>
            <tr>
              <th scope="col">Населённый пункт</th>
              <th scope="col">Всего</th>
              {ALERT_KINDS.map((kind) => (
                <th scope="col" key={kind}>
                  {ALERT_KIND_LABELS[kind]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {counts.table.map((row) => (
              <tr key={row.slug}>
                <th scope="row">{row.name}</th>
                <td>{row.total}</td>
                {ALERT_KINDS.map((kind) => (
                  <td key={kind}>{row.byKind[kind]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
