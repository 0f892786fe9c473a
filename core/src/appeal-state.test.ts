import { describe, expect, it } from 'vitest';
import {
  ALLOWED_TRANSITIONS,
  APPEAL_STATES,
  applyTransition,
  canTransition,
  TransitionRequestSchema,
  type AppealState,
  type TransitionRequest,
} from './appeal-state';

const at = new Date('2026-11-27T10:00:00Z');
const base = { deadlineDate: '2026-12-01', hasContact: true };

/** A valid request for each target state. */
function requestFor(to: AppealState): TransitionRequest {
  const samples: Record<AppealState, unknown> = {
    received: { to: 'registered' },
    registered: { to: 'registered' },
    rejected: { to: 'rejected', reason: 'abusive' },
    'not-considered': { to: 'not-considered', comment: 'Нет контактов' },
    routed: { to: 'routed', group: 'Расчётный отдел' },
    'in-progress': { to: 'in-progress' },
    'needs-info': { to: 'needs-info', comment: 'Нужна копия договора' },
    postponed: { to: 'postponed', comment: 'Ждём ответа сетевой организации' },
    extended: { to: 'extended', newDeadline: '2026-12-15', comment: 'Нужна проверка на месте' },
    answered: { to: 'answered', answer: 'Перерасчёт выполнен, сумма уменьшена.' },
    closed: { to: 'closed' },
  };
  return TransitionRequestSchema.parse(samples[to]);
}

describe('appeal state machine', () => {
  const targets = APPEAL_STATES.filter((state) => state !== 'received');
  for (const from of APPEAL_STATES) {
    for (const to of targets) {
      const allowed = ALLOWED_TRANSITIONS[from].includes(to);
      it(`${allowed ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        const appeal = { ...base, status: from, hasContact: to !== 'not-considered' };
        const result = applyTransition(appeal, requestFor(to), { actor: 'handler@example.ru', at });
        expect(result.ok).toBe(allowed);
        if (result.ok) {
          expect(result.status).toBe(to);
          expect(result.log).toMatchObject({ from, to, actor: 'handler@example.ru', at: at.toISOString() });
        } else {
          expect(result.message).toMatch(/нельзя перейти/);
        }
      });
    }
  }

  it('a closed appeal goes nowhere', () => {
    expect(ALLOWED_TRANSITIONS.closed).toEqual([]);
    const result = applyTransition({ ...base, status: 'closed' }, requestFor('in-progress'), { actor: 'a', at });
    expect(result).toEqual({ ok: false, message: expect.stringContaining('Обращение закрыто') });
  });

  it('an extension moves the deadline forward and records the reason for the notice', () => {
    const result = applyTransition({ ...base, status: 'in-progress' }, requestFor('extended'), { actor: 'h', at });
    expect(result.ok && result.deadlineDate).toBe('2026-12-15');
    expect(result.ok && result.log.comment).toContain('Нужна проверка на месте');
  });

  it('an extension to a date not after the current deadline is refused', () => {
    const request = TransitionRequestSchema.parse({ to: 'extended', newDeadline: '2026-11-30', comment: 'x' });
    const result = applyTransition({ ...base, status: 'in-progress' }, request, { actor: 'h', at });
    expect(result.ok).toBe(false);
  });

  it('a repeated appeal can be rejected only with a link to the earlier one', () => {
    expect(TransitionRequestSchema.safeParse({ to: 'rejected', reason: 'repeated' }).success).toBe(false);
    const request = TransitionRequestSchema.parse({ to: 'rejected', reason: 'repeated', earlierAppeal: 'В-2026-000010' });
    const result = applyTransition({ ...base, status: 'registered' }, request, { actor: 'h', at });
    expect(result.ok && result.log.comment).toContain('В-2026-000010');
  });

  it('«not considered» is only for appeals without contact data', () => {
    const result = applyTransition({ ...base, status: 'registered', hasContact: true }, requestFor('not-considered'), { actor: 'h', at });
    expect(result.ok).toBe(false);
  });

  it('requests missing their required facts are refused with Russian messages', () => {
    const missing = TransitionRequestSchema.safeParse({ to: 'needs-info' });
    expect(missing.success).toBe(false);
    expect(TransitionRequestSchema.safeParse({ to: 'answered', answer: 'кратко' }).error?.issues[0]?.message).toMatch(/ответ/);
    expect(canTransition('answered', 'in-progress')).toBe(false);
  });
});

describe('transition request messages', () => {
  const firstIssue = (body: unknown) => {
    const parsed = TransitionRequestSchema.safeParse(body);
    return parsed.success ? null : { path: parsed.error.issues[0]?.path.join('.'), message: parsed.error.issues[0]?.message };
  };

  it('names the group when routing without one, whether missing or blank', () => {
    expect(firstIssue({ to: 'routed' })).toEqual({ path: 'group', message: 'Выберите группу исполнителей' });
    expect(firstIssue({ to: 'routed', group: '   ' })).toEqual({ path: 'group', message: 'Выберите группу исполнителей' });
  });

  it('names the field each target state needs', () => {
    expect(firstIssue({ to: 'rejected' })).toEqual({ path: 'reason', message: 'Выберите основание для отказа' });
    expect(firstIssue({ to: 'needs-info' })).toEqual({ path: 'comment', message: 'Опишите, какие сведения нужны от заявителя' });
    expect(firstIssue({ to: 'answered' })).toEqual({ path: 'answer', message: 'Напишите ответ: хотя бы 10 символов' });
    expect(firstIssue({ to: 'extended', comment: 'Нужна проверка на месте' })).toEqual({ path: 'newDeadline', message: 'Укажите новый срок ответа: дату в формате ГГГГ-ММ-ДД, например 2026-12-01' });
  });

  it('asks for the next state only when the state itself is missing or unknown', () => {
    expect(firstIssue({ group: 'Расчётная группа' })?.message).toBe('Выберите следующее состояние из списка');
    expect(firstIssue({ to: 'somewhere' })?.message).toBe('Выберите следующее состояние из списка');
  });
});
