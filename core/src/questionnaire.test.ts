import { describe, expect, it } from 'vitest';
import {
  checkAnswers,
  maskPersonalData,
  netPromoterScore,
  questionnaireResults,
  questionnaireRuns,
  questionnaireSummary,
  questionProblems,
  QuestionnaireSubmissionSchema,
  QuestionSchema,
  visibleQuestionIds,
  type AnswerSheet,
  type Question,
} from './questionnaire';

const q = (fields: Partial<Question> & Pick<Question, 'id' | 'kind'>): Question => QuestionSchema.parse({ text: `Вопрос ${fields.id}`, ...fields });

// 1: visited an office? → 2 (shown if «Да»): which services (multiple) → 3 (shown if 2 contains «Оплата»): rate the cashier.
const visited = q({ id: 'a', kind: 'single', required: true, options: ['Да', 'Нет'] });
const services = q({ id: 'b', kind: 'multiple', required: true, options: ['Оплата', 'Договор', 'Справка'], showIf: { question: 1, answer: 'Да' } });
const cashier = q({ id: 'c', kind: 'scale5', required: true, showIf: { question: 2, answer: 'Оплата' } });
const nps = q({ id: 'd', kind: 'nps', required: false });
const comment = q({ id: 'e', kind: 'text' });
const QUESTIONS = [visited, services, cashier, nps, comment];

describe('questions an editor builds', () => {
  it('accepts conditions that name an earlier question and one of its answers', () => {
    expect(questionProblems(QUESTIONS)).toEqual([]);
  });

  it('refuses a condition on a later question (a forward reference) and names both numbers', () => {
    const problems = questionProblems([q({ id: 'a', kind: 'single', options: ['Да', 'Нет'], showIf: { question: 2, answer: '5' } }), q({ id: 'b', kind: 'scale5' })]);
    expect(problems).toEqual([{ question: 1, message: 'Вопрос 1: условие «показывать, если» может ссылаться только на вопрос выше (номер меньше 1), а не на вопрос 2.' }]);
  });

  it('refuses a question that depends on itself, and a cycle is impossible as each of two would point forward once', () => {
    expect(questionProblems([q({ id: 'a', kind: 'scale5', showIf: { question: 1, answer: '3' } })])[0]?.message).toBe('Вопрос 1: условие «показывать, если» не может ссылаться на сам вопрос.');
    const cycle = [q({ id: 'a', kind: 'scale5', showIf: { question: 2, answer: '1' } }), q({ id: 'b', kind: 'scale5', showIf: { question: 1, answer: '1' } })];
    expect(questionProblems(cycle).map((problem) => problem.question)).toEqual([1]);
  });

  it('refuses an answer the named question cannot have, a condition on free text and choices with fewer than two options', () => {
    expect(questionProblems([visited, q({ id: 'x', kind: 'text', showIf: { question: 1, answer: 'Может быть' } })])[0]?.message).toBe('Вопрос 2: у вопроса 1 нет ответа «Может быть».');
    expect(questionProblems([q({ id: 'n', kind: 'nps' }), q({ id: 'x', kind: 'text', showIf: { question: 1, answer: '11' } })])[0]?.message).toBe('Вопрос 2: у вопроса 1 нет ответа «11».');
    expect(questionProblems([comment, q({ id: 'x', kind: 'scale5', showIf: { question: 1, answer: 'да' } })])[0]?.message).toBe('Вопрос 2: условие не может зависеть от свободного ответа на вопрос 1.');
    expect(questionProblems([q({ id: 'x', kind: 'single', options: ['Да'] })])[0]?.message).toBe('Вопрос 1: укажите хотя бы два варианта ответа.');
    expect(questionProblems([q({ id: 'x', kind: 'multiple', options: ['Да', 'Да'] })])[0]?.message).toBe('Вопрос 1: варианты ответа повторяются.');
  });
});

describe('branching «показывать, если»', () => {
  it('shows a follow-up only for the named answer, and a chain closes when an earlier link does', () => {
    expect([...visibleQuestionIds(QUESTIONS, {})]).toEqual(['a', 'd', 'e']);
    expect([...visibleQuestionIds(QUESTIONS, { a: 'Да' })]).toEqual(['a', 'b', 'd', 'e']);
    expect([...visibleQuestionIds(QUESTIONS, { a: 'Да', b: ['Договор', 'Оплата'] })]).toEqual(['a', 'b', 'c', 'd', 'e']);
    // «Нет» hides 2, so 2's stale answer no longer opens 3.
    expect([...visibleQuestionIds(QUESTIONS, { a: 'Нет', b: ['Оплата'] })]).toEqual(['a', 'd', 'e']);
  });

  it('matches a number on a scale as the editor typed it', () => {
    const questions = [q({ id: 's', kind: 'scale10' }), q({ id: 'why', kind: 'text', showIf: { question: 1, answer: '2' } })];
    expect(visibleQuestionIds(questions, { s: 2 }).has('why')).toBe(true);
    expect(visibleQuestionIds(questions, { s: 10 }).has('why')).toBe(false);
  });
});

describe('an answer sheet checked on the server', () => {
  it('requires a shown required question and not a hidden one', () => {
    expect(checkAnswers(QUESTIONS, { a: 'Нет' })).toEqual({ ok: true, answers: { a: 'Нет' } });
    expect(checkAnswers(QUESTIONS, { a: 'Да' })).toEqual({ ok: false, problems: [{ questionId: 'b', message: 'Отметьте, пожалуйста, хотя бы один вариант.' }] });
    expect(checkAnswers(QUESTIONS, {})).toEqual({ ok: false, problems: [{ questionId: 'a', message: 'Выберите, пожалуйста, ответ.' }] });
  });

  it('drops answers to questions the branching hides', () => {
    expect(checkAnswers(QUESTIONS, { a: 'Нет', b: ['Оплата'], c: 5, d: '9' })).toEqual({ ok: true, answers: { a: 'Нет', d: 9 } });
  });

  it('reads the no-script form: numbers as text, one checked box as a string, options in the questionnaire order', () => {
    expect(checkAnswers(QUESTIONS, { a: 'Да', b: 'Справка', d: '0', e: '  ' })).toEqual({ ok: true, answers: { a: 'Да', b: ['Справка'], d: 0 } });
    expect(checkAnswers(QUESTIONS, { a: 'Да', b: ['Справка', 'Оплата'], c: '4' })).toEqual({ ok: true, answers: { a: 'Да', b: ['Оплата', 'Справка'], c: 4 } });
  });

  it('refuses an option not offered, a number out of range and a text too long', () => {
    const result = checkAnswers(QUESTIONS, { a: 'Может быть', d: 11, e: 'я'.repeat(2001) });
    expect(result).toEqual({
      ok: false,
      problems: [
        { questionId: 'a', message: 'Выберите вариант из списка.' },
        { questionId: 'd', message: 'Выберите число от 0 до 10.' },
        { questionId: 'e', message: 'Ответ длиннее 2000 символов. Пожалуйста, сократите его.' },
      ],
    });
    expect(checkAnswers([cashier.showIf ? { ...cashier, showIf: null } : cashier], { c: 0 })).toEqual({ ok: false, problems: [{ questionId: 'c', message: 'Выберите число от 1 до 5.' }] });
  });
});

describe('results', () => {
  it('NPS is promoters (9–10) minus detractors (0–6) in % of the answers', () => {
    // 10, 9, 9 promoters; 8, 7 passives; 6, 0 detractors: (3 − 2) / 7 = 14.28 % → 14.
    expect(netPromoterScore([10, 9, 9, 8, 7, 6, 0])).toEqual({ promoters: 3, passives: 2, detractors: 2, nps: 14 });
    // 9 and 10 and 3: (2 − 1) / 3 = 33.3 % → 33; all detractors → −100; nobody → no score.
    expect(netPromoterScore([9, 10, 3]).nps).toBe(33);
    expect(netPromoterScore([0, 6, 5]).nps).toBe(-100);
    expect(netPromoterScore([]).nps).toBeNull();
  });

  it('counts options, averages scales over those who answered and lists texts with personal data hidden', () => {
    const sheets: AnswerSheet[] = [
      { a: 'Да', b: ['Оплата', 'Договор'], c: 5, d: 10, e: 'Всё хорошо' },
      { a: 'Да', b: ['Оплата'], c: 4, d: 6 },
      { a: 'Нет', d: 9, e: 'Позвоните мне: +7 912 345-67-89' },
    ];
    const results = questionnaireResults(QUESTIONS, sheets);
    expect(results.responses).toBe(3);
    const [r1, r2, r3, r4, r5] = results.questions;
    expect(r1).toMatchObject({ number: 1, answered: 3, options: [{ option: 'Да', count: 2 }, { option: 'Нет', count: 1 }] });
    expect(r2).toMatchObject({ answered: 2, options: [{ option: 'Оплата', count: 2 }, { option: 'Договор', count: 1 }, { option: 'Справка', count: 0 }] });
    // (5 + 4) / 2 = 4.5, over the two who saw the question.
    expect(r3).toMatchObject({ answered: 2, average: 4.5 });
    // 10, 6, 9: promoters 2, detractor 1 → (2 − 1) / 3 = 33 %; average 25 / 3 = 8.33.
    expect(r4).toMatchObject({ answered: 3, average: 8.33, nps: { promoters: 2, passives: 0, detractors: 1, nps: 33 } });
    expect(r5).toMatchObject({ answered: 2, texts: ['Всё хорошо', 'Позвоните мне: [скрыто]'] });
  });

  it('masks every kind the guard knows in a free text', () => {
    expect(maskPersonalData('пишите на ivan@mail.ru, кв. 12')).toBe('пишите на [скрыто], [скрыто]');
  });
});

describe('schedule and the answer sheet body', () => {
  it('runs from the first to the last day inclusive', () => {
    const period = { from: '2026-12-01', to: '2026-12-31' };
    expect(['2026-11-30', '2026-12-01', '2026-12-31', '2027-01-01'].map((day) => questionnaireRuns(period, day))).toEqual([false, true, true, false]);
  });

  it('asks for consent only when a contact is left', () => {
    expect(QuestionnaireSubmissionSchema.safeParse({ questionnaire: 'q', answers: {} }).success).toBe(true);
    const refused = QuestionnaireSubmissionSchema.safeParse({ questionnaire: 'q', answers: {}, contact: 'ivan@mail.ru' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['consent']);
    expect(QuestionnaireSubmissionSchema.safeParse({ questionnaire: 'q', answers: {}, contact: 'ivan@mail.ru', consent: true }).success).toBe(true);
  });
});

describe('the summary a quarterly report publishes', () => {
  it('keeps counts, averages and NPS and leaves free-text questions out', () => {
    const results = questionnaireResults(QUESTIONS, [
      { a: 'Да', b: ['Оплата'], c: 3, d: 10, e: 'Мой телефон 8 912 345 67 89' },
      { a: 'Нет', d: 0 },
    ]);
    const summary = questionnaireSummary('Анкета', results);
    expect(summary.responses).toBe(2);
    expect(summary.questions.map((question) => question.number)).toEqual([1, 2, 3, 4]);
    expect(summary.questions[0]).toEqual({ number: 1, text: 'Вопрос a', kind: 'single', answered: 2, rows: [{ label: 'Да', count: 1 }, { label: 'Нет', count: 1 }], average: null, nps: null });
    // NPS 10 and 0: (1 − 1) / 2 = 0; average 5.
    expect(summary.questions[3]).toMatchObject({ kind: 'nps', average: 5, nps: 0 });
    expect(JSON.stringify(summary)).not.toContain('телефон');
  });
});
