import type { Endpoint, Payload, PayloadRequest } from 'payload';
import { handleQuestion } from '@portal/api/question-endpoint';
import { handleSearch } from '@portal/api/search-endpoint';
import { handleSearchEvent } from '@portal/api/search-events-endpoint';
import { canReadAppealReport, rolesOf } from '../access/roles';
import { knownTopicSlugs, registerAppeal } from '../appeals/intake/register';
import { checkTerritory } from '../appeals/intake/routing';
import { rebuildSearchIndex, searchEngine } from '../search/engine';
import { recordSearchEvent } from '../search/query-stats';
import { COLLECTIONS } from '../slugs';
import { renderFaqPreview } from '../publishing/preview';
import { publishingReport } from '../publishing/report';
import { liveStateEndpoint } from '../publishing/live-state';
import { humanCheckEnabled, issueChallenge } from '../appeals/intake/human-check';
import { singleUseHumanCheck } from '../appeals/intake/human-check-once';
import { emailWithinLimit } from '../appeals/intake/prechecks';
import { appealFormEndpoints } from './appeal-forms';
import { russianIssue } from './russian-issue';
import { loadAppealReport, reportToCsv } from '../appeals/reports/report';
import { loadCompany } from '../appeals/settings/settings';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { fieldErrors } from '@portal/core/form-errors';
import { recordSurveyAnswer, SurveyAnswerSchema } from '../appeals/handling/survey';
import { STATUS_NOT_FOUND_MESSAGE, StatusLookupSchema, statusByNumberAndContact, statusByToken } from '../appeals/handling/status-view';
import { mailIntakeEndpoint } from './mail-intake';
import { suggestionEventEndpoint } from './suggestion-event';
import { buildSiteExport } from './site-export';

// Payload passes its request object, which is the incoming web Request with Payload's additions.
const asRequest = (req: PayloadRequest): Request => req as unknown as Request;

/**
 * Custom endpoints, served under /api/ of the CMS process. The public server forwards only
 * /api/forms/*, GET /api/search and POST /api/search/events to them; /api/site-export,
 * /api/search/reindex and /api/health stay on loopback.
 */
export const endpoints: Endpoint[] = [
  {
    path: '/forms/question',
    method: 'post',
    handler: (req) => {
      const human = singleUseHumanCheck(req.payload, asRequest(req));
      return handleQuestion(asRequest(req), {
        knownTopics: () => knownTopicSlugs(req.payload),
        checkTerritory: (raw) => checkTerritory(req.payload, raw),
        register: async (input, meta) => {
          await human.spend();
          return registerAppeal(req.payload, 'question', input, meta);
        },
        verifyHuman: human.verify,
        withinEmailLimit: (email) => emailWithinLimit(req.payload, email),
      });
    },
  },
  {
    // The forms' proof-of-work challenge; `{ enabled: false }` when the check is off.
    path: '/forms/challenge',
    method: 'get',
    handler: async () =>
      Response.json(humanCheckEnabled() ? { enabled: true, challenge: await issueChallenge() } : { enabled: false }, {
        headers: { 'Cache-Control': 'no-store' },
      }),
  },
  {
    // The client's status page by the private link's token (forwarded by the public server, rate-limited there).
    path: '/forms/status',
    method: 'get',
    handler: async (req) => {
      const token = new URL(req.url ?? 'http://x/').searchParams.get('token');
      const status = await statusByToken(req.payload, token);
      return status
        ? Response.json(status, { headers: { 'Cache-Control': 'no-store' } })
        : Response.json({ message: STATUS_NOT_FOUND_MESSAGE }, { status: 404, headers: { 'Cache-Control': 'no-store' } });
    },
  },
  {
    // The same page by registration number plus the e-mail or phone of the appeal: one answer for every miss.
    path: '/forms/status',
    method: 'post',
    handler: async (req) => {
      const body = await (asRequest(req).json() as Promise<unknown>).catch(() => null);
      // The number is normalised here, at the boundary (Latin «B» for «В», any dash, spaces), by the page's own schema.
      const parsed = StatusLookupSchema.safeParse(body);
      if (!parsed.success) {
        return Response.json({ message: russianIssue(parsed.error.issues), fieldErrors: fieldErrors(parsed.error) }, { status: 400, headers: { 'Cache-Control': 'no-store' } });
      }
      const status = await statusByNumberAndContact(req.payload, parsed.data);
      return status
        ? Response.json(status, { headers: { 'Cache-Control': 'no-store' } })
        : Response.json({ message: STATUS_NOT_FOUND_MESSAGE }, { status: 404, headers: { 'Cache-Control': 'no-store' } });
    },
  },
  {
    // The client's rating of a closed appeal (1–5 and a comment), bound to it by the survey link's token.
    path: '/forms/survey',
    method: 'post',
    handler: async (req) => {
      const headers = { 'Cache-Control': 'no-store' };
      const body = await (asRequest(req).json() as Promise<unknown>).catch(() => null);
      const parsed = SurveyAnswerSchema.safeParse(body);
      if (!parsed.success) return Response.json({ message: russianIssue(parsed.error.issues) }, { status: 400, headers });
      const outcome = await recordSurveyAnswer(req.payload, parsed.data);
      if (outcome === 'recorded') return Response.json({ message: 'Спасибо! Ваша оценка получена.' }, { status: 201, headers });
      if (outcome === 'already-rated') return Response.json({ message: 'Оценка по этому обращению уже получена. Спасибо!' }, { status: 409, headers });
      return Response.json({ message: 'Ссылка на оценку не найдена. Пожалуйста, откройте её из письма ещё раз.' }, { status: 404, headers });
    },
  },
  ...appealFormEndpoints,
  mailIntakeEndpoint,
  suggestionEventEndpoint,
  {
    path: '/search',
    method: 'get',
    handler: (req) => handleSearch(asRequest(req), searchEngine(), console, () => listTopics(req.payload)),
  },
  {
    path: '/search/events',
    method: 'post',
    handler: (req) => handleSearchEvent(asRequest(req), (event) => recordSearchEvent(req.payload, event)),
  },
  {
    // `npm run reindex`: a full rebuild inside the CMS process (the only one that opens the database),
    // for administrators only; never forwarded by the public server.
    path: '/search/reindex',
    method: 'post',
    handler: async (req) => {
      if (!rolesOf(req).includes('admin')) return Response.json({ message: 'Недостаточно прав.' }, { status: 403 });
      const started = Date.now();
      const indexed = await rebuildSearchIndex(req.payload);
      return Response.json({ indexed, engine: searchEngine().name, ms: Date.now() - started }, { headers: { 'Cache-Control': 'no-store' } });
    },
  },
  {
    path: '/site-export',
    method: 'get',
    handler: async (req) => Response.json(await buildSiteExport(req.payload), { headers: { 'Cache-Control': 'no-store' } }),
  },
  {
    // Editors and administrators: a FAQ draft rendered through the site's template (the admin's «Предпросмотр»).
    path: '/preview/faq/:id',
    method: 'get',
    handler: async (req) => {
      const roles = (req.user as { roles?: string[] } | null)?.roles ?? [];
      if (!roles.some((role) => role === 'editor' || role === 'admin')) return Response.json({ message: 'Недостаточно прав.' }, { status: 403 });
      const html = await renderFaqPreview(req.payload, String(req.routeParams?.id ?? ''));
      if (html === null) return Response.json({ message: 'Документ не найден.' }, { status: 404 });
      return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' } });
    },
  },
  liveStateEndpoint,
  {
    // Editors and administrators: the publishing report (requested → published → live) as JSON.
    path: '/publishing-report',
    method: 'get',
    handler: async (req) => {
      const roles = (req.user as { roles?: string[] } | null)?.roles ?? [];
      if (!roles.some((role) => role === 'editor' || role === 'admin')) return Response.json({ message: 'Недостаточно прав.' }, { status: 403 });
      const days = Math.min(366, Math.max(1, Number(new URL(req.url ?? 'http://x/').searchParams.get('days') ?? 30) || 30));
      return Response.json({ rows: await publishingReport(req.payload, { since: new Date(Date.now() - days * 86_400_000) }) }, { headers: { 'Cache-Control': 'no-store' } });
    },
  },
  {
    // Handlers, managers and administrators: the appeals quality report for a period as JSON, or CSV with ?format=csv.
    path: '/appeals-report',
    method: 'get',
    handler: async (req) => {
      if (!canReadAppealReport(rolesOf(req))) return Response.json({ message: 'Недостаточно прав.' }, { status: 403 });
      const params = new URL(req.url ?? 'http://x/').searchParams;
      const company = await loadCompany(req.payload);
      const today = toLocalIsoDate(new Date(), company.timeZone);
      const isoDate = /^\d{4}-\d{2}-\d{2}$/;
      const from = params.get('from') ?? `${today.slice(0, 8)}01`;
      const to = params.get('to') ?? today;
      if (!isoDate.test(from) || !isoDate.test(to) || from > to) return Response.json({ message: 'Укажите период: даты с и по в формате ГГГГ-ММ-ДД.' }, { status: 400 });
      const report = await loadAppealReport(req.payload, { from, to, today }, (instant) => toLocalIsoDate(new Date(instant), company.timeZone));
      if (params.get('format') === 'csv') {
        return new Response(reportToCsv(report), {
          headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="appeals-${from}-${to}.csv"`, 'Cache-Control': 'no-store' },
        });
      }
      return Response.json(report, { headers: { 'Cache-Control': 'no-store' } });
    },
  },
  {
    path: '/health',
    method: 'get',
    handler: async (req) => {
      const faq = await req.payload.count({ collection: 'faq', overrideAccess: true });
      return Response.json({ ok: true, faq: faq.totalDocs, search: await searchEngine().count() });
    },
  },
];

/** Topics in display order, offered when a search finds nothing. */
async function listTopics(payload: Payload): Promise<{ slug: string; title: string }[]> {
  const topics = await payload.find({ collection: COLLECTIONS.topics, pagination: false, depth: 0, sort: 'order', overrideAccess: true });
  return topics.docs.map((doc) => ({ slug: String(doc.slug), title: String(doc.title) }));
}
