import type { CollectionConfig } from 'payload';
import { APPEAL_TYPE_LABELS, APPEAL_TYPES } from '@portal/core/appeal-type';
import { isEditorOrAdmin, isWorkingStaff } from '../../access/roles';
import { ANSWER_PLACEHOLDERS } from '../../appeals/handling/answer-template';
import { NOTICE_DECISION_LABELS, NOTICE_DECISIONS, NOTICE_PLACEHOLDERS } from '../../appeals/letters/client-notice';
import { COLLECTIONS } from '../../slugs';
import { APPEALS_NAV_GROUP } from '../nav-groups';

const placeholderHelp = Object.entries(ANSWER_PLACEHOLDERS)
  .map(([key, text]) => `{{${key}}} — ${text}`)
  .join('; ');
const noticePlaceholderHelp = Object.entries(NOTICE_PLACEHOLDERS)
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
      name: 'purpose',
      label: 'Назначение',
      type: 'select',
      required: true,
      defaultValue: 'answer',
      options: [
        { value: 'answer', label: 'Ответ на обращение (выбирает специалист)' },
        ...NOTICE_DECISIONS.map((decision) => ({ value: `notice-${decision}`, label: `Уведомление заявителю: ${NOTICE_DECISION_LABELS[decision].toLowerCase()}` })),
      ],
      admin: {
        description:
          'Уведомления робот отправляет сам при решении специалиста (последний изменённый шаблон для вида обращения или для любого вида); пока шаблона нет, используется текст по умолчанию. Если в тексте уведомления нет основания, срока или ссылки на страницу состояния, они добавляются в конце.',
      },
    },
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
      admin: { rows: 14, description: `В ответе можно использовать: ${placeholderHelp}. В уведомлении: ${noticePlaceholderHelp}.` },
    },
  ],
};
