import { useEffect, useRef, useState, type MouseEvent, type ReactNode, type RefObject } from 'react';
import { useForm, type FieldErrors } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  ANSWER_CHANNEL_LABELS,
  ANSWER_CHANNELS,
  QUESTION_FORM_FIELD_LABELS,
  QuestionFormSchema,
  type QuestionForm,
  type QuestionFormInput,
} from '@portal/core/question-form';
import {
  QUESTION_FIELD_ORDER,
  describedBy,
  errorSummaryItems,
  fieldIds,
  readQuestionPrefill,
  type ErrorSummaryItem,
  type VisibleQuestionField,
} from '../lib/question-form-fields';
import { startHumanCheck } from '../lib/human-check';
import { FaqSuggestions, reportSuggestionEvent } from './FaqSuggestions';
import { submitQuestion, type SubmitOutcome } from '../lib/question-submit';
import { FAQ_PATH, HOME_PATH, telHref } from '../lib/urls';

export interface QuestionFormIslandProps {
  /** Topics of the taxonomy, in display order (from the site export). */
  topics: { slug: string; title: string }[];
  /** Path of the privacy policy page. */
  privacyPolicyUrl: string;
  /** Hotline number, offered when sending fails. */
  hotline: string;
}

const LABELS = QUESTION_FORM_FIELD_LABELS;

/** Options of «Кто обращается», worded as the person describes themself. */
const AUDIENCE_OPTIONS = [
  { value: 'fl', label: 'Физическое лицо' },
  { value: 'ul', label: 'Юридическое лицо или индивидуальный предприниматель' },
] as const;

const EMPTY_FORM: QuestionFormInput = {
  name: '',
  email: '',
  phone: '',
  // Radios start unselected on purpose (GOV.UK guidance): a preselected answer is easy to miss.
  answerChannel: undefined as unknown as QuestionFormInput['answerChannel'],
  postalAddress: '',
  audience: undefined as unknown as QuestionFormInput['audience'],
  topic: '',
  accountNumber: '',
  text: '',
  consent: false,
  website: '',
};

type Registered = Extract<SubmitOutcome, { kind: 'registered' }>;

function messagesOf(errors: FieldErrors<QuestionFormInput>): Partial<Record<string, string>> {
  const messages: Partial<Record<string, string>> = {};
  for (const field of QUESTION_FIELD_ORDER) {
    const message = errors[field]?.message;
    if (typeof message === 'string') messages[field] = message;
  }
  return messages;
}

function ErrorSummary({ items, summaryRef }: { items: ErrorSummaryItem[]; summaryRef: RefObject<HTMLDivElement | null> }) {
  const focusField = (event: MouseEvent<HTMLAnchorElement>, href: string) => {
    const target = document.getElementById(href.slice(1));
    if (!target) return;
    event.preventDefault();
    // Bring the label or legend into view too, not just the input (as GOV.UK Frontend does).
    (target.closest('fieldset, .field') ?? target).scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  };
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby="vopros-error-summary-title">
      <h2 id="vopros-error-summary-title">Пожалуйста, исправьте ошибки в форме</h2>
      <ul>
        {items.map((item) => (
          <li key={item.field}>
            <a href={item.href} onClick={(event) => focusField(event, item.href)}>
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function SuccessPanel({ outcome }: { outcome: Registered }) {
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => panelRef.current?.focus(), []);
  return (
    <div className="success-panel" role="status" tabIndex={-1} ref={panelRef} aria-labelledby="vopros-success-title">
      <h2 id="vopros-success-title">Ваш вопрос зарегистрирован</h2>
      {outcome.registrationNumber ? (
        <>
          <p>
            Номер обращения: <span className="registration-number">{outcome.registrationNumber}</span>
          </p>
          {outcome.deadlineText && <p>Мы ответим не позднее {outcome.deadlineText.replace(/\.$/, '')}.</p>}
          <p>Если вы указали электронную почту, на неё придёт подтверждение с номером и сроком ответа.</p>
        </>
      ) : (
        // No readable body: the server's own words, or the promise of the confirmation e-mail.
        <p>{outcome.message || 'Номер обращения и срок ответа мы сообщим в письме-подтверждении.'}</p>
      )}
      <p>Пожалуйста, сохраните номер обращения: он поможет быстро найти ваш вопрос, если вы позвоните нам.</p>
      <p>
        <a href={HOME_PATH}>Вернуться на главную</a> · <a href={FAQ_PATH}>Вопросы и ответы</a>
      </p>
    </div>
  );
}

/**
 * The «Задать вопрос» form. Validation uses the shared `QuestionFormSchema` (the server checks the
 * same schema); errors follow GOV.UK Frontend: message under the label, `aria-invalid`,
 * `aria-describedby` joining hint and error, and an error summary that takes focus.
 */
export function QuestionFormIsland({ topics, privacyPolicyUrl, hotline }: QuestionFormIslandProps) {
  const [hydrated, setHydrated] = useState(false);
  const [summaryShown, setSummaryShown] = useState(false);
  const [focusRequest, setFocusRequest] = useState<'summary' | 'banner' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [registered, setRegistered] = useState<Registered | null>(null);
  const [sending, setSending] = useState(false);
  const sendingRef = useRef(false);
  // Whether a suggested FAQ answer was opened in this form view (reported once, anonymously).
  const suggestionOpened = useRef(false);
  const onSuggestionOpen = () => {
    if (suggestionOpened.current) return;
    suggestionOpened.current = true;
    reportSuggestionEvent('opened');
  };
  // The proof-of-work (ALTCHA) runs in the background while the person types.
  const humanCheck = useRef<Promise<string | null> | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const bannerRef = useRef<HTMLDivElement>(null);

  const {
    register,
    handleSubmit,
    getValues,
    setValue,
    setError,
    watch,
    formState: { errors },
  } = useForm<QuestionFormInput, unknown, QuestionForm>({
    resolver: zodResolver(QuestionFormSchema),
    defaultValues: EMPTY_FORM,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    // The error summary takes focus instead of the first field.
    shouldFocusError: false,
  });

  // Pre-fill after hydration: the static HTML was rendered without the visitor's URL.
  useEffect(() => {
    const prefill = readQuestionPrefill(window.location.search, topics.map((topic) => topic.slug));
    if (prefill.topic) setValue('topic', prefill.topic);
    if (prefill.text) setValue('text', prefill.text);
    humanCheck.current = startHumanCheck();
    setHydrated(true);
  }, [setValue, topics]);

  // react-hook-form publishes errors a render after onInvalid runs, so the request waits until
  // the summary (or banner) is actually on the page.
  useEffect(() => {
    const target = focusRequest === 'summary' ? summaryRef.current : focusRequest === 'banner' ? bannerRef.current : null;
    if (!target) return;
    target.focus();
    setFocusRequest(null);
  });

  const onInvalid = () => {
    setFailure(null);
    setSummaryShown(true);
    setFocusRequest('summary');
  };

  const onValid = async () => {
    if (sendingRef.current) return;
    sendingRef.current = true;
    setSending(true);
    setFailure(null);
    // The raw values go out; the server parses them with the same schema.
    const altcha = await (humanCheck.current ?? Promise.resolve(null));
    const outcome = await submitQuestion({ ...getValues(), ...(altcha ? { altcha } : {}) } as QuestionFormInput);
    sendingRef.current = false;
    setSending(false);
    if (outcome.kind === 'registered') {
      if (suggestionOpened.current) reportSuggestionEvent('sent-after-opening');
      setRegistered(outcome);
      return;
    }
    if (outcome.kind === 'invalid') {
      const visible = new Set<string>(QUESTION_FIELD_ORDER);
      let hasVisibleError = false;
      for (const [field, message] of Object.entries(outcome.fieldErrors)) {
        if (visible.has(field)) {
          setError(field as VisibleQuestionField, { type: 'server', message });
          hasVisibleError = true;
        }
      }
      if (hasVisibleError) {
        setSummaryShown(true);
        setFocusRequest('summary');
        return;
      }
      setFailure(outcome.message || 'Пожалуйста, обновите страницу и попробуйте ещё раз.');
      setFocusRequest('banner');
      return;
    }
    setFailure(outcome.message);
    setFocusRequest('banner');
  };

  if (registered) return <SuccessPanel outcome={registered} />;

  const messages = messagesOf(errors);
  const summaryItems = summaryShown ? errorSummaryItems(messages) : [];
  const answerChannel = watch('answerChannel');
  const questionText = watch('text');

  /** Wraps a single-input field with its label, hint and error message. */
  const field = (name: VisibleQuestionField, control: (aria: { id: string; describedBy?: string; invalid?: true }) => ReactNode, hint?: ReactNode) => {
    const ids = fieldIds(name);
    const error = messages[name];
    return (
      <div className={error ? 'field field--error' : 'field'}>
        <label className="label" htmlFor={ids.input}>
          {LABELS[name]}
        </label>
        {hint && (
          <p className="hint" id={ids.hint}>
            {hint}
          </p>
        )}
        {error && (
          <p className="error-message" id={ids.error}>
            <span className="visually-hidden">Ошибка: </span>
            {error}
          </p>
        )}
        {control({
          id: ids.input,
          describedBy: describedBy(hint ? ids.hint : undefined, error ? ids.error : undefined),
          invalid: error ? true : undefined,
        })}
      </div>
    );
  };

  /** A radio group in a fieldset; hint and error are announced with the legend. */
  const radios = (name: 'audience' | 'answerChannel', options: readonly { value: string; label: string }[], hint?: string) => {
    const ids = fieldIds(name);
    const error = messages[name];
    return (
      <div className={error ? 'field field--error' : 'field'}>
        <fieldset className="fieldset" aria-describedby={describedBy(hint ? ids.hint : undefined, error ? ids.error : undefined)}>
          <legend className="label">{LABELS[name]}</legend>
          {hint && (
            <p className="hint" id={ids.hint}>
              {hint}
            </p>
          )}
          {error && (
            <p className="error-message" id={ids.error}>
              <span className="visually-hidden">Ошибка: </span>
              {error}
            </p>
          )}
          <div className="radios">
            {options.map((option) => {
              const id = fieldIds(name, option.value).input;
              return (
                <div className="radio" key={option.value}>
                  <input type="radio" id={id} value={option.value} aria-invalid={error ? true : undefined} {...register(name)} />
                  <label htmlFor={id}>{option.label}</label>
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>
    );
  };

  const consentIds = fieldIds('consent');
  const consentError = messages.consent;
  const honeypotIds = fieldIds('website');

  return (
    <div className="question-form" data-ready={hydrated ? 'true' : undefined}>
      {summaryItems.length > 0 && <ErrorSummary items={summaryItems} summaryRef={summaryRef} />}
      {failure && (
        <div className="notice-banner" role="alert" tabIndex={-1} ref={bannerRef} aria-labelledby="vopros-failure-title">
          <h2 id="vopros-failure-title">Не удалось отправить обращение</h2>
          <p>{failure}</p>
          <p>
            Если ошибка повторится, задайте вопрос по телефону горячей линии{' '}
            <a href={telHref(hotline)}>{hotline}</a>.
          </p>
        </div>
      )}

      <form noValidate method="post" onSubmit={handleSubmit(onValid, onInvalid)}>
        {/* Disabled until hydrated: without JavaScript the form cannot be sent, and must not leak data into a URL. */}
        <fieldset className="fieldset" disabled={!hydrated}>
          {radios('audience', AUDIENCE_OPTIONS)}

          {field('name', (a) => (
            <input className="input" type="text" id={a.id} autoComplete="name" aria-describedby={a.describedBy} aria-invalid={a.invalid} {...register('name')} />
          ), 'Фамилия, имя и отчество или название организации')}

          {field('email', (a) => (
            <input className="input" type="email" id={a.id} autoComplete="email" spellCheck={false} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...register('email')} />
          ), 'Нужен e-mail или телефон. На e-mail придёт номер обращения и срок ответа')}

          {field('phone', (a) => (
            <input className="input input--short" type="tel" id={a.id} autoComplete="tel" aria-describedby={a.describedBy} aria-invalid={a.invalid} {...register('phone')} />
          ), 'Например: +7 912 345-67-89')}

          {radios('answerChannel', ANSWER_CHANNELS.map((value) => ({ value, label: ANSWER_CHANNEL_LABELS[value] })))}

          {answerChannel === 'post' &&
            field('postalAddress', (a) => (
              <textarea className="textarea" rows={3} id={a.id} autoComplete="street-address" aria-describedby={a.describedBy} aria-invalid={a.invalid} {...register('postalAddress')} />
            ), 'Индекс, населённый пункт, улица, дом, квартира')}

          {field('topic', (a) => (
            <select className="select" id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...register('topic')}>
              <option value="">Выберите тему</option>
              {topics.map((topic) => (
                <option key={topic.slug} value={topic.slug}>
                  {topic.title}
                </option>
              ))}
            </select>
          ))}

          {field('accountNumber', (a) => (
            <input className="input input--short" type="text" inputMode="numeric" id={a.id} autoComplete="off" aria-describedby={a.describedBy} aria-invalid={a.invalid} {...register('accountNumber')} />
          ), 'Необязательно. Номер указан в квитанции; он поможет ответить точнее')}

          {field('text', (a) => (
            <textarea className="textarea" rows={8} id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...register('text')} />
          ), 'Опишите ситуацию своими словами: от 10 до 5000 символов')}

          <FaqSuggestions text={typeof questionText === 'string' ? questionText : ''} idPrefix="vopros" onOpen={onSuggestionOpen} />

          <div className={consentError ? 'field field--error' : 'field'}>
            {consentError && (
              <p className="error-message" id={consentIds.error}>
                <span className="visually-hidden">Ошибка: </span>
                {consentError}
              </p>
            )}
            <div className="checkbox">
              <input
                type="checkbox"
                id={consentIds.input}
                aria-describedby={describedBy(consentIds.hint, consentError ? consentIds.error : undefined)}
                aria-invalid={consentError ? true : undefined}
                {...register('consent')}
              />
              <label htmlFor={consentIds.input}>
                Я даю согласие на обработку моих персональных данных в соответствии с{' '}
                <a href={privacyPolicyUrl} target="_blank" rel="noopener">
                  политикой обработки персональных данных (откроется в новой вкладке)
                </a>
              </label>
            </div>
            <p className="hint" id={consentIds.hint}>
              Данные нужны только для того, чтобы рассмотреть ваш вопрос и ответить на него.
            </p>
          </div>

          {/* Honeypot: people never see or reach it; bots that fill every field give themselves away. */}
          <div className="visually-hidden" aria-hidden="true">
            <label htmlFor={honeypotIds.input}>{LABELS.website}</label>
            <input type="text" id={honeypotIds.input} tabIndex={-1} autoComplete="off" {...register('website')} />
          </div>

          <button className="button" type="submit" aria-describedby={sending ? 'vopros-sending' : undefined}>
            {sending ? 'Отправляем…' : 'Отправить вопрос'}
          </button>
          {sending && (
            <p id="vopros-sending" className="hint" role="status">
              Отправляем ваш вопрос, пожалуйста, подождите.
            </p>
          )}
        </fieldset>
      </form>
    </div>
  );
}
