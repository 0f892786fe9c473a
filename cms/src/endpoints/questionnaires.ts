import type { Endpoint } from 'payload';
import { FieldRejectedError } from '@portal/core/appeal-contract';
import { QUESTIONNAIRE_MESSAGES, QuestionnaireSubmissionSchema } from '@portal/core/questionnaire';
import { singleUseHumanCheck } from '../appeals/intake/human-check-once';
import { readCmsEnv } from '../env';
import { issueAnswerToken } from '../questionnaires/answer-token';
import { runningQuestionnaire } from '../questionnaires/questionnaire-store';
import { recordQuestionnaireAnswer } from '../questionnaires/submit';
import { asRequest, NO_STORE } from './payload-request';

/**
 * Header the public server sets on the answers it forwards from its no-script form (it never forwards a visitor's own
 * headers of that name): such a sheet may come without a token and without proof-of-work, and the public server
 * limits it per address instead (public-server/src/questionnaire-page.ts).
 */
export const NOSCRIPT_HEADER = 'x-portal-noscript-form';

export const QUESTIONNAIRE_TEXTS = {
  notRunning: 'Эта анкета не найдена или уже завершена. Спасибо за желание помочь!',
  thanks: 'Спасибо! Ваши ответы получены.',
  already: 'Вы уже заполнили эту анкету — спасибо! Повторно ответить нельзя.',
} as const;

const json = (status: number, body: unknown) => Response.json(body, { status, headers: NO_STORE });
const readJson = async (request: Request): Promise<unknown> => (request.headers.get('content-type')?.includes('application/json') ? request.json().catch(() => null) : null);

/** `POST /api/forms/questionnaire-token` `{ questionnaire: slug }`: a new answer token for a running questionnaire. */
export const questionnaireTokenEndpoint: Endpoint = {
  path: '/forms/questionnaire-token',
  method: 'post',
  handler: async (req) => {
    const body = (await readJson(asRequest(req))) as { questionnaire?: unknown } | null;
    const slug = typeof body?.questionnaire === 'string' && /^[a-z0-9-]{1,100}$/.test(body.questionnaire) ? body.questionnaire : null;
    const questionnaire = slug ? await runningQuestionnaire(req.payload, slug) : null;
    if (!questionnaire) return json(404, { message: QUESTIONNAIRE_TEXTS.notRunning });
    return json(200, { token: issueAnswerToken(readCmsEnv().PAYLOAD_SECRET, questionnaire.id) });
  },
};

/**
 * `POST /api/forms/questionnaire`: one answer sheet. 201 with the token kept by the browser; 400 with a message per
 * question (`issues[].path` = `['answers', <question id>]`) or field; 404 when it does not run; 409 when this browser
 * (its token) already answered.
 */
export const questionnaireAnswerEndpoint: Endpoint = {
  path: '/forms/questionnaire',
  method: 'post',
  handler: async (req) => {
    const request = asRequest(req);
    const body = await readJson(request);
    const parsed = QuestionnaireSubmissionSchema.safeParse(body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
      return json(400, { message: issues[0]?.message ?? QUESTIONNAIRE_MESSAGES.token, issues });
    }
    const questionnaire = await runningQuestionnaire(req.payload, parsed.data.questionnaire);
    if (!questionnaire) return json(404, { message: QUESTIONNAIRE_TEXTS.notRunning });
    const noscript = request.headers.get(NOSCRIPT_HEADER) === '1';
    if (!noscript && parsed.data.token === undefined) return json(400, { message: QUESTIONNAIRE_MESSAGES.token, issues: [{ path: ['token'], message: QUESTIONNAIRE_MESSAGES.token }] });
    const human = noscript ? null : singleUseHumanCheck(req.payload, request);
    const problem = human ? await human.verify(body) : null;
    if (problem) return json(400, { message: problem, issues: [{ path: ['altcha'], message: problem }] });

    let outcome;
    try {
      outcome = await recordQuestionnaireAnswer(req.payload, readCmsEnv().PAYLOAD_SECRET, questionnaire, parsed.data, new Date(), async () => {
        await human?.spend();
      });
    } catch (error) {
      // Another sheet spent this proof-of-work solution first.
      if (error instanceof FieldRejectedError) return json(400, { message: error.userMessage, issues: [{ path: ['altcha'], message: error.userMessage }] });
      throw error;
    }
    if (outcome.kind === 'bad-token') return json(400, { message: QUESTIONNAIRE_MESSAGES.token, issues: [{ path: ['token'], message: QUESTIONNAIRE_MESSAGES.token }] });
    if (outcome.kind === 'already-answered') return json(409, { message: QUESTIONNAIRE_TEXTS.already });
    if (outcome.kind === 'invalid') {
      const issues = outcome.problems.map((item) => ({ path: ['answers', item.questionId], message: item.message }));
      return json(400, { message: 'Пожалуйста, проверьте ответы: в анкете есть незаполненные или неверные поля.', issues });
    }
    return json(201, { message: QUESTIONNAIRE_TEXTS.thanks, token: outcome.token });
  },
};
