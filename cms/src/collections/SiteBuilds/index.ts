import type { CollectionConfig } from 'payload';
import { isEditorOrAdmin, isNobody } from '../../access/roles';
import { COLLECTIONS } from '../../slugs';

/** States of a site build, in the order they happen. */
export const SITE_BUILD_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type SiteBuildStatus = (typeof SITE_BUILD_STATUSES)[number];

export const SITE_BUILD_STATUS_LABELS: Record<SiteBuildStatus, string> = {
  queued: 'Ожидает',
  running: 'Идёт сборка',
  succeeded: 'Опубликована',
  failed: 'Не удалась',
};

/**
 * The record of every site rebuild: what triggered it, when it ran, and the error if it failed. Written only by
 * the server (cms/src/publishing); editors read it to see whether their change is online.
 */
export const SiteBuilds: CollectionConfig = {
  slug: COLLECTIONS.siteBuilds,
  labels: { singular: 'Сборка сайта', plural: 'Сборки сайта' },
  admin: {
    group: 'Публикация',
    useAsTitle: 'requestedAt',
    defaultColumns: ['requestedAt', 'status', 'changes', 'finishedAt', 'durationMs'],
    description: 'Каждое изменение опубликованных материалов запускает пересборку сайта. Несколько правок подряд попадают в одну сборку.',
  },
  defaultSort: '-requestedAt',
  custom: { accessProfile: 'server-records' },
  access: { read: isEditorOrAdmin, create: isNobody, update: isNobody, delete: isNobody },
  fields: [
    {
      name: 'status',
      label: 'Состояние',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'queued',
      options: SITE_BUILD_STATUSES.map((value) => ({ value, label: SITE_BUILD_STATUS_LABELS[value] })),
    },
    { name: 'requestedAt', label: 'Запрошена', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'startedAt',
      label: 'Начата',
      type: 'date',
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' }, description: 'В сборку попадает всё, что опубликовано до этого момента.' },
    },
    { name: 'finishedAt', label: 'Завершена', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'durationMs', label: 'Длительность, мс', type: 'number' },
    { name: 'changes', label: 'Изменений', type: 'number', defaultValue: 1 },
    { name: 'reasons', label: 'Что изменилось', type: 'textarea' },
    { name: 'error', label: 'Ошибка сборки', type: 'textarea' },
  ],
};
