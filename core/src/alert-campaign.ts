import { z } from 'zod';

/**
 * E-mail autoinforming (standards 001 §9.1.6, 000 L1102–1106): a campaign is a task with a start and an end, composed
 * by staff from a stored scenario (the letter) to a stored list (who gets it), approved by a manager before it runs;
 * its results are kept per recipient. This module holds the pure rules: the states and who moves a campaign between
 * them, the send schedule (window and throttle) and the import of address lists.
 */

export const CAMPAIGN_STATES = ['draft', 'awaiting-approval', 'approved', 'running', 'paused', 'finished', 'cancelled'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

export const CAMPAIGN_STATE_LABELS: Record<CampaignState, string> = {
  draft: 'Черновик',
  'awaiting-approval': 'На утверждении',
  approved: 'Утверждена',
  running: 'Идёт рассылка',
  paused: 'Приостановлена',
  finished: 'Завершена',
  cancelled: 'Отменена',
};

/** The staff roles the rules know (the CMS's roles). */
export type StaffRole = 'admin' | 'editor' | 'handler' | 'manager';

/** Who asks for a move: staff with roles, or the system (the runner, an outage published with «оповестить»). */
export type Actor = { kind: 'system' } | { kind: 'staff'; id: string; roles: readonly StaffRole[] };

const APPROVERS: readonly StaffRole[] = ['manager', 'admin'];
const COMPOSERS: readonly StaffRole[] = ['editor', 'manager', 'admin'];

const hasRole = (actor: Actor, allowed: readonly StaffRole[]) => actor.kind === 'staff' && actor.roles.some((role) => allowed.includes(role));

/**
 * Whether `actor` may move a campaign composed by `authorId` from `from` to `to`; a Russian reason when not.
 * Editors compose and submit; a manager or administrator who is not the author approves (four eyes), pauses,
 * resumes and cancels; only the system starts an approved campaign (at its window's start) and finishes one.
 * Handlers have no part in campaigns.
 */
export function transitionVerdict(from: CampaignState, to: CampaignState, actor: Actor, authorId: string | null): true | string {
  if (from === to) return true;
  const system = actor.kind === 'system';
  const own = actor.kind === 'staff' && authorId !== null && actor.id === authorId;
  switch (`${from}>${to}`) {
    case 'draft>awaiting-approval':
      return system || hasRole(actor, COMPOSERS) ? true : 'Отправить рассылку на утверждение может редактор, руководитель или администратор.';
    case 'awaiting-approval>approved':
      if (!hasRole(actor, APPROVERS)) return 'Утвердить рассылку может только руководитель или администратор.';
      return own ? 'Свою рассылку утверждает другой руководитель или администратор.' : true;
    case 'awaiting-approval>draft':
      return hasRole(actor, APPROVERS) || own ? true : 'Вернуть рассылку на доработку может руководитель, администратор или её автор.';
    case 'approved>running':
    case 'running>finished':
    case 'paused>finished':
    case 'approved>finished':
      return system ? true : 'Рассылка начинается и завершается сама по времени начала и окончания.';
    case 'running>paused':
      return system || hasRole(actor, COMPOSERS) ? true : 'Приостановить рассылку может редактор, руководитель или администратор.';
    case 'paused>running':
      return system || hasRole(actor, APPROVERS) ? true : 'Возобновить рассылку может только руководитель или администратор.';
    case 'draft>cancelled':
    case 'awaiting-approval>cancelled':
      return system || hasRole(actor, APPROVERS) || (own && hasRole(actor, COMPOSERS)) ? true : 'Отменить рассылку может её автор, руководитель или администратор.';
    case 'approved>cancelled':
    case 'running>cancelled':
    case 'paused>cancelled':
      return system || hasRole(actor, APPROVERS) ? true : 'Отменить утверждённую рассылку может только руководитель или администратор.';
    default:
      return `Нельзя перевести рассылку из состояния «${CAMPAIGN_STATE_LABELS[from]}» в «${CAMPAIGN_STATE_LABELS[to]}».`;
  }
}

/** States in which nothing changes any more. */
export const FINAL_STATES: readonly CampaignState[] = ['finished', 'cancelled'];
/** States in which the campaign's content (scenario, list, window, throttle) may still be edited. */
export const EDITABLE_STATES: readonly CampaignState[] = ['draft'];

/** The default throttle: letters per minute handed to the relay. */
export const DEFAULT_LETTERS_PER_MINUTE = 600;
export const MAX_LETTERS_PER_MINUTE = 60_000;

/**
 * The send times of the next `count` letters when the first free slot is `firstSlot` and the throttle is
 * `perMinute` letters a minute: slot i is `firstSlot + round(i · 60 000 / perMinute)` ms. Slots at or after `end`
 * are left out (the window is closed then: those letters are not sent). Times are epoch milliseconds.
 */
export function sendSlots(firstSlot: number, perMinute: number, count: number, end: number): number[] {
  if (!(perMinute > 0)) throw new RangeError('perMinute must be positive');
  const slots: number[] = [];
  for (let i = 0; i < count; i++) {
    const slot = firstSlot + Math.round((i * 60_000) / perMinute);
    if (slot >= end) break;
    slots.push(slot);
  }
  return slots;
}

/** The slot after `count` letters starting at `firstSlot` (where the next batch starts). */
export function slotAfter(firstSlot: number, perMinute: number, count: number): number {
  return firstSlot + Math.round((count * 60_000) / perMinute);
}

/** What the runner must do with a campaign at `now` given its state and window. */
export type WindowVerdict = 'wait' | 'send' | 'closed';

export function windowVerdict(now: number, start: number, end: number): WindowVerdict {
  if (now < start) return 'wait';
  return now < end ? 'send' : 'closed';
}

const isEmail = (value: string): boolean => z.email().safeParse(value).success;

export interface ImportedAddresses {
  /** Valid addresses, lower-cased, each once, in the order of the file. */
  addresses: string[];
  /** One Russian message per rejected line (1-based line numbers of the file). */
  errors: string[];
  /** Lines whose address was already in the list (counted, not errors). */
  duplicates: number;
}

/** Header cells a list may start with. */
const HEADER_CELLS = new Set(['email', 'e-mail', 'адрес', 'почта', 'электронная почта', 'адрес электронной почты']);

/**
 * Reads a list of addresses from CSV (or one address a line): the address is the first cell (separator `,` or `;`,
 * quotes allowed); an optional header line and blank lines are skipped. Every other line must hold a valid e-mail
 * address, else it gets a Russian error naming its number. Addresses are compared without case.
 */
export function parseAddressList(text: string, maxAddresses = 100_000): ImportedAddresses {
  const seen = new Set<string>();
  const result: ImportedAddresses = { addresses: [], errors: [], duplicates: 0 };
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    const number = index + 1;
    const first = firstCell(line).trim();
    if (first === '') {
      if (line.trim() !== '' && line.replace(/[;,"\s]/g, '') !== '') result.errors.push(`Строка ${number}: нет адреса в первом столбце.`);
      return;
    }
    if (index === 0 && HEADER_CELLS.has(first.toLowerCase())) return;
    const address = first.toLowerCase();
    if (address.length > 254 || !isEmail(address)) {
      result.errors.push(`Строка ${number}: «${first.slice(0, 80)}» — не адрес электронной почты.`);
      return;
    }
    if (seen.has(address)) {
      result.duplicates++;
      return;
    }
    if (seen.size >= maxAddresses) {
      result.errors.push(`Строка ${number}: в списке может быть не больше ${maxAddresses} адресов.`);
      return;
    }
    seen.add(address);
    result.addresses.push(address);
  });
  return result;
}

function firstCell(line: string): string {
  const trimmed = line.trimStart();
  if (trimmed.startsWith('"')) {
    let cell = '';
    for (let i = 1; i < trimmed.length; i++) {
      const char = trimmed[i];
      if (char === '"') {
        if (trimmed[i + 1] === '"') {
          cell += '"';
          i++;
        } else return cell;
      } else cell += char;
    }
    return cell;
  }
  const cut = trimmed.search(/[,;]/);
  return cut < 0 ? trimmed : trimmed.slice(0, cut);
}
