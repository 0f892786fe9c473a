import type { ReactNode } from 'react';
import type { FieldValues, UseFormRegister } from 'react-hook-form';
import { describedBy, type FormFieldIds } from '../../lib/form-fields';

/** Labelled fields with hints and errors joined in `aria-describedby`: inputs, radio groups, checkboxes, the consent box, the honeypot. */

/** Props shared by the field helpers. */
export interface FieldBase {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  kit: { ids: FormFieldIds; messages: Partial<Record<string, string>> };
}

function ErrorMessage({ id, message }: { id: string; message: string }) {
  return (
    <p className="error-message" id={id}>
      <span className="visually-hidden">Ошибка: </span>
      {message}
    </p>
  );
}

/** What a field's control needs to be labelled and described. */
export interface FieldAria {
  id: string;
  describedBy: string | undefined;
  invalid: true | undefined;
}

/** A single-input field with its label, hint and error message. */
export function Field({ name, label, hint, kit, children }: FieldBase & { children: (aria: FieldAria) => ReactNode }) {
  const ids = kit.ids.fieldIds(name);
  const error = kit.messages[name];
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="label" htmlFor={ids.input}>
        {label}
      </label>
      {hint && (
        <p className="hint" id={ids.hint}>
          {hint}
        </p>
      )}
      {error && <ErrorMessage id={ids.error} message={error} />}
      {children({
        id: ids.input,
        describedBy: describedBy(hint ? ids.hint : undefined, error ? ids.error : undefined),
        invalid: error ? true : undefined,
      })}
    </div>
  );
}

/** A radio group in a fieldset; hint and error are announced with the legend. */
export function RadioGroup({ name, label, hint, kit, options, register }: FieldBase & { options: readonly { value: string; label: string }[]; register: UseFormRegister<FieldValues> }) {
  const ids = kit.ids.fieldIds(name);
  const error = kit.messages[name];
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <fieldset className="fieldset" aria-describedby={describedBy(hint ? ids.hint : undefined, error ? ids.error : undefined)}>
        <legend className="label">{label}</legend>
        {hint && (
          <p className="hint" id={ids.hint}>
            {hint}
          </p>
        )}
        {error && <ErrorMessage id={ids.error} message={error} />}
        <div className="radios">
          {options.map((option) => {
            const id = kit.ids.fieldIds(name, option.value).input;
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
}

/** A checkbox with its own error, e.g. the consent or «the lower reading is correct». */
export function Checkbox({ name, label, hint, kit, register }: FieldBase & { register: UseFormRegister<FieldValues> }) {
  const ids = kit.ids.fieldIds(name);
  const error = kit.messages[name];
  return (
    <div className={error ? 'field field--error' : 'field'}>
      {error && <ErrorMessage id={ids.error} message={error} />}
      <div className="checkbox">
        <input
          type="checkbox"
          id={ids.input}
          aria-describedby={describedBy(hint ? ids.hint : undefined, error ? ids.error : undefined)}
          aria-invalid={error ? true : undefined}
          {...register(name)}
        />
        <label htmlFor={ids.input}>{label}</label>
      </div>
      {hint && (
        <p className="hint" id={ids.hint}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** The 152-ФЗ consent box with the link to the policy. */
export function ConsentCheckbox({ kit, register, privacyPolicyUrl }: { kit: FieldBase['kit']; register: UseFormRegister<FieldValues>; privacyPolicyUrl: string }) {
  return <Checkbox name="consent" kit={kit} register={register} label={<ConsentLabel privacyPolicyUrl={privacyPolicyUrl} />} hint={CONSENT_HINT} />;
}

/** The consent's wording, one for every form and the chat (islands/ChatDialog.tsx). */
export function ConsentLabel({ privacyPolicyUrl }: { privacyPolicyUrl: string }) {
  return (
    <>
      Я даю согласие на обработку моих персональных данных в соответствии с{' '}
      <a href={privacyPolicyUrl} target="_blank" rel="noopener">
        политикой обработки персональных данных (откроется в новой вкладке)
      </a>
    </>
  );
}

/** Why the data is asked for, under the consent box. */
export const CONSENT_HINT = 'Данные нужны только для того, чтобы рассмотреть обращение и ответить на него.';

/** Honeypot: people never see or reach it; bots that fill every field give themselves away. */
export function Honeypot({ kit, register }: { kit: FieldBase['kit']; register: UseFormRegister<FieldValues> }) {
  const ids = kit.ids.fieldIds('website');
  return (
    <div className="visually-hidden" aria-hidden="true">
      <label htmlFor={ids.input}>Сайт</label>
      <input type="text" id={ids.input} tabIndex={-1} autoComplete="off" {...register('website')} />
    </div>
  );
}

/** Props of the one-control field helpers below. */
type ControlFieldProps = FieldBase & { register: UseFormRegister<FieldValues> };

/** A drop-down list with an empty first choice, e.g. the topic or the service. */
export function SelectField({ name, label, hint, kit, register, placeholder, options }: ControlFieldProps & { placeholder: string; options: readonly { slug: string; title: string }[] }) {
  return (
    <Field name={name} label={label} hint={hint} kit={kit}>
      {(a) => (
        <select className="select" id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...register(name)}>
          <option value="">{placeholder}</option>
          {options.map((option) => (
            <option key={option.slug} value={option.slug}>
              {option.title}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A short field of digits (account number, ИНН, contract code): numeric keyboard, no autofill. */
export function DigitsField({ name, label, hint, kit, register, maxLength }: ControlFieldProps & { maxLength?: number }) {
  return (
    <Field name={name} label={label} hint={hint} kit={kit}>
      {(a) => (
        <input
          className="input input--short"
          type="text"
          inputMode="numeric"
          maxLength={maxLength}
          id={a.id}
          autoComplete="off"
          aria-describedby={a.describedBy}
          aria-invalid={a.invalid}
          {...register(name)}
        />
      )}
    </Field>
  );
}

/** A multi-line text field, e.g. the appeal's text or an address. */
export function TextAreaField({ name, label, hint, kit, register, rows }: ControlFieldProps & { rows: number }) {
  return (
    <Field name={name} label={label} hint={hint} kit={kit}>
      {(a) => <textarea className="textarea" rows={rows} id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...register(name)} />}
    </Field>
  );
}
