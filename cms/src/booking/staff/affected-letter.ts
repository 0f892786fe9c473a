import { escapeHtml } from '@portal/core/escape-html';
import { formatClock } from '@portal/core/office-hours';
import { formatRussianDate } from '@portal/core/time-zone';
import { safeHttpUrl, sentence, type Letter } from '../../appeals/letters/letter';

/** What the letter to a client whose visit lost its place says. */
export interface AffectedLetterInput {
  name: string;
  code: string;
  office: string;
  address: string;
  date: string;
  startTime: string;
  topic: string;
  /** Why the visit cannot take place, a sentence part («в этот день офис закрыт (ремонт)»). */
  reason: string;
  /** Where to choose another time (the booking page with the office chosen). */
  rebookUrl: string;
  company: string;
  hotline: string;
}

/**
 * The apology to a client whose booked visit the office can no longer take (a day closed, hours changed, a topic
 * removed): the visit, the reason, that it is cancelled, and a link to choose another time. Sent once per booking
 * («Уведомить клиентов», cms/src/booking/staff/affected.ts).
 */
export function affectedBookingLetter(input: AffectedLetterInput): Letter {
  const when = `${formatRussianDate(input.date)} в ${formatClock(input.startTime)}`;
  const link = safeHttpUrl(input.rebookUrl);
  const lines = [
    `Здравствуйте, ${input.name}!`,
    `Приносим извинения: ваш визит по записи ${input.code} — ${when}, ${input.office} (${input.address}), вопрос «${input.topic}» — не состоится: ${sentence(input.reason)}`,
    'Запись отменена. Пожалуйста, выберите другое удобное время:',
    link ?? '',
    `Если удобнее записаться по телефону, позвоните ${sentence(input.hotline)}`,
    `С уважением, ${input.company}`,
  ].filter((line) => line !== '');
  const html = lines
    .map((line) => (line === link ? `<p><a href="${escapeHtml(link)}">Выбрать другое время</a></p>` : `<p>${escapeHtml(line)}</p>`))
    .join('\n');
  return { subject: `Визит в офис ${formatRussianDate(input.date)} не состоится: выберите другое время`, text: `${lines.join('\n\n')}\n`, html };
}
