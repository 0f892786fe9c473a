import { escapeHtml } from '@portal/core/escape-html';
import { safeHttpUrl, type Letter } from './letter';

/** What the satisfaction survey invitation says. */
export interface SurveyInvitationInput {
  registrationNumber: string;
  /** The appeal's registration date in Russian, «20 ноября 2026 г.» (001 L440: the survey letter names it). */
  receivedDate: string;
  /** The personal account or contract number, when the client gave one (001 L440). */
  accountNumber?: string | null;
  /** The name the client gave. */
  clientName: string;
  /** The client's private rating page. */
  surveyUrl: string;
  /** The company's name in the signature (its short name when it has one). */
  companyName: string;
}

/** The invitation to rate the answer, sent after an appeal is closed; the link is the only markup in the HTML. */
export function surveyInvitationLetter({ registrationNumber, receivedDate, accountNumber, clientName, surveyUrl, companyName }: SurveyInvitationInput): Letter {
  const intro = 'Оценить, пожалуйста, можно по ссылке (оценка от 1 до 5 и, по желанию, комментарий): ';
  // 001 L440: the subject names the appeal's number, the personal account and the date of the appeal.
  const appeal = `№ ${registrationNumber} от ${receivedDate}${accountNumber ? `, лицевой счёт ${accountNumber}` : ''}`;
  const inText = `№ ${registrationNumber} от ${receivedDate}${accountNumber ? ` (лицевой счёт ${accountNumber})` : ''}`;
  const lines = [
    `Здравствуйте, ${clientName}!`,
    `Рассмотрение вашего обращения ${inText} завершено. Нам важно знать, насколько вы довольны ответом и обслуживанием.`,
    `${intro}${surveyUrl}`,
    `С уважением, ${companyName}`,
  ];
  // The link is made only of the survey line, and only for a web address (never `javascript:` or a bare path).
  const link = safeHttpUrl(surveyUrl) ? escapeHtml(surveyUrl) : null;
  return {
    subject: `Оцените, пожалуйста, ответ на обращение ${appeal}`,
    text: lines.join('\n\n'),
    html: lines
      .map((line, i) => (i === 2 && link ? `<p>${escapeHtml(intro)}<a href="${link}">${link}</a></p>` : `<p>${escapeHtml(line)}</p>`))
      .join('\n'),
  };
}
