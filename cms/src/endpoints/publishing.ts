import type { Endpoint } from 'payload';
import { canPreviewDrafts, canReadPublishingReport } from '../access/roles';
import { previewContentSecurityPolicy, renderFaqPreview } from '../publishing/preview';
import { readCmsEnv } from '../env';
import { publishingReport } from '../publishing/report';
import { forbidden, NO_STORE, searchParamsOf } from './payload-request';

export { liveStateEndpoint } from '../publishing/live-state';

/** Editors and administrators: a FAQ draft rendered through the site's template (the admin's «Предпросмотр»). */
export const faqPreviewEndpoint: Endpoint = {
  path: '/preview/faq/:id',
  method: 'get',
  handler: async (req) => {
    if (!canPreviewDrafts(req)) return forbidden();
    const html = await renderFaqPreview(req.payload, String(req.routeParams?.id ?? ''));
    if (html === null) return Response.json({ message: 'Документ не найден.' }, { status: 404 });
    return new Response(html, {
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': previewContentSecurityPolicy(html, readCmsEnv().SITE_URL),
        'X-Content-Type-Options': 'nosniff',
        ...NO_STORE,
        'X-Robots-Tag': 'noindex',
      },
    });
  },
};

/** Editors and administrators: the publishing report (requested → published → live) as JSON, for the last `?days=` (1–366, default 30). */
export const publishingReportEndpoint: Endpoint = {
  path: '/publishing-report',
  method: 'get',
  handler: async (req) => {
    if (!canReadPublishingReport(req)) return forbidden();
    const days = Math.min(366, Math.max(1, Number(searchParamsOf(req).get('days') ?? 30) || 30));
    return Response.json({ rows: await publishingReport(req.payload, { since: new Date(Date.now() - days * 86_400_000) }) }, { headers: NO_STORE });
  },
};
