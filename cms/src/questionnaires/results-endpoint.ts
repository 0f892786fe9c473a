import type { Endpoint, Payload, PayloadRequest } from 'payload';
import { csvCell } from '@portal/core/csv';
import { questionnaireResultRows, questionnaireResults, questionnaireSummary, type AnswerSheet, type QuestionnaireSummary } from '@portal/core/questionnaire';
import { rolesOf } from '../access/roles';
import { forbidden, NO_STORE, searchParamsOf } from '../endpoints/payload-request';
import { COLLECTIONS } from '../slugs';
import { publicQuestionnaire } from './questionnaire-store';

/**
 * Who reads a questionnaire's results: managers and administrators. The results are aggregates, and free texts are
 * shown with personal data masked; the raw sheets (which may hold a contact) stay with administrators.
 */
export function canReadQuestionnaireResults(roles: readonly string[]): boolean {
  return roles.includes('manager') || roles.includes('admin');
}

/** The results of a questionnaire (its saved questions), or null when there is none with this id. */
export async function loadQuestionnaireResults(req: PayloadRequest, id: string) {
  return resultsOf(req.payload, id);
}

/**
 * Per published quarterly report that includes a questionnaire (by report id): its public summary — aggregates only,
 * free texts left out (core/src/questionnaire.ts `questionnaireSummary`).
 */
export async function quarterlyQuestionnaireSummaries(payload: Payload, reports: readonly { id: number | string; questionnaire?: unknown }[]): Promise<Map<string, QuestionnaireSummary>> {
  const summaries = new Map<string, QuestionnaireSummary>();
  for (const report of reports) {
    const linked = report.questionnaire && typeof report.questionnaire === 'object' ? (report.questionnaire as { id?: unknown }).id : report.questionnaire;
    if (linked === undefined || linked === null || linked === '') continue;
    const results = await resultsOf(payload, String(linked));
    if (results) summaries.set(String(report.id), questionnaireSummary(results.questionnaire.title, results));
  }
  return summaries;
}

async function resultsOf(payload: Payload, id: string) {
  const found = await payload.find({ collection: COLLECTIONS.questionnaires, where: { id: { equals: id } }, limit: 1, depth: 0, overrideAccess: true, draft: false });
  const row = found.docs[0];
  if (!row) return null;
  const questionnaire = publicQuestionnaire(row as never);
  const answers = await payload.find({ collection: COLLECTIONS.questionnaireAnswers, where: { questionnaire: { equals: row.id } }, pagination: false, depth: 0, overrideAccess: true, select: { answers: true } } as never);
  const sheets = (answers.docs as { answers?: unknown }[]).map((doc) => (doc.answers && typeof doc.answers === 'object' ? (doc.answers as AnswerSheet) : {}));
  return { questionnaire: { id: questionnaire.id, title: questionnaire.title, slug: questionnaire.slug, from: questionnaire.from, to: questionnaire.to }, ...questionnaireResults(questionnaire.questions, sheets) };
}

/** `GET /api/questionnaires/:id/results[?format=csv]`: counts, averages, NPS and masked free texts. */
export const questionnaireResultsEndpoint: Endpoint = {
  path: '/:id/results',
  method: 'get',
  handler: async (req) => {
    if (!canReadQuestionnaireResults(rolesOf(req))) return forbidden();
    const id = String(req.routeParams?.id ?? '');
    const results = /^[\w-]{1,64}$/.test(id) ? await loadQuestionnaireResults(req, id) : null;
    if (!results) return Response.json({ message: 'Анкета не найдена.' }, { status: 404, headers: NO_STORE });
    if (searchParamsOf(req).get('format') === 'csv') {
      const csv = `\uFEFF${questionnaireResultRows(results).map((line) => line.map((cell) => csvCell(cell, ';')).join(';')).join('\r\n')}\r\n`;
      return new Response(csv, {
        headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="anketa-${results.questionnaire.slug}.csv"`, ...NO_STORE },
      });
    }
    return Response.json(results, { headers: NO_STORE });
  },
};
