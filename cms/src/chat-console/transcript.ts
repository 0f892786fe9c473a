import { toLocalIsoDateTime } from '@portal/core/time-zone';

/** One stored message as the transcript reads it. */
export interface TranscriptMessage {
  seq: number;
  kind?: string | null;
  author: string;
  operatorName?: string | null;
  text?: string | null;
  createdAt: string;
}

const AUTHOR_NAMES: Record<string, string> = { client: 'Клиент', system: 'Система' };

/** The longest appeal text the register takes (core/src/staff-appeal.ts). */
export const APPEAL_TEXT_MAX = 10_000;

/**
 * The conversation as an appeal's text: a header naming the chat and its number, then one line per message with
 * the company-local time and the author; state changes are left out. Cut to the register's limit from the start
 * (the client's question comes first), saying so.
 */
export function transcriptText(conversationId: number | string, messages: readonly TranscriptMessage[], timeZone: string): string {
  const header = `Переписка в онлайн-чате № ${conversationId}:`;
  const lines = messages
    .filter((message) => (message.kind ?? 'message') === 'message' && message.text)
    .sort((a, b) => a.seq - b.seq)
    .map((message) => {
      const who = message.author === 'operator' ? `Оператор${message.operatorName ? ` (${message.operatorName})` : ''}` : (AUTHOR_NAMES[message.author] ?? message.author);
      const at = toLocalIsoDateTime(new Date(message.createdAt), timeZone).slice(0, 16).replace('T', ' ');
      return `[${at}] ${who}: ${message.text}`;
    });
  const text = [header, ...lines].join('\n');
  if (text.length <= APPEAL_TEXT_MAX) return text;
  const note = '\n[…переписка сокращена, полностью — в консоли онлайн-консультанта]';
  return text.slice(0, APPEAL_TEXT_MAX - note.length) + note;
}
