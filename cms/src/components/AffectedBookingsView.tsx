import type { AdminViewServerProps } from 'payload';
import { DefaultTemplate } from '@payloadcms/next/templates';
import { Gutter } from '@payloadcms/ui';
import { formatClock } from '@portal/core/office-hours';
import { formatRussianDate } from '@portal/core/time-zone';
import { canNotifyAffectedClients, canSeeBookingClients } from '../access/booking-staff';
import { findAffectedBookings } from '../booking/staff/affected';
import { bookingOffices } from '../booking/staff/day';
import { AFFECTED_BOOKINGS_VIEW_PATH } from './booking-paths';
import { NotifyAffectedButton } from './NotifyAffectedButton';

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * «Записи, которые не помещаются в расписание» (/admin/bookings-affected?office=): the open bookings an office's new
 * hours, closed dates or topics no longer allow, with the reason, and «Уведомить клиентов». Handlers and
 * administrators see the clients; editors the times and reasons only.
 */
export async function AffectedBookingsView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult;
  const { payload, user } = req;
  const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[];
  const template = (children: React.ReactNode) => (
    <DefaultTemplate i18n={req.i18n} locale={locale} params={params} payload={payload} permissions={permissions} req={req} searchParams={searchParams} user={user ?? undefined} visibleEntities={visibleEntities}>
      <Gutter>
        <h1>Записи, которые не помещаются в новое расписание</h1>
        {children}
      </Gutter>
    </DefaultTemplate>
  );
  if (!user) return template(<p>Пожалуйста, <a href="/admin/login">войдите</a>.</p>);
  if (!canNotifyAffectedClients(roles)) return template(<p>Раздел доступен специалистам по обращениям, редакторам и администраторам.</p>);
  const offices = await bookingOffices(payload);
  const office = offices.find((entry) => String(entry.id) === first(searchParams?.office)) ?? offices[0];
  if (!office) return template(<p>Офисов пока нет.</p>);
  const withClients = canSeeBookingClients(roles);
  const affected = await findAffectedBookings(payload, office.id, withClients);
  return template(
    <>
      <form method="get" action={`/admin${AFFECTED_BOOKINGS_VIEW_PATH}`} style={{ display: 'flex', gap: '1rem', alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <div>
          <label htmlFor="affected-office">Офис</label>
          <br />
          <select id="affected-office" name="office" defaultValue={String(office.id)} className="portal-control">
            {offices.map((entry) => <option key={String(entry.id)} value={String(entry.id)}>{entry.name}</option>)}
          </select>
        </div>
        <button type="submit" className="btn btn--style-primary btn--size-small">Показать</button>
      </form>
      <h2>{office.name}</h2>
      {affected.length === 0 ? (
        <p>Все предстоящие записи помещаются в расписание офиса.</p>
      ) : (
        <>
          <p>
            Записей: {affected.length}. «Уведомить клиентов» отправит каждому клиенту с e-mail одно письмо — извинение, причину и ссылку, чтобы выбрать другое время, —
            и отменит его запись. Повторное нажатие писем не повторяет. Клиентам без e-mail позвоните.
          </p>
          <div className="portal-booking-day__scroll">
            <table className="portal-report-table portal-booking-table">
              <caption>Предстоящие записи, которые офис больше не может принять</caption>
              <thead>
                <tr>
                  <th scope="col">Когда</th>
                  <th scope="col">Код</th>
                  {withClients ? <th scope="col">Клиент</th> : null}
                  {withClients ? <th scope="col">Контакт</th> : <th scope="col">E-mail</th>}
                  <th scope="col">Вопрос</th>
                  <th scope="col">Причина</th>
                </tr>
              </thead>
              <tbody>
                {affected.map((booking) => (
                  <tr key={String(booking.id)}>
                    <th scope="row">{formatRussianDate(booking.date)}, {formatClock(booking.startTime)}</th>
                    <td>{booking.code}</td>
                    {withClients ? <td>{booking.client?.name}</td> : null}
                    {withClients ? (
                      <td>
                        {booking.client?.email ?? null}
                        {booking.client?.email && booking.client?.phone ? <br /> : null}
                        {booking.client?.phone ?? null}
                        {booking.hasEmail ? null : <><br /><strong>нет e-mail — позвоните</strong></>}
                      </td>
                    ) : (
                      <td>{booking.hasEmail ? 'есть' : 'нет — клиенту позвонит специалист'}</td>
                    )}
                    <td>{booking.topic}</td>
                    <td>{booking.why.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <NotifyAffectedButton officeId={String(office.id)} count={affected.filter((booking) => booking.hasEmail).length} />
    </>,
  );
}
