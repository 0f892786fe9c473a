import type { FieldValues, UseFormRegister } from 'react-hook-form';
import { ANSWER_CHANNEL_LABELS, ANSWER_CHANNELS, CONTACT_FIELD_LABELS } from '@portal/core/appeal-form-base';
import type { FormFieldIds } from '../lib/form-fields';
import { Field, RadioGroup, SelectField } from './form-kit';

/** Labels of the contact fields, the same in every form. */
export const CONTACT_LABELS = CONTACT_FIELD_LABELS;

/** Options of «Кто обращается», worded as the person describes themself. */
export const AUDIENCE_OPTIONS = [
  { value: 'fl', label: 'Физическое лицо' },
  { value: 'ul', label: 'Юридическое лицо или индивидуальный предприниматель' },
] as const;

interface ContactFieldsProps {
  kit: { ids: FormFieldIds; messages: Partial<Record<string, string>> };
  register: UseFormRegister<FieldValues>;
  /** Whether the form asks for the answer channel (readings forms do not). */
  withChannel: boolean;
  /** The chosen channel: the postal address appears only for `post`. */
  answerChannel?: string | null | undefined;
  /** Hint under the name, e.g. «название организации» on legal forms. */
  nameHint?: string;
  /** Settlements and districts from the CMS; the optional choice appears only when there are some. */
  territories?: readonly { slug: string; title: string }[];
}

/** Name, e-mail, phone and (optionally) the answer channel with the postal address it may need. */
export function ContactFields({ kit, register, withChannel, answerChannel, nameHint, territories = [] }: ContactFieldsProps) {
  return (
    <>
      <Field name="name" label={CONTACT_LABELS.name} kit={kit} hint={nameHint ?? 'Фамилия, имя и отчество или название организации'}>
        {(a) => <input className="input" type="text" id={a.id} autoComplete="name" aria-describedby={a.describedBy} aria-invalid={a.invalid} {...register('name')} />}
      </Field>
      <Field name="email" label={CONTACT_LABELS.email} kit={kit} hint="Нужен e-mail или телефон. На e-mail придёт номер обращения и срок ответа">
        {(a) => (
          <input className="input" type="email" id={a.id} autoComplete="email" spellCheck={false} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...register('email')} />
        )}
      </Field>
      <Field name="phone" label={CONTACT_LABELS.phone} kit={kit} hint="Например: +7 912 345-67-89">
        {(a) => <input className="input input--short" type="tel" id={a.id} autoComplete="tel" aria-describedby={a.describedBy} aria-invalid={a.invalid} {...register('phone')} />}
      </Field>
      {withChannel && (
        <RadioGroup
          name="answerChannel"
          label={CONTACT_LABELS.answerChannel}
          hint="Можно не выбирать, если вы указали только e-mail или только телефон: ответим туда"
          kit={kit}
          register={register}
          options={ANSWER_CHANNELS.map((value) => ({ value, label: ANSWER_CHANNEL_LABELS[value] }))}
        />
      )}
      {withChannel && answerChannel === 'post' && (
        <Field name="postalAddress" label={CONTACT_LABELS.postalAddress} kit={kit} hint="Индекс, населённый пункт, улица, дом, квартира">
          {(a) => (
            <textarea className="textarea" rows={3} id={a.id} autoComplete="street-address" aria-describedby={a.describedBy} aria-invalid={a.invalid} {...register('postalAddress')} />
          )}
        </Field>
      )}
      {territories.length > 0 && (
        <SelectField
          name="territory"
          label={CONTACT_LABELS.territory}
          hint="По желанию: так обращение сразу попадёт к специалистам, которые работают в вашем населённом пункте или районе"
          kit={kit}
          register={register}
          placeholder="Не указан"
          options={territories}
        />
      )}
    </>
  );
}
