import { describe, expect, it } from 'vitest';
import { describeLiveState } from '../src/publishing/live-state';

describe('the «На сайте» note', () => {
  const now = new Date('2026-11-27T12:00:00Z');

  it('says when a document went live, in the company time zone, with «сегодня» for today', () => {
    expect(describeLiveState({ kind: 'live', publishedAt: '2026-11-27T11:01:00Z', liveAt: '2026-11-27T11:02:00Z' }, 'Europe/Moscow', now)).toBe('Опубликовано на сайте сегодня в 14:02 МСК.');
    expect(describeLiveState({ kind: 'live', publishedAt: '2026-11-20T06:00:00Z', liveAt: '2026-11-20T06:00:30Z' }, 'Europe/Moscow', now)).toBe('Опубликовано на сайте 20 ноября 2026, 09:00 МСК.');
  });

  it('tells a pending build, a failed one and an unpublished document apart', () => {
    expect(describeLiveState({ kind: 'pending', publishedAt: '2026-11-27T11:00:00Z' }, 'Europe/Moscow', now)).toMatch(/^Ожидает сборки сайта/);
    expect(describeLiveState({ kind: 'failed', publishedAt: '2026-11-27T11:00:00Z', error: 'x' }, 'Europe/Moscow', now)).toMatch(/^Сборка сайта не удалась, на сайте пока прежняя версия/);
    expect(describeLiveState({ kind: 'not-published' }, 'Europe/Moscow', now)).toMatch(/не опубликован/);
  });
});
