import type { CollectionConfig } from 'payload';
import { isNobodyField, isSummaryAuthor, isWorkingStaffField, publishedOrSummaryAuthor, summaryDraftsOrEditors } from '../../access/roles';
import { publicContent } from '../../publishing/public-content';
import { monthField } from '../../fields/iso-date';
import { COLLECTIONS } from '../../slugs';
import { refusePersonalData } from './hooks/refuse-personal-data';
import { refusePublishingByNonEditors } from './hooks/refuse-publishing-by-non-editors';
import { refuseUnfinishedText } from './hooks/refuse-unfinished-text';

/**
 * Short anonymised summaries of answers to complaints. Handlers draft them (usually with «Подготовить резюме для
 * сайта» on an answered complaint); an editor reviews and publishes. Never published with personal data in them.
 */
export const ComplaintSummaries: CollectionConfig = publicContent({
  slug: COLLECTIONS.complaintSummaries,
  labels: { singular: 'Ответ на жалобу (кратко)', plural: 'Ответы на жалобы' },
  admin: { useAsTitle: 'month', defaultColumns: ['month', 'topic', '_status'], description: 'Без имён, адресов, телефонов, e-mail и номеров счетов. Публикует редактор.' },
  defaultSort: '-month',
  versions: { maxPerDoc: 10 },
  // Handlers draft summaries of their answers (REQUIREMENTS §1) but may not publish them, so their access differs from other content.
  custom: { accessProfile: 'summaries' },
  access: { read: publishedOrSummaryAuthor, create: summaryDraftsOrEditors, update: summaryDraftsOrEditors, delete: summaryDraftsOrEditors, readVersions: isSummaryAuthor },
  hooks: { beforeChange: [refusePublishingByNonEditors, refusePersonalData, refuseUnfinishedText] },
  fields: [
    { name: 'topic', label: 'Тема', type: 'relationship', relationTo: COLLECTIONS.topics, required: true },
    monthField('month', 'Месяц ответа'),
    { name: 'summary', label: 'Краткое содержание ответа', type: 'textarea', required: true, maxLength: 1000 },
    {
      // Internal link back to the complaint: staff only, set by the server, never part of the site export.
      name: 'appeal',
      label: 'Обращение',
      type: 'relationship',
      relationTo: COLLECTIONS.appeals,
      index: true,
      access: { read: isWorkingStaffField, create: isNobodyField, update: isNobodyField },
      admin: { position: 'sidebar', readOnly: true, description: 'Жалоба, по которой подготовлено резюме. На сайт не попадает.' },
    },
  ],
}, {});
