import type { AdminViewServerProps } from 'payload';
import { DefaultTemplate } from '@payloadcms/next/templates';
import { Gutter } from '@payloadcms/ui';
import type { BookingFigures } from '@portal/core/booking/booking-report';
import { periodPresets, ReportPeriodSchema } from '@portal/core/report-period';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { canReadBookingReport } from '../access/booking-staff';
import { loadCompany } from '../appeals/settings/settings';
import { loadBookingReport } from '../booking/staff/report';
import { BOOKING_REPORT_VIEW_PATH } from './booking-paths';
import { formatStaffDate } from './staff-dates';

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const percent = (share: number | null) => (share === null ? '—' : `${String(Math.round(share * 1000) / 10).replace('.', ',')} %`);

function FigureCells({ figures }: { figures: BookingFigures }) {
  return (
    <>
      <td>{figures.bookings}</td>
      <td>{figures.attended}</td>
      <td>{figures.noShows}</td>
      <td>{percent(figures.noShowShare)}</td>
      <td>{figures.cancelled}</td>
      <td>{figures.bookedMinutes} из {figures.offeredMinutes}</td>
      <td>{percent(figures.utilisation)}</td>
    </>
  );
}

/**
 * «Отчёт по записи на приём» (/admin/bookings-report): bookings, no-shows and utilisation (booked minutes / offered
 * desk-minutes) per office and topic for a period, with a CSV of the same. Aggregates only: handlers, managers and
 * administrators. A plain GET form: works without scripts.
 */
export async function BookingReportView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult;
  const { payload, user } = req;
  const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[];
  const template = (children: React.ReactNode) => (
    <DefaultTemplate i18n={req.i18n} locale={locale} params={params} payload={payload} permissions={permissions} req={req} searchParams={searchParams} user={user ?? undefined} visibleEntities={visibleEntities}>
      <Gutter>
        <h1>Отчёт по записи на приём</h1>
        {children}
      </Gutter>
    </DefaultTemplate>
  );
  if (!user) return template(<p>Пожалуйста, <a href="/admin/login">войдите</a>, чтобы увидеть отчёт.</p>);
  if (!canReadBookingReport(roles)) return template(<p>Отчёт доступен специалистам по обращениям, руководителям и администраторам.</p>);

  const company = await loadCompany(payload);
  const today = toLocalIsoDate(new Date(), company.timeZone);
  const presets = periodPresets(today);
  const requested = { from: first(searchParams?.from) ?? presets[0]!.from, to: first(searchParams?.to) ?? presets[0]!.to };
  const parsed = ReportPeriodSchema.safeParse(requested);
  const period = parsed.success ? parsed.data : { from: presets[0]!.from, to: presets[0]!.to };
  const error = parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Период указан неверно.');
  const report = await loadBookingReport(payload, period);
  const query = (from: string, to: string) => `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

  return template(
    <>
      <form method="get" action={`/admin${BOOKING_REPORT_VIEW_PATH}`} aria-labelledby="booking-report-period">
        <h2 id="booking-report-period">Период</h2>
        {error ? <p role="alert" id="booking-report-error">{error} Показан текущий месяц.</p> : null}
        <div style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', alignItems: 'flex-end' }}>
          <div>
            <label htmlFor="booking-report-from">С (дата)</label>
            <br />
            <input id="booking-report-from" name="from" type="date" defaultValue={requested.from} required aria-invalid={error ? true : undefined} aria-describedby={error ? 'booking-report-error' : undefined} />
          </div>
          <div>
            <label htmlFor="booking-report-to">По (дата, включительно)</label>
            <br />
            <input id="booking-report-to" name="to" type="date" defaultValue={requested.to} required aria-invalid={error ? true : undefined} aria-describedby={error ? 'booking-report-error' : undefined} />
          </div>
          <button type="submit" className="btn btn--style-primary btn--size-small">Показать</button>
        </div>
      </form>
      <nav aria-label="Быстрый выбор периода" style={{ marginBlock: '1rem' }}>
        <ul style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', listStyle: 'none', padding: 0 }}>
          {presets.map((preset) => (
            <li key={preset.key}>
              <a href={`/admin${BOOKING_REPORT_VIEW_PATH}${query(preset.from, preset.to)}`} aria-current={preset.from === period.from && preset.to === period.to ? 'true' : undefined}>{preset.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        Показан период с {formatStaffDate(period.from)} по {formatStaffDate(period.to)}.{' '}
        <a href={`/api/bookings-report${query(period.from, period.to)}&format=csv`} download>Скачать CSV за этот период</a>
      </p>
      <p>
        Загрузка — забронированные минуты к минутам, которые офис предлагал для записи (часы работы без перерыва × окна; по теме — целые интервалы
        приёма × окна этой темы). Доля неявок — среди визитов с отметкой «пришёл» или «не пришёл».
      </p>
      {report.offices.length === 0 ? (
        <p>За период записей нет и ни один офис не вёл запись.</p>
      ) : (
        <div className="portal-booking-day__scroll">
          <table className="portal-report-table portal-booking-table">
            <caption>Записи, неявки и загрузка по офисам и темам</caption>
            <thead>
              <tr>
                <th scope="col">Офис / тема</th>
                <th scope="col">Записей</th>
                <th scope="col">Пришли</th>
                <th scope="col">Не пришли</th>
                <th scope="col">Доля неявок</th>
                <th scope="col">Отменены</th>
                <th scope="col">Минут занято из предложенных</th>
                <th scope="col">Загрузка</th>
              </tr>
            </thead>
            <tbody>
              {report.offices.flatMap((office) => [
                <tr key={`office-${office.office}`} className="portal-report-table__group">
                  <th scope="row"><strong>{office.office}</strong></th>
                  <FigureCells figures={office} />
                </tr>,
                ...office.topics.map((topic) => (
                  <tr key={`topic-${office.office}-${topic.topic}`}>
                    <th scope="row" style={{ paddingLeft: '1.5rem', fontWeight: 'normal' }}>{topic.topic}</th>
                    <FigureCells figures={topic} />
                  </tr>
                )),
              ])}
              <tr>
                <th scope="row"><strong>Все офисы</strong></th>
                <FigureCells figures={report.total} />
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </>,
  );
}
