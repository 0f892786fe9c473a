import type { ArrayFieldValidation, CollectionConfig, TextField, TextFieldSingleValidation } from 'payload';
import { QUESTION_KIND_LABELS, QUESTION_KINDS, questionnairePath, questionProblems } from '@portal/core/questionnaire';
import { isoDateField } from '../../fields/iso-date';
import { slugField } from '../../fields/slug';
import { publicContent } from '../../publishing/public-content';
import { questionsOf, type QuestionRow } from '../../questionnaires/questions';
import { questionnaireResultsEndpoint } from '../../questionnaires/results-endpoint';
import { COLLECTIONS } from '../../slugs';

const CHOICE_KINDS = new Set(['single', 'multiple']);

/**
 * «Анкеты»: questionnaires editors build and run on the site (004 L576, L751–753; 002 L502, L911). Published and
 * running from «С» to «По» (company-local dates, both included), each has its page under /obratnaya-svyaz/anketa/
 * and, with «Баннер на главной», the home page's «Анкета клиента» banner. Answers go to «Ответы на анкеты», written
 * only by the server; managers and administrators see the results below the questions and download them as CSV.
 */
export const Questionnaires: CollectionConfig = publicContent(
  {
    slug: COLLECTIONS.questionnaires,
    labels: { singular: 'Анкета', plural: 'Анкеты' },
    admin: {
      useAsTitle: 'title',
      defaultColumns: ['title', 'from', 'to', 'homeBanner', '_status'],
      description: 'Анкеты для клиентов на сайте: вопросы, сроки проведения и баннер на главной. Ответы анонимны, если клиент сам не оставил контакт.',
    },
    defaultSort: '-from',
    endpoints: [questionnaireResultsEndpoint],
    fields: [
      { name: 'title', label: 'Название', type: 'text', required: true, maxLength: 200 },
      slugField(),
      { name: 'intro', label: 'Вступление', type: 'textarea', maxLength: 2000, admin: { description: 'Несколько слов о том, зачем анкета и сколько займёт времени.' } },
      {
        type: 'row',
        fields: [
          isoDateField('from', 'Проводится с', { description: 'Первый день, ГГГГ-ММ-ДД (по времени компании).' }),
          ({
            ...isoDateField('to', 'по', { description: 'Последний день включительно, ГГГГ-ММ-ДД. На следующий день анкета и баннер исчезнут с сайта.' }),
            validate: ((value: string | null | undefined, { siblingData }: { siblingData: { from?: string } }) => {
              if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'Укажите дату в формате ГГГГ-ММ-ДД';
              return siblingData.from && value < siblingData.from ? 'Последний день не может быть раньше первого' : true;
            }) as TextFieldSingleValidation,
          }) as TextField,
        ],
      },
      { name: 'homeBanner', label: 'Баннер на главной', type: 'checkbox', defaultValue: true, admin: { description: '«Анкета клиента» на главной странице, пока анкета проводится.' } },
      {
        name: 'questions',
        label: 'Вопросы',
        labels: { singular: 'Вопрос', plural: 'Вопросы' },
        type: 'array',
        minRows: 1,
        maxRows: 50,
        admin: { description: 'Номер вопроса — его место в списке. «Показывать, если» может ссылаться только на вопрос выше.' },
        validate: ((value: unknown) => {
          const rows = (value as QuestionRow[] | null | undefined) ?? [];
          const halfConditions = rows.flatMap((row, index) =>
            Boolean(row.showIfQuestion) !== Boolean(row.showIfAnswer?.trim())
              ? [`Вопрос ${index + 1}: для условия «показывать, если» укажите и номер вопроса, и ответ (или оставьте оба поля пустыми).`]
              : [],
          );
          const messages = [...halfConditions, ...questionProblems(questionsOf(rows)).map((problem) => problem.message)];
          return messages.length === 0 ? true : messages.join(' ');
        }) as ArrayFieldValidation,
        fields: [
          { name: 'text', label: 'Вопрос', type: 'text', required: true, maxLength: 500 },
          {
            type: 'row',
            fields: [
              { name: 'kind', label: 'Вид ответа', type: 'select', required: true, defaultValue: 'single', options: QUESTION_KINDS.map((value) => ({ value, label: QUESTION_KIND_LABELS[value] })) },
              { name: 'required', label: 'Обязательный', type: 'checkbox', defaultValue: false },
            ],
          },
          {
            name: 'options',
            label: 'Варианты ответа',
            labels: { singular: 'Вариант', plural: 'Варианты' },
            type: 'array',
            maxRows: 20,
            admin: { condition: (_data, sibling) => CHOICE_KINDS.has(String((sibling as { kind?: unknown }).kind)) },
            fields: [{ name: 'label', label: 'Вариант', type: 'text', required: true, maxLength: 200 }],
          },
          {
            type: 'row',
            fields: [
              { name: 'showIfQuestion', label: 'Показывать, если на вопрос №', type: 'number', min: 1, admin: { description: 'Пусто — показывать всегда.' } },
              { name: 'showIfAnswer', label: 'ответ равен (или включает)', type: 'text', maxLength: 200, admin: { description: 'Вариант ответа или число шкалы.' } },
            ],
          },
        ],
      },
      { name: 'results', type: 'ui', admin: { components: { Field: '/components/QuestionnaireResults#QuestionnaireResults' } } },
    ],
  },
  { publicPath: (doc) => questionnairePath(String(doc.slug)) },
);
