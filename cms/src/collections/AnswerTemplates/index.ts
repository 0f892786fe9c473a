import type { CollectionConfig } from 'payload';
import { APPEAL_TYPE_LABELS, APPEAL_TYPES } from '@portal/core/appeal-type';
import { isEditorOrAdmin, isWorkingStaff } from '../../access/roles';
import { ANSWER_PLACEHOLDERS } from '../../appeals/handling/answer-template';
import { COLLECTIONS } from '../../slugs';
import { APPEALS_NAV_GROUP } from '../nav-groups';

const placeholderHelp = Object.entries(ANSWER_PLACEHOLDERS)
  .map(([key, text]) => `{{${key}}} — ${text}`)
  .join('; ');

/**
 * Letter templates for answers to appeals, kept by editors and administrators, used by handlers. They follow the
 * standards' letter rules: salutation by name and patronymic, the registration number and date, the concrete
 * answer, a signature with the handler's position.
 */
export const AnswerTemplates: CollectionConfig = {
  slug: COLLECTIONS.answerTemplates,
  labels: { singular: 'Шаблон ответа', plural: 'Шаблоны ответов' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'appealType'], group: APPEALS_NAV_GROUP },
  custom: { accessProfile: 'staff-templates' },
  access: { read: isWorkingStaff, create: isEditorOrAdmin, update: isEditorOrAdmin, delete: isEditorOrAdmin },
  fields: [
    { name: 'title', label: 'Название', type: 'text', required: true },
    {
      name: 'appealType',
      label: 'Для вида обращения',
      type: 'select',
      options: APPEAL_TYPES.map((value) => ({ value, label: APPEAL_TYPE_LABELS[value] })),
      admin: { description: 'Пусто — для любого вида.' },
    },
    {
      name: 'body',
      label: 'Текст письма',
      type: 'textarea',
      required: true,
      maxLength: 20000,
      admin: { rows: 14, description: `Можно использовать: ${placeholderHelp}.` },
    },
  ],
};
