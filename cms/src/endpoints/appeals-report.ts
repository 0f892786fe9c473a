import type { Endpoint } from 'payload';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { canReadAppealReport, rolesOf } from '../access/roles';
import { loadAppealReport, reportToCsv } from '../appeals/reports/report';
import { loadCompany } from '../appeals/settings/settings';
import { forbidden, NO_STORE, searchParamsOf } from './payload-request';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Handlers, managers and administrators: the appeals quality report for a period (`?from=&to=`, default the
 * current month up to today) as JSON, or CSV with `?format=csv`.
 */
export const appealsReportEndpoint: Endpoint = {
  path: '/appeals-report',
  method: 'get',
  handler: async (req) => {
    if (!canReadAppealReport(rolesOf(req))) return forbidden();
    const params = searchParamsOf(req);
    const company = await loadCompany(req.payload);
    const today = toLocalIsoDate(new Date(), company.timeZone);
    const from = params.get('from') ?? `${today.slice(0, 8)}01`;
    const to = params.get('to') ?? today;
    if (!ISO_DATE.test(from) || !ISO_DATE.test(to) || from > to) return Response.json({ message: 'Укажите период: даты с и по в формате ГГГГ-ММ-ДД.' }, { status: 400 });
    const report = await loadAppealReport(req.payload, { from, to, today }, (instant) => toLocalIsoDate(new Date(instant), company.timeZone));
    if (params.get('format') === 'csv') {
      return new Response(reportToCsv(report), {
        headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="appeals-${from}-${to}.csv"`, ...NO_STORE },
      });
    }
    return Response.json(report, { headers: NO_STORE });
  },
};
