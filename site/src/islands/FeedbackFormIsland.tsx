import { FEEDBACK_FORM_FIELD_LABELS as L, FEEDBACK_RATINGS, FeedbackFormSchema, type FeedbackFormInput } from '@portal/core/feedback-form';
import { FEEDBACK_API_PATH } from '../lib/urls';
import { AUDIENCE_OPTIONS, ContactFields } from './ContactFields';
import { ConsentCheckbox, ErrorSummary, FailureBanner, Field, Honeypot, RadioGroup, SubmitButton, SuccessPanel, useAppealForm } from './form-kit';

export interface FeedbackFormIslandProps {
  topics: { slug: string; title: string }[];
  privacyPolicyUrl: string;
  hotline: string;
}

const ID_PREFIX = 'otzyv';
const ORDER = ['audience', 'rating', 'topic', 'text', 'name', 'email', 'phone', 'answerChannel', 'postalAddress', 'consent'] as const;
const RADIO_FIRST = { audience: 'fl', answerChannel: 'email', rating: '1' };

const EMPTY: FeedbackFormInput = {
  name: '',
  email: '',
  phone: '',
  answerChannel: undefined as unknown as FeedbackFormInput['answerChannel'],
  postalAddress: '',
  audience: undefined as unknown as FeedbackFormInput['audience'],
  topic: '',
  rating: undefined as unknown as FeedbackFormInput['rating'],
  text: '',
  consent: false,
  website: '',
};

/** «Отзыв о качестве обслуживания» with a 1–5 rating as labelled radio buttons (no stars-only widget). */
export function FeedbackFormIsland({ topics, privacyPolicyUrl, hotline }: FeedbackFormIslandProps) {
  const kit = useAppealForm({ schema: FeedbackFormSchema, idPrefix: ID_PREFIX, order: ORDER, radioFirstValue: RADIO_FIRST, endpoint: FEEDBACK_API_PATH, defaultValues: EMPTY });
  const { register } = kit;
  if (kit.registered) return <SuccessPanel outcome={kit.registered} title="Спасибо за отзыв" idPrefix={ID_PREFIX} />;
  const answerChannel = kit.form.watch('answerChannel');
  return (
    <div className="appeal-form" data-ready={kit.hydrated ? 'true' : undefined}>
      {kit.summaryItems.length > 0 && <ErrorSummary items={kit.summaryItems} summaryRef={kit.summaryRef} idPrefix={ID_PREFIX} />}
      {kit.failure && <FailureBanner message={kit.failure} hotline={hotline} bannerRef={kit.bannerRef} idPrefix={ID_PREFIX} />}
      <form noValidate method="post" onSubmit={kit.onSubmit}>
        <fieldset className="fieldset" disabled={!kit.hydrated}>
          <RadioGroup name="audience" label={L.audience} kit={kit} register={register} options={AUDIENCE_OPTIONS} />
          <RadioGroup name="rating" label={L.rating} kit={kit} register={register} options={FEEDBACK_RATINGS} hint="1 — очень плохо, 5 — отлично" />
          <Field name="topic" label={L.topic} kit={kit}>
            {(a) => (
              <select className="select" id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...register('topic')}>
                <option value="">Выберите тему</option>
                {topics.map((topic) => (
                  <option key={topic.slug} value={topic.slug}>
                    {topic.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="text" label={L.text} kit={kit} hint="Что понравилось или что стоит улучшить: от 10 до 5000 символов">
            {(a) => <textarea className="textarea" rows={6} id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...register('text')} />}
          </Field>
          <ContactFields kit={kit} register={register} withChannel answerChannel={answerChannel} />
          <ConsentCheckbox kit={kit} register={register} privacyPolicyUrl={privacyPolicyUrl} />
          <Honeypot kit={kit} register={register} />
          <SubmitButton sending={kit.sending} label="Отправить отзыв" idPrefix={ID_PREFIX} />
        </fieldset>
      </form>
    </div>
  );
}
