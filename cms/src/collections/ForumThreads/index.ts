import type { CollectionConfig } from 'payload';
import { FORUM_THREAD_STATE_LABELS, FORUM_THREAD_STATES } from '@portal/core/forum';
import { isAdmin, isNobody, isNobodyField, SERVER_ONLY_FIELD } from '../../access/roles';
import { moderationFields } from '../../moderation/fields';
import { COLLECTIONS } from '../../slugs';
import { forumReaders, isForumModerator, isForumModeratorField } from '../../forum/access';
import { recordThreadStaffActions, rememberMove } from '../../forum/thread-hooks';

const dayAndTime = { date: { pickerAppearance: 'dayAndTime' as const } };

/**
 * Forum threads («Форум», standards 000 L499–501): a visitor opens one in a section (a topic of the classifier) with
 * its first post, moderated like every public text (cms/src/moderation). Moderators close, pin or move a thread here in
 * the admin; each is an audit entry, and a move keeps where the thread came from.
 */
export const ForumThreads: CollectionConfig = {
  slug: COLLECTIONS.forumThreads,
  labels: { singular: 'Тема форума', plural: 'Форум: темы' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'section', 'state', 'pinned', 'moderationState', 'submittedAt'],
    group: 'Модерация',
    description: 'Темы, открытые посетителями сайта. Закрыть, закрепить или перенести тему в другой раздел может модератор.',
  },
  defaultSort: '-createdAt',
  access: {
    read: forumReaders,
    // Visitors open threads through the public write path (cms/src/moderation/submit.ts), never through the API.
    create: isNobody,
    update: isForumModerator,
    delete: isAdmin,
  },
  custom: { accessProfile: 'forum-threads' },
  hooks: {
    beforeChange: [rememberMove],
    afterChange: [recordThreadStaffActions],
  },
  fields: [
    { name: 'title', label: 'Заголовок', type: 'text', required: true, maxLength: 150, access: { create: isNobodyField, update: isForumModeratorField } },
    {
      name: 'section',
      label: 'Раздел',
      type: 'relationship',
      relationTo: COLLECTIONS.topics,
      required: true,
      index: true,
      access: { create: isNobodyField, update: isForumModeratorField },
      admin: { description: 'Смена раздела переносит тему; прежний раздел запоминается, старый адрес перенаправляется на новый.' },
    },
    { name: 'text', label: 'Первое сообщение', type: 'textarea', required: true, maxLength: 3000, access: SERVER_ONLY_FIELD },
    {
      name: 'state',
      label: 'Состояние',
      type: 'select',
      required: true,
      defaultValue: 'open',
      options: FORUM_THREAD_STATES.map((value) => ({ value, label: FORUM_THREAD_STATE_LABELS[value] })),
      access: { create: isNobodyField, update: isForumModeratorField },
      admin: { position: 'sidebar', description: 'В закрытой теме новые сообщения не принимаются.' },
    },
    { name: 'pinned', label: 'Закреплена вверху раздела', type: 'checkbox', defaultValue: false, access: { create: isNobodyField, update: isForumModeratorField }, admin: { position: 'sidebar' } },
    {
      // Written by the server when the section changes (rememberMove), never by hand.
      name: 'movedFrom',
      label: 'Перенесена из разделов',
      labels: { singular: 'Перенос', plural: 'Переносы' },
      type: 'array',
      access: SERVER_ONLY_FIELD,
      admin: { readOnly: true },
      fields: [
        { name: 'section', label: 'Раздел', type: 'relationship', relationTo: COLLECTIONS.topics },
        { name: 'at', label: 'Когда', type: 'date', admin: { readOnly: true, ...dayAndTime } },
        { name: 'by', label: 'Кто', type: 'relationship', relationTo: COLLECTIONS.users },
      ],
    },
    {
      // The author's «don't notify me» (the signed link in every notice); only the server writes it.
      name: 'authorNotices',
      label: 'Уведомлять автора об ответах сотрудников',
      type: 'checkbox',
      defaultValue: true,
      access: { read: isForumModeratorField, ...SERVER_ONLY_FIELD },
      admin: { position: 'sidebar', readOnly: true },
    },
    { name: 'staffAnswer', type: 'ui', admin: { components: { Field: '/components/ForumStaffAnswer#ForumStaffAnswer' } } },
    ...moderationFields(),
  ],
};
