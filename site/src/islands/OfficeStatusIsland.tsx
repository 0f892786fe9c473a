import '../lib/zod-csp';
import { useEffect, useState } from 'react';
import { describeOfficeStatus, officeStatus, type OfficeSchedule } from '@portal/core/office-hours';
import { ProductionCalendar, type CalendarYear } from '@portal/core/production-calendar';
import { toLocalDateTime } from '@portal/core/time-zone';

export interface OfficeStatusIslandProps {
  schedule: OfficeSchedule;
  /** Production calendar years from the export, so holidays and shortened days count. */
  calendar: CalendarYear[];
  /** The company's time zone: the office's clock, whatever the visitor's own zone is. */
  timeZone: string;
}

/**
 * «Открыто до 18:00» / «Закрыто, откроется в пн 8:00», computed in the browser from the published schedule
 * at the moment of viewing (a static page cannot know it). Without JavaScript nothing is shown here and the
 * weekly hours table beside it says everything.
 */
export function OfficeStatusIsland({ schedule, calendar, timeZone }: OfficeStatusIslandProps) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const productionCalendar = new ProductionCalendar(calendar);
    const update = () => {
      const status = officeStatus(schedule, productionCalendar, toLocalDateTime(new Date(), timeZone));
      setOpen(status.open);
      setText(describeOfficeStatus(status));
    };
    update();
    // The status changes at whole minutes (opening, lunch, closing): refresh once a minute.
    const timer = window.setInterval(update, 60_000);
    return () => window.clearInterval(timer);
  }, [schedule, calendar, timeZone]);
  return (
    <p className={`office-status${text ? (open ? ' office-status--open' : ' office-status--closed') : ''}`} role="status">
      {text && <><span className="visually-hidden">Сейчас: </span>{text}</>}
    </p>
  );
}
