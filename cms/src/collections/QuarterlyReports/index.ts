import type { CollectionConfig } from 'payload';
import { QuarterSchema } from '@portal/core/report-period';
import { SMALL_COUNT_LABEL } from '@portal/core/quarterly-report';
import { fillQuarterlyReportEndpoint } from '../../appeals/reports/quarterly-figures';
import { publicContent } from '../../publishing/public-content';
import { COLLECTIONS } from '../../slugs';
import { refuseUnfilledOrPersonal } from './hooks/refuse-unfilled-or-personal';

/**
 * «Квартальные отчёты»: the public report on appeals by topic per quarter (REQUIREMENTS §5). An editor creates
 * a draft for a quarter, fills it with the figures of the appeals report, checks it and publishes it; the site
 * shows only the published figures, with small counts hidden (core/src/quarterly-report.ts).
 */
export const QuarterlyReports: CollectionConfig = publicContent({
  slug: COLLECTIONS.quarterlyReports,
  labels: { singular: 'Квартальный отчёт', plural: 'Квартальные отчёты' },
  admin: {
    useAsTitle: 'quarter',
    defaultColumns: ['quarter', 'filledAt', '_status'],
    description: `Число обращений по темам за квартал и сравнение с предыдущим. На сайте числа меньше трёх показываются как «${SMALL_COUNT_LABEL}».`,
  },
  defaultSort: '-quarter',
  versions: { maxPerDoc: 10 },
  endpoints: [fillQuarterlyReportEndpoint],
  hooks: { beforeChange: [refuseUnfilledOrPersonal] },
  fields: [
    {
      name: 'quarter',
      label: 'Квартал',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { description: 'В формате ГГГГ-Qn, например 2026-Q3 — третий квартал 2026 года.' },
      validate: (value: string | null | undefined) => (QuarterSchema.safeParse(value).success ? true : 'Укажите квартал в формате ГГГГ-Qn, например 2026-Q3'),
    },
    { name: 'fill', type: 'ui', admin: { components: { Field: '/components/FillQuarterlyReportButton#FillQuarterlyReportButton' } } },
    {
      name: 'rows',
      label: 'Обращения по темам',
      type: 'array',
      admin: { readOnly: true, description: 'Точные числа видны только сотрудникам; заполняются кнопкой выше.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'title', label: 'Тема', type: 'text', required: true },
            { name: 'topic', label: 'Код темы', type: 'text' },
            { name: 'count', label: 'За квартал', type: 'number', required: true, min: 0 },
            { name: 'previousCount', label: 'За предыдущий квартал', type: 'number', required: true, min: 0 },
          ],
        },
      ],
    },
    {
      // The same appeals split by the channel they came by (site, e-mail, phone, office, post, chat).
      name: 'channelRows',
      label: 'Обращения по каналам поступления',
      type: 'array',
      admin: { readOnly: true, description: 'Все каналы: сайт, электронная почта, телефон, офис, почта, чат. На сайте разбивка публикуется, только если по ней нельзя вычислить малые числа.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'title', label: 'Канал', type: 'text', required: true },
            { name: 'channel', label: 'Код канала', type: 'text' },
            { name: 'count', label: 'За квартал', type: 'number', required: true, min: 0 },
            { name: 'previousCount', label: 'За предыдущий квартал', type: 'number', required: true, min: 0 },
          ],
        },
      ],
    },
    { name: 'filledAt', label: 'Заполнен', type: 'date', admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'questionnaire',
      label: 'Итоги анкеты в отчёте',
      type: 'relationship',
      relationTo: COLLECTIONS.questionnaires,
      admin: { description: 'Необязательно. На сайте появятся только сводные цифры анкеты (ответы по вариантам, средние, NPS), без свободных ответов.' },
    },
    { name: 'note', label: 'Комментарий к отчёту', type: 'textarea', maxLength: 2000, admin: { description: 'Необязательно. Без имён, адресов, телефонов и номеров.' } },
  ],
}, {});
