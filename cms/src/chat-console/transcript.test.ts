import { describe, expect, it } from 'vitest';
import { APPEAL_TEXT_MAX, transcriptText } from './transcript';

describe('conversation transcript as an appeal text', () => {
  it('names the chat, lists messages in order with Moscow time and author, and leaves out state changes', () => {
    const text = transcriptText(12, [
      { seq: 3, author: 'operator', operatorName: 'Анна', text: 'Здравствуйте! Уточню.', createdAt: '2026-12-07T07:05:00.000Z' },
      { seq: 1, author: 'client', text: 'Не пришла квитанция за ноябрь', createdAt: '2026-12-07T07:00:00.000Z' },
      { seq: 2, kind: 'state', author: 'system', text: 'Оператор присоединился', createdAt: '2026-12-07T07:04:00.000Z' },
    ], 'Europe/Moscow');
    expect(text).toBe(['Переписка в онлайн-чате № 12:', '[2026-12-07 10:00] Клиент: Не пришла квитанция за ноябрь', '[2026-12-07 10:05] Оператор (Анна): Здравствуйте! Уточню.'].join('\n'));
  });
  it('fits the register’s 10 000 characters and says it was cut', () => {
    const long = Array.from({ length: 40 }, (_, i) => ({ seq: i + 1, author: 'client', text: 'а'.repeat(400), createdAt: '2026-12-07T07:00:00.000Z' }));
    const text = transcriptText(1, long, 'Europe/Moscow');
    expect(text.length).toBe(APPEAL_TEXT_MAX);
    expect(text.endsWith('сокращена, полностью — в консоли онлайн-консультанта]')).toBe(true);
  });
});
