import type { CollectionConfig } from 'payload';
import { isEditorOrAdmin, isNobody } from '../../access/roles';
import { COLLECTIONS } from '../../slugs';

/** What happened to a document or a setting. */
export const AUDIT_ACTIONS = ['create', 'draft', 'publish', 'unpublish', 'update', 'delete', 'settings'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  create: 'Создание',
  draft: 'Сохранение черновика',
  publish: 'Публикация',
  unpublish: 'Снятие с публикации',
  update: 'Изменение',
  delete: 'Удаление',
  settings: 'Изменение настроек',
};

/**
 * Append-only audit trail: who changed what and when, for every public collection and every setting. Rows are
 * written only by server hooks (cms/src/audit/hooks.ts); nobody can edit or delete them through the API.
 */
export const AuditLog: CollectionConfig = {
  slug: COLLECTIONS.auditLog,
  labels: { singular: 'Запись журнала', plural: 'Журнал изменений' },
  admin: {
    group: 'Публикация',
    useAsTitle: 'summary',
    defaultColumns: ['at', 'action', 'target', 'summary', 'userEmail'],
    description: 'Кто, что и когда изменил в материалах сайта и настройках. Записи не редактируются.',
  },
  defaultSort: '-at',
  custom: { accessProfile: 'server-records' },
  access: { read: isEditorOrAdmin, create: isNobody, update: isNobody, delete: isNobody },
  fields: [
    { name: 'at', label: 'Когда', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'action',
      label: 'Действие',
      type: 'select',
      required: true,
      index: true,
      options: AUDIT_ACTIONS.map((value) => ({ value, label: AUDIT_ACTION_LABELS[value] })),
    },
    { name: 'target', label: 'Раздел', type: 'text', required: true, index: true, admin: { description: 'Коллекция или раздел настроек' } },
    { name: 'documentId', label: 'Документ', type: 'text', index: true },
    { name: 'summary', label: 'Что', type: 'text' },
    { name: 'changedFields', label: 'Изменённые поля', type: 'text' },
    { name: 'user', label: 'Сотрудник', type: 'relationship', relationTo: COLLECTIONS.users, index: true },
    { name: 'userEmail', label: 'E-mail сотрудника', type: 'text' },
  ],
};
