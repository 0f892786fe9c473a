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
import {
  readingsComeBackText,
  readingsWindowState,
  readingsWindowStateText,
  readingsWindowText,
  type ReadingsWindow,
  type ReadingsWindowState,
} from '@portal/core/readings-window';
import { QUESTION_FORM_PATH, appealFormApiPath, telHref } from '../lib/urls';
import { ContactFields } from './ContactFields';
import {
  AppealFormFrame,
  Checkbox,
  ConsentCheckbox,
  DigitsField,
  Field,
  Honeypot,
  RadioGroup,
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
  /** The appeals address, offered (with the hotline) while the form's script has not started. */
  appealsEmail: string;
  /** The days of the month readings are accepted (company settings, from the site export). */
  readingsWindow: ReadingsWindow;
  /** The company's time zone: the day is the company's, not the visitor's. */
  timeZone: string;
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
 * Where the window stands on the day of viewing, in the company's time zone. The site is static, so this is worked
 * out in the browser, not at build time; null until then (the server-rendered HTML states the days only). Looked at
 * again every minute, so a page left open overnight opens or closes with the day.
 */
function useReadingsWindowState(days: ReadingsWindow, timeZone: string): ReadingsWindowState | null {
  const [state, setState] = useState<ReadingsWindowState | null>(null);
  useEffect(() => {
    const look = () =>
      setState((previous) => {
        const next = readingsWindowState(new Date(), days, timeZone);
        return previous && JSON.stringify(previous) === JSON.stringify(next) ? previous : next;
      });
    look();
    const timer = globalThis.setInterval(look, 60_000);
    return () => globalThis.clearInterval(timer);
  }, [days, timeZone]);
  return state;
}

/** Before the form: whether readings are accepted today, until when, or when they are accepted next. */
function ReadingsWindowNotice({ state, days, hotline, idPrefix }: { state: ReadingsWindowState | null; days: ReadingsWindow; hotline: string; idPrefix: string }) {
  if (state === null) {
    return (
      <div className="readings-window panel" id={`${idPrefix}-window`}>
        <p>{readingsWindowText(days)}</p>
      </div>
    );
  }
  if (state.open) {
    return (
      <div className="readings-window panel panel--accent" id={`${idPrefix}-window`}>
        <p>{readingsWindowStateText(state, days)}</p>
      </div>
    );
  }
  return (
    <div className="readings-window notice-banner" id={`${idPrefix}-window`}>
      <h2 id={`${idPrefix}-window-title`}>Сегодня показания не принимаются</h2>
      <p>{readingsComeBackText(state, days)}</p>
      <p>
        Форма станет доступна в этот день. Если у вас вопрос о показаниях или расчётах, задайте его в форме{' '}
        <a href={QUESTION_FORM_PATH}>«Задать вопрос»</a> или по телефону горячей линии <a href={telHref(hotline)}>{hotline}</a>.
      </p>
    </div>
  );
}

/**
 * Meter readings without login. The page says before the form whether readings are accepted today and, if not,
 * the nearest day; on such a day the form waits, disabled, so nobody fills it in for nothing. Should the server
 * still refuse (the day changed while the form was open, or the settings did), the explanation appears above the
 * form and everything typed stays in it. A reading lower than the last one asks for confirmation.
 */
export function ReadingsFormIsland({ variant, privacyPolicyUrl, hotline, appealsEmail, readingsWindow, timeZone }: ReadingsFormIslandProps) {
  const household = variant === 'household';
  const idPrefix = household ? 'pokazaniya' : 'pokazaniya-ul';
  const kit = useAppealForm({
    schema: (household ? HouseholdReadingsSchema : LegalReadingsSchema) as typeof HouseholdReadingsSchema,
    idPrefix,
    order: household ? HOUSEHOLD_ORDER : LEGAL_ORDER,
    radioFirstValue: { tariff: '1' },
    endpoint: appealFormApiPath(household ? 'readings-household' : 'readings-legal'),
    defaultValues: (household ? HOUSEHOLD_EMPTY : LEGAL_EMPTY) as HouseholdReadingsInput,
  });
  const { register } = kit;
  const windowState = useReadingsWindowState(readingsWindow, timeZone);
  // Once the server questioned a lower reading, the confirmation box stays until the form is sent.
  const [askedToConfirm, setAskedToConfirm] = useState(false);
  useEffect(() => {
    if (kit.messages.confirmLower) setAskedToConfirm(true);
  }, [kit.messages.confirmLower]);
  if (kit.registered) return <SuccessPanel outcome={kit.registered} title="Показания приняты" idPrefix={idPrefix} />;
  const tariff = kit.form.watch('tariff') as Tariff | undefined;
  const zones = tariff && TARIFFS.includes(tariff) ? TARIFF_ZONES[tariff] : [];
  const identifier = household ? 'Номер лицевого счёта' : 'Код договора (УИД)';

  return (
    <>
      <ReadingsWindowNotice state={windowState} days={readingsWindow} hotline={hotline} idPrefix={idPrefix} />
      <AppealFormFrame
        kit={kit}
        idPrefix={idPrefix}
        alternatives={{
          hotline,
          email: appealsEmail,
          mailSubject: 'Показания счётчика',
          mailBody: `${identifier}: \nЗаводской номер счётчика: \nПоказания: \n`,
          task: 'передать показания',
        }}
        refusalTitle="Сегодня показания не принимаются"
        disabled={windowState?.open === false}
      >
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
    </>
  );
}
