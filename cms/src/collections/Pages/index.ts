import type { CollectionConfig } from 'payload';
import { AUDIENCE_LABELS, AUDIENCES } from '@portal/core/audience';
import { publicContent } from '../../publishing/public-content';
import { slugField } from '../../fields/slug';
import { COLLECTIONS } from '../../slugs';
import { pageSearchHooks, resyncSubpagesInSearch } from './hooks/sync-search';
import { checkPageTree, refuseDeletingParents } from './hooks/check-page-tree';

/**
 * Pages of the site tree: sections («Физическим лицам», «Юридическим лицам», «Обратная связь»,
 * «Справочная информация») and their pages. The URL is the chain of slugs, never deeper than four levels.
 */
export const Pages: CollectionConfig = publicContent({
  slug: COLLECTIONS.pages,
  labels: { singular: 'Страница', plural: 'Страницы' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', 'parent', 'audience', '_status'],
    description: 'Адрес страницы складывается из адресов её разделов: /fizlicam/dogovor/. Не больше 4 уровней вложенности.',
  },
  defaultSort: 'order',
  hooks: { beforeChange: [checkPageTree], beforeDelete: [refuseDeletingParents], afterChange: [pageSearchHooks.afterChange, resyncSubpagesInSearch], afterDelete: [pageSearchHooks.afterDelete] },
  fields: [
    { name: 'title', label: 'Заголовок', type: 'text', required: true, maxLength: 200 },
    slugField({ unique: false }),
    {
      name: 'parent',
      label: 'Родительский раздел',
      type: 'relationship',
      relationTo: COLLECTIONS.pages,
      index: true,
      admin: { description: 'Пусто — раздел верхнего уровня.' },
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
    },
    {
      name: 'audience',
      label: 'Для кого',
      type: 'select',
      required: true,
      defaultValue: 'all',
      options: AUDIENCES.map((value) => ({ value, label: AUDIENCE_LABELS[value] })),
    },
    { name: 'summary', label: 'Краткое описание', type: 'textarea', maxLength: 300 },
    { name: 'content', label: 'Текст страницы', type: 'richText' },
    { name: 'order', label: 'Порядок в разделе', type: 'number', defaultValue: 0 },
  ],
}, {});
