'use client';
import { useId } from 'react';
import { Button, useListQuery } from '@payloadcms/ui';
import { OVERDUE_PARAM, queueListQuery, readQueueFilter, type QueueFilter } from '../appeals/handling/queue-filters';

interface Option {
  value: string;
  label: string;
}

/**
 * The queue's filter bar: native selects in the admin's field style and a «Мои обращения» toggle. A change applies at
 * once through Payload's list query (the address changes, so the filtered queue can be bookmarked); the first page
 * is shown again. The search box above the bar still searches by number, name, e-mail or phone within the filter.
 */
export function AppealQueueFilterBar({
  today,
  userId,
  states,
  groups,
  topics,
  territories,
  channels,
  receivedChannels,
}: {
  today: string;
  userId: number | string | null;
  states: Option[];
  groups: Option[];
  topics: Option[];
  territories: Option[];
  channels: Option[];
  /** The channels appeals come by (site, e-mail, phone, office, post, chat). */
  receivedChannels: Option[];
}) {
  const base = useId();
  const { query, refineListData } = useListQuery();
  const filter = readQueueFilter(query.where, userId, (query as Record<string, unknown>)[OVERDUE_PARAM]);
  const apply = (next: QueueFilter) => {
    const { where, due } = queueListQuery(next, { today, userId });
    // An empty `where` object clears the filter (undefined would keep the previous one in the list's query); `due`
    // («Просрочено», answered by the collection's base filter) is dropped from the address when undefined.
    void refineListData({ where: where ?? {}, [OVERDUE_PARAM]: due, page: 1 } as Parameters<typeof refineListData>[0]);
  };
  const change = (key: keyof QueueFilter, value: string) => apply({ ...filter, [key]: value || undefined });
  const chosen = Object.values(filter).some(Boolean);

  const select = (key: 'state' | 'due' | 'group' | 'topic' | 'territory' | 'answerChannel' | 'channel', label: string, all: string, options: Option[]) => (
    <div className="portal-queue-filters__field">
      <label className="field-label" htmlFor={`${base}-${key}`}>
        {label}
      </label>
      <select id={`${base}-${key}`} className="portal-control" value={(filter[key] as string | undefined) ?? ''} onChange={(event) => change(key, event.target.value)}>
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="portal-queue-filters" role="group" aria-label="Отбор обращений">
      {select('state', 'Состояние', 'Все', [{ value: 'open', label: 'Все открытые' }, ...states])}
      {select('due', 'Срок', 'Любой', [
        { value: 'overdue', label: 'Просрочено' },
        { value: 'today', label: 'Срок сегодня' },
        { value: 'awaiting-registration', label: 'Письма, ожидающие регистрации' },
      ])}
      {select('channel', 'Канал поступления', 'Любой', receivedChannels)}
      {select('group', 'Группа', 'Все группы', groups)}
      {select('topic', 'Тема', 'Все темы', topics)}
      {select('territory', 'Территория', 'Все', territories)}
      {select('answerChannel', 'Способ ответа', 'Любой', channels)}
      <div className="portal-queue-filters__buttons">
        <Button type="button" buttonStyle={filter.mine ? 'primary' : 'secondary'} size="medium" extraButtonProps={{ 'aria-pressed': Boolean(filter.mine) }} onClick={() => apply({ ...filter, mine: !filter.mine })}>
          Мои обращения
        </Button>
        {chosen ? (
          <Button type="button" buttonStyle="subtle" size="medium" onClick={() => apply({})}>
            Сбросить отбор
          </Button>
        ) : null}
      </div>
    </div>
  );
}
