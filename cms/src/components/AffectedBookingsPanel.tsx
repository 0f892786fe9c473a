import type { UIFieldServerProps } from 'payload';
import { canNotifyAffectedClients } from '../access/booking-staff';
import { findAffectedBookings } from '../booking/staff/affected';
import { AFFECTED_BOOKINGS_VIEW_PATH } from './booking-paths';

/**
 * The warning at the top of an office's screen when its saved hours, closed dates or topics leave open bookings
 * without a place: how many, and the way to the list and «Уведомить клиентов». Nothing otherwise.
 */
export async function AffectedBookingsPanel({ payload, id, user }: UIFieldServerProps) {
  const roles = ((user as { roles?: string[] } | null | undefined)?.roles ?? []) as string[];
  if (id === undefined || id === null || !canNotifyAffectedClients(roles)) return null;
  const affected = await findAffectedBookings(payload, id, false);
  if (affected.length === 0) return null;
  return (
    <div role="alert" className="portal-affected-panel">
      <p>
        <strong>Записи клиентов не помещаются в расписание: {affected.length}.</strong> После изменения часов работы, дней без записи или тем
        приёма эти визиты не могут состояться. Предупредите клиентов.
      </p>
      <p>
        <a href={`/admin${AFFECTED_BOOKINGS_VIEW_PATH}?office=${encodeURIComponent(String(id))}`}>Открыть список и уведомить клиентов</a>
      </p>
    </div>
  );
}
