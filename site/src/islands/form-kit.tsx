import { useEffect, useMemo, useRef, useState, type BaseSyntheticEvent, type MouseEvent, type ReactNode, type RefObject } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormRegister } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { checkAttachments, type AttachmentLimits } from '@portal/core/attachments';
import { describedBy, formFieldIds, type ErrorSummaryItem, type FormFieldIds } from '../lib/form-fields';
import { submitForm, type SubmitOutcome } from '../lib/form-submit';
import { startHumanCheck } from '../lib/human-check';
import { appealStatusPath, FAQ_PATH, HOME_PATH, telHref } from '../lib/urls';
import { ScriptNotice } from './ScriptNotice';

/**
 * The parts every public appeal form is built from: the submission state machine (validate with the shared
 * schema, send, show the server's per-field errors), the error summary that takes focus, labelled fields
 * with hints and errors joined in `aria-describedby`, radio groups, the consent box, the honeypot, file
 * inputs, and the panels for success, refusal and failure. One form differs from another only in its fields.
 */

export type Registered = Extract<SubmitOutcome, { kind: 'registered' }>;
type Refused = Extract<SubmitOutcome, { kind: 'refused' }>;

/** Settings of {@link useAppealForm}. */
export interface AppealFormOptions<Schema extends z.ZodType<FieldValues, FieldValues>> {
  schema: Schema;
  /** Id prefix of the form's elements, e.g. `zhaloba`. */
  idPrefix: string;
  /** Visible fields in page order (the error summary follows it). */
  order: readonly string[];
  /** First option of each radio group: the element an error link focuses. */
  radioFirstValue?: Partial<Record<string, string>>;
  endpoint: string;
  defaultValues: z.input<Schema>;
  /** For forms with attachments: the limits checked in the browser before sending (the server checks again). */
  attachmentLimits?: AttachmentLimits;
}

/** Everything a form island needs to render and submit. */
export function useAppealForm<Schema extends z.ZodType<FieldValues, FieldValues>>(options: AppealFormOptions<Schema>) {
  type Input = z.input<Schema>;
  const [hydrated, setHydrated] = useState(false);
  const [summaryShown, setSummaryShown] = useState(false);
  const [focusRequest, setFocusRequest] = useState<'summary' | 'banner' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [registered, setRegistered] = useState<Registered | null>(null);
  const [refused, setRefused] = useState<Refused | null>(null);
  const [sending, setSending] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const sendingRef = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const bannerRef = useRef<HTMLDivElement>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  // One key per filled-in form: a double click or a retry after a lost answer registers the appeal once.
  const idempotencyKey = useRef<string>('');
  // The proof-of-work runs while the person fills in the form.
  const humanCheck = useRef<Promise<string | null> | null>(null);
  const ids: FormFieldIds = useMemo(
    () => formFieldIds(options.idPrefix, options.order, options.radioFirstValue),
    [options.idPrefix, options.order, options.radioFirstValue],
  );

  const form = useForm<Input, unknown, z.output<Schema>>({
    resolver: zodResolver(options.schema as never) as never,
    defaultValues: options.defaultValues as DefaultValues<Input>,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    // The error summary takes focus instead of the first field.
    shouldFocusError: false,
  });

  useEffect(() => {
    idempotencyKey.current = crypto.randomUUID();
    humanCheck.current = startHumanCheck();
    setHydrated(true);
  }, []);

  // react-hook-form publishes errors a render after onInvalid runs, so focus waits until the summary is there.
  useEffect(() => {
    const target = focusRequest === 'summary' ? summaryRef.current : focusRequest === 'banner' ? bannerRef.current : null;
    if (!target) return;
    target.focus();
    setFocusRequest(null);
  });

  const selectedFiles = (): File[] => Array.from(fileInputRef.current?.files ?? []);

  /** The browser-side check of the files: the same rules the server applies, for an early, clear message. */
  const checkFiles = async (): Promise<string | null> => {
    if (!options.attachmentLimits) return null;
    const files = await Promise.all(selectedFiles().map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
    const result = checkAttachments(files, options.attachmentLimits);
    return result.ok ? null : result.message;
  };

  const showSummary = () => {
    setFailure(null);
    setSummaryShown(true);
    setFocusRequest('summary');
  };

  const onInvalid = async () => {
    setFileError(await checkFiles());
    showSummary();
  };

  const onValid = async () => {
    if (sendingRef.current) return;
    const filesProblem = await checkFiles();
    setFileError(filesProblem);
    if (filesProblem) {
      showSummary();
      return;
    }
    sendingRef.current = true;
    setSending(true);
    setFailure(null);
    setRefused(null);
    const altcha = await (humanCheck.current ?? Promise.resolve(null));
    // The raw values go out; the server parses them with the same schema.
    const outcome = await submitForm(options.endpoint, { ...form.getValues(), ...(altcha ? { altcha } : {}) }, {
      files: options.attachmentLimits ? selectedFiles() : [],
      idempotencyKey: idempotencyKey.current,
    });
    sendingRef.current = false;
    setSending(false);
    if (outcome.kind === 'registered') {
      setRegistered(outcome);
      return;
    }
    if (outcome.kind === 'refused') {
      // Shown above the form, which keeps everything typed: the client may send it later without retyping.
      setRefused(outcome);
      setFocusRequest('banner');
      return;
    }
    if (outcome.kind === 'invalid') {
      // A corrected form is a new submission: it must not be answered with the first one's refusal.
      idempotencyKey.current = crypto.randomUUID();
      const visible = new Set<string>([...options.order]);
      let hasVisibleError = false;
      for (const [field, message] of Object.entries(outcome.fieldErrors)) {
        if (field === 'attachments') {
          setFileError(message);
          hasVisibleError = true;
        } else if (visible.has(field)) {
          form.setError(field as Path<Input>, { type: 'server', message });
          hasVisibleError = true;
        }
      }
      if (hasVisibleError) {
        showSummary();
        return;
      }
      setFailure(outcome.message || 'Пожалуйста, обновите страницу и попробуйте ещё раз.');
      setFocusRequest('banner');
      return;
    }
    // An expired or spent proof-of-work cannot pass again: solve a fresh one while the client reads the message.
    if (outcome.code === 'human-check') humanCheck.current = startHumanCheck();
    setFailure(outcome.message);
    setFocusRequest('banner');
  };

  const messages: Partial<Record<string, string>> = {};
  for (const field of options.order) {
    const message = (form.formState.errors as Record<string, { message?: unknown } | undefined>)[field]?.message;
    if (typeof message === 'string') messages[field] = message;
  }
  if (fileError) messages.attachments = fileError;

  return {
    form,
    register: form.register as unknown as UseFormRegister<FieldValues>,
    ids,
    messages,
    hydrated,
    sending,
    failure,
    registered,
    refused,
    summaryItems: summaryShown ? ids.errorSummaryItems(messages) : [],
    summaryRef,
    bannerRef,
    fileInputRef,
    onSubmit: form.handleSubmit(onValid, onInvalid),
  };
}

/** The list of problems at the top of the form; takes focus and links to each field. */
export function ErrorSummary({ items, summaryRef, idPrefix }: { items: ErrorSummaryItem[]; summaryRef: RefObject<HTMLDivElement | null>; idPrefix: string }) {
  const focusField = (event: MouseEvent<HTMLAnchorElement>, href: string) => {
    const target = document.getElementById(href.slice(1));
    if (!target) return;
    event.preventDefault();
    // Bring the label or legend into view too, not just the input (as GOV.UK Frontend does).
    (target.closest('fieldset, .field') ?? target).scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  };
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby={`${idPrefix}-error-summary-title`}>
      <h2 id={`${idPrefix}-error-summary-title`}>Пожалуйста, исправьте ошибки в форме</h2>
      <ul>
        {items.map((item) => (
          <li key={item.field}>
            <a href={item.href} onClick={(event) => focusField(event, item.href)}>
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Sending failed (server down, network): what happened and the hotline. */
export function FailureBanner({ message, hotline, bannerRef, idPrefix }: { message: string; hotline: string; bannerRef: RefObject<HTMLDivElement | null>; idPrefix: string }) {
  return (
    <div className="notice-banner" role="alert" tabIndex={-1} ref={bannerRef} aria-labelledby={`${idPrefix}-failure-title`}>
      <h2 id={`${idPrefix}-failure-title`}>Не удалось отправить обращение</h2>
      <p>{message}</p>
      <p>
        Если ошибка повторится, позвоните, пожалуйста, на горячую линию <a href={telHref(hotline)}>{hotline}</a>.
      </p>
    </div>
  );
}

/** A panel that takes focus when it appears (success and refusal). */
function FocusedPanel({ className, title, idPrefix, kind, children }: { className: string; title: string; idPrefix: string; kind: string; children: ReactNode }) {
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => panelRef.current?.focus(), []);
  return (
    <div className={className} role="status" tabIndex={-1} ref={panelRef} aria-labelledby={`${idPrefix}-${kind}-title`}>
      <h2 id={`${idPrefix}-${kind}-title`}>{title}</h2>
      {children}
    </div>
  );
}

/** The appeal is registered: its number and deadline. */
export function SuccessPanel({ outcome, title, idPrefix, children }: { outcome: Registered; title: string; idPrefix: string; children?: ReactNode }) {
  return (
    <FocusedPanel className="success-panel" title={title} idPrefix={idPrefix} kind="success">
      {outcome.registrationNumber ? (
        <>
          <p>
            Номер обращения: <span className="registration-number">{outcome.registrationNumber}</span>
          </p>
          {outcome.deadlineText && <p>Мы ответим не позднее {outcome.deadlineText.replace(/\.$/, '')}.</p>}
          <p>Если вы указали электронную почту, на неё придёт подтверждение с номером и сроком ответа.</p>
        </>
      ) : (
        <p>{outcome.message || 'Номер обращения и срок ответа мы сообщим в письме-подтверждении.'}</p>
      )}
      {children}
      <p>Пожалуйста, сохраните номер обращения: по нему можно узнать, как идёт рассмотрение, и быстро найти обращение, если вы позвоните нам.</p>
      <p>
        <a href={appealStatusPath(outcome.registrationNumber || undefined)}>Узнать состояние обращения</a> · <a href={HOME_PATH}>Вернуться на главную</a> ·{' '}
        <a href={FAQ_PATH}>Вопросы и ответы</a>
      </p>
    </FocusedPanel>
  );
}

/**
 * The form is fine but cannot be accepted now (e.g. readings outside the accepted days): the server's explanation,
 * calmly, above the form — which keeps everything typed, so nothing has to be typed again later.
 */
export function RefusalBanner({ message, title, bannerRef, idPrefix }: { message: string; title: string; bannerRef: RefObject<HTMLDivElement | null>; idPrefix: string }) {
  return (
    <div className="notice-banner" role="alert" tabIndex={-1} ref={bannerRef} aria-labelledby={`${idPrefix}-refusal-title`}>
      <h2 id={`${idPrefix}-refusal-title`}>{title}</h2>
      <p>{message}</p>
      <p>Всё, что вы ввели, сохранено в форме ниже.</p>
    </div>
  );
}

/** Props shared by the field helpers. */
interface FieldBase {
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
  return (
    <Checkbox
      name="consent"
      kit={kit}
      register={register}
      label={
        <>
          Я даю согласие на обработку моих персональных данных в соответствии с{' '}
          <a href={privacyPolicyUrl} target="_blank" rel="noopener">
            политикой обработки персональных данных (откроется в новой вкладке)
          </a>
        </>
      }
      hint="Данные нужны только для того, чтобы рассмотреть обращение и ответить на него."
    />
  );
}

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

/** File input for attachments; the limits are stated in the hint. */
export function AttachmentsField({ kit, limits, inputRef }: { kit: FieldBase['kit']; limits: AttachmentLimits; inputRef: RefObject<HTMLInputElement | null> }) {
  return (
    <Field
      name="attachments"
      label="Файлы (необязательно)"
      kit={kit}
      hint={`Фото или сканы документов в формате JPG, PNG или PDF: до ${limits.maxFiles} файлов, каждый не больше ${limits.maxFileMb} МБ`}
    >
      {(a) => (
        <input
          className="file-input"
          type="file"
          multiple
          accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
          id={a.id}
          ref={inputRef}
          aria-describedby={a.describedBy}
          aria-invalid={a.invalid}
        />
      )}
    </Field>
  );
}

/** The submit button and the «sending» status for screen readers. */
export function SubmitButton({ sending, label, idPrefix }: { sending: boolean; label: string; idPrefix: string }) {
  return (
    <>
      <button className="button" type="submit" aria-describedby={sending ? `${idPrefix}-sending` : undefined}>
        {sending ? 'Отправляем…' : label}
      </button>
      {sending && (
        <p id={`${idPrefix}-sending`} className="hint" role="status">
          Отправляем, пожалуйста, подождите.
        </p>
      )}
    </>
  );
}

/** The parts of {@link useAppealForm}'s result that the form frame needs. */
export interface FormFrameKit {
  hydrated: boolean;
  summaryItems: ErrorSummaryItem[];
  summaryRef: RefObject<HTMLDivElement | null>;
  failure: string | null;
  refused: Refused | null;
  bannerRef: RefObject<HTMLDivElement | null>;
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>;
}

/** Ways to reach the company without the form, for the notice shown until the form's script has started. */
export interface FormAlternatives {
  hotline: string;
  /** The appeals address (letters to it are registered as appeals). */
  email: string;
  /** Subject of the prepared letter, e.g. «Вопрос». */
  mailSubject: string;
  /** A template of the letter's text, when the appeal needs particular facts (meter readings). */
  mailBody?: string;
  /** What the client came to do, e.g. «задать вопрос». */
  task: string;
}

/**
 * What surrounds every form's fields: the error summary, the failure and refusal banners, and the form whose
 * fieldset stays disabled until hydrated (without JavaScript the form cannot be sent, and must not leak data into a
 * URL) — with a notice saying why and offering the hotline and e-mail until then. `disabled` keeps the form closed
 * after hydration too (meter readings on a day they are not accepted).
 */
export function AppealFormFrame({
  kit,
  idPrefix,
  alternatives,
  refusalTitle = 'Сейчас обращение не может быть принято',
  disabled = false,
  className = 'appeal-form',
  children,
}: {
  kit: FormFrameKit;
  idPrefix: string;
  alternatives: FormAlternatives;
  refusalTitle?: string;
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const noticeId = `${idPrefix}-script-notice`;
  return (
    <div className={`${className} form-frame`} data-ready={kit.hydrated ? 'true' : undefined}>
      {kit.summaryItems.length > 0 && <ErrorSummary items={kit.summaryItems} summaryRef={kit.summaryRef} idPrefix={idPrefix} />}
      {kit.failure && <FailureBanner message={kit.failure} hotline={alternatives.hotline} bannerRef={kit.bannerRef} idPrefix={idPrefix} />}
      {kit.refused && !kit.failure && <RefusalBanner message={kit.refused.message} title={refusalTitle} bannerRef={kit.bannerRef} idPrefix={idPrefix} />}
      {!kit.hydrated && <ScriptNotice id={noticeId} {...alternatives} />}
      <form noValidate method="post" onSubmit={kit.onSubmit} aria-describedby={kit.hydrated ? undefined : noticeId}>
        <fieldset className="fieldset" disabled={!kit.hydrated || disabled}>
          {children}
        </fieldset>
      </form>
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
