import type { CollectionConfig } from 'payload';
import { AUDIENCE_LABELS, AUDIENCES } from '@portal/core/audience';
import { slugField } from '../../fields/slug';
import { publicContent } from '../../publishing/public-content';
import { faqPublicPath } from '../../publishing/public-paths';
import { COLLECTIONS } from '../../slugs';
import { faqSearchHooks } from './hooks/sync-search';

/** Questions and answers base (FAQ): browsed by topic on the site and searched by keyword. */
export const Faq: CollectionConfig = publicContent({
  slug: COLLECTIONS.faq,
  labels: { singular: 'Вопрос-ответ', plural: 'Вопросы и ответы' },
  admin: {
    useAsTitle: 'question',
    defaultColumns: ['question', 'topic', 'audience', '_status', 'updatedAt'],
    listSearchableFields: ['question', 'slug'],
    // «Предпросмотр»: the latest draft rendered through the site's template (cms/src/publishing/preview.ts).
    preview: (doc) => `/api/preview/faq/${String(doc.id)}`,
  },
  hooks: {
    afterChange: [faqSearchHooks.afterChange],
    afterDelete: [faqSearchHooks.afterDelete],
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
}, { publicPath: faqPublicPath, reviewBy: true });
