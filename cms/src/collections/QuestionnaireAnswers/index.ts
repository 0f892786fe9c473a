import type { CollectionConfig } from 'payload';
import { isAdmin, isNobody } from '../../access/roles';
import { COLLECTIONS } from '../../slugs';

/**
 * «Ответы на анкеты»: one row per answer sheet, written only by the server (POST /api/forms/questionnaire). Anonymous
 * unless the client left a contact (then with the consent record, as on the forms). `tokenHash` is the SHA-256 of the
 * browser's answer token, unique: a second sheet with the same token is refused. Raw rows (which may hold a contact)
 * are for administrators only; managers see the aggregated results with free texts masked
 * (cms/src/questionnaires/results-endpoint.ts).
 */
export const QuestionnaireAnswers: CollectionConfig = {
  slug: COLLECTIONS.questionnaireAnswers,
  labels: { singular: 'Ответ на анкету', plural: 'Ответы на анкеты' },
  admin: { useAsTitle: 'submittedAt', defaultColumns: ['questionnaire', 'submittedAt', 'contact'], description: 'Заполненные анкеты. Только для администраторов: итоги видны в самой анкете.' },
  custom: { accessProfile: 'internal' },
  access: { read: isAdmin, create: isNobody, update: isNobody, delete: isNobody },
  fields: [
    { name: 'questionnaire', label: 'Анкета', type: 'relationship', relationTo: COLLECTIONS.questionnaires, required: true, index: true },
    { name: 'answers', label: 'Ответы', type: 'json', required: true },
    { name: 'contact', label: 'Контакт (если клиент оставил)', type: 'text' },
    {
      name: 'consent',
      label: 'Согласие на обработку персональных данных',
      type: 'group',
      fields: [
        { name: 'version', label: 'Версия текста', type: 'text' },
        { name: 'acceptedAt', label: 'Когда дано', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    { name: 'tokenHash', type: 'text', required: true, unique: true, index: true, admin: { hidden: true } },
    { name: 'submittedAt', label: 'Получено', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
  ],
};
