import type { Endpoint } from 'payload';
import { recordSurveyAnswer, SurveyAnswerSchema } from '../appeals/handling/survey';
import { asRequest, NO_STORE } from './payload-request';
import { russianIssue } from './russian-issue';

/** The client's rating of a closed appeal (1–5 and a comment), bound to it by the survey link's token. */
export const surveyAnswerEndpoint: Endpoint = {
  path: '/forms/survey',
  method: 'post',
  handler: async (req) => {
    const headers = NO_STORE;
    const body = await (asRequest(req).json() as Promise<unknown>).catch(() => null);
    const parsed = SurveyAnswerSchema.safeParse(body);
    if (!parsed.success) return Response.json({ message: russianIssue(parsed.error.issues) }, { status: 400, headers });
    const outcome = await recordSurveyAnswer(req.payload, parsed.data);
    if (outcome === 'recorded') return Response.json({ message: 'Спасибо! Ваша оценка получена.' }, { status: 201, headers });
    if (outcome === 'already-rated') return Response.json({ message: 'Оценка по этому обращению уже получена. Спасибо!' }, { status: 409, headers });
    return Response.json({ message: 'Ссылка на оценку не найдена. Пожалуйста, откройте её из письма ещё раз.' }, { status: 404, headers });
  },
};
