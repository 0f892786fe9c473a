import { describe, expect, it } from 'vitest';
import { overdueListFilter, queueListQuery, queueWhere, readQueueFilter } from './queue-filters';
import { queueLink } from '../reports/queue-counts';

const context = { today: '2026-12-07', userId: 12 };

describe('handler queue filters', () => {
  it('shows everything when nothing is chosen', () => {
    expect(queueWhere({}, context)).toBeUndefined();
    expect(readQueueFilter(undefined, 12)).toEqual({});
  });

  it('«мои» and «просрочено» mean: assigned to me, still open, deadline before today', () => {
    expect(queueWhere({ mine: true, due: 'overdue' }, context)).toEqual({
      and: [{ status: { not_in: ['answered', 'closed', 'rejected', 'not-considered'] } }, { deadlineDate: { less_than: '2026-12-07' } }, { assignee: { equals: '12' } }],
    });
  });

  it('combines state, group, topic, territory and channel, each required', () => {
    expect(queueWhere({ state: 'routed', group: 'Расчётная группа', topic: '3', territory: 'yasnoborsk', answerChannel: 'phone' }, context)).toEqual({
      and: [{ status: { equals: 'routed' } }, { handlerGroup: { equals: 'Расчётная группа' } }, { topic: { equals: '3' } }, { territory: { equals: 'yasnoborsk' } }, { answerChannel: { equals: 'phone' } }],
    });
  });

  it('reads back what it wrote, also in the filter drawer\'s «or of one and» form and from the address (strings)', () => {
    const filter = { state: 'routed', due: 'today' as const, group: 'Расчётная группа', topic: '3', territory: 'yasnoborsk', answerChannel: 'email', mine: true };
    const where = queueWhere(filter, context);
    expect(readQueueFilter(where, 12)).toEqual(filter);
    expect(readQueueFilter({ or: [where!] }, '12')).toEqual(filter);
    expect(readQueueFilter({ and: [{ status: { not_in: 'answered,closed' } }] }, 12)).toEqual({ state: 'open' });
  });

  it('does not call another handler\'s appeals «мои»', () => {
    expect(readQueueFilter({ and: [{ assignee: { equals: '7' } }] }, 12)).toEqual({});
  });

  it('«письма, ожидающие регистрации»: postal letters still «registered»; «канал»: how appeals came', () => {
    const where = queueWhere({ due: 'awaiting-registration', channel: 'post' }, context);
    expect(where).toEqual({ and: [{ status: { equals: 'registered' } }, { registrationDeadlineDate: { exists: true } }, { channel: { equals: 'post' } }] });
    expect(readQueueFilter(where, 12)).toEqual({ due: 'awaiting-registration', channel: 'post' });
    // From the address the flag arrives as a string.
    expect(readQueueFilter({ or: [{ and: [{ status: { equals: 'registered' } }, { registrationDeadlineDate: { exists: 'true' } }] }] }, '12')).toEqual({ due: 'awaiting-registration' });
  });

  describe('«просрочено» in the admin list, whose filter editor turns «less than» on a text field into «equals»', () => {
    const OPEN = { status: { not_in: ['answered', 'closed', 'rejected', 'not-considered'] } };

    it('puts no deadline condition into the list\'s where, only due=overdue into its address', () => {
      expect(queueListQuery({ due: 'overdue', mine: true }, context)).toEqual({ where: { and: [{ assignee: { equals: '12' } }] }, due: 'overdue' });
      expect(queueListQuery({ due: 'overdue' }, context)).toEqual({ due: 'overdue' });
      // Every other filter keeps its where, no parameter.
      expect(queueListQuery({ due: 'today' }, context)).toEqual({ where: { and: [OPEN, { deadlineDate: { equals: '2026-12-07' } }] } });
    });

    it('the list\'s base filter adds «open, deadline before today» only when the address asks for it', () => {
      expect(overdueListFilter({ due: 'overdue', where: {} }, '2026-12-07')).toEqual({ and: [OPEN, { deadlineDate: { less_than: '2026-12-07' } }] });
      expect(overdueListFilter({ due: 'today' }, '2026-12-07')).toBeNull();
      expect(overdueListFilter({}, '2026-12-07')).toBeNull();
      expect(overdueListFilter(undefined, '2026-12-07')).toBeNull();
    });

    it('the bar reads «просрочено» back from the address, with the rest from the where', () => {
      const { where, due } = queueListQuery({ due: 'overdue', mine: true, channel: 'post' }, context);
      expect(readQueueFilter(where, 12, due)).toEqual({ due: 'overdue', mine: true, channel: 'post' });
    });

    it('the dashboard\'s «Просрочены» links to the list with due=overdue and no deadline condition', () => {
      expect(queueLink({ due: 'overdue' }, { today: '2026-12-07', userId: 12 })).toBe('/admin/collections/appeals?due=overdue');
      expect(queueLink({ due: 'today' }, { today: '2026-12-07', userId: 12 })).toContain(`${encodeURIComponent('where[and][1][deadlineDate][equals]')}=2026-12-07`);
    });
  });
});
