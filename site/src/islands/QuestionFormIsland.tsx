import '../lib/zod-csp';
import { useEffect, useRef } from 'react';
import { QUESTION_FORM_FIELD_LABELS as L, QuestionFormSchema, type QuestionFormInput } from '@portal/core/question-form';
import { QUESTION_FIELD_ORDER, RADIO_FIRST_VALUE, readQuestionPrefill } from '../lib/question-form-fields';
import { appealFormApiPath } from '../lib/urls';
import { AUDIENCE_OPTIONS, ContactFields } from './ContactFields';
import { FaqSuggestions, reportSuggestionEvent } from './FaqSuggestions';
import { AppealFormFrame, ConsentCheckbox, DigitsField, Honeypot, RadioGroup, SelectField, SubmitButton, SuccessPanel, TextAreaField, useAppealForm } from './form-kit';

export interface QuestionFormIslandProps {
  /** Topics of the taxonomy, in display order (from the site export). */
  topics: { slug: string; title: string }[];
  /** Settlements and districts for the optional «Населённый пункт / район» choice (from the site export). */
  territories?: { slug: string; title: string }[];
  /** Path of the privacy policy page. */
  privacyPolicyUrl: string;
  /** Hotline number, offered when sending fails. */
  hotline: string;
  /** The appeals address, offered (with the hotline) while the form's script has not started. */
  appealsEmail: string;
}

const ID_PREFIX = 'vopros';

const EMPTY_FORM: QuestionFormInput = {
  name: '',
  email: '',
  phone: '',
  // Radios start unselected on purpose (GOV.UK guidance): a preselected answer is easy to miss.
  answerChannel: undefined as unknown as QuestionFormInput['answerChannel'],
  postalAddress: '',
  territory: '',
  audience: undefined as unknown as QuestionFormInput['audience'],
  topic: '',
  accountNumber: '',
  text: '',
  consent: false,
  website: '',
};

/**
 * The «Задать вопрос» form on the shared form kit (the same schema as the server, the focused error summary,
 * hints and errors in `aria-describedby`), with «Возможно, ответ уже есть» suggestions under the text.
 */
export function QuestionFormIsland({ topics, territories = [], privacyPolicyUrl, hotline, appealsEmail }: QuestionFormIslandProps) {
  const kit = useAppealForm({
    schema: QuestionFormSchema,
    idPrefix: ID_PREFIX,
    order: QUESTION_FIELD_ORDER,
    radioFirstValue: RADIO_FIRST_VALUE,
    endpoint: appealFormApiPath('question'),
    defaultValues: EMPTY_FORM,
  });
  const { register } = kit;
  const { setValue } = kit.form;

  // Pre-fill after hydration: the static HTML was rendered without the visitor's URL.
  useEffect(() => {
    const prefill = readQuestionPrefill(window.location.search, topics.map((topic) => topic.slug));
    if (prefill.topic) setValue('topic', prefill.topic);
    if (prefill.text) setValue('text', prefill.text);
  }, [setValue, topics]);

  // Whether a suggested FAQ answer was opened in this form view (reported once, anonymously).
  const suggestionOpened = useRef(false);
  const onSuggestionOpen = () => {
    if (suggestionOpened.current) return;
    suggestionOpened.current = true;
    reportSuggestionEvent('opened');
  };
  useEffect(() => {
    if (kit.registered && suggestionOpened.current) reportSuggestionEvent('sent-after-opening');
  }, [kit.registered]);

  if (kit.registered) return <SuccessPanel outcome={kit.registered} title="Ваш вопрос зарегистрирован" idPrefix={ID_PREFIX} />;
  const answerChannel = kit.form.watch('answerChannel');
  const questionText = kit.form.watch('text');

  return (
    <AppealFormFrame kit={kit} idPrefix={ID_PREFIX} alternatives={{ hotline, email: appealsEmail, mailSubject: 'Вопрос с сайта', task: 'задать вопрос' }} className="question-form">
      <RadioGroup name="audience" label={L.audience} kit={kit} register={register} options={AUDIENCE_OPTIONS} />
      <ContactFields kit={kit} register={register} withChannel answerChannel={answerChannel} territories={territories} />
      <SelectField name="topic" label={L.topic} kit={kit} register={register} placeholder="Выберите тему" options={topics} />
      <DigitsField name="accountNumber" label={L.accountNumber} kit={kit} register={register} hint="Необязательно. Номер указан в квитанции; он поможет ответить точнее" />
      <TextAreaField name="text" label={L.text} kit={kit} register={register} rows={8} hint="Опишите ситуацию своими словами: от 10 до 5000 символов" />
      <FaqSuggestions text={typeof questionText === 'string' ? questionText : ''} idPrefix={ID_PREFIX} onOpen={onSuggestionOpen} />
      <ConsentCheckbox kit={kit} register={register} privacyPolicyUrl={privacyPolicyUrl} />
      <Honeypot kit={kit} register={register} />
      <SubmitButton sending={kit.sending} label="Отправить вопрос" idPrefix={ID_PREFIX} />
    </AppealFormFrame>
  );
}
