import { describe, expect, it } from 'vitest';
import { findPersonalData, personalDataMessage } from './pii-guard';

const kinds = (text: string) => findPersonalData(text).map((match) => match.kind);

describe('findPersonalData', () => {
  it.each([
    ['Ответ направлен на ivanov.p@mail.example.ru', 'email'],
    ['Клиент звонил с номера +7 (912) 345-67-89', 'phone'],
    ['Перезвоните по 8 912 345 67 89', 'phone'],
    ['Тел. 89123456789', 'phone'],
    ['Телефон офиса 21-45-10', 'phone'],
    ['Лицевой счёт 1234567890 закрыт', 'account'],
    ['по л/с № 4521 проведён перерасчёт', 'account'],
    ['Паспорт 4510 123456 предъявлен', 'account'],
    ['СНИЛС 123-456-789 01', 'snils'],
    ['Проживает в кв. 15', 'apartment'],
  ])('flags «%s» as %s', (text, kind) => {
    expect(kinds(text)).toContain(kind);
  });

  it.each([
    'Перерасчёт на 1 234,56 ₽ выполнен 12.03.2026 по тарифу 6,43 ₽/кВт·ч.',
    'В 2026 году жалоб на показания стало меньше на 15 %.',
    'Клиенту из Ясноборска заменили прибор учёта в течение 10 рабочих дней.',
    'Обращение рассмотрено в срок, начисления за октябрь скорректированы.',
  ])('lets a clean summary through: «%s»', (text) => {
    expect(findPersonalData(text)).toEqual([]);
    expect(personalDataMessage(text)).toBeNull();
  });

  it('names every kind found in a polite Russian message without repeating the data', () => {
    const message = personalDataMessage('Пишите на a@b.ru или звоните +7 900 000-00-00') ?? '';
    expect(message).toContain('адрес электронной почты');
    expect(message).toContain('номер телефона');
    expect(message).not.toContain('a@b.ru');
  });
});

describe('findPersonalData on overlapping patterns', () => {
  it('reports a fragment once, under the first kind that matched it', () => {
    // «123456789» is an account by its digits, and «л/с 123456789» matches again as an account reference
    // (a later pattern): one finding, the first.
    expect(findPersonalData('Мой л/с 123456789 проверьте пожалуйста')).toEqual([{ kind: 'account', text: '123456789' }]);
  });

  it('still reports two fragments that only touch', () => {
    expect(findPersonalData('123456,654321').map((match) => match.text)).toEqual([]);
    expect(findPersonalData('123456 654321').map((match) => match.text)).toEqual(['123456', '654321']);
  });
});
