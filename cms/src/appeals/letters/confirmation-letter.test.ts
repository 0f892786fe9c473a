import { describe, expect, it } from 'vitest';
import { APPEAL_TYPES, type AppealType } from '@portal/core/appeal-type';
import { DEFAULT_DEADLINES } from '@portal/core/deadlines';
import { confirmationLetter, type ConfirmationLetterInput, type RegisteredAppealFacts } from './confirmation-email';

const company: ConfirmationLetterInput['company'] = {
  name: 'АО «Энергосбыт Приречья»',
  shortName: 'Энергосбыт Приречья',
  hotline: '8 800 100-20-30',
  email: 'info@energo.example',
  address: '600000, г. Приреченск, ул. Ленина, д. 1',
  timeZone: 'Europe/Moscow',
};

const note = (type: string) => DEFAULT_DEADLINES.find((rule) => rule.appealType === type)?.note ?? '';
const statusUrl = 'https://energo.example/status/#t=abc';

/**
 * One registered appeal per type, as registration stores it (dates worked out by hand from the standards' table:
 * working days counted from the day after receipt, a calendar term ending on a day off moves to the next working day).
 */
const appeals: Record<AppealType, RegisteredAppealFacts> = {
  // Friday 27 November 2026, 19:05 in Moscow: after hours, work starts on Monday at 08:00; 2 working days → 1 December.
  question: { registrationNumber: 'В-2026-000123', type: 'question', clientName: 'Анна Сергеевна', receivedAt: '2026-11-27T16:05:00.000Z', deadlineDate: '2026-12-01', workStartsAt: '2026-11-30T08:00', deadlineRuleNote: note('question'), statusUrl },
  // Wednesday 2 December 2026, 10:15: 5 working days → 9 December; originals, 6 working days → 10 December.
  application: { registrationNumber: 'З-2026-000007', type: 'application', clientName: 'Иван Петров', receivedAt: '2026-12-02T07:15:00.000Z', deadlineDate: '2026-12-09', originalsDeadlineDate: '2026-12-10', deadlineRuleNote: note('application'), statusUrl },
  // 10 calendar days from 2 December end on Saturday 12 December → Monday 14 December.
  complaint: { registrationNumber: 'Ж-2026-000042', type: 'complaint', clientName: 'Мария', receivedAt: '2026-12-02T07:15:00.000Z', deadlineDate: '2026-12-14', deadlineRuleNote: note('complaint'), statusUrl },
  // Saturday 5 December 2026, 12:00: a day off, work starts on Monday 7 December; 5 working days → 11 December.
  feedback: { registrationNumber: 'О-2026-000003', type: 'feedback', clientName: 'Олег', receivedAt: '2026-12-05T09:00:00.000Z', deadlineDate: '2026-12-11', workStartsAt: '2026-12-07T08:00', deadlineRuleNote: note('feedback'), statusUrl },
  // Thursday 17 December 2026, 09:30: 1 working day → 18 December.
  readings: { registrationNumber: 'П-2026-000101', type: 'readings', clientName: 'Пётр Иванович', receivedAt: '2026-12-17T06:30:00.000Z', deadlineDate: '2026-12-18', deadlineRuleNote: note('readings'), statusUrl },
  // Monday 7 December 2026, 06:40: before work starts that day at 08:00; 2 working days → 9 December.
  email: { registrationNumber: 'Э-2026-000055', type: 'email', clientName: 'client@example.ru', receivedAt: '2026-12-07T03:40:00.000Z', deadlineDate: '2026-12-09', workStartsAt: '2026-12-07T08:00', deadlineRuleNote: note('email'), statusUrl },
};

describe('confirmationLetter', () => {
  it.each(APPEAL_TYPES)('renders the %s confirmation as in the reviewed snapshots', async (type) => {
    const letter = confirmationLetter({ company, appeal: appeals[type] });
    await expect(letter.text).toMatchFileSnapshot(`./__snapshots__/confirmation.${type}.txt`);
    await expect(letter.html).toMatchFileSnapshot(`./__snapshots__/confirmation.${type}.html`);
  });

  it('states the stored deadline, receipt time and start of work, in the company time zone', () => {
    const { text, subject } = confirmationLetter({ company, appeal: appeals.question });
    expect(subject).toBe('Обращение № В-2026-000123 зарегистрировано — Энергосбыт Приречья');
    expect(text).toContain('Вид обращения: вопрос');
    expect(text).toContain('Срок ответа: не позднее 1 декабря 2026 г.');
    expect(text).toContain('Ответ придёт выбранным вами способом.');
    expect(text).toContain('Обращение поступило в нерабочее время. Специалисты приступят к работе 30 ноября 2026 г. в 8:00.');
  });

  it('asks for the originals only when registration stored their due date, after the rule note', () => {
    const application = confirmationLetter({ company, appeal: appeals.application }).text;
    expect(application).toContain(
      'Затем с вами свяжется специалист, чтобы договориться о дальнейших шагах. Оригиналы документов, копии которых вы приложили к заявке, пожалуйста, представьте в офис обслуживания не позднее 10 декабря 2026 г.',
    );
    const { originalsDeadlineDate: _none, ...withoutCopies } = appeals.application;
    expect(application).not.toContain('г..');
    expect(confirmationLetter({ company, appeal: withoutCopies }).text).not.toContain('Оригиналы');
  });

  it('says nothing about working hours for an appeal received during them', () => {
    expect(confirmationLetter({ company, appeal: appeals.complaint }).text).not.toContain('нерабочее');
  });

  it('escapes the client name and the rule note in the HTML version', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { html } = confirmationLetter({ company, appeal: { ...appeals.question, clientName: hostile, deadlineRuleNote: hostile } });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
