import { escapeHtml } from '@portal/core/escape-html';
import type { Letter } from './letter';

/** The answer as the handler wrote it. */
export interface AnswerInput {
  registrationNumber: string;
  /** The handler's text: paragraphs separated by blank lines, line breaks kept. */
  answer: string;
}

/** The answer letter: the handler's text as it is, in HTML one paragraph per blank-line-separated block. */
export function answerLetter({ registrationNumber, answer }: AnswerInput): Letter {
  return {
    subject: `Ответ на обращение № ${registrationNumber}`,
    text: answer,
    html: answer
      .split(/\n{2,}/)
      .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
      .join('\n'),
  };
}
