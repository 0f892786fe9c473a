import '../lib/zod-csp';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  checkAnswers,
  questionnairePath,
  scaleRange,
  visibleQuestionIds,
  type AnswerSheet,
  type PublicQuestionnaire,
  type Question,
} from '@portal/core/questionnaire';
import { CONSENT_FIELD_LABELS } from '@portal/core/appeal-form-base';
import { startHumanCheck } from '../lib/human-check';
import type { ErrorSummaryItem } from '../lib/form-fields';
import { ErrorSummary } from './form-kit/panels';
import {
  QUESTIONNAIRE_ANSWER_API_PATH,
  QUESTIONNAIRE_TOKEN_API_PATH,
  questionnaireAnsweredKey,
  questionnaireFieldName,
  questionnaireTokenKey,
} from '../lib/questionnaire-form';

type View = { kind: 'form' } | { kind: 'sending' } | { kind: 'done'; message: string } | { kind: 'already'; message: string };

const FAILURE = 'Не удалось отправить анкету. Пожалуйста, попробуйте ещё раз чуть позже — ответы остались в форме.';
const ALREADY = 'Вы уже заполнили эту анкету — спасибо! Повторно ответить нельзя.';

interface Props {
  questionnaire: PublicQuestionnaire;
  privacyPolicyUrl: string;
}

const questionDomId = (question: Question) => `anketa-${question.id}`;
const hasKey = (storage: Storage | null, key: string) => {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
};

/**
 * A questionnaire on the site. Rendered on the server it is a plain form that posts to the page's own address (the
 * public server checks it and answers with the page again: public-server/src/questionnaire-page.ts), showing every
 * question. Once the script runs, it hides the questions whose «показывать, если» does not hold, checks the answers
 * with the server's rules (`checkAnswers`), solves the proof-of-work, and sends JSON with this browser's answer token
 * (kept in localStorage under the questionnaire's own key; nothing else is stored or sent).
 */
export function QuestionnaireIsland({ questionnaire, privacyPolicyUrl }: Props) {
  const [hydrated, setHydrated] = useState(false);
  const [answers, setAnswers] = useState<AnswerSheet>({});
  const [contact, setContact] = useState('');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [view, setView] = useState<View>({ kind: 'form' });
  const [failure, setFailure] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const humanCheck = useRef<Promise<string | null> | null>(null);

  useEffect(() => {
    setHydrated(true);
    if (hasKey(window.localStorage, questionnaireAnsweredKey(questionnaire.id))) setView({ kind: 'already', message: ALREADY });
    else humanCheck.current = startHumanCheck();
  }, [questionnaire.id]);
  useEffect(() => {
    if (Object.keys(errors).length > 0 || failure) summaryRef.current?.focus();
  }, [errors, failure]);
  useEffect(() => {
    if (view.kind === 'done' || view.kind === 'already') panelRef.current?.focus();
  }, [view]);

  // Before the script runs every question is in the page (the no-script form); afterwards only the shown ones.
  const visible = useMemo(() => (hydrated ? visibleQuestionIds(questionnaire.questions, answers) : null), [hydrated, answers, questionnaire.questions]);

  if (view.kind === 'done' || view.kind === 'already') {
    return (
      <div className="success-panel" role="status" tabIndex={-1} ref={panelRef}>
        <h2>{view.kind === 'done' ? 'Спасибо!' : 'Анкета уже заполнена'}</h2>
        <p>{view.message}</p>
      </div>
    );
  }

  const setAnswer = (question: Question, value: string | string[] | number | undefined) => {
    setAnswers((current) => {
      const next = { ...current };
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete next[question.id];
      else next[question.id] = value;
      return next;
    });
  };

  const token = async (): Promise<string | null> => {
    const key = questionnaireTokenKey(questionnaire.id);
    const kept = hasKey(window.localStorage, key);
    if (kept) return kept;
    const response = await fetch(QUESTIONNAIRE_TOKEN_API_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ questionnaire: questionnaire.slug }),
    });
    if (!response.ok) return null;
    const issued = ((await response.json()) as { token?: string }).token ?? null;
    if (issued) {
      try {
        window.localStorage.setItem(key, issued);
      } catch {
        // Private mode without storage: the token still works for this answer.
      }
    }
    return issued;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    const local: Record<string, string> = {};
    const checked = checkAnswers(questionnaire.questions, answers);
    if (!checked.ok) for (const problem of checked.problems) local[problem.questionId] = problem.message;
    if (contact.trim() !== '' && !consent) local.consent = 'Чтобы оставить контакт, отметьте согласие на обработку персональных данных — или оставьте поле пустым';
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setView({ kind: 'sending' });
    try {
      const answerToken = await token();
      if (!answerToken) throw new Error('no token');
      const altcha = (await humanCheck.current) ?? undefined;
      const response = await fetch(QUESTIONNAIRE_ANSWER_API_PATH, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ questionnaire: questionnaire.slug, token: answerToken, answers: checked.ok ? checked.answers : {}, contact: contact.trim(), consent, altcha }),
      });
      const body = (await response.json().catch(() => null)) as { message?: string; issues?: { path: string[]; message: string }[] } | null;
      if (response.status === 201 || response.status === 409) {
        try {
          window.localStorage.setItem(questionnaireAnsweredKey(questionnaire.id), '1');
        } catch {
          // Without storage the server still refuses a second answer with this token.
        }
        setView(response.status === 201 ? { kind: 'done', message: body?.message ?? 'Спасибо! Ваши ответы получены.' } : { kind: 'already', message: body?.message ?? ALREADY });
        return;
      }
      setView({ kind: 'form' });
      const fieldIssues = (body?.issues ?? []).filter((issue) => issue.path[0] === 'answers' || issue.path[0] === 'consent' || issue.path[0] === 'contact');
      if (response.status === 400 && fieldIssues.length > 0) {
        setErrors(Object.fromEntries(fieldIssues.map((issue) => [issue.path[0] === 'answers' ? String(issue.path[1]) : String(issue.path[0]), issue.message])));
      } else {
        // A spent or expired proof-of-work: start a new one for the next try.
        if (body?.issues?.some((issue) => issue.path[0] === 'altcha')) humanCheck.current = startHumanCheck();
        setFailure(body?.message ?? FAILURE);
      }
    } catch {
      setView({ kind: 'form' });
      setFailure(FAILURE);
    }
  };

  const summary: ErrorSummaryItem[] = [
    ...questionnaire.questions.filter((question) => errors[question.id]).map((question) => ({ field: question.id, message: errors[question.id]!, href: `#${questionDomId(question)}-first` })),
    ...(errors.consent ? [{ field: 'consent', message: errors.consent, href: '#anketa-consent' }] : []),
  ];

  return (
    <form method="post" action={questionnairePath(questionnaire.slug)} className="questionnaire-form" noValidate={hydrated} onSubmit={(event) => void submit(event)} aria-label={questionnaire.title}>
      {failure ? (
        <div className="notice-banner" role="alert" tabIndex={-1} ref={summaryRef}>
          <p>{failure}</p>
        </div>
      ) : summary.length > 0 ? (
        <ErrorSummary items={summary} summaryRef={summaryRef} idPrefix="anketa" />
      ) : null}
      {questionnaire.questions.map((question, index) =>
        visible && !visible.has(question.id) ? null : (
          <QuestionFieldset key={question.id} question={question} number={index + 1} value={answers[question.id]} error={errors[question.id]} onChange={(value) => setAnswer(question, value)} />
        ),
      )}
      <fieldset className="fieldset field">
        <legend className="label">Если хотите, чтобы мы с вами связались</legend>
        <p className="hint" id="anketa-contact-hint">
          Необязательно. Анкета анонимна, если вы не оставите контакт.
        </p>
        <label className="label" htmlFor="anketa-contact">
          E-mail или телефон
        </label>
        <input id="anketa-contact" className="input" name="contact" type="text" autoComplete="email" maxLength={200} aria-describedby="anketa-contact-hint" value={contact} onChange={(event) => setContact(event.target.value)} />
        <div className={errors.consent ? 'field field--error questionnaire-consent' : 'field questionnaire-consent'}>
          {errors.consent ? (
            <p className="error-message" id="anketa-consent-error">
              <span className="visually-hidden">Ошибка: </span>
              {errors.consent}
            </p>
          ) : null}
          <div className="checkbox">
          <input id="anketa-consent" name="consent" type="checkbox" value="1" checked={consent} onChange={(event) => setConsent(event.target.checked)} aria-invalid={errors.consent ? true : undefined} aria-describedby={errors.consent ? 'anketa-consent-error' : undefined} />
          <label htmlFor="anketa-consent">
            {CONSENT_FIELD_LABELS.consent} (нужно, только если вы оставили контакт) — <a href={privacyPolicyUrl}>политика обработки</a>
          </label>
          </div>
        </div>
      </fieldset>
      <div className="visually-hidden" aria-hidden="true">
        <label htmlFor="anketa-website">{CONSENT_FIELD_LABELS.website}</label>
        <input id="anketa-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <button type="submit" className="button" disabled={view.kind === 'sending'}>
        {view.kind === 'sending' ? 'Отправляем…' : 'Отправить ответы'}
      </button>
    </form>
  );
}

interface QuestionProps {
  question: Question;
  number: number;
  value: AnswerSheet[string] | undefined;
  error: string | undefined;
  onChange: (value: string | string[] | number | undefined) => void;
}

/** One question: a fieldset whose legend is the question; its error is announced with the legend. */
function QuestionFieldset({ question, number, value, error, onChange }: QuestionProps) {
  const id = questionDomId(question);
  const name = questionnaireFieldName(question.id);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const range = scaleRange(question.kind);
  const hint = question.showIf ? `Вопрос для тех, кто ответил «${question.showIf.answer}» на вопрос ${question.showIf.question}.` : null;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const options: { value: string; label: string }[] =
    question.kind === 'single' || question.kind === 'multiple'
      ? question.options.map((option) => ({ value: option, label: option }))
      : range
        ? Array.from({ length: range.max - range.min + 1 }, (_, offset) => String(range.min + offset)).map((item) => ({ value: item, label: item }))
        : [];
  return (
    <fieldset className={error ? 'fieldset field field--error questionnaire-question' : 'fieldset field questionnaire-question'} id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined} data-question={question.id}>
      <legend className="label">
        {number}. {question.text}
        {question.required ? <span className="required-mark"> (обязательный вопрос)</span> : null}
      </legend>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error-message" id={errorId}>
          <span className="visually-hidden">Ошибка: </span>
          {error}
        </p>
      ) : null}
      {question.kind === 'text' ? (
        <>
          <label className="visually-hidden" htmlFor={`${id}-first`}>
            Ваш ответ
          </label>
          <textarea id={`${id}-first`} className="textarea" name={name} rows={4} maxLength={2000} value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.target.value)} />
        </>
      ) : (
        <>
          {question.kind === 'nps' ? <p className="hint">0 — точно не порекомендую, 10 — обязательно порекомендую.</p> : null}
          {question.kind === 'scale5' || question.kind === 'scale10' ? <p className="hint">{`1 — очень плохо, ${range?.max} — отлично.`}</p> : null}
          <div className={range ? 'radios questionnaire-scale' : 'questionnaire-options'}>
            {options.map((option, index) => {
              const inputId = index === 0 ? `${id}-first` : `${id}-${index}`;
              const multiple = question.kind === 'multiple';
              const checked = multiple ? Array.isArray(value) && value.includes(option.value) : value !== undefined && String(value) === option.value;
              return (
                <div className={question.kind === 'multiple' ? 'checkbox' : 'radio'} key={option.value}>
                  <input
                    id={inputId}
                    type={multiple ? 'checkbox' : 'radio'}
                    name={name}
                    value={option.value}
                    checked={checked}
                    onChange={(event) => {
                      if (multiple) {
                        const current = Array.isArray(value) ? value : [];
                        onChange(event.target.checked ? [...current, option.value] : current.filter((item) => item !== option.value));
                      } else onChange(range ? Number(option.value) : option.value);
                    }}
                  />
                  <label htmlFor={inputId}>{option.label}</label>
                </div>
              );
            })}
          </div>
        </>
      )}
    </fieldset>
  );
}
