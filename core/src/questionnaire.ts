import { z } from 'zod';
import { findPersonalData } from './pii-guard';

/**
 * Questionnaires editors run on the site (004 L576, L751–753, L762–768): the question kinds, the simple branching
 * «показывать, если», the server-side check of an answer sheet and the results (counts, averages, NPS). Pure code:
 * the CMS, the site island and the public server's no-script page all use it, so they agree on what is shown,
 * required and counted.
 */

/** Question kinds: single and multiple choice, scales 1–5 and 1–10, NPS 0–10, free text. */
export const QUESTION_KINDS = ['single', 'multiple', 'scale5', 'scale10', 'nps', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Russian names of the kinds (the CMS select and the CSV). */
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  single: 'Один вариант',
  multiple: 'Несколько вариантов',
  scale5: 'Шкала 1–5',
  scale10: 'Шкала 1–10',
  nps: 'Готовность рекомендовать (NPS, 0–10)',
  text: 'Свободный ответ',
};

/** Longest free-text answer, in characters. */
export const FREE_TEXT_MAX = 2000;

/** The range of a scale kind; null for the others. */
export function scaleRange(kind: QuestionKind): { min: number; max: number } | null {
  if (kind === 'scale5') return { min: 1, max: 5 };
  if (kind === 'scale10') return { min: 1, max: 10 };
  if (kind === 'nps') return { min: 0, max: 10 };
  return null;
}

const isChoice = (kind: QuestionKind) => kind === 'single' || kind === 'multiple';

/** «Показывать, если»: the answer to question number `question` (1-based) is, or for multiple choice contains, `answer`. */
export const ShowIfSchema = z.object({
  /** Number of an earlier question (1-based, as the editor sees it in the list). */
  question: z.number().int().min(1),
  /** The option (choice questions) or the number (scales, NPS) that makes this question appear. */
  answer: z.string().trim().min(1),
});
export type ShowIf = z.output<typeof ShowIfSchema>;

/** One question as the site and the server see it. */
export const QuestionSchema = z.object({
  /** Stable id (the CMS array row's id): answers are keyed by it, so reordering never mixes them up. */
  id: z.string().min(1),
  /** The question's text. */
  text: z.string().trim().min(1),
  /** What kind of answer it takes. */
  kind: z.enum(QUESTION_KINDS),
  /** Whether it must be answered when shown. Default: optional. */
  required: z.boolean().default(false),
  /** The options of a choice question, in order (ignored for the other kinds). */
  options: z.array(z.string().trim().min(1)).default([]),
  /** Shown only when this condition holds; always shown when absent. */
  showIf: ShowIfSchema.nullable().default(null),
});
export type Question = z.output<typeof QuestionSchema>;

/** An editor's mistake in the questions, with the 1-based number of the question it is in. */
export interface QuestionProblem {
  question: number;
  message: string;
}

/**
 * Checks the questions an editor built: choice questions need two different options, and a «показывать, если» may
 * name only an earlier question (no forward or circular references: an answer that is not given yet cannot decide),
 * not a free-text one, and only an answer that question can have.
 */
export function questionProblems(questions: readonly Question[]): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  questions.forEach((question, index) => {
    const number = index + 1;
    if (isChoice(question.kind)) {
      if (question.options.length < 2) problems.push({ question: number, message: `Вопрос ${number}: укажите хотя бы два варианта ответа.` });
      else if (new Set(question.options).size !== question.options.length) problems.push({ question: number, message: `Вопрос ${number}: варианты ответа повторяются.` });
    }
    const condition = question.showIf;
    if (!condition) return;
    if (condition.question === number) {
      problems.push({ question: number, message: `Вопрос ${number}: условие «показывать, если» не может ссылаться на сам вопрос.` });
      return;
    }
    if (condition.question > number) {
      problems.push({
        question: number,
        message: `Вопрос ${number}: условие «показывать, если» может ссылаться только на вопрос выше (номер меньше ${number}), а не на вопрос ${condition.question}.`,
      });
      return;
    }
    const source = questions[condition.question - 1]!;
    if (source.kind === 'text') {
      problems.push({ question: number, message: `Вопрос ${number}: условие не может зависеть от свободного ответа на вопрос ${condition.question}.` });
      return;
    }
    if (!answerPossible(source, condition.answer)) {
      problems.push({ question: number, message: `Вопрос ${number}: у вопроса ${condition.question} нет ответа «${condition.answer}».` });
    }
  });
  return problems;
}

function answerPossible(question: Question, answer: string): boolean {
  if (isChoice(question.kind)) return question.options.includes(answer);
  const range = scaleRange(question.kind);
  const value = Number(answer);
  return range !== null && /^\d+$/.test(answer) && value >= range.min && value <= range.max;
}

/** One answer: an option, several options, a number on a scale, or a text. */
export type AnswerValue = string | string[] | number;
/** Answers keyed by question id. */
export type AnswerSheet = Record<string, AnswerValue>;

/** Whether a condition holds for the answers given so far (a missing answer never satisfies it). */
export function conditionHolds(questions: readonly Question[], condition: ShowIf, answers: AnswerSheet): boolean {
  const source = questions[condition.question - 1];
  if (!source) return false;
  const given = answers[source.id];
  if (given === undefined) return false;
  if (Array.isArray(given)) return given.includes(condition.answer);
  return String(given) === condition.answer;
}

/**
 * Ids of the questions shown for these answers, in order. A question whose condition names a hidden question is
 * hidden too: its answer is dropped before the condition is read, so a chain closes as soon as one link does.
 */
export function visibleQuestionIds(questions: readonly Question[], answers: AnswerSheet): Set<string> {
  const visible = new Set<string>();
  const kept: AnswerSheet = {};
  for (const question of questions) {
    if (question.showIf && !conditionHolds(questions, question.showIf, kept)) continue;
    visible.add(question.id);
    if (answers[question.id] !== undefined) kept[question.id] = answers[question.id]!;
  }
  return visible;
}

/** A refused answer: the question's id and a Russian message for it. */
export interface AnswerProblem {
  questionId: string;
  message: string;
}

/** Outcome of {@link checkAnswers}: the cleaned answers of the shown questions, or the problems per question. */
export type CheckedAnswers = { ok: true; answers: AnswerSheet } | { ok: false; problems: AnswerProblem[] };

/**
 * Reads a raw answer sheet (JSON from the island, or the no-script form's fields) against the questions: answers to
 * hidden questions are dropped, a required question that is shown must be answered, choices must be options, numbers
 * in range, texts at most {@link FREE_TEXT_MAX} characters. Empty strings and empty lists count as not answered.
 */
export function checkAnswers(questions: readonly Question[], raw: Record<string, unknown>): CheckedAnswers {
  const parsed: AnswerSheet = {};
  const problems: AnswerProblem[] = [];
  for (const question of questions) {
    const result = readAnswer(question, raw[question.id]);
    if (result === undefined) continue;
    if (typeof result === 'object' && 'problem' in result) problems.push({ questionId: question.id, message: result.problem });
    else parsed[question.id] = result;
  }
  const visible = visibleQuestionIds(questions, parsed);
  const answers: AnswerSheet = {};
  for (const question of questions) {
    if (!visible.has(question.id)) continue;
    if (parsed[question.id] !== undefined) answers[question.id] = parsed[question.id]!;
    else if (question.required && !problems.some((problem) => problem.questionId === question.id)) {
      problems.push({ questionId: question.id, message: requiredMessage(question) });
    }
  }
  const shownProblems = problems.filter((problem) => visible.has(problem.questionId));
  return shownProblems.length > 0 ? { ok: false, problems: shownProblems } : { ok: true, answers };
}

function requiredMessage(question: Question): string {
  if (question.kind === 'multiple') return 'Отметьте, пожалуйста, хотя бы один вариант.';
  if (question.kind === 'text') return 'Напишите, пожалуйста, ответ.';
  return 'Выберите, пожалуйста, ответ.';
}

function readAnswer(question: Question, value: unknown): AnswerValue | { problem: string } | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (question.kind === 'multiple') {
    const list = Array.isArray(value) ? value : [value];
    if (list.length === 0) return undefined;
    if (!list.every((item) => typeof item === 'string' && question.options.includes(item))) return { problem: 'Выберите варианты из списка.' };
    // Options in the questionnaire's order, each once.
    return question.options.filter((option) => list.includes(option));
  }
  if (question.kind === 'single') {
    if (typeof value !== 'string' || !question.options.includes(value)) return { problem: 'Выберите вариант из списка.' };
    return value;
  }
  if (question.kind === 'text') {
    if (typeof value !== 'string') return { problem: 'Ответ должен быть текстом.' };
    const text = value.trim();
    if (text === '') return undefined;
    if (text.length > FREE_TEXT_MAX) return { problem: `Ответ длиннее ${FREE_TEXT_MAX} символов. Пожалуйста, сократите его.` };
    return text;
  }
  const range = scaleRange(question.kind)!;
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,2}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(number) || number < range.min || number > range.max) return { problem: `Выберите число от ${range.min} до ${range.max}.` };
  return number;
}

/** Net Promoter Score of the given 0–10 answers: promoters (9–10) minus detractors (0–6), in % of the answers. */
export function netPromoterScore(scores: readonly number[]): { promoters: number; passives: number; detractors: number; nps: number | null } {
  const promoters = scores.filter((score) => score >= 9).length;
  const detractors = scores.filter((score) => score <= 6).length;
  const passives = scores.length - promoters - detractors;
  // Rounded to a whole percent, as NPS is usually reported; null when nobody answered.
  const nps = scores.length === 0 ? null : Math.round(((promoters - detractors) / scores.length) * 100);
  return { promoters, passives, detractors, nps };
}

/** The text that replaces personal data in free answers shown to staff or exported. */
export const HIDDEN_PERSONAL_DATA = '[скрыто]';

/** A free-text answer with everything the personal-data guard recognises replaced by {@link HIDDEN_PERSONAL_DATA}. */
export function maskPersonalData(text: string): string {
  let masked = text;
  for (const match of findPersonalData(text)) masked = masked.replaceAll(match.text, HIDDEN_PERSONAL_DATA);
  return masked;
}

interface ResultBase {
  id: string;
  /** 1-based position, as on the page. */
  number: number;
  text: string;
  /** Answer sheets that answered this question. */
  answered: number;
}
/** Results of a choice question: each option with how many chose it. */
export interface ChoiceResult extends ResultBase {
  kind: 'single' | 'multiple';
  options: { option: string; count: number }[];
}
/** Results of a scale (and NPS): the average (two decimals) and how many chose each value; NPS adds its score. */
export interface ScaleResult extends ResultBase {
  kind: 'scale5' | 'scale10' | 'nps';
  average: number | null;
  distribution: { value: number; count: number }[];
  nps?: { promoters: number; passives: number; detractors: number; nps: number | null };
}
/** Results of a free-text question: the texts with personal data masked. */
export interface TextResult extends ResultBase {
  kind: 'text';
  texts: string[];
}
/** Results of one question. */
export type QuestionResult = ChoiceResult | ScaleResult | TextResult;

/** Results of a questionnaire: the number of answer sheets and each question's figures. */
export interface QuestionnaireResults {
  responses: number;
  questions: QuestionResult[];
}

const average = (values: readonly number[]) => (values.length === 0 ? null : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100);

/**
 * Counts per option, averages of scales (two decimals), NPS and the free texts (masked by the personal-data guard) of
 * the given answer sheets. Each question counts only the sheets that answered it (`answered`), so a question shown to
 * some clients only is not diluted by those who never saw it.
 */
export function questionnaireResults(questions: readonly Question[], sheets: readonly AnswerSheet[]): QuestionnaireResults {
  const results = questions.map((question, index): QuestionResult => {
    const base = { id: question.id, number: index + 1, text: question.text };
    const given = sheets.map((sheet) => sheet[question.id]).filter((value): value is AnswerValue => value !== undefined);
    if (question.kind === 'single' || question.kind === 'multiple') {
      const chosen = given.flatMap((value) => (Array.isArray(value) ? value : [String(value)]));
      return { ...base, kind: question.kind, answered: given.length, options: question.options.map((option) => ({ option, count: chosen.filter((item) => item === option).length })) };
    }
    if (question.kind === 'text') {
      return { ...base, kind: 'text', answered: given.length, texts: given.map((value) => maskPersonalData(String(value))) };
    }
    const numbers = given.filter((value): value is number => typeof value === 'number');
    const range = scaleRange(question.kind)!;
    const distribution = Array.from({ length: range.max - range.min + 1 }, (_, offset) => range.min + offset).map((value) => ({ value, count: numbers.filter((n) => n === value).length }));
    return { ...base, kind: question.kind, answered: numbers.length, average: average(numbers), distribution, ...(question.kind === 'nps' ? { nps: netPromoterScore(numbers) } : {}) };
  });
  return { responses: sheets.length, questions: results };
}

/** Whether a questionnaire runs on a company-local date (`YYYY-MM-DD`, both ends included). */
export function questionnaireRuns(period: { from: string; to: string }, today: string): boolean {
  return period.from <= today && today <= period.to;
}

/** A questionnaire as the site export carries it (published and not over yet). */
export const PublicQuestionnaireSchema = z.object({
  id: z.string(),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  intro: z.string().default(''),
  /** First and last day, company-local `YYYY-MM-DD`. */
  from: z.string(),
  to: z.string(),
  /** Whether the home page announces it while it runs. */
  homeBanner: z.boolean().default(false),
  questions: z.array(QuestionSchema),
});
export type PublicQuestionnaire = z.output<typeof PublicQuestionnaireSchema>;

/** Address of a questionnaire's page on the site. */
export function questionnairePath(slug: string): string {
  return `/obratnaya-svyaz/anketa/${slug}/`;
}

/** Messages of the answer sheet's own fields (the questions' messages come from {@link checkAnswers}). */
export const QUESTIONNAIRE_MESSAGES = {
  contactTooLong: 'Контакт слишком длинный: не больше 200 символов',
  consent: 'Чтобы оставить контакт, отметьте согласие на обработку персональных данных — или оставьте поле пустым',
  website: 'Не удалось принять анкету. Пожалуйста, обновите страницу и попробуйте ещё раз',
  token: 'Не удалось принять анкету. Пожалуйста, обновите страницу и попробуйте ещё раз',
} as const;

/**
 * An answer sheet as posted by the island (JSON) or built by the public server from the no-script form. The contact
 * is optional: answers are anonymous unless the client chooses to leave one, and then consent is required (as on the
 * forms). `answers` is read against the questions by {@link checkAnswers}.
 */
export const QuestionnaireSubmissionSchema = z
  .object({
    /** The questionnaire's slug. */
    questionnaire: z.string().regex(/^[a-z0-9-]{1,100}$/),
    /** The answer token issued for this questionnaire (one answer per browser); absent on the no-script path's first answer. */
    token: z.string().max(400, { error: QUESTIONNAIRE_MESSAGES.token }).optional(),
    answers: z.record(z.string().max(100), z.unknown()),
    /** E-mail or phone, only if the client wants to be contacted. */
    contact: z.string().trim().max(200, { error: QUESTIONNAIRE_MESSAGES.contactTooLong }).default(''),
    consent: z.boolean().default(false),
    /** The honeypot: people never see it and leave it empty. */
    website: z.string().max(0, { error: QUESTIONNAIRE_MESSAGES.website }).optional(),
    /** The proof-of-work solution (`altcha`), checked by the CMS. */
    altcha: z.string().max(4000).optional(),
  })
  .superRefine((value, context) => {
    if (value.contact !== '' && !value.consent) context.addIssue({ code: 'custom', path: ['consent'], message: QUESTIONNAIRE_MESSAGES.consent });
  });
export type QuestionnaireSubmission = z.output<typeof QuestionnaireSubmissionSchema>;

/**
 * The results as CSV rows (header first): one row per option or scale value with its count, one per free text, and
 * a row per question with its average and NPS. The caller joins the cells with `csvCell`.
 */
export function questionnaireResultRows(results: QuestionnaireResults): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [['№', 'Вопрос', 'Ответ', 'Число ответов', 'Среднее', 'NPS, %']];
  for (const question of results.questions) {
    const head = [question.number, question.text] as const;
    if ('options' in question) {
      for (const option of question.options) rows.push([...head, option.option, option.count, null, null]);
    } else if ('texts' in question) {
      for (const text of question.texts) rows.push([...head, text, null, null, null]);
    } else {
      for (const item of question.distribution) rows.push([...head, String(item.value), item.count, null, null]);
      rows.push([...head, 'Итого', question.answered, question.average, question.nps?.nps ?? null]);
    }
  }
  rows.push([null, 'Заполненных анкет', null, results.responses, null, null]);
  return rows;
}

/**
 * A questionnaire's results as a published quarterly report shows them: aggregates only — counts per option or scale
 * value, averages and NPS. Free-text questions are left out entirely (the texts are the clients' own words).
 */
export const QuestionnaireSummarySchema = z.object({
  title: z.string(),
  /** Answer sheets received. */
  responses: z.number().int().min(0),
  questions: z.array(
    z.object({
      number: z.number().int().min(1),
      text: z.string(),
      kind: z.enum(QUESTION_KINDS),
      answered: z.number().int().min(0),
      /** Options (choice questions) or scale values with their counts. */
      rows: z.array(z.object({ label: z.string(), count: z.number().int().min(0) })),
      average: z.number().nullable().default(null),
      nps: z.number().nullable().default(null),
    }),
  ),
});
export type QuestionnaireSummary = z.output<typeof QuestionnaireSummarySchema>;

/** The public summary of {@link questionnaireResults}: see {@link QuestionnaireSummarySchema}. */
export function questionnaireSummary(title: string, results: QuestionnaireResults): QuestionnaireSummary {
  return {
    title,
    responses: results.responses,
    questions: results.questions.flatMap((question) => {
      if ('texts' in question) return [];
      const base = { number: question.number, text: question.text, kind: question.kind, answered: question.answered };
      if ('options' in question) return [{ ...base, rows: question.options.map((option) => ({ label: option.option, count: option.count })), average: null, nps: null }];
      return [{ ...base, rows: question.distribution.map((item) => ({ label: String(item.value), count: item.count })), average: question.average, nps: question.nps?.nps ?? null }];
    }),
  };
}
