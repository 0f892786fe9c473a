import '../lib/zod-csp';
import type { AttachmentLimits } from '@portal/core/attachments';
import { COMPLAINT_FORM_FIELD_LABELS as L, ComplaintFormSchema, type ComplaintFormInput } from '@portal/core/complaint-form';
import { appealFormApiPath } from '../lib/urls';
import { AUDIENCE_OPTIONS, ContactFields } from './ContactFields';
import {
  AppealFormFrame,
  AttachmentsField,
  ConsentCheckbox,
  DigitsField,
  Honeypot,
  RadioGroup,
  SelectField,
  SubmitButton,
  SuccessPanel,
  TextAreaField,
  useAppealForm,
} from './form-kit';

export interface ComplaintFormIslandProps {
  topics: { slug: string; title: string }[];
  /** Settlements and districts for the optional «Населённый пункт / район» choice (from the site export). */
  territories?: { slug: string; title: string }[];
  privacyPolicyUrl: string;
  hotline: string;
  /** The appeals address, offered (with the hotline) while the form's script has not started. */
  appealsEmail: string;
  attachmentLimits: AttachmentLimits;
}

const ID_PREFIX = 'zhaloba';
const ORDER = ['audience', 'name', 'email', 'phone', 'answerChannel', 'postalAddress', 'territory', 'topic', 'accountNumber', 'text', 'attachments', 'consent'] as const;
const RADIO_FIRST = { audience: 'fl', answerChannel: 'email' };

const EMPTY: ComplaintFormInput = {
  name: '',
  email: '',
  phone: '',
  // Radios start unselected on purpose (GOV.UK guidance): a preselected answer is easy to miss.
  answerChannel: undefined as unknown as ComplaintFormInput['answerChannel'],
  postalAddress: '',
  territory: '',
  audience: undefined as unknown as ComplaintFormInput['audience'],
  topic: '',
  accountNumber: '',
  text: '',
  consent: false,
  website: '',
};

/** «Обращение или жалоба» with up to three attached files, on the shared form kit. */
export function ComplaintFormIsland({ topics, territories = [], privacyPolicyUrl, hotline, appealsEmail, attachmentLimits }: ComplaintFormIslandProps) {
  const kit = useAppealForm({
    schema: ComplaintFormSchema,
    idPrefix: ID_PREFIX,
    order: ORDER,
    radioFirstValue: RADIO_FIRST,
    endpoint: appealFormApiPath('complaint'),
    defaultValues: EMPTY,
    attachmentLimits,
  });
  const { register } = kit;
  if (kit.registered) return <SuccessPanel outcome={kit.registered} title="Ваше обращение зарегистрировано" idPrefix={ID_PREFIX} />;
  const answerChannel = kit.form.watch('answerChannel');

  return (
    <AppealFormFrame kit={kit} idPrefix={ID_PREFIX} alternatives={{ hotline, email: appealsEmail, mailSubject: 'Обращение с сайта', task: 'направить обращение или жалобу' }}>
      <RadioGroup name="audience" label={L.audience} kit={kit} register={register} options={AUDIENCE_OPTIONS} />
      <ContactFields kit={kit} register={register} withChannel answerChannel={answerChannel} territories={territories} />
      <SelectField name="topic" label={L.topic} kit={kit} register={register} placeholder="Выберите тему" options={topics} />
      <DigitsField name="accountNumber" label={L.accountNumber} kit={kit} register={register} hint="Необязательно. Номер указан в квитанции или договоре" />
      <TextAreaField name="text" label={L.text} kit={kit} register={register} rows={8} hint="Что произошло, когда и где: от 20 до 5000 символов" />
      <AttachmentsField kit={kit} limits={attachmentLimits} inputRef={kit.fileInputRef} />
      <ConsentCheckbox kit={kit} register={register} privacyPolicyUrl={privacyPolicyUrl} />
      <Honeypot kit={kit} register={register} />
      <SubmitButton sending={kit.sending} label="Отправить обращение" idPrefix={ID_PREFIX} />
    </AppealFormFrame>
  );
}
