import { escapeHtml } from '@portal/core/escape-html';
import type { Letter } from './letter';

/** What the satisfaction survey invitation says. */
export interface SurveyInvitationInput {
  registrationNumber: string;
  /** The name the client gave. */
  clientName: string;
  /** The client's private rating page. */
  surveyUrl: string;
  /** The company's name in the signature (its short name when it has one). */
  companyName: string;
}

/** The invitation to rate the answer, sent after an appeal is closed; the link is the only markup in the HTML. */
export function surveyInvitationLetter({ registrationNumber, clientName, surveyUrl, companyName }: SurveyInvitationInput): Letter {
  const lines = [
    `Здравствуйте, ${clientName}!`,
    `Рассмотрение вашего обращения № ${registrationNumber} завершено. Нам важно знать, насколько вы довольны ответом и обслуживанием.`,
    `Оценить, пожалуйста, можно по ссылке (оценка от 1 до 5 и, по желанию, комментарий): ${surveyUrl}`,
    `С уважением, ${companyName}`,
  ];
  const link = escapeHtml(surveyUrl);
  return {
    subject: `Оцените, пожалуйста, ответ на обращение № ${registrationNumber}`,
    text: lines.join('\n\n'),
    html: lines.map((line) => `<p>${escapeHtml(line).replace(link, `<a href="${link}">${link}</a>`)}</p>`).join('\n'),
  };
}
