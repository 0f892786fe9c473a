import type { CollectionConfig } from 'payload';
import { isSummaryAuthor, publishedOrSummaryAuthor } from '../../access/roles';
import { publicContent } from '../../publishing/public-content';
import { monthField } from '../../fields/iso-date';
import { COLLECTIONS } from '../../slugs';
import { refusePersonalData } from './hooks/refuse-personal-data';

/**
 * Short anonymised summaries of answers to complaints. Written by appeal handlers (and editors); never
 * published with personal data in them.
 */
export const ComplaintSummaries: CollectionConfig = publicContent({
  slug: COLLECTIONS.complaintSummaries,
  labels: { singular: 'Ответ на жалобу (кратко)', plural: 'Ответы на жалобы' },
  admin: { useAsTitle: 'month', defaultColumns: ['month', 'topic', '_status'], description: 'Без имён, адресов, телефонов, e-mail и номеров счетов.' },
  defaultSort: '-month',
  versions: { drafts: true, maxPerDoc: 10 },
  // Handlers draft summaries of their answers (REQUIREMENTS §1), so their access differs from other content.
  custom: { accessProfile: 'summaries' },
  access: { read: publishedOrSummaryAuthor, create: isSummaryAuthor, update: isSummaryAuthor, delete: isSummaryAuthor, readVersions: isSummaryAuthor },
  hooks: { beforeChange: [refusePersonalData] },
  fields: [
    { name: 'topic', label: 'Тема', type: 'relationship', relationTo: COLLECTIONS.topics, required: true },
    monthField('month', 'Месяц ответа'),
    { name: 'summary', label: 'Краткое содержание ответа', type: 'textarea', required: true, maxLength: 1000 },
  ],
}, {});
