import type { Payload } from 'payload';
import { officeBookingTopics } from '../booking/staff/day';
import { StaffBookingForm } from './StaffBookingForm';

/**
 * «Записать клиента» on «Приём по записи»: a handler or an administrator books a visit for a client who calls or came
 * in, with the same free slots and rules as the site (the view shows it only to them; the endpoints check again).
 */
export async function StaffBookingAction({ officeId, payload }: { officeId: number | string; payload: Payload }) {
  const topics = await officeBookingTopics(payload, officeId);
  if (topics.length === 0) return <p className="portal-no-print">Этот офис не ведёт запись на приём: темы и окна задаются в карточке офиса, раздел «Запись на приём».</p>;
  return <StaffBookingForm officeId={String(officeId)} topics={topics} />;
}
