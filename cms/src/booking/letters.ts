import { visitIcs } from '@portal/core/booking/ics';
import { escapeHtml } from '@portal/core/escape-html';
import { formatRussianDate } from '@portal/core/time-zone';
import { formatClock } from '@portal/core/office-hours';

/**
 * The booking's letters as pure builders (subject, text, html, the `.ics`): confirmation, reminder, moved,
 * cancelled. notify.ts reads what they need and queues them in the outbox.
 */

export type BookingLetterKind = 'confirmation' | 'reminder' | 'moved' | 'cancelled';

export interface BookingLetterData {
  kind: BookingLetterKind;
  code: string;
  name: string;
  officeName: string;
  address: string;
  officePhones: string[];
  topicTitle: string;
  documents: string;
  date: string;
  startTime: string;
  endTime: string;
  desk: number;
  start: Date;
  end: Date;
  /** The private page to cancel or move the visit. */
  manageUrl: string;
  companyName: string;
  hotline: string;
  /** Stable event id for the `.ics` (`booking-<id>@<host>`) and its sequence (moves so far, +1 when cancelled). */
  uid: string;
  sequence: number;
  now: Date;
}

export interface BuiltLetter {
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: string; encoding: 'utf-8' }[];
}

const SUBJECTS: Record<BookingLetterKind, (when: string, code: string) => string> = {
  confirmation: (when, code) => `Вы записаны на приём ${when}, код ${code}`,
  reminder: (when, code) => `Напоминаем: приём ${when}, код ${code}`,
  moved: (when, code) => `Запись перенесена на ${when}, код ${code}`,
  cancelled: (when, code) => `Запись на ${when} отменена, код ${code}`,
};

const OPENERS: Record<BookingLetterKind, string> = {
  confirmation: 'Вы записаны на приём в офис обслуживания клиентов.',
  reminder: 'Напоминаем о вашем визите в офис обслуживания клиентов.',
  moved: 'Ваша запись на приём перенесена. Новое время:',
  cancelled: 'Ваша запись на приём отменена. Время освобождено для других клиентов.',
};

/** Builds one of the booking's letters. */
export function bookingLetter(data: BookingLetterData): BuiltLetter {
  const day = formatRussianDate(data.date, { weekday: true });
  const when = `${day} в ${formatClock(data.startTime)}`;
  const subject = SUBJECTS[data.kind](when, data.code);
  const cancelled = data.kind === 'cancelled';
  const rows: [string, string][] = [
    ['Код записи', data.code],
    ['Когда', `${day}, ${formatClock(data.startTime)}–${formatClock(data.endTime)}`],
    ['Где', `${data.officeName}, ${data.address}`],
    ['Вопрос', data.topicTitle],
  ];
  const documents = cancelled ? '' : data.documents.trim();
  const lines = [
    `Здравствуйте, ${data.name}!`,
    '',
    OPENERS[data.kind],
    '',
    ...rows.map(([label, value]) => `${label}: ${value}`),
    ...(documents ? ['', 'Возьмите с собой:', documents] : []),
    '',
    ...(cancelled
      ? ['Записаться снова можно на сайте в разделе «Запись на приём».']
      : ['Назовите код записи администратору или у окна. Если планы изменились, отмените или перенесите визит по ссылке:', data.manageUrl]),
    ...(data.officePhones.length > 0 ? ['', `Телефон офиса: ${data.officePhones.join(', ')}`] : []),
    ...(data.hotline ? [`Горячая линия: ${data.hotline}`] : []),
    '',
    `С уважением, ${data.companyName}`,
  ];
  const html = [
    `<p>Здравствуйте, ${escapeHtml(data.name)}!</p>`,
    `<p>${escapeHtml(OPENERS[data.kind])}</p>`,
    '<table>',
    ...rows.map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`),
    '</table>',
    ...(documents ? [`<p><strong>Возьмите с собой:</strong><br>${escapeHtml(documents).replace(/\r?\n/g, '<br>')}</p>`] : []),
    cancelled
      ? '<p>Записаться снова можно на сайте в разделе «Запись на приём».</p>'
      : `<p>Назовите код записи администратору или у окна. Если планы изменились, <a href="${escapeHtml(data.manageUrl)}">отмените или перенесите визит</a>.</p>`,
    ...(data.officePhones.length > 0 ? [`<p>Телефон офиса: ${escapeHtml(data.officePhones.join(', '))}</p>`] : []),
    `<p>С уважением, ${escapeHtml(data.companyName)}</p>`,
  ].join('\n');
  const ics = visitIcs({
    uid: data.uid,
    start: data.start,
    end: data.end,
    stamp: data.now,
    summary: `Приём: ${data.topicTitle} (${data.code})`,
    location: `${data.officeName}, ${data.address}`,
    description: [`Код записи: ${data.code}`, ...(documents ? [`Возьмите с собой: ${documents}`] : []), ...(cancelled ? [] : [`Отменить или перенести: ${data.manageUrl}`])].join('\n'),
    sequence: data.sequence,
    cancelled,
  });
  return {
    subject,
    text: lines.join('\n'),
    html,
    // Reminders carry no file: the calendar has the event from the confirmation.
    attachments: data.kind === 'reminder' ? [] : [{ filename: 'zapis.ics', contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'PUBLISH'}`, content: ics, encoding: 'utf-8' }],
  };
}
