import type { CollectionConfig } from 'payload';
import { AUDIENCE_LABELS, AUDIENCES } from '@portal/core/audience';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS } from '@portal/core/site-export';
import { publicContent } from '../../publishing/public-content';
import { isoDateField } from '../../fields/iso-date';
import { slugField } from '../../fields/slug';
import { COLLECTIONS } from '../../slugs';
import { documentSearchHooks } from './hooks/sync-search';

/** Published documents (contract forms, samples, the service standard and its amendments) with versions. */
export const Documents: CollectionConfig = publicContent({
  slug: COLLECTIONS.documents,
  labels: { singular: 'Документ', plural: 'Документы' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'kind', 'audience', '_status'] },
  defaultSort: 'order',
  hooks: { afterChange: [documentSearchHooks.afterChange], afterDelete: [documentSearchHooks.afterDelete] },
  fields: [
    { name: 'title', label: 'Название', type: 'text', required: true },
    slugField(),
    {
      type: 'row',
      fields: [
        { name: 'kind', label: 'Вид', type: 'select', required: true, options: DOCUMENT_KINDS.map((value) => ({ value, label: DOCUMENT_KIND_LABELS[value] })) },
        { name: 'audience', label: 'Для кого', type: 'select', required: true, defaultValue: 'all', options: AUDIENCES.map((value) => ({ value, label: AUDIENCE_LABELS[value] })) },
        { name: 'order', label: 'Порядок', type: 'number', defaultValue: 0 },
      ],
    },
    { name: 'description', label: 'Описание', type: 'textarea' },
    {
      name: 'versions',
      label: 'Редакции (новая — первой)',
      type: 'array',
      minRows: 1,
      fields: [
        { type: 'row', fields: [{ name: 'version', label: 'Редакция', type: 'text', required: true }, isoDateField('approvedAt', 'Дата утверждения')] },
        { name: 'note', label: 'Что изменилось', type: 'text' },
        { name: 'file', label: 'Файл', type: 'upload', relationTo: COLLECTIONS.documentFiles },
      ],
    },
  ],
}, {});
