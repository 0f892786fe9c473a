import '../lib/zod-csp';
import { useEffect, useState } from 'react';
import {
  HouseholdReadingsSchema,
  LegalReadingsSchema,
  METER_READINGS_FIELD_LABELS as L,
  TARIFF_LABELS,
  TARIFF_ZONES,
  TARIFFS,
  type HouseholdReadingsInput,
  type LegalReadingsInput,
  type Tariff,
} from '@portal/core/meter-readings-form';
import { READINGS_HOUSEHOLD_API_PATH, READINGS_LEGAL_API_PATH } from '../lib/urls';
import { ContactFields } from './ContactFields';
import {
  AppealFormFrame,
  Checkbox,
  ConsentCheckbox,
  DigitsField,
  Field,
  Honeypot,
  RadioGroup,
  RefusalPanel,
  SubmitButton,
  SuccessPanel,
  useAppealForm,
  type FieldAria,
} from './form-kit';

export interface ReadingsFormIslandProps {
  /** `household` — by personal account, per tariff zone; `legal` — by the 6-digit contract code (УИД). */
  variant: 'household' | 'legal';
  privacyPolicyUrl: string;
  hotline: string;
}

const HOUSEHOLD_ORDER = ['accountNumber', 'meterSerial', 'tariff', 't1', 't2', 't3', 'confirmLower', 'name', 'email', 'phone', 'consent'] as const;
const LEGAL_ORDER = ['contractCode', 'meterSerial', 'reading', 'confirmLower', 'name', 'email', 'phone', 'consent'] as const;

const HOUSEHOLD_EMPTY: HouseholdReadingsInput = {
  name: '',
  email: '',
  phone: '',
  accountNumber: '',
  meterSerial: '',
  tariff: undefined as unknown as HouseholdReadingsInput['tariff'],
  t1: '',
  t2: '',
  t3: '',
  confirmLower: false,
  consent: false,
  website: '',
};
const LEGAL_EMPTY: LegalReadingsInput = { name: '', email: '', phone: '', contractCode: '', meterSerial: '', reading: '', confirmLower: false, consent: false, website: '' };

const readingInput = (register: ReturnType<typeof useAppealForm>['register'], name: string) => (a: FieldAria) => (
  <input className="input input--short" type="text" inputMode="decimal" id={a.id} autoComplete="off" aria-describedby={a.describedBy} aria-invalid={a.invalid} {...register(name)} />
);

/**
 * Meter readings without login. Outside the accepted days the server explains when to come back, and the
 * form shows that explanation instead of an error. A reading lower than the last one asks for confirmation.
 */
export function ReadingsFormIsland({ variant, privacyPolicyUrl, hotline }: ReadingsFormIslandProps) {
  const household = variant === 'household';
  const idPrefix = household ? 'pokazaniya' : 'pokazaniya-ul';
  const kit = useAppealForm({
    schema: (household ? HouseholdReadingsSchema : LegalReadingsSchema) as typeof HouseholdReadingsSchema,
    idPrefix,
    order: household ? HOUSEHOLD_ORDER : LEGAL_ORDER,
    radioFirstValue: { tariff: '1' },
    endpoint: household ? READINGS_HOUSEHOLD_API_PATH : READINGS_LEGAL_API_PATH,
    defaultValues: (household ? HOUSEHOLD_EMPTY : LEGAL_EMPTY) as HouseholdReadingsInput,
  });
  const { register } = kit;
  // Once the server questioned a lower reading, the confirmation box stays until the form is sent.
  const [askedToConfirm, setAskedToConfirm] = useState(false);
  useEffect(() => {
    if (kit.messages.confirmLower) setAskedToConfirm(true);
  }, [kit.messages.confirmLower]);
  if (kit.registered) return <SuccessPanel outcome={kit.registered} title="Показания приняты" idPrefix={idPrefix} />;
  if (kit.refused) return <RefusalPanel message={kit.refused.message} title="Сегодня показания не принимаются" idPrefix={idPrefix} />;
  const tariff = kit.form.watch('tariff') as Tariff | undefined;
  const zones = tariff && TARIFFS.includes(tariff) ? TARIFF_ZONES[tariff] : [];

  return (
    <AppealFormFrame kit={kit} idPrefix={idPrefix} hotline={hotline}>
      {household ? (
        <DigitsField name="accountNumber" label={L.accountNumber} kit={kit} register={register} hint="Указан в квитанции: от 6 до 20 цифр" />
      ) : (
        <DigitsField name="contractCode" label={L.contractCode} kit={kit} register={register} hint="Шесть цифр из договора энергоснабжения" maxLength={6} />
      )}
      <Field name="meterSerial" label={L.meterSerial} kit={kit} hint="Указан на корпусе счётчика, обычно под штрихкодом">
        {(a) => <input className="input input--short" type="text" id={a.id} autoComplete="off" spellCheck={false} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...register('meterSerial')} />}
      </Field>
      {household ? (
        <>
          <RadioGroup name="tariff" label={L.tariff} kit={kit} register={register} options={TARIFFS.map((value) => ({ value, label: TARIFF_LABELS[value] }))} />
          {zones.map((zone) => (
            <Field key={zone.field} name={zone.field} label={zone.label} kit={kit} hint="Только целая часть или с дробной частью через запятую, например 12345,6">
              {readingInput(register, zone.field)}
            </Field>
          ))}
        </>
      ) : (
        <Field name="reading" label={L.reading} kit={kit} hint="Например 98765 или 98765,4">
          {readingInput(register, 'reading')}
        </Field>
      )}
      {askedToConfirm && <Checkbox name="confirmLower" label={L.confirmLower} kit={kit} register={register} hint="Отметьте, если вы проверили показание, например после замены счётчика." />}
      <ContactFields kit={kit} register={register} withChannel={false} />
      <ConsentCheckbox kit={kit} register={register} privacyPolicyUrl={privacyPolicyUrl} />
      <Honeypot kit={kit} register={register} />
      <SubmitButton sending={kit.sending} label="Передать показания" idPrefix={idPrefix} />
    </AppealFormFrame>
  );
}
