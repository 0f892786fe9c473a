import { DEFAULT_TIME_ZONE, formatRussianDate, toLocalIsoDate } from '@portal/core/time-zone';
import { DEADLINE_MARK_LABELS, deadlineMark } from '../appeals/queue';

const COLORS = { overdue: '#9b1c1c', 'due-today': '#7a4a00', 'due-next-working-day': '#1f4f8a' } as const;

/**
 * The deadline column of the appeals list (the handler's queue): the date, and for open appeals a plain-text mark
 * «Просрочено» or «Срок сегодня» — words, not colour alone, so it reads the same to everyone.
 */
export function DeadlineCell({ cellData, rowData }: { cellData?: unknown; rowData?: Record<string, unknown> }) {
  if (typeof cellData !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(cellData)) return <span>{String(cellData ?? '')}</span>;
  const mark = deadlineMark(String(rowData?.status ?? ''), cellData, toLocalIsoDate(new Date(), DEFAULT_TIME_ZONE));
  return (
    <span>
      {formatRussianDate(cellData)}
      {mark ? (
        <strong style={{ color: COLORS[mark], marginLeft: '0.5em' }}>{DEADLINE_MARK_LABELS[mark]}</strong>
      ) : null}
    </span>
  );
}
