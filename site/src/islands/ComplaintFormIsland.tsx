import type { AttachmentLimits } from '@portal/core/attachments';
import { COMPLAINT_FORM_FIELD_LABELS as L, ComplaintFormSchema, type ComplaintFormInput } from '@portal/core/complaint-form';
import { COMPLAINT_API_PATH } from '../lib/urls';
import { AUDIENCE_OPTIONS, ContactFields } from './ContactFields';
import {
  AttachmentsField,
  ConsentCheckbox,
  ErrorSummary,
  FailureBanner,
  Field,
  Honeypot,
  RadioGroup,
  SubmitButton,
  SuccessPanel,
  useAppealForm,
} from './form-kit';

export interface ComplaintFormIslandProps {
  topics: { slug: string; title: string }[];
  privacyPolicyUrl: string;
  hotline: string;
  attachmentLimits: AttachmentLimits;
}

const ID_PREFIX = 'zhaloba';
const ORDER = ['audience', 'name', 'email', 'phone', 'answerChannel', 'postalAddress', 'topic', 'accountNumber', 'text', 'attachments', 'consent'] as const;
const RADIO_FIRST = { audience: 'fl', answerChannel: 'email' };

const EMPTY: ComplaintFormInput = {
  name: '',
  email: '',
  phone: '',
  // Radios start unselected on purpose (GOV.UK guidance): a preselected answer is easy to miss.
  answerChannel: undefined as unknown as ComplaintFormInput['answerChannel'],
  postalAddress: '',
  audience: undefined as unknown as ComplaintFormInput['audience'],
  topic: '',
  accountNumber: '',
  text: '',
  consent: false,
  website: '',
};

/** «Обращение или жалоба» with up to three attached files, on the shared form kit. */
export function ComplaintFormIsland({ topics, privacyPolicyUrl, hotline, attachmentLimits }: ComplaintFormIslandProps) {
  const kit = useAppealForm({
    schema: ComplaintFormSchema,
    idPrefix: ID_PREFIX,
    order: ORDER,
    radioFirstValue: RADIO_FIRST,
    endpoint: COMPLAINT_API_PATH,
    defaultValues: EMPTY,
    attachmentLimits,
  });
  const { register } = kit;
  if (kit.registered) return <SuccessPanel outcome={kit.registered} title="Ваше обращение зарегистрировано" idPrefix={ID_PREFIX} />;
  const answerChannel = kit.form.watch('answerChannel');

  return (
    <div className="appeal-form" data-ready={kit.hydrated ? 'true' : undefined}>
      {kit.summaryItems.length > 0 && <ErrorSummary items={kit.summaryItems} summaryRef={kit.summaryRef} idPrefix={ID_PREFIX} />}
      {kit.failure && <FailureBanner message={kit.failure} hotline={hotline} bannerRef={kit.bannerRef} idPrefix={ID_PREFIX} />}
      <form noValidate method="post" onSubmit={kit.onSubmit}>
        {/* Disabled until hydrated: without JavaScript the form cannot be sent, and must not leak data into a URL. */}
        <fieldset className="fieldset" disabled={!kit.hydrated}>
          <RadioGroup name="audience" label={L.audience} kit={kit} register={register} options={AUDIENCE_OPTIONS} />
          <ContactFields kit={kit} register={register} withChannel answerChannel={answerChannel} />
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
          <Field name="accountNumber" label={L.accountNumber} kit={kit} hint="Необязательно. Номер указан в квитанции или договоре">
            {(a) => <input className="input input--short" type="text" inputMode="numeric" id={a.id} autoComplete="off" aria-describedby={a.describedBy} aria-invalid={a.invalid} {...register('accountNumber')} />}
          </Field>
          <Field name="text" label={L.text} kit={kit} hint="Что произошло, когда и где: от 20 до 5000 символов">
            {(a) => <textarea className="textarea" rows={8} id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...register('text')} />}
          </Field>
          <AttachmentsField kit={kit} limits={attachmentLimits} inputRef={kit.fileInputRef} />
          <ConsentCheckbox kit={kit} register={register} privacyPolicyUrl={privacyPolicyUrl} />
          <Honeypot kit={kit} register={register} />
          <SubmitButton sending={kit.sending} label="Отправить обращение" idPrefix={ID_PREFIX} />
        </fieldset>
      </form>
    </div>
  );
}
