import type { CollectionConfig, PayloadRequest } from 'payload';
import { isAdmin, isEditorOrAdmin, isNobody, rolesOf } from '../../access/roles';
import { createFaqDraftFromQuery } from '../../search/faq-draft-from-query';
import { COLLECTIONS } from '../../slugs';

const canCreateFaq = (req: PayloadRequest) => rolesOf(req).some((role) => role === 'editor' || role === 'admin');

/**
 * Search statistics per week: one row per normalized query (contact details and long numbers
 * masked) with how often it was searched, how often it found nothing, and how often a result was
 * opened. No visitor data. Rows are written only by the CMS (see search/query-stats.ts); editors
 * read them — sorted by «Поисков» for top queries, filtered by «Найдено» = 0 for queries without
 * results or «Переходов» = 0 for queries whose results nobody opened — and turn a query into a FAQ
 * draft with one button.
 */
export const SearchQueries: CollectionConfig = {
  slug: COLLECTIONS.searchQueries,
  labels: { singular: 'Поисковый запрос', plural: 'Поисковые запросы' },
  admin: {
    useAsTitle: 'query',
    defaultColumns: ['query', 'week', 'searches', 'lastResultCount', 'clicks', 'faqDraft'],
    listSearchableFields: ['query'],
    description:
      'Что ищут на сайте, по неделям. Сортировка по «Поисков» показывает частые запросы; фильтр «Найдено» = 0 — запросы без результатов; «Переходов» = 0 — запросы, после которых ни один ответ не открыли. Данных о посетителях здесь нет.',
  },
  defaultSort: '-searches',
  access: { read: isEditorOrAdmin, create: isNobody, update: isNobody, delete: isAdmin },
  custom: { accessProfile: 'analytics' },
  endpoints: [
    {
      // POST /api/search-queries/:id/faq-draft: the «Создать черновик вопроса» button.
      path: '/:id/faq-draft',
      method: 'post',
      handler: async (req) => {
        if (!canCreateFaq(req)) return Response.json({ message: 'Недостаточно прав.' }, { status: 403 });
        const id = req.routeParams?.id;
        if (typeof id !== 'string' && typeof id !== 'number') return Response.json({ message: 'Не указан запрос.' }, { status: 400 });
        const result = await createFaqDraftFromQuery(req.payload, id);
        if (!result) return Response.json({ message: 'Запрос не найден.' }, { status: 404 });
        return Response.json(
          { ...result, adminUrl: `/admin/collections/${COLLECTIONS.faq}/${result.faqId}` },
          { status: result.created ? 201 : 200 },
        );
      },
    },
  ],
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true, admin: { hidden: true } },
    { name: 'query', label: 'Запрос', type: 'text', required: true, admin: { readOnly: true } },
    { name: 'week', label: 'Неделя', type: 'text', required: true, index: true, admin: { readOnly: true, description: 'ISO-неделя, например 2026-W48.' } },
    { name: 'searches', label: 'Поисков', type: 'number', required: true, defaultValue: 0, index: true, admin: { readOnly: true } },
    { name: 'noResultSearches', label: 'Из них без результатов', type: 'number', required: true, defaultValue: 0, admin: { readOnly: true } },
    { name: 'lastResultCount', label: 'Найдено', type: 'number', admin: { readOnly: true, description: 'Сколько результатов нашлось при последнем поиске.' } },
    { name: 'clicks', label: 'Переходов', type: 'number', required: true, defaultValue: 0, admin: { readOnly: true } },
    {
      name: 'faqDraft',
      label: 'Черновик вопроса',
      type: 'relationship',
      relationTo: COLLECTIONS.faq,
      admin: { readOnly: true },
    },
    {
      name: 'createFaqDraft',
      type: 'ui',
      admin: { components: { Field: '/components/CreateFaqDraftButton#CreateFaqDraftButton' } },
    },
  ],
};
