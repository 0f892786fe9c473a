import { describe, expect, it } from 'vitest';
import { parseAddressList, sendSlots, slotAfter, transitionVerdict, windowVerdict, type Actor } from './alert-campaign';

const editor: Actor = { kind: 'staff', id: '1', roles: ['editor'] };
const manager: Actor = { kind: 'staff', id: '2', roles: ['manager'] };
const admin: Actor = { kind: 'staff', id: '3', roles: ['admin'] };
const handler: Actor = { kind: 'staff', id: '4', roles: ['handler'] };
const system: Actor = { kind: 'system' };

describe('who moves a campaign', () => {
  it('an editor submits a campaign but cannot approve, start or resume it — their own or anyone’s', () => {
    expect(transitionVerdict('draft', 'awaiting-approval', editor, '1')).toBe(true);
    expect(transitionVerdict('awaiting-approval', 'approved', editor, '1')).toMatch(/руководитель или администратор/);
    expect(transitionVerdict('awaiting-approval', 'approved', editor, '9')).toMatch(/руководитель или администратор/);
    expect(transitionVerdict('approved', 'running', editor, '1')).not.toBe(true);
    expect(transitionVerdict('paused', 'running', editor, '1')).not.toBe(true);
  });

  it('a manager approves a colleague’s campaign but not their own; an administrator likewise', () => {
    expect(transitionVerdict('awaiting-approval', 'approved', manager, '1')).toBe(true);
    expect(transitionVerdict('awaiting-approval', 'approved', manager, '2')).toMatch(/другой руководитель/);
    expect(transitionVerdict('awaiting-approval', 'approved', admin, '1')).toBe(true);
    expect(transitionVerdict('awaiting-approval', 'approved', admin, '3')).toMatch(/другой руководитель/);
  });

  it('a handler has no part in campaigns', () => {
    for (const [from, to] of [['draft', 'awaiting-approval'], ['awaiting-approval', 'approved'], ['running', 'paused'], ['draft', 'cancelled']] as const) {
      expect(transitionVerdict(from, to, handler, '4')).not.toBe(true);
    }
  });

  it('only the system starts and finishes; a finished campaign never runs again', () => {
    expect(transitionVerdict('approved', 'running', system, '1')).toBe(true);
    expect(transitionVerdict('approved', 'running', manager, '1')).not.toBe(true);
    expect(transitionVerdict('running', 'finished', system, '1')).toBe(true);
    expect(transitionVerdict('finished', 'running', system, '1')).toMatch(/Нельзя перевести/);
    expect(transitionVerdict('draft', 'approved', admin, '1')).toMatch(/Нельзя перевести/);
  });

  it('pause by editor or manager, resume by manager only', () => {
    expect(transitionVerdict('running', 'paused', editor, '9')).toBe(true);
    expect(transitionVerdict('paused', 'running', manager, '9')).toBe(true);
    expect(transitionVerdict('paused', 'running', editor, '9')).not.toBe(true);
  });
});

describe('the send schedule', () => {
  it('600 letters a minute are 100 ms apart from the first slot', () => {
    const start = Date.parse('2026-12-08T09:00:00.000Z');
    expect(sendSlots(start, 600, 4, start + 3_600_000).map((t) => new Date(t).toISOString())).toEqual([
      '2026-12-08T09:00:00.000Z',
      '2026-12-08T09:00:00.100Z',
      '2026-12-08T09:00:00.200Z',
      '2026-12-08T09:00:00.300Z',
    ]);
    expect(new Date(slotAfter(start, 600, 4)).toISOString()).toBe('2026-12-08T09:00:00.400Z');
  });

  it('7 letters a minute: 60 000 / 7 = 8571.43 ms, rounded per slot (0, 8571, 17143, 25714)', () => {
    expect(sendSlots(0, 7, 4, 1e9)).toEqual([0, 8571, 17143, 25714]);
  });

  it('no slot at or after the window’s end', () => {
    // 60 a minute = 1 s apart; end 2.5 s after the start leaves slots at 0, 1 and 2 s.
    expect(sendSlots(1000, 60, 10, 3500)).toEqual([1000, 2000, 3000]);
    expect(sendSlots(1000, 60, 10, 1000)).toEqual([]);
  });

  it('the window: wait before the start, send inside, closed from the end on', () => {
    expect(windowVerdict(999, 1000, 2000)).toBe('wait');
    expect(windowVerdict(1000, 1000, 2000)).toBe('send');
    expect(windowVerdict(1999, 1000, 2000)).toBe('send');
    expect(windowVerdict(2000, 1000, 2000)).toBe('closed');
  });
});

describe('importing a list of addresses', () => {
  it('keeps valid addresses once, lower-cased, skips the header, names each bad line', () => {
    const csv = ['email;name', 'Ivan@Example.ru;Иван', '"petr@example.ru",Пётр', '', 'ivan@example.ru', 'not-an-address', ';Без адреса', 'a@b'].join('\r\n');
    const result = parseAddressList(csv);
    expect(result.addresses).toEqual(['ivan@example.ru', 'petr@example.ru']);
    expect(result.duplicates).toBe(1);
    expect(result.errors).toEqual([
      'Строка 6: «not-an-address» — не адрес электронной почты.',
      'Строка 7: нет адреса в первом столбце.',
      'Строка 8: «a@b» — не адрес электронной почты.',
    ]);
  });

  it('refuses addresses beyond the limit, naming the line', () => {
    const result = parseAddressList('a@example.ru\nb@example.ru\nc@example.ru', 2);
    expect(result.addresses).toEqual(['a@example.ru', 'b@example.ru']);
    expect(result.errors).toEqual(['Строка 3: в списке может быть не больше 2 адресов.']);
  });
});
