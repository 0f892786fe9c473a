import { describe, expect, it } from 'vitest';
import { surveyInvitationLetter, type SurveyInvitationInput } from './survey-invitation';

const invitation: SurveyInvitationInput = {
  registrationNumber: 'Ж-2026-000042',
  receivedDate: '20 ноября 2026 г.',
  accountNumber: '123456789',
  clientName: 'Мария',
  surveyUrl: 'https://energo.example/otsenka/#t=AbC-123_xyz',
  companyName: 'Энергосбыт Приречья',
};

describe('surveyInvitationLetter', () => {
  it('renders the survey invitation as in the reviewed snapshots', async () => {
    const letter = surveyInvitationLetter(invitation);
    // 001 L440: number, personal account and date of the appeal in the subject.
    expect(letter.subject).toBe('Оцените, пожалуйста, ответ на обращение № Ж-2026-000042 от 20 ноября 2026 г., лицевой счёт 123456789');
    await expect(letter.text).toMatchFileSnapshot('./__snapshots__/survey-invitation.txt');
    await expect(letter.html).toMatchFileSnapshot('./__snapshots__/survey-invitation.html');
  });

  it('leaves the personal account out when the client gave none', () => {
    expect(surveyInvitationLetter({ ...invitation, accountNumber: null }).subject).toBe('Оцените, пожалуйста, ответ на обращение № Ж-2026-000042 от 20 ноября 2026 г.');
  });

  it('links the rating page and escapes the client name in the HTML version', () => {
    const { html } = surveyInvitationLetter({ ...invitation, clientName: '<i>Мария</i>' });
    expect(html).toContain('<p>Здравствуйте, &lt;i&gt;Мария&lt;/i&gt;!</p>');
    expect(html).toContain('<a href="https://energo.example/otsenka/#t=AbC-123_xyz">https://energo.example/otsenka/#t=AbC-123_xyz</a>');
  });
});
