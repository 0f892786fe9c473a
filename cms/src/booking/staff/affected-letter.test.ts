import { describe, expect, it } from 'vitest';
import { affectedBookingLetter } from './affected-letter';

const input = {
  name: 'Анна <b>',
  code: 'ЗП-7K2M',
  office: 'Центральный офис',
  address: 'ул. Ленина, 1',
  date: '2026-12-15',
  startTime: '09:30',
  topic: 'Заключение договора',
  reason: 'в этот день офис закрыт (ремонт)',
  rebookUrl: 'https://energo.example.ru/zapis/?office=centralnyj',
  company: 'АО «Энергосбыт»',
  hotline: '8 800 000-00-00',
};

describe('letter to a client whose visit lost its place', () => {
  const letter = affectedBookingLetter(input);

  it('names the visit, apologises with the reason and says it is cancelled', () => {
    expect(letter.subject).toBe('Визит в офис 15 декабря 2026 г. не состоится: выберите другое время');
    expect(letter.text).toContain('Приносим извинения: ваш визит по записи ЗП-7K2M — 15 декабря 2026 г. в 9:30, Центральный офис (ул. Ленина, 1), вопрос «Заключение договора» — не состоится: в этот день офис закрыт (ремонт).');
    expect(letter.text).toContain('Запись отменена.');
  });

  it('links to choosing another time in both bodies', () => {
    expect(letter.text).toContain('https://energo.example.ru/zapis/?office=centralnyj');
    expect(letter.html).toContain('<a href="https://energo.example.ru/zapis/?office=centralnyj">Выбрать другое время</a>');
  });

  it('escapes the client’s name in the HTML body', () => {
    expect(letter.html).toContain('Здравствуйте, Анна &lt;b&gt;!');
    expect(letter.html).not.toContain('<b>');
  });

  it('leaves out a link that is not a web address', () => {
    expect(affectedBookingLetter({ ...input, rebookUrl: 'javascript:alert(1)' }).html).not.toContain('javascript:');
  });
});
