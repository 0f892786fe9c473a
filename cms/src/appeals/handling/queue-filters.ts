import type { Where } from 'payload';
import { SETTLED_STATES } from './queue';

/**
 * The handler queue's quick filters, as the filter bar above the appeals list shows them. Each becomes one condition
 * of the list's `where` (Payload reads it from the address, so a filtered queue can be bookmarked and shared); the
 * bar reads its choices back from the same `where`. Empty means «all».
 *
 * «Просрочено» is the exception: the admin's list keeps only the operators its filter editor offers for a field, and
 * for a text field like `deadlineDate` «less than» is not one of them — it becomes «equals», which listed the appeals
 * due today. So the list gets `?due=overdue` in its address instead, and the collection's base filter
 * ({@link overdueListFilter}) adds «open, deadline before today» on the server. Counts use {@link queueWhere}, whose
 * `where` goes straight to the database.
 */
export interface QueueFilter {
  /** An appeal state, or `open` for every state that still waits for a handler. */
  state?: string;
  /**
   * `overdue`: the deadline has passed; `today`: it is today (open appeals only); `awaiting-registration`: postal
   * letters still waiting to be registered and handed on (each with its 2-working-day registration deadline, which the
   * deadline column marks when missed). An `exists` condition, not a date comparison: the admin's list keeps only the
   * operators its filter editor offers for a text field, and «less than» is not one of them.
   */
  due?: 'overdue' | 'today' | 'awaiting-registration';
  group?: string;
  /** Topic id. */
  topic?: string;
  /** Territory slug. */
  territory?: string;
  answerChannel?: string;
  /** The channel the appeal came by (site, e-mail, phone, office, post, chat). */
  channel?: string;
  /** Only appeals assigned to the user looking at the queue. */
  mine?: boolean;
}

type Condition = Record<string, Record<string, unknown>>;

const openStates = (): Condition => ({ status: { not_in: [...SETTLED_STATES] } });

/**
 * The list's `where` for a filter: one condition per chosen filter, all of them required; undefined when nothing is
 * chosen. `today` is the company-local date (`YYYY-MM-DD`), `userId` the user's id for «мои».
 */
export function queueWhere(filter: QueueFilter, context: { today: string; userId?: number | string | null }): Where | undefined {
  const and: Condition[] = [];
  if (filter.state === 'open' || filter.due === 'overdue' || filter.due === 'today') and.push(openStates());
  if (filter.state && filter.state !== 'open') and.push({ status: { equals: filter.state } });
  if (filter.due === 'overdue') and.push({ deadlineDate: { less_than: context.today } });
  if (filter.due === 'today') and.push({ deadlineDate: { equals: context.today } });
  if (filter.due === 'awaiting-registration') and.push({ status: { equals: 'registered' } }, { registrationDeadlineDate: { exists: true } });
  if (filter.group) and.push({ handlerGroup: { equals: filter.group } });
  if (filter.topic) and.push({ topic: { equals: filter.topic } });
  if (filter.territory) and.push({ territory: { equals: filter.territory } });
  if (filter.answerChannel) and.push({ answerChannel: { equals: filter.answerChannel } });
  if (filter.channel) and.push({ channel: { equals: filter.channel } });
  if (filter.mine && context.userId !== null && context.userId !== undefined) and.push({ assignee: { equals: String(context.userId) } });
  return and.length ? ({ and } as Where) : undefined;
}

/** The address parameter that asks the appeals list for overdue appeals (see the note at the top). */
export const OVERDUE_PARAM = 'due';
const OVERDUE = 'overdue';

/** What the appeals list's address carries for a filter: its `where`, and `due=overdue` for «Просрочено». */
export function queueListQuery(filter: QueueFilter, context: { today: string; userId?: number | string | null }): { where?: Where; due?: typeof OVERDUE } {
  if (filter.due !== OVERDUE) return { where: queueWhere(filter, context) };
  const where = queueWhere({ ...filter, due: undefined }, context);
  return { ...(where ? { where } : {}), due: OVERDUE };
}

/**
 * The appeals list's base filter: «open, deadline before today» when the address asks for overdue appeals, nothing
 * otherwise. `query` is the list's parsed address (Payload's `req.query`), `today` the company-local date.
 */
export function overdueListFilter(query: unknown, today: string): Where | null {
  const due = query && typeof query === 'object' ? (query as Record<string, unknown>)[OVERDUE_PARAM] : undefined;
  return due === OVERDUE ? (queueWhere({ due: OVERDUE }, { today }) ?? null) : null;
}

/** The conditions of a `where`, flat: ours (`and`), or the filter drawer's form of them (`or` of one `and`). */
function conditionsOf(where: Where | undefined): Condition[] {
  if (!where || typeof where !== 'object') return [];
  const w = where as { and?: unknown; or?: unknown };
  if (Array.isArray(w.and)) return w.and as Condition[];
  if (Array.isArray(w.or) && w.or.length === 1) return conditionsOf(w.or[0] as Where);
  return [where as Condition];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined);

/**
 * The filter a `where` expresses, for the bar to show what is chosen. Conditions the bar cannot express (the filter
 * drawer's own) are ignored here and stay in the list's query until the bar changes it.
 */
export function readQueueFilter(where: Where | undefined, userId?: number | string | null, due?: unknown): QueueFilter {
  const filter: QueueFilter = {};
  if (due === OVERDUE) filter.due = OVERDUE;
  for (const condition of conditionsOf(where)) {
    for (const [field, operators] of Object.entries(condition)) {
      if (typeof operators !== 'object' || operators === null) continue;
      const equals = text(operators.equals);
      if (field === 'status' && operators.not_in !== undefined) filter.state ??= 'open';
      if (field === 'status' && equals) filter.state = equals;
      if (field === 'deadlineDate' && operators.less_than !== undefined) filter.due = 'overdue';
      if (field === 'deadlineDate' && equals) filter.due = 'today';
      if (field === 'handlerGroup' && equals) filter.group = equals;
      if (field === 'topic' && equals) filter.topic = equals;
      if (field === 'territory' && equals) filter.territory = equals;
      if (field === 'answerChannel' && equals) filter.answerChannel = equals;
      if (field === 'channel' && equals) filter.channel = equals;
      if (field === 'registrationDeadlineDate' && operators.exists !== undefined && String(operators.exists) !== 'false') filter.due = 'awaiting-registration';
      if (field === 'assignee' && equals && userId !== null && userId !== undefined && equals === String(userId)) filter.mine = true;
    }
  }
  // «Просрочено» and «Срок сегодня» imply open appeals; the state choice shows «all open» only when asked for alone.
  if (filter.due && filter.state === 'open') delete filter.state;
  // «Письма, ожидающие регистрации» means still «registered»: that state is part of it, not a choice of its own.
  if (filter.due === 'awaiting-registration' && filter.state === 'registered') delete filter.state;
  return filter;
}
