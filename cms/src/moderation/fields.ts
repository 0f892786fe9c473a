import type { Field } from 'payload';
import { MODERATION_STATE_LABELS, MODERATION_STATES } from '@portal/core/moderation';
import { isModeratorOrAdminField, isNobodyField, SERVER_ONLY_FIELD } from '../access/roles';
import { COLLECTIONS } from '../slugs';

const dayAndTime = { date: { pickerAppearance: 'dayAndTime' as const } };
/** A time the server records (never typed by staff): shown read-only, in the company's zone («… МСК»). */
const recordedTime = { readOnly: true, ...dayAndTime };

/** Read by moderators and administrators only, written only by the server's own code. */
const MODERATION_RECORD = { read: isModeratorOrAdminField, ...SERVER_ONLY_FIELD } as const;

/**
 * The fields every moderated collection adds (reviews, forum posts). The state and the moderation record move only
 * through the pipeline's own code (cms/src/moderation/submit.ts and actions.ts, with `overrideAccess`), never by a
 * field edit in the admin: so nothing reaches the site without an approval in the audit log. `authorName` is the one
 * thing about the author the public sees; `authorEmail` and the rest are for moderators and administrators.
 * The collection's `text` field is its own (a review's text, a forum post's body); `redact` rewrites it.
 */
export function moderationFields(): Field[] {
  return [
    {
      name: 'moderationState',
      label: 'Модерация',
      type: 'select',
      required: true,
      defaultValue: 'unverified',
      index: true,
      options: MODERATION_STATES.map((state) => ({ value: state, label: MODERATION_STATE_LABELS[state] })),
      access: SERVER_ONLY_FIELD,
      admin: { position: 'sidebar', readOnly: true },
    },
    { name: 'authorName', label: 'Имя автора (показывается на сайте)', type: 'text', required: true, maxLength: 60, access: SERVER_ONLY_FIELD },
    { name: 'authorEmail', label: 'Электронная почта автора (не публикуется)', type: 'email', required: true, access: MODERATION_RECORD },
    { name: 'submittedAt', label: 'Отправлено', type: 'date', index: true, access: MODERATION_RECORD, admin: recordedTime },
    { name: 'emailVerifiedAt', label: 'Адрес подтверждён', type: 'date', index: true, access: MODERATION_RECORD, admin: recordedTime },
    // SHA-256 of the verification link's token; the link itself is never stored.
    { name: 'verificationTokenHash', type: 'text', unique: true, index: true, hidden: true, access: { read: isNobodyField, ...SERVER_ONLY_FIELD } },
    {
      name: 'consent',
      label: 'Согласие на обработку персональных данных',
      type: 'group',
      access: MODERATION_RECORD,
      fields: [
        { name: 'version', label: 'Версия текста', type: 'text' },
        { name: 'acceptedAt', label: 'Когда дано', type: 'date', admin: recordedTime },
      ],
    },
    { name: 'rejectionReason', label: 'Причина отказа (отправлена автору)', type: 'textarea', access: MODERATION_RECORD },
    {
      name: 'redactions',
      label: 'Удалённые персональные данные',
      labels: { singular: 'Правка', plural: 'Правки' },
      type: 'array',
      access: MODERATION_RECORD,
      admin: { description: 'Что за данные модератор убрал из текста (сами данные не хранятся).' },
      fields: [
        { name: 'by', label: 'Кто', type: 'relationship', relationTo: COLLECTIONS.users },
        { name: 'at', label: 'Когда', type: 'date', admin: recordedTime },
        { name: 'note', label: 'Что убрано', type: 'text', maxLength: 300 },
      ],
    },
    // A staff member's post (e.g. a forum answer): set only by the server when staff write it, shown as «Официальный ответ».
    { name: 'official', label: 'Ответ сотрудника Компании', type: 'checkbox', defaultValue: false, access: SERVER_ONLY_FIELD, admin: { position: 'sidebar', readOnly: true } },
    { name: 'approvedAt', label: 'Одобрено', type: 'date', index: true, access: SERVER_ONLY_FIELD, admin: { position: 'sidebar', readOnly: true, ...dayAndTime } },
    { name: 'approvedBy', label: 'Одобрил', type: 'relationship', relationTo: COLLECTIONS.users, access: MODERATION_RECORD, admin: { position: 'sidebar', readOnly: true } },
  ];
}

/** A moderated document as the pipeline reads it (fields of {@link moderationFields} plus the collection's `text`). */
export interface ModeratedDoc {
  id: number | string;
  moderationState: (typeof MODERATION_STATES)[number];
  authorName: string;
  authorEmail: string;
  text: string;
  submittedAt?: string | null;
  emailVerifiedAt?: string | null;
  verificationTokenHash?: string | null;
  rejectionReason?: string | null;
  redactions?: { by?: unknown; at?: string | null; note?: string | null }[] | null;
  approvedAt?: string | null;
}
