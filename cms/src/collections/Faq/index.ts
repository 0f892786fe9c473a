import type { CollectionConfig } from 'payload';
import { AUDIENCE_LABELS, AUDIENCES } from '@portal/core/audience';
import { isEditorOrAdmin, publishedOrStaff } from '../../access/roles';
import { slugField } from '../../fields/slug';
import { COLLECTIONS } from '../../slugs';
import { syncFaqToSearch, removeFaqFromSearch } from './hooks/sync-search';

/** Questions and answers base (FAQ): browsed by topic on the site and searched by keyword. */
export const Faq: CollectionConfig = {
  slug: COLLECTIONS.faq,
  labels: { singular: 'Вопрос-ответ', plural: 'Вопросы и ответы' },
  admin: {
    useAsTitle: 'question',
    defaultColumns: ['question', 'topic', 'audience', '_status', 'updatedAt'],
    listSearchableFields: ['question', 'slug'],
  },
  versions: { drafts: true, maxPerDoc: 20 },
  access: {
    read: publishedOrStaff,
    create: isEditorOrAdmin,
    update: isEditorOrAdmin,
    delete: isEditorOrAdmin,
    readVersions: isEditorOrAdmin,
  },
  hooks: {
    afterChange: [syncFaqToSearch],
    afterDelete: [removeFaqFromSearch],
  },
  fields: [
    { name: 'question', label: 'Вопрос', type: 'text', required: true, maxLength: 300 },
    slugField(),
    {
      name: 'topic',
      label: 'Тема',
      type: 'relationship',
      relationTo: COLLECTIONS.topics,
      required: true,
      index: true,
    },
    {
      name: 'audience',
      label: 'Для кого',
      type: 'select',
      required: true,
      defaultValue: 'all',
      options: AUDIENCES.map((value) => ({ value, label: AUDIENCE_LABELS[value] })),
    },
    { name: 'answer', label: 'Ответ', type: 'richText', required: true },
    {
      name: 'office',
      label: 'Офис',
      type: 'relationship',
      relationTo: COLLECTIONS.offices,
      admin: { description: 'Заполните, если вопрос касается одного офиса: ответ появится на странице этого офиса.' },
    },
  ],
};
