import type { CollectionConfig } from 'payload';
import { isAdmin, isNobody } from '../../access/roles';
import { COLLECTIONS } from '../../slugs';

/** Where a letter stands: waiting for the dispatcher, paused with its group, sent, or withdrawn before sending. */
export const LETTER_STATES = ['pending', 'held', 'sent', 'cancelled'] as const;
export type LetterState = (typeof LETTER_STATES)[number];

const LETTER_STATE_LABELS: Record<LetterState, string> = {
  pending: 'Ждёт отправки',
  held: 'Приостановлено',
  sent: 'Отправлено',
  cancelled: 'Отменено',
};

/**
 * The robot's letters that are not about one appeal (chat, bookings, alerts …): one row each, the row itself the
 * queue entry (see outbox/letters.ts). Written only by the server; the bodies hold personal data, so only
 * administrators read them, and the bodies of sent letters are blanked after a while (the row stays, so its
 * `dedupeKey` keeps refusing a second letter).
 */
export const OutgoingLetters: CollectionConfig = {
  slug: COLLECTIONS.outgoingLetters,
  labels: { singular: 'Исходящее письмо', plural: 'Исходящие письма' },
  admin: { hidden: true, useAsTitle: 'subject' },
  custom: { accessProfile: 'internal' },
  access: { read: isAdmin, create: isNobody, update: isNobody, delete: isNobody, readVersions: isNobody },
  fields: [
    { name: 'purpose', label: 'Назначение', type: 'text', required: true, index: true },
    // At most one letter per key, ever: the unique index refuses the second insert on every engine.
    { name: 'dedupeKey', label: 'Ключ', type: 'text', required: true, unique: true, index: true },
    { name: 'groupKey', label: 'Группа', type: 'text', index: true },
    { name: 'recipient', label: 'Кому', type: 'text', required: true },
    { name: 'subject', label: 'Тема', type: 'text', required: true },
    { name: 'text', label: 'Текст', type: 'textarea' },
    { name: 'html', label: 'HTML', type: 'textarea' },
    { name: 'headers', label: 'Заголовки', type: 'json' },
    { name: 'attachments', label: 'Вложения', type: 'json' },
    { name: 'state', label: 'Состояние', type: 'select', required: true, defaultValue: 'pending', index: true, options: LETTER_STATES.map((value) => ({ value, label: LETTER_STATE_LABELS[value] })) },
    { name: 'notBefore', label: 'Не раньше', type: 'date', index: true },
    { name: 'attempts', label: 'Попыток', type: 'number', defaultValue: 0 },
    { name: 'lastError', label: 'Последняя ошибка', type: 'text' },
    { name: 'nextAttemptAt', label: 'Следующая попытка', type: 'date' },
    { name: 'claimedUntil', label: 'Занято до', type: 'date' },
    { name: 'sentAt', label: 'Отправлено', type: 'date', index: true },
    { name: 'messageId', label: 'Message-ID', type: 'text' },
  ],
};
