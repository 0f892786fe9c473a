import { describe, expect, it } from 'vitest';
import { setChatTimeZone, stateLine } from '../src/islands/ChatDialog';

describe('the chat dialog\'s status line', () => {
  it('names the queue position and the estimated wait', () => {
    expect(stateLine({ state: 'queued', position: 3, estimatedWaitMinutes: 7 })).toBe('Вы в очереди: 3-й, примерное ожидание — 7 мин.');
  });

  it('without an estimate names the position only, one full stop at the end', () => {
    expect(stateLine({ state: 'queued', position: 1, estimatedWaitMinutes: null })).toBe('Вы в очереди: 1-й.');
  });

  it('names the operator who joined', () => {
    expect(stateLine({ state: 'active', operatorName: 'Анна' })).toBe('Оператор Анна на связи.');
  });

  it('gives the promised time of a deferral in the company\'s zone: 07:00 UTC is 10:00 in Moscow', () => {
    setChatTimeZone('Europe/Moscow');
    expect(stateLine({ state: 'deferred', deferredUntil: '2026-12-08T07:00:00.000Z' })).toBe('Оператор вернётся к вашему вопросу 8 декабря в 10:00.');
    setChatTimeZone('Asia/Vladivostok');
    expect(stateLine({ state: 'deferred', deferredUntil: '2026-12-08T07:00:00.000Z' })).toBe('Оператор вернётся к вашему вопросу 8 декабря в 17:00.');
    setChatTimeZone(undefined);
  });

  it('says when the conversation has ended', () => {
    expect(stateLine({ state: 'closed' })).toBe('Разговор завершён.');
  });
});
