import type { CollectionConfig } from 'payload';
import { isAdmin, isNobodyField, SERVER_ONLY_FIELD } from '../../access/roles';
import { moderationFields } from '../../moderation/fields';
import { COLLECTIONS } from '../../slugs';
import { forumReaders, isForumAnswerer, isForumModerator } from '../../forum/access';
import { faqDraftEndpoint } from '../../forum/faq-draft';
import { afterStaffAnswer, refuseReplyToClosedThread, stampStaffAnswer } from '../../forum/staff-answer';

/**
 * Replies in forum threads. Visitors' replies go through the moderation pipeline like everything the public writes;
 * a reply written here in the admin by a handler, moderator or administrator is the company's answer: published at
 * once, marked «Ответ сотрудника», and its thread's author is told by e-mail (cms/src/forum/staff-answer.ts).
 */
export const ForumPosts: CollectionConfig = {
  slug: COLLECTIONS.forumPosts,
  labels: { singular: 'Сообщение форума', plural: 'Форум: сообщения' },
  admin: {
    useAsTitle: 'authorName',
    defaultColumns: ['thread', 'authorName', 'official', 'moderationState', 'submittedAt'],
    group: 'Модерация',
    description: 'Ответы в темах форума. Ответ, написанный здесь сотрудником, публикуется сразу с пометкой «Ответ сотрудника».',
  },
  defaultSort: '-createdAt',
  access: {
    read: forumReaders,
    create: isForumAnswerer,
    update: isForumModerator,
    delete: isAdmin,
  },
  custom: { accessProfile: 'forum-posts' },
  endpoints: [faqDraftEndpoint],
  hooks: {
    beforeChange: [refuseReplyToClosedThread, stampStaffAnswer],
    afterChange: [afterStaffAnswer],
  },
  fields: [
    {
      name: 'thread',
      label: 'Тема',
      type: 'relationship',
      relationTo: COLLECTIONS.forumThreads,
      required: true,
      index: true,
      access: { update: isNobodyField },
    },
    { name: 'text', label: 'Текст', type: 'textarea', required: true, maxLength: 3000, access: { update: isNobodyField } },
    {
      // The FAQ draft an editor made from this post (cms/src/forum/faq-draft.ts); one per post.
      name: 'faqDraft',
      label: 'Черновик вопроса FAQ',
      type: 'relationship',
      relationTo: COLLECTIONS.faq,
      access: SERVER_ONLY_FIELD,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'faqDraftAction',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/components/ForumFaqDraftButton#ForumFaqDraftButton' } },
    },
    ...moderationFields(),
  ],
};
