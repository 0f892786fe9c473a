import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormRegister } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { checkAttachments, type AttachmentLimits } from '@portal/core/attachments';
import { formFieldIds, type FormFieldIds } from '../../lib/form-fields';
import { submitForm, type SubmitOutcome } from '../../lib/form-submit';
import { startHumanCheck } from '../../lib/human-check';

/** The submission state machine of every appeal form: validate with the shared schema, send, show the server's per-field errors. */

export type Registered = Extract<SubmitOutcome, { kind: 'registered' }>;
export type Refused = Extract<SubmitOutcome, { kind: 'refused' }>;

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
