import type { Payload } from 'payload';
import { PublicQuestionnaireSchema, questionnaireRuns, type PublicQuestionnaire } from '@portal/core/questionnaire';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { loadCompany } from '../appeals/settings/settings';
import { COLLECTIONS } from '../slugs';
import { questionsOf, type QuestionRow } from './questions';

type Row = { id: number | string; slug?: string; title?: string; intro?: string | null; from?: string; to?: string; homeBanner?: boolean | null; questions?: QuestionRow[] | null };

/** A stored questionnaire in the shared public form. */
export function publicQuestionnaire(row: Row): PublicQuestionnaire {
  return PublicQuestionnaireSchema.parse({
    id: String(row.id),
    slug: row.slug,
    title: row.title ?? '',
    intro: row.intro ?? '',
    from: row.from,
    to: row.to,
    homeBanner: Boolean(row.homeBanner),
    questions: questionsOf(row.questions ?? []),
  });
}

/** Published questionnaires whose last day has not passed (company-local), for the site export. */
export async function currentQuestionnaires(payload: Payload, today: string): Promise<PublicQuestionnaire[]> {
  const found = await payload.find({
    collection: COLLECTIONS.questionnaires,
    pagination: false,
    depth: 0,
    draft: false,
    overrideAccess: true,
    where: { and: [{ _status: { equals: 'published' } }, { to: { greater_than_equal: today } }] },
    sort: 'from',
  });
  return (found.docs as unknown as Row[]).map(publicQuestionnaire);
}

/** The published questionnaire with this slug when it runs today (company-local), else null. */
export async function runningQuestionnaire(payload: Payload, slug: string, now: Date = new Date()): Promise<PublicQuestionnaire | null> {
  const { timeZone } = await loadCompany(payload);
  const today = toLocalIsoDate(now, timeZone);
  const found = await payload.find({
    collection: COLLECTIONS.questionnaires,
    limit: 1,
    depth: 0,
    draft: false,
    overrideAccess: true,
    where: { and: [{ _status: { equals: 'published' } }, { slug: { equals: slug } }] },
  });
  const row = found.docs[0] as unknown as Row | undefined;
  if (!row) return null;
  const questionnaire = publicQuestionnaire(row);
  return questionnaireRuns(questionnaire, today) ? questionnaire : null;
}
