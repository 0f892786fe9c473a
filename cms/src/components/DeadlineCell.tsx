import type { Payload } from 'payload';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { DEADLINE_MARK_LABELS, deadlineMark } from '../appeals/handling/queue';
import { robotSettings } from '../appeals/settings/settings-cache';
import { formatStaffDate } from './staff-dates';

/**
 * The deadline column of the appeals list (the handler's queue): the date, and for open appeals a plain-text mark
 * «Просрочено», «Срок сегодня» or «Срок завтра» (the next working day of the production calendar) — words, not
 * colour alone. The mark's class also tints the whole row (custom.scss), so overdue rows stand out while scrolling.
 * A written (postal) appeal still «registered» shows its registration deadline under it, marked when passed.
 */
export async function DeadlineCell({ cellData, rowData, payload }: { cellData?: unknown; rowData?: Record<string, unknown>; payload: Payload }) {
  if (typeof cellData !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(cellData)) return <span>{String(cellData ?? '')}</span>;
  const settings = await robotSettings(payload);
  const today = toLocalIsoDate(new Date(), settings.company.timeZone);
  // A postal letter still waiting to be registered and handed on: its own 2-working-day deadline (000 L398–410).
  const registrationDue =
    rowData?.status === 'registered' && typeof rowData.registrationDeadlineDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(rowData.registrationDeadlineDate) ? rowData.registrationDeadlineDate : null;
  const mark = deadlineMark(String(rowData?.status ?? ''), cellData, today, settings.calendar.nextWorkingDay(today));
  return (
    <span className={`portal-deadline${mark ? ` portal-deadline--${mark}` : ''}`}>
      <span className="portal-deadline__date">{formatStaffDate(cellData)}</span>
      {mark ? (
        <>
          {' '}
          <strong className="portal-deadline__mark">{DEADLINE_MARK_LABELS[mark]}</strong>
        </>
      ) : null}
      {registrationDue ? (
        // The missed registration first: a narrow column cuts the cell's last lines.
        <span className={`portal-deadline__registration${registrationDue < today ? ' portal-deadline--overdue' : ''}`}>
          {registrationDue < today ? <strong className="portal-deadline__mark">Регистрация просрочена</strong> : null}
          Регистрация до {formatStaffDate(registrationDue)}
        </span>
      ) : null}
    </span>
  );
}
