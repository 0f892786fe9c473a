import { describe, expect, it } from 'vitest';
import { renderConfirmationEmail, type ConfirmationEmailInput } from './confirmation-email';

const company: ConfirmationEmailInput['company'] = {
  name: 'АО «Энергосбыт Приречья»',
  shortName: 'Энергосбыт Приречья',
  hotline: '8 800 100-20-30',
  email: 'info@energo.example',
  address: '600000, г. Приреченск, ул. Ленина, д. 1',
};

const question: ConfirmationEmailInput = {
  company,
  appeal: {
    registrationNumber: 'В-2026-000123',
    typeLabel: 'вопрос',
    clientName: 'Анна Сергеевна',
    receivedAtText: '27 ноября 2026 г., 19:05 (мск)',
    deadlineText: '1 декабря 2026 г.',
    outsideHoursNote:
      'Ваше обращение поступило в нерабочее время. Специалисты приступят к работе 30 ноября 2026 г. в 8:00.',
    statusUrl: 'https://energo.example/obrashcheniya/status/?n=%D0%92-2026-000123',
  },
};

describe('renderConfirmationEmail', () => {
  it('renders the question letter as in the reviewed snapshots', async () => {
    const email = renderConfirmationEmail(question);
    expect(email.subject).toBe('Обращение № В-2026-000123 зарегистрировано — Энергосбыт Приречья');
    await expect(email.text).toMatchFileSnapshot('./__snapshots__/confirmation-email.question.txt');
    await expect(email.html).toMatchFileSnapshot('./__snapshots__/confirmation-email.question.html');
  });

  it('renders a minimal letter without optional notes, link or address', async () => {
    const { address: _address, ...companyWithoutAddress } = company;
    const email = renderConfirmationEmail({
      company: companyWithoutAddress,
      appeal: {
        registrationNumber: 'З-2026-000007',
        typeLabel: 'заявка на услугу',
        clientName: 'Иван',
        receivedAtText: '2 декабря 2026 г., 10:15 (мск)',
        deadlineText: '9 декабря 2026 г.',
        deadlineNote: 'После рассмотрения заявки с вами свяжется специалист.',
      },
    });
    await expect(email.text).toMatchFileSnapshot('./__snapshots__/confirmation-email.minimal.txt');
    await expect(email.html).toMatchFileSnapshot('./__snapshots__/confirmation-email.minimal.html');
    expect(email.text).not.toContain('Адрес:');
    expect(email.html).not.toContain('<a href="http');
  });

  it('escapes markup in every interpolated value of the HTML version', () => {
    const hostile = '<script>alert(1)</script>';
    const email = renderConfirmationEmail({
      company: { ...company, name: hostile, shortName: `"${hostile}`, address: hostile },
      appeal: { ...question.appeal, clientName: hostile, typeLabel: hostile, deadlineNote: hostile },
    });
    expect(email.html).not.toContain('<script');
    expect(email.html).toContain('Здравствуйте, &lt;script&gt;alert(1)&lt;/script&gt;!');
    expect(email.html).toContain('&quot;&lt;script&gt;');
    // The plain-text part is not markup: the name appears as typed.
    expect(email.text).toContain(`Здравствуйте, ${hostile}!`);
  });

  it('drops a status link that is not an http(s) URL', () => {
    const email = renderConfirmationEmail({ company, appeal: { ...question.appeal, statusUrl: 'javascript:alert(1)' } });
    expect(email.html).not.toContain('javascript:');
    expect(email.text).not.toContain('javascript:');
  });

  it('keeps the subject on one line even if a name contains line breaks', () => {
    const email = renderConfirmationEmail({ company: { ...company, shortName: 'Энерго\r\nBcc: x@y' }, appeal: question.appeal });
    expect(email.subject).not.toMatch(/[\r\n]/);
  });
});
