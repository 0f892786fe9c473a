import { describe, expect, it } from 'vitest';
import { fillAnswerTemplate } from './answer-template';

const values = {
  name: 'Ольга Сергеевна',
  number: 'В-2026-000123',
  date: '20 ноября 2026 г.',
  answer: 'Показания принимаются с 15 по 25 число.',
  handler: 'Мария Иванова',
  position: 'ведущий специалист',
};

describe('answer templates', () => {
  it('fills the salutation, number, date, answer and signature', () => {
    const letter = fillAnswerTemplate('Уважаемая {{name}}!\nНа ваше обращение № {{number}} от {{date}} сообщаем.\n{{answer}}\nС уважением, {{handler}}, {{ position }}', values);
    expect(letter).toBe('Уважаемая Ольга Сергеевна!\nНа ваше обращение № В-2026-000123 от 20 ноября 2026 г. сообщаем.\nПоказания принимаются с 15 по 25 число.\nС уважением, Мария Иванова, ведущий специалист');
  });

  it('keeps unknown placeholders visible and never drops the answer', () => {
    const letter = fillAnswerTemplate('Здравствуйте, {{nmae}}!', values);
    expect(letter).toBe('Здравствуйте, {{nmae}}!\n\nПоказания принимаются с 15 по 25 число.');
  });

  it('does not treat values as templates (a client name with braces stays as typed)', () => {
    expect(fillAnswerTemplate('{{name}} {{answer}}', { ...values, name: '{{answer}}' })).toBe('{{answer}} Показания принимаются с 15 по 25 число.');
  });
});
