import type { CollectionConfig } from 'payload';
import { auditLogReaders, isNobody } from '../../access/roles';
import { COLLECTIONS } from '../../slugs';

/** What happened to a document or a setting. */
export const AUDIT_ACTIONS = ['create', 'draft', 'publish', 'unpublish', 'update', 'delete', 'settings', 'resend', 'approve', 'reject', 'redact'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  create: 'Создание',
  draft: 'Сохранение черновика',
  publish: 'Публикация',
  unpublish: 'Снятие с публикации',
  update: 'Изменение',
  delete: 'Удаление',
  settings: 'Изменение настроек',
  resend: 'Повторная отправка письма',
  approve: 'Одобрение (модерация)',
  reject: 'Отклонение (модерация)',
  redact: 'Удаление персональных данных (модерация)',
};

/**
 * Append-only audit trail: who changed what and when, for every public collection, every setting and every staff
 * change of an appeal (with the values before and after). Rows are written only by server code
 * (cms/src/audit/hooks.ts); nobody can edit or delete them through the API. Appeal entries carry client data: only
 * handlers and administrators read them, editors read the rest.
 */
export const AuditLog: CollectionConfig = {
  slug: COLLECTIONS.auditLog,
  labels: { singular: 'Запись журнала', plural: 'Журнал изменений' },
  admin: {
    group: 'Публикация',
    useAsTitle: 'summary',
    defaultColumns: ['at', 'action', 'target', 'summary', 'userEmail'],
    description: 'Кто, что и когда изменил в материалах сайта, настройках и обращениях. Записи не редактируются.',
  },
  defaultSort: '-at',
  custom: { accessProfile: 'audit-log' },
  access: { read: auditLogReaders, create: isNobody, update: isNobody, delete: isNobody },
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
    // Appeals: each changed field with its value before and after ([{ field, before, after }]).
    { name: 'changes', label: 'Было и стало', type: 'json' },
    { name: 'user', label: 'Сотрудник', type: 'relationship', relationTo: COLLECTIONS.users, index: true },
    { name: 'userEmail', label: 'E-mail сотрудника', type: 'text' },
  ],
};
