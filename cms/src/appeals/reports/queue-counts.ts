import type { Payload, Where } from 'payload';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { COLLECTIONS } from '../../slugs';
import { OVERDUE_PARAM, queueListQuery, queueWhere, type QueueFilter } from '../handling/queue-filters';
import { robotSettings } from '../settings/settings-cache';

/** A count on the dashboard, with the filter of the queue that lists exactly those appeals. */
export interface QueueCount {
  key: 'new' | 'overdue' | 'today' | 'mine';
  label: string;
  count: number;
  filter: QueueFilter;
}

/**
 * What a handler needs to see first: new appeals waiting to be routed, overdue ones, those due today and their own
 * open ones. Dates in the company's time zone; the filters are the queue's own (cms/src/appeals/queue-filters.ts),
 * so a count and the list behind its link always agree.
 */
export async function queueCounts(payload: Payload, userId: number | string | null, now: Date = new Date()): Promise<QueueCount[]> {
  const settings = await robotSettings(payload);
  const today = toLocalIsoDate(now, settings.company.timeZone);
  const wanted: Omit<QueueCount, 'count'>[] = [
    { key: 'new', label: 'Новые, ждут передачи исполнителю', filter: { state: 'registered' } },
    { key: 'overdue', label: 'Просрочены', filter: { due: 'overdue' } },
    { key: 'today', label: 'Срок ответа сегодня', filter: { due: 'today' } },
    ...(userId === null ? [] : [{ key: 'mine' as const, label: 'Мои открытые', filter: { state: 'open', mine: true } }]),
  ];
  return Promise.all(
    wanted.map(async (item) => {
      const where = queueWhere(item.filter, { today, userId }) as Where;
      const { totalDocs } = await payload.count({ collection: COLLECTIONS.appeals, where, overrideAccess: true });
      return { ...item, count: totalDocs };
    }),
  );
}

/** The admin address of the queue with a filter, as Payload reads a list's `where` from the query string. */
export function queueLink(filter: QueueFilter, context: { today: string; userId: number | string | null }): string {
  const { where, due } = queueListQuery(filter, context);
  const params: string[] = [];
  const add = (prefix: string, value: unknown): void => {
    if (Array.isArray(value)) value.forEach((item, index) => add(`${prefix}[${index}]`, item));
    else if (value !== null && typeof value === 'object') for (const [key, inner] of Object.entries(value)) add(`${prefix}[${key}]`, inner);
    else params.push(`${encodeURIComponent(prefix)}=${encodeURIComponent(String(value))}`);
  };
  if (where) add('where', where);
  if (due) add(OVERDUE_PARAM, due);
  return `/admin/collections/${COLLECTIONS.appeals}${params.length ? `?${params.join('&')}` : ''}`;
}
