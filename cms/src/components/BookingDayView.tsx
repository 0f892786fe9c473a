import type { AdminViewServerProps } from 'payload';
import { DefaultTemplate } from '@payloadcms/next/templates';
import { Gutter } from '@payloadcms/ui';
import { isIsoDate } from '@portal/core/iso-date';
import { formatRussianDate, toLocalIsoDate } from '@portal/core/time-zone';
import { BOOKING_CHANNEL_LABELS, type BookingChannel } from '@portal/core/booking/constants';
import { BOOKING_DAY_READERS_TEXT, canSeeBookingClients, canSeeBookingDay, canServeBookings } from '../access/booking-staff';
import { loadCompany } from '../appeals/settings/settings';
import { bookingOffices, loadDayBookings } from '../booking/staff/day';
import { BookingAttendanceButtons } from './BookingAttendanceButtons';
import { BOOKING_DAY_VIEW_PATH } from './booking-paths';
import { StaffBookingAction } from './StaffBookingAction';

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * «Приём по записи» (/admin/bookings-day): the day's visits of one office — time, desk, code, client, contact, topic,
 * documents — with «Пришёл / Не пришёл». A plain GET form chooses the office and the day (default: today, the staff
 * member's office when the account names one). Printing leaves only the heading and the table (custom.scss).
 * Handlers and administrators see the clients; editors and managers the schedule without them.
 */
export async function BookingDayView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult;
  const { payload, user } = req;
  const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[];
  const template = (children: React.ReactNode) => (
    <DefaultTemplate i18n={req.i18n} locale={locale} params={params} payload={payload} permissions={permissions} req={req} searchParams={searchParams} user={user ?? undefined} visibleEntities={visibleEntities}>
      <Gutter className="portal-booking-day">{children}</Gutter>
    </DefaultTemplate>
  );
  if (!user) return template(<><h1>Приём по записи</h1><p>Пожалуйста, <a href="/admin/login">войдите</a>, чтобы увидеть записи.</p></>);
  if (!canSeeBookingDay(roles)) return template(<><h1>Приём по записи</h1><p>Записи на приём доступны {BOOKING_DAY_READERS_TEXT}.</p></>);

  const company = await loadCompany(payload);
  const today = toLocalIsoDate(new Date(), company.timeZone);
  const offices = await bookingOffices(payload);
  const ownOffice = (user as { office?: number | string | { id: number | string } | null }).office;
  const ownOfficeId = ownOffice && typeof ownOffice === 'object' ? ownOffice.id : ownOffice;
  const requestedOffice = first(searchParams?.office) ?? (ownOfficeId !== undefined && ownOfficeId !== null ? String(ownOfficeId) : undefined);
  const office = offices.find((entry) => String(entry.id) === requestedOffice) ?? offices[0];
  const requestedDate = first(searchParams?.date);
  const dateError = requestedDate !== undefined && !isIsoDate(requestedDate) ? 'Дата указана неверно. Показан сегодняшний день.' : null;
  const date = requestedDate && isIsoDate(requestedDate) ? requestedDate : today;
  const withClients = canSeeBookingClients(roles);
  const bookings = office ? await loadDayBookings(payload, office.id, date, withClients) : [];
  const canMark = canServeBookings(roles) && date <= today;
  const dayTitle = formatRussianDate(date, { weekday: true });

  return template(
    <>
      <h1>Приём по записи</h1>
      <form method="get" action={`/admin${BOOKING_DAY_VIEW_PATH}`} className="portal-booking-day__filters portal-no-print" aria-label="Офис и день">
        <div>
          <label htmlFor="booking-day-office">Офис</label>
          <br />
          <select id="booking-day-office" name="office" defaultValue={office ? String(office.id) : ''} className="portal-control">
            {offices.map((entry) => <option key={String(entry.id)} value={String(entry.id)}>{entry.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="booking-day-date">День</label>
          <br />
          <input id="booking-day-date" name="date" type="date" defaultValue={date} required aria-invalid={dateError ? true : undefined} aria-describedby={dateError ? 'booking-day-date-error' : undefined} />
        </div>
        <button type="submit" className="btn btn--style-primary btn--size-small">Показать</button>
        <a href={`/admin${BOOKING_DAY_VIEW_PATH}?office=${encodeURIComponent(String(office?.id ?? ''))}&date=${today}`}>Сегодня</a>
      </form>
      {dateError ? <p role="alert" id="booking-day-date-error">{dateError}</p> : null}
      {!office ? (
        <p>Офисов пока нет: добавьте их в разделе «Офисы и пункты оплаты».</p>
      ) : (
        <section aria-labelledby="booking-day-title">
          <h2 id="booking-day-title">
            {office.name}, {dayTitle}
          </h2>
          <p className="portal-no-print">
            Записей: {bookings.length}.{' '}
            {withClients ? null : 'Имена и контакты клиентов видят только специалисты по обращениям и администраторы.'}
          </p>
          {canServeBookings(roles) ? <StaffBookingAction officeId={office.id} payload={payload} /> : null}
          {bookings.length === 0 ? (
            <p>На этот день записей нет.</p>
          ) : (
            <div className="portal-booking-day__scroll">
              <table className="portal-report-table portal-booking-table">
                <caption>Записи на приём: {office.name}, {dayTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">Время</th>
                    <th scope="col">Окно</th>
                    <th scope="col">Код</th>
                    {withClients ? <th scope="col">Клиент</th> : null}
                    {withClients ? <th scope="col">Контакт</th> : null}
                    <th scope="col">Вопрос</th>
                    <th scope="col">Документы</th>
                    <th scope="col">Отметка</th>
                  </tr>
                </thead>
                <tbody>
                  {bookings.map((booking) => (
                    <tr key={String(booking.id)} className={`portal-booking-row--${booking.state}`}>
                      <th scope="row" className="portal-table__nowrap">{booking.startTime}–{booking.endTime}</th>
                      <td>{booking.desk}</td>
                      <td className="portal-table__nowrap">{booking.code}</td>
                      {withClients ? (
                        <td>
                          {booking.client?.name}
                          {booking.channel !== 'site' ? <small className="portal-booking-channel"><br />{BOOKING_CHANNEL_LABELS[booking.channel as BookingChannel] ?? booking.channel}</small> : null}
                        </td>
                      ) : null}
                      {withClients ? (
                        <td>
                          {booking.client?.phone ? <a href={`tel:${booking.client.phone.replace(/[^\d+]/g, '')}`}>{booking.client.phone}</a> : null}
                          {booking.client?.phone && booking.client?.email ? <br /> : null}
                          {booking.client?.email ? <span>{booking.client.email}</span> : null}
                        </td>
                      ) : null}
                      <td>{booking.topic}</td>
                      <td>{booking.documents ?? '—'}</td>
                      <td>
                        <BookingAttendanceButtons id={booking.id} code={booking.code} state={booking.state} canMark={canMark} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {canServeBookings(roles) && date > today ? <p className="portal-no-print">Отметить посещение можно в день визита или позже.</p> : null}
        </section>
      )}
    </>,
  );
}
