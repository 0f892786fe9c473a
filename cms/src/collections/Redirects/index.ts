import type { CollectionConfig } from 'payload';
import { RedirectSchema } from '@portal/core/redirects';
import { isEditorOrAdmin } from '../../access/roles';
import { publicContent } from '../../publishing/public-content';
import { COLLECTIONS } from '../../slugs';

const validPath = (value: unknown): true | string => {
  const result = RedirectSchema.shape.from.safeParse(value);
  return result.success ? true : (result.error.issues[0]?.message ?? 'Неверный адрес');
};

/**
 * Redirects from old addresses of the site. Editors add them by hand; the CMS adds one itself when a published
 * page's address changes (cms/src/publishing/redirects.ts). The public server answers them with 301.
 */
export const Redirects: CollectionConfig = publicContent(
  {
    slug: COLLECTIONS.redirects,
    labels: { singular: 'Перенаправление', plural: 'Перенаправления' },
    admin: {
      group: 'Публикация',
      useAsTitle: 'from',
      defaultColumns: ['from', 'to', 'origin', 'updatedAt'],
      description: 'Старые адреса страниц и куда с них отправлять посетителей (ответ 301). Адрес указывается без домена, например /faq/oplata/staryi-adres/.',
    },
    // Not content: the public learns redirects only as 301 answers of the public server.
    access: { read: isEditorOrAdmin },
    custom: { accessProfile: 'staff-managed' },
    fields: [
      { name: 'from', label: 'Старый адрес', type: 'text', required: true, unique: true, index: true, validate: validPath },
      { name: 'to', label: 'Новый адрес', type: 'text', required: true, validate: validPath },
      {
        name: 'origin',
        label: 'Как создано',
        type: 'select',
        defaultValue: 'manual',
        options: [
          { value: 'manual', label: 'Вручную' },
          { value: 'auto', label: 'Автоматически при смене адреса' },
        ],
        admin: { readOnly: true, position: 'sidebar' },
      },
    ],
  },
  { drafts: false },
);
