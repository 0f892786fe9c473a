import '../lib/zod-csp';
import type { AttachmentLimits } from '@portal/core/attachments';
import {
  SERVICE_APPLICATION_FIELD_LABELS as L,
  ServiceApplicationFlSchema,
  ServiceApplicationUlSchema,
  type ServiceApplicationUlInput,
} from '@portal/core/service-application-form';
import { appealFormApiPath } from '../lib/urls';
import { ContactFields } from './ContactFields';
import {
  AppealFormFrame,
  AttachmentsField,
  ConsentCheckbox,
  DigitsField,
  Field,
  Honeypot,
  SelectField,
  SubmitButton,
  SuccessPanel,
  TextAreaField,
  useAppealForm,
} from './form-kit';

export interface ApplicationFormIslandProps {
  /** `fl` for individuals, `ul` for legal entities and entrepreneurs (adds organisation and ИНН). */
  variant: 'fl' | 'ul';
  /** Services of the catalogue offered to this audience. */
  services: { slug: string; title: string }[];
  /** The CMS list of settlements and districts for the optional «Населённый пункт / район». */
  territories?: { slug: string; title: string }[];
  privacyPolicyUrl: string;
  hotline: string;
  /** The appeals address, offered (with the hotline) while the form's script has not started. */
  appealsEmail: string;
  attachmentLimits: AttachmentLimits;
}

const FL_ORDER = ['service', 'objectAddress', 'accountNumber', 'text', 'attachments', 'name', 'email', 'phone', 'answerChannel', 'postalAddress', 'territory', 'consent'] as const;
const UL_ORDER = ['organisation', 'inn', ...FL_ORDER] as const;

const EMPTY: ServiceApplicationUlInput = {
  name: '',
  organisation: '',
  inn: '',
  email: '',
  phone: '',
  answerChannel: undefined as unknown as ServiceApplicationUlInput['answerChannel'],
  postalAddress: '',
  territory: '',
  service: '',
  objectAddress: '',
  accountNumber: '',
  text: '',
  consent: false,
  website: '',
};

/** «Заявка на услугу», separate variants for individuals and legal entities, with attachments. */
export function ApplicationFormIsland({ variant, services, territories = [], privacyPolicyUrl, hotline, appealsEmail, attachmentLimits }: ApplicationFormIslandProps) {
  const legal = variant === 'ul';
  const idPrefix = `zayavka-${variant}`;
  const defaults: Partial<ServiceApplicationUlInput> = { ...EMPTY };
  if (!legal) {
    delete defaults.organisation;
    delete defaults.inn;
  }
  const kit = useAppealForm({
    schema: (legal ? ServiceApplicationUlSchema : ServiceApplicationFlSchema) as typeof ServiceApplicationUlSchema,
    idPrefix,
    order: legal ? UL_ORDER : FL_ORDER,
    radioFirstValue: { answerChannel: 'email' },
    endpoint: appealFormApiPath(legal ? 'application-ul' : 'application-fl'),
    defaultValues: defaults as ServiceApplicationUlInput,
    attachmentLimits,
  });
  const { register } = kit;
  if (kit.registered) {
    return (
      <SuccessPanel outcome={kit.registered} title="Ваша заявка зарегистрирована" idPrefix={idPrefix}>
        <p>Если вы приложили копии документов, пожалуйста, представьте их оригиналы в течение 6 рабочих дней.</p>
      </SuccessPanel>
    );
  }
  const answerChannel = kit.form.watch('answerChannel');
  return (
    <AppealFormFrame kit={kit} idPrefix={idPrefix} alternatives={{ hotline, email: appealsEmail, mailSubject: 'Заявка на услугу', task: 'подать заявку' }}>
      {legal && (
        <>
          <Field name="organisation" label={L.organisation} kit={kit}>
            {(a) => <input className="input" type="text" id={a.id} autoComplete="organization" aria-describedby={a.describedBy} aria-invalid={a.invalid} {...register('organisation')} />}
          </Field>
          <DigitsField name="inn" label={L.inn} kit={kit} register={register} hint="10 цифр у организации, 12 цифр у ИП" />
        </>
      )}
      <SelectField name="service" label={L.service} kit={kit} register={register} placeholder="Выберите услугу" options={services} />
      <TextAreaField name="objectAddress" label={L.objectAddress} kit={kit} register={register} rows={2} hint="Где нужна услуга: населённый пункт, улица, дом" />
      <DigitsField name="accountNumber" label={L.accountNumber} kit={kit} register={register} hint="Необязательно. Если договор уже есть" />
      <TextAreaField name="text" label={L.text} kit={kit} register={register} rows={6} hint="Коротко опишите задачу: от 10 до 5000 символов" />
      <AttachmentsField kit={kit} limits={attachmentLimits} inputRef={kit.fileInputRef} />
      <ContactFields kit={kit} register={register} withChannel answerChannel={answerChannel} nameHint={legal ? 'Контактное лицо: фамилия, имя и отчество' : 'Фамилия, имя и отчество'} territories={territories} />
      <ConsentCheckbox kit={kit} register={register} privacyPolicyUrl={privacyPolicyUrl} />
      <Honeypot kit={kit} register={register} />
      <SubmitButton sending={kit.sending} label="Отправить заявку" idPrefix={idPrefix} />
    </AppealFormFrame>
  );
}
