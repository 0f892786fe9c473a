import type { GlobalConfig } from 'payload';
import { EditorSynonymLineSchema, MAX_EDITOR_SYNONYM_GROUPS } from '@portal/search';
import { isEditorOrAdmin } from '../../access/roles';
import { GLOBALS } from '../../slugs';
import { reindexAfterSynonymChange } from './hooks/reindex-after-synonym-change';

/**
 * Synonyms editors maintain for site search, on top of the built-in ones (ЛК, ПУ, «свет», «квиток»…).
 * Both engines apply them through our analysis; saving re-indexes everything.
 */
export const SearchSynonyms: GlobalConfig = {
  slug: GLOBALS.searchSynonyms,
  label: 'Синонимы для поиска',
  admin: {
    description:
      'Слова и выражения, которые поиск считает одинаковыми. Встроенные синонимы (ЛК, ПУ, ЛС, ЦОК, «свет», «квиток», «платёжка», «пеня») действуют всегда. После сохранения поиск по сайту перестраивается за несколько секунд.',
  },
  access: { read: isEditorOrAdmin, update: isEditorOrAdmin },
  custom: { accessProfile: 'editorial-private' },
  hooks: { afterChange: [reindexAfterSynonymChange] },
  fields: [
    {
      name: 'groups',
      label: 'Группы синонимов',
      labels: { singular: 'Группа', plural: 'Группы' },
      type: 'array',
      maxRows: MAX_EDITOR_SYNONYM_GROUPS,
      fields: [
        {
          name: 'words',
          label: 'Слова и выражения через запятую',
          type: 'text',
          required: true,
          maxLength: 500,
          admin: { description: 'Например: ОДН, общедомовые нужды. Первое слово — главное в группе.' },
          validate: (value: string | null | undefined) => {
            const parsed = EditorSynonymLineSchema.safeParse(value ?? '');
            return parsed.success ? true : (parsed.error.issues[0]?.message ?? 'Проверьте группу синонимов.');
          },
        },
      ],
    },
  ],
};
