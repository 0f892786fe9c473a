import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import '../zod-locale';
import { russianIssue } from './russian-issue';

const Schema = z.object({ email: z.email('Укажите адрес электронной почты'), rating: z.enum(['1', '2', '3', '4', '5']) });

describe('the first validation message a visitor sees', () => {
  it("is the project's own field message when the schema gives one", () => {
    const result = Schema.safeParse({ email: 'x', rating: '5' });
    expect(russianIssue(result.error!.issues)).toBe('Укажите адрес электронной почты');
  });

  it("is zod's Russian wording where the schema gives none", () => {
    const result = Schema.safeParse({ email: 'a@example.ru', rating: '6' });
    expect(russianIssue(result.error!.issues)).toMatch(/^Неверный вариант/);
  });

  it('asks to reload the page when the body is not an object at all', () => {
    const result = Schema.safeParse(null);
    expect(russianIssue(result.error!.issues)).toBe('Запрос составлен неверно. Пожалуйста, обновите страницу и попробуйте ещё раз.');
    expect(russianIssue(result.error!.issues, 'Своё')).toBe('Своё');
  });
});
