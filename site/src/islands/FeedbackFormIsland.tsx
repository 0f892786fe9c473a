import '../lib/zod-csp';
import { FEEDBACK_FORM_FIELD_LABELS as L, FEEDBACK_KINDS, FEEDBACK_RATINGS, FeedbackFormSchema, type FeedbackFormInput } from '@portal/core/feedback-form';
import { appealFormApiPath } from '../lib/urls';
import { AUDIENCE_OPTIONS, ContactFields } from './ContactFields';
import { AppealFormFrame, ConsentCheckbox, Honeypot, RadioGroup, SelectField, SubmitButton, SuccessPanel, TextAreaField, useAppealForm } from './form-kit';

export interface FeedbackFormIslandProps {
  topics: { slug: string; title: string }[];
  /** Settlements and districts for the optional «Населённый пункт / район» choice (from the site export). */
  territories?: { slug: string; title: string }[];
  privacyPolicyUrl: string;
  hotline: string;
  /** The appeals address, offered (with the hotline) while the form's script has not started. */
  appealsEmail: string;
}

const ID_PREFIX = 'otzyv';
const ORDER = ['audience', 'kind', 'rating', 'topic', 'text', 'name', 'email', 'phone', 'answerChannel', 'postalAddress', 'territory', 'consent'] as const;
const RADIO_FIRST = { audience: 'fl', answerChannel: 'email', kind: 'rating', rating: '1' };

const EMPTY: FeedbackFormInput = {
  name: '',
  email: '',
  phone: '',
  answerChannel: undefined as unknown as FeedbackFormInput['answerChannel'],
  postalAddress: '',
  territory: '',
  audience: undefined as unknown as FeedbackFormInput['audience'],
  topic: '',
  kind: undefined,
  rating: undefined as unknown as FeedbackFormInput['rating'],
  text: '',
  consent: false,
  website: '',
};

/** «Отзыв о качестве обслуживания» with a 1–5 rating as labelled radio buttons (no stars-only widget). */
export function FeedbackFormIsland({ topics, territories = [], privacyPolicyUrl, hotline, appealsEmail }: FeedbackFormIslandProps) {
  const kit = useAppealForm({ schema: FeedbackFormSchema, idPrefix: ID_PREFIX, order: ORDER, radioFirstValue: RADIO_FIRST, endpoint: appealFormApiPath('feedback'), defaultValues: EMPTY });
  const { register } = kit;
  if (kit.registered) return <SuccessPanel outcome={kit.registered} title="Спасибо за отзыв" idPrefix={ID_PREFIX} />;
  const answerChannel = kit.form.watch('answerChannel');
  return (
    <AppealFormFrame kit={kit} idPrefix={ID_PREFIX} alternatives={{ hotline, email: appealsEmail, mailSubject: 'Отзыв об обслуживании', task: 'оставить отзыв' }}>
      <RadioGroup name="audience" label={L.audience} kit={kit} register={register} options={AUDIENCE_OPTIONS} />
      <RadioGroup name="kind" label={L.kind} kit={kit} register={register} options={FEEDBACK_KINDS} hint="Если не выбрать, отзыв будет учтён как оценка обслуживания" />
      <RadioGroup name="rating" label={L.rating} kit={kit} register={register} options={FEEDBACK_RATINGS} hint="1 — очень плохо, 5 — отлично" />
      <SelectField name="topic" label={L.topic} kit={kit} register={register} placeholder="Выберите тему" options={topics} />
      <TextAreaField name="text" label={L.text} kit={kit} register={register} rows={6} hint="Что понравилось или что стоит улучшить: от 10 до 5000 символов" />
      <ContactFields kit={kit} register={register} withChannel answerChannel={answerChannel} territories={territories} />
      <ConsentCheckbox kit={kit} register={register} privacyPolicyUrl={privacyPolicyUrl} />
      <Honeypot kit={kit} register={register} />
      <SubmitButton sending={kit.sending} label="Отправить отзыв" idPrefix={ID_PREFIX} />
    </AppealFormFrame>
  );
}
