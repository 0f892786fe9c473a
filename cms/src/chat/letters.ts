import { escapeHtml } from '@portal/core/escape-html';
import { formatRussianDateTime, toLocalIsoDateTime } from '@portal/core/time-zone';
import { linesAsParagraphs, type Letter } from '../appeals/letters/letter';

/**
 * The chat's letters, pure builders (plain data in, subject and both bodies out). They are sent through
 * {@link ./deliver.ts}, the one place that hands a letter to the mail system.
 */

/** «Оператор подключился к разговору»: the client left the page; the link brings them back into the conversation. */
export function operatorJoinedLetter(input: { companyName: string; operatorName: string; link: string }): Letter {
  const lines = [
    'Здравствуйте!',
    '',
    `Оператор ${input.operatorName} подключился к вашему разговору в онлайн-чате и ответит вам там.`,
    'Чтобы вернуться в разговор, откройте ссылку:',
    input.link,
    '',
    'Ссылка личная: пожалуйста, не пересылайте её другим людям.',
    '',
    `С уважением, ${input.companyName}`,
  ];
  const html = lines
    .map((line) => (line === input.link ? `<p><a href="${escapeHtml(input.link)}">Вернуться в разговор</a></p>` : line === '' ? '' : `<p>${escapeHtml(line)}</p>`))
    .join('\n');
  return { subject: 'Оператор подключился к вашему разговору в чате', text: lines.join('\n'), html };
}

/** One line of a transcript. */
export interface TranscriptLine {
  author: 'client' | 'operator' | 'system';
  operatorName?: string;
  text: string;
  at: string;
}

const AUTHOR_WORDS = { client: 'Вы', operator: 'Оператор', system: 'Сообщение чата' } as const;

/** «Переписка в чате»: the conversation's messages with their times in the company's zone. */
export function transcriptLetter(input: { companyName: string; timeZone: string; lines: readonly TranscriptLine[] }): Letter {
  const entries = input.lines.map((line) => {
    const who = line.author === 'operator' && line.operatorName ? `Оператор ${line.operatorName}` : AUTHOR_WORDS[line.author];
    const when = formatRussianDateTime(toLocalIsoDateTime(new Date(line.at), input.timeZone).slice(0, 16));
    return { head: `${who}, ${when}:`, text: line.text };
  });
  const text = ['Здравствуйте!', '', 'Вы просили прислать переписку из онлайн-чата.', '', ...entries.flatMap((entry) => [entry.head, entry.text, '']), `С уважением, ${input.companyName}`].join('\n');
  const html = [
    linesAsParagraphs(['Здравствуйте!', '', 'Вы просили прислать переписку из онлайн-чата.']),
    ...entries.map((entry) => `<p><strong>${escapeHtml(entry.head)}</strong><br>${escapeHtml(entry.text).replace(/\n/g, '<br>')}</p>`),
    `<p>${escapeHtml(`С уважением, ${input.companyName}`)}</p>`,
  ].join('\n');
  return { subject: 'Переписка в онлайн-чате', text, html };
}
