import type { CollectionAfterChangeHook, CollectionConfig } from 'payload';
import { POST_LIMITS } from '@portal/core/moderation';
import { REVIEW_CHANNEL_LABELS, REVIEW_CHANNELS } from '@portal/core/review';
import { isAdmin, isModeratorOrAdmin, isNobody, isModeratorOrAdminField, SERVER_ONLY_FIELD } from '../../access/roles';
import { writeAuditEntry } from '../../audit/hooks';
import { moderationFields } from '../../moderation/fields';
import { requestSiteBuild } from '../../publishing/site-build';
import { COLLECTIONS } from '../../slugs';

type ReplyFields = { officialReply?: { text?: string | null; by?: unknown; at?: string | null } | null; moderationState?: string };

/**
 * A changed official reply: who wrote it and when are stamped (fields nobody edits), the audit log records it (not its
 * text), and a reply to a published review goes on the site with the next build.
 */
const publishOfficialReply: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, context }) => {
  if (operation !== 'update' || context.stampingReply) return doc;
  const now = (doc as ReplyFields).officialReply?.text ?? '';
  const before = (previousDoc as ReplyFields | undefined)?.officialReply?.text ?? '';
  if (now === before) return doc;
  const stamp = { text: now || null, by: now ? (req.user?.id ?? null) : null, at: now ? new Date().toISOString() : null };
  await req.payload.update({ collection: COLLECTIONS.reviews, id: doc.id, overrideAccess: true, depth: 0, req, context: { stampingReply: true }, data: { officialReply: stamp } as never });
  await writeAuditEntry(req, { action: 'update', target: COLLECTIONS.reviews, documentId: String(doc.id), summary: now ? 'Отзыв: официальный ответ' : 'Отзыв: официальный ответ удалён', changedFields: ['officialReply'] });
  if ((doc as ReplyFields).moderationState === 'approved') await requestSiteBuild(req.payload, 'Официальный ответ на отзыв: /otzyvy/');
  return { ...doc, officialReply: stamp };
};

/**
 * «Отзывы о Компании» (issue 22): written by the public through the moderation pipeline (cms/src/moderation), never
 * through this collection's API; moderators and administrators read them, answer them («Официальный ответ») and
 * moderate them in «Модерация» (/admin/moderation). Published on /otzyvy/ once approved. The rating, channel, office
 * and text are the client's: only the pipeline changes them (a redaction of personal data is recorded).
 */
export const Reviews: CollectionConfig = {
  slug: COLLECTIONS.reviews,
  labels: { singular: 'Отзыв', plural: 'Отзывы' },
  admin: {
    useAsTitle: 'authorName',
    defaultColumns: ['authorName', 'rating', 'channel', 'moderationState', 'submittedAt'],
    description: 'Отзывы клиентов. Одобрить, отклонить или убрать персональные данные — в разделе «Модерация».',
  },
  defaultSort: '-submittedAt',
  custom: { accessProfile: 'moderated' },
  access: { read: isModeratorOrAdmin, create: isNobody, update: isModeratorOrAdmin, delete: isAdmin },
  hooks: { afterChange: [publishOfficialReply] },
  fields: [
    { name: 'rating', label: 'Оценка (1–5)', type: 'number', min: 1, max: 5, required: true, index: true, access: SERVER_ONLY_FIELD },
    { name: 'channel', label: 'О чём отзыв', type: 'select', required: true, options: REVIEW_CHANNELS.map((value) => ({ value, label: REVIEW_CHANNEL_LABELS[value] })), access: SERVER_ONLY_FIELD },
    { name: 'office', label: 'Офис', type: 'relationship', relationTo: COLLECTIONS.offices, index: true, access: SERVER_ONLY_FIELD },
    { name: 'text', label: 'Текст отзыва', type: 'textarea', required: true, maxLength: POST_LIMITS.textMax, access: SERVER_ONLY_FIELD },
    {
      name: 'officialReply',
      label: 'Официальный ответ Компании',
      type: 'group',
      admin: { description: 'Публикуется под отзывом с пометкой «Официальный ответ».' },
      fields: [
        { name: 'text', label: 'Текст ответа', type: 'textarea', maxLength: POST_LIMITS.textMax, access: { read: () => true, create: isModeratorOrAdminField, update: isModeratorOrAdminField } },
        { name: 'by', label: 'Кто ответил', type: 'relationship', relationTo: COLLECTIONS.users, access: { read: isModeratorOrAdminField, ...SERVER_ONLY_FIELD }, admin: { readOnly: true } },
        { name: 'at', label: 'Когда', type: 'date', access: SERVER_ONLY_FIELD, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    ...moderationFields(),
  ],
};
