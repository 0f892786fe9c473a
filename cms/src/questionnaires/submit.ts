import type { Payload } from 'payload';
import { checkAnswers, type AnswerProblem, type PublicQuestionnaire, type QuestionnaireSubmission } from '@portal/core/questionnaire';
import { loadCompany } from '../appeals/settings/settings';
import { COLLECTIONS } from '../slugs';
import { answerTokenHash, issueAnswerToken, verifyAnswerToken } from './answer-token';

/** Outcome of {@link recordQuestionnaireAnswer}. */
export type AnswerOutcome =
  | { kind: 'recorded'; token: string }
  | { kind: 'already-answered' }
  | { kind: 'bad-token' }
  | { kind: 'invalid'; problems: AnswerProblem[] };

/**
 * Stores one answer sheet: the token must be ours and bound to this questionnaire (a sheet without one — the
 * no-script form's first answer — gets a new token, handed back for the browser to keep), the answers are read
 * against the questions with their branching, and the token's hash goes in with the row under a unique index, so of
 * two sheets with one token exactly one is stored, on every instance.
 */
export async function recordQuestionnaireAnswer(
  payload: Payload,
  secret: string,
  questionnaire: PublicQuestionnaire,
  submission: QuestionnaireSubmission,
  now: Date = new Date(),
  beforeStore: () => Promise<void> = async () => undefined,
): Promise<AnswerOutcome> {
  const token = submission.token ?? issueAnswerToken(secret, questionnaire.id);
  if (!verifyAnswerToken(secret, questionnaire.id, token)) return { kind: 'bad-token' };
  const tokenHash = answerTokenHash(token);
  if (await answered(payload, tokenHash)) return { kind: 'already-answered' };
  const checked = checkAnswers(questionnaire.questions, submission.answers);
  if (!checked.ok) return { kind: 'invalid', problems: checked.problems };
  // The proof-of-work solution is spent only now: a sheet refused for a field keeps it for the corrected one.
  await beforeStore();
  const contact = submission.contact;
  const consent = contact === '' ? {} : { consent: { version: (await loadCompany(payload)).consentVersion, acceptedAt: now.toISOString() } };
  try {
    await payload.create({
      collection: COLLECTIONS.questionnaireAnswers,
      data: { questionnaire: Number.isNaN(Number(questionnaire.id)) ? questionnaire.id : Number(questionnaire.id), answers: checked.answers, contact: contact || null, ...consent, tokenHash, submittedAt: now.toISOString() } as never,
      overrideAccess: true,
      depth: 0,
    });
  } catch (error) {
    // Two sheets with one token racing past the check: the unique index let one in.
    if (await answered(payload, tokenHash)) return { kind: 'already-answered' };
    throw error;
  }
  return { kind: 'recorded', token };
}

async function answered(payload: Payload, tokenHash: string): Promise<boolean> {
  const found = await payload.find({ collection: COLLECTIONS.questionnaireAnswers, where: { tokenHash: { equals: tokenHash } }, limit: 1, depth: 0, pagination: false, overrideAccess: true });
  return found.docs.length > 0;
}
