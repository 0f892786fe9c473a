import type { CollectionConfig } from 'payload';
import { isEditorOrAdmin, isNobody } from '../../access/roles';
import { COLLECTIONS } from '../../slugs';

export const BACKUP_RUN_STATUSES = ['ok', 'failed'] as const;
export type BackupRunStatus = (typeof BACKUP_RUN_STATUSES)[number];

/** Problems the backup watch e-mails staff about, at most once a day each. */
export const BACKUP_PROBLEMS = ['failed', 'stale'] as const;
export type BackupProblem = (typeof BACKUP_PROBLEMS)[number];

const dateTime = { date: { pickerAppearance: 'dayAndTime' as const } };

/**
 * Every run of the nightly backup (cms/src/backup/nightly.ts): when, whether it worked, the archive's name, size
 * and SHA-256, what it holds, and the error. No personal data: counts only. Written only by the job; editors and
 * administrators read it, nobody changes it.
 */
export const BackupRuns: CollectionConfig = {
  slug: COLLECTIONS.backupRuns,
  labels: { singular: 'Резервная копия', plural: 'Резервные копии' },
  admin: {
    group: 'Администрирование',
    useAsTitle: 'startedAt',
    defaultColumns: ['startedAt', 'status', 'file', 'bytes', 'appeals'],
    description: 'Ночное резервное копирование: каждая попытка, её результат и файл архива. Записи создаёт только система.',
  },
  defaultSort: '-startedAt',
  custom: { accessProfile: 'server-records' },
  access: { read: isEditorOrAdmin, create: isNobody, update: isNobody, delete: isNobody },
  fields: [
    { name: 'startedAt', label: 'Начато', type: 'date', required: true, index: true, admin: dateTime },
    { name: 'finishedAt', label: 'Завершено', type: 'date', admin: dateTime },
    {
      name: 'status',
      label: 'Результат',
      type: 'select',
      required: true,
      index: true,
      options: [
        { value: 'ok', label: 'Успешно' },
        { value: 'failed', label: 'Не удалось' },
      ],
    },
    { name: 'file', label: 'Файл архива', type: 'text' },
    { name: 'bytes', label: 'Размер, байт', type: 'number' },
    { name: 'sha256', label: 'SHA-256 архива', type: 'text' },
    { name: 'appeals', label: 'Обращений', type: 'number' },
    { name: 'attachments', label: 'Вложений', type: 'number' },
    { name: 'documentFiles', label: 'Файлов документов', type: 'number' },
    { name: 'removed', label: 'Удалено старых архивов', type: 'number' },
    { name: 'error', label: 'Ошибка', type: 'textarea' },
  ],
};

/**
 * One row per e-mailed backup problem and day (`key` is unique: `failed:2026-12-07`), so two runs or two processes
 * never send the same alert twice on a day. Written only by the server.
 */
export const BackupAlerts: CollectionConfig = {
  slug: COLLECTIONS.backupAlerts,
  labels: { singular: 'Оповещение о резервной копии', plural: 'Оповещения о резервных копиях' },
  admin: { group: 'Администрирование', useAsTitle: 'key', defaultColumns: ['key', 'problem', 'createdAt'], hidden: ({ user }) => !(user as { roles?: string[] } | null)?.roles?.includes('admin') },
  custom: { accessProfile: 'server-records' },
  access: { read: isEditorOrAdmin, create: isNobody, update: isNobody, delete: isNobody },
  fields: [
    { name: 'key', label: 'Проблема и день', type: 'text', required: true, unique: true, index: true },
    {
      name: 'problem',
      label: 'Проблема',
      type: 'select',
      required: true,
      options: [
        { value: 'failed', label: 'Копия не удалась' },
        { value: 'stale', label: 'Нет свежей копии' },
      ],
    },
    { name: 'day', label: 'День', type: 'text', required: true },
  ],
};
