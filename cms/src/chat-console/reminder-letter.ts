import { formatRussianDate } from '@portal/core/time-zone';
import { linesAsParagraphs, type Letter } from '../appeals/letters/letter';

/** What the deferral reminder says: no client data, the operator opens the conversation in the console. */
export interface DeferralReminderInput {
  conversationId: number | string;
  /** The promised time, company-local `YYYY-MM-DDTHH:MM`. */
  promisedLocal: string;
  /** «МСК» or the zone's name. */
  zoneLabel: string;
  /** Where the conversation opens in the console (full URL or path). */
  consoleUrl: string;
}

/** The reminder to the operator who deferred a conversation (or to the handlers' address): it is time to return. */
export function deferralReminderLetter(input: DeferralReminderInput): Letter {
  const when = `${formatRussianDate(input.promisedLocal.slice(0, 10))} в ${input.promisedLocal.slice(11, 16)} ${input.zoneLabel}`;
  const lines = [
    `Пора вернуться к отложенному диалогу № ${input.conversationId} в онлайн-чате: клиенту обещали ответ ${when}.`,
    'Диалог снова в начале очереди консоли онлайн-консультанта.',
    '',
    `Открыть: ${input.consoleUrl}`,
  ];
  return { subject: `Отложенный диалог № ${input.conversationId}: пора вернуться`, text: lines.join('\n'), html: linesAsParagraphs(lines) };
}
