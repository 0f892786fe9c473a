'use client';
import './zod-csp';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Button } from '@payloadcms/ui';
import { TransitionRequestSchema } from '@portal/core/appeal-state';

/** An option of a choice in the form (target states, templates, groups), with its Russian name. */
export interface AllowedTransition {
  value: string;
  label: string;
}

const REASONS = [
  { value: 'abusive', label: 'Нецензурные или оскорбительные выражения' },
  { value: 'unreadable', label: 'Текст не поддаётся прочтению' },
  { value: 'repeated', label: 'Повторное обращение без новых доводов' },
  { value: 'secret', label: 'Ответ невозможен без разглашения охраняемой законом тайны' },
];

/** Which target states require a comment (the shared schema checks the same on both sides). */
const COMMENT_REQUIRED = new Set(['not-considered', 'needs-info', 'postponed', 'extended']);

/** Fields of the form, in the order they appear: the first one with an error takes the focus. */
const FIELD_ORDER = ['to', 'reason', 'earlierAppeal', 'group', 'newDeadline', 'template', 'answer', 'comment'] as const;
type FieldName = (typeof FIELD_ORDER)[number];

/**
 * The handler's transition form: pick the next state, fill in what it needs, send it to
 * POST /api/appeals/:id/transition with the state the page showed (a change by someone else meanwhile is refused).
 * The request is checked here with the same schema the server uses, so a missing field is named at the field
 * itself before anything is sent; the server's answer is shown the same way (per field when it names one).
 * Payload's own field styles (`field-type`, labels, error colours) and button, native controls.
 */
export function AppealTransitionForm({
  appealId,
  currentState,
  allowed,
  templates = [],
  groups = [],
  suggestedGroup = '',
  earlierAnswered = [],
  extension,
}: {
  appealId: string;
  /** The state this page shows: sent along, so a change by someone else meanwhile is refused, not overridden. */
  currentState: string;
  allowed: AllowedTransition[];
  templates?: AllowedTransition[];
  /** Handler groups in use (topics and their territory rules); empty when none is configured. */
  groups?: string[];
  /** The group the routing rules give this appeal, chosen in advance. */
  suggestedGroup?: string;
  /** Numbers of the same client's answered appeals, offered for a «repeated» rejection. */
  earlierAnswered?: string[];
  /** How far the deadlines table lets the term be extended: the latest date (the input's maximum) and the rule. */
  extension?: { latest: string | null; text: string };
}) {
  const base = useId();
  const [to, setTo] = useState(allowed[0]?.value ?? '');
  const [values, setValues] = useState<Partial<Record<FieldName, string>>>({ group: suggestedGroup });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const formErrorRef = useRef<HTMLParagraphElement>(null);
  // The page is server-rendered: until React has taken it over, a choice made in the select would not show the
  // fields that state needs, so the controls stay disabled until then.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (allowed.length === 0) return <p className="portal-transition__closed">Обращение закрыто: дальнейшие переходы не предусмотрены.</p>;

  const idOf = (name: FieldName) => `${base}-${name}`;
  const set = (name: FieldName, value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    if (errors[name]) setErrors((current) => ({ ...current, [name]: undefined }));
  };
  const focusFirst = (found: Partial<Record<FieldName, string>>) => {
    const first = FIELD_ORDER.find((name) => found[name]);
    // After React has rendered the messages, so the field is announced with its message.
    if (first) requestAnimationFrame(() => containerRef.current?.querySelector<HTMLElement>(`#${CSS.escape(idOf(first))}`)?.focus());
  };

  const visible = new Set<FieldName>(['to', 'comment']);
  if (to === 'rejected') ['reason', 'earlierAppeal'].forEach((name) => visible.add(name as FieldName));
  if (to === 'routed') visible.add('group');
  if (to === 'extended') visible.add('newDeadline');
  if (to === 'answered') ['template', 'answer'].forEach((name) => visible.add(name as FieldName));

  const submit = async () => {
    const body: Record<string, string> = { to };
    for (const name of visible) {
      const value = values[name]?.trim();
      if (name !== 'to' && value) body[name] = value;
    }
    const checked = TransitionRequestSchema.safeParse(body);
    if (!checked.success) {
      const found: Partial<Record<FieldName, string>> = {};
      for (const issue of checked.error.issues) {
        const name = String(issue.path[0] ?? 'to') as FieldName;
        found[FIELD_ORDER.includes(name) ? name : 'to'] ??= issue.message;
      }
      setErrors(found);
      setFormError(null);
      focusFirst(found);
      return;
    }
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      const response = await fetch(`/api/appeals/${encodeURIComponent(appealId)}/transition`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...body, from: currentState }),
      });
      if (response.ok) {
        window.location.reload();
        return;
      }
      const result = (await response.json().catch(() => ({}))) as { message?: string; issues?: { path: string; message: string }[] };
      const found: Partial<Record<FieldName, string>> = {};
      for (const issue of result.issues ?? []) if ((FIELD_ORDER as readonly string[]).includes(issue.path)) found[issue.path as FieldName] ??= issue.message;
      if (Object.keys(found).length > 0) {
        setErrors(found);
        focusFirst(found);
      } else {
        setFormError(result.message ?? 'Не удалось выполнить переход. Пожалуйста, попробуйте ещё раз.');
        requestAnimationFrame(() => formErrorRef.current?.focus());
      }
    } catch {
      setFormError('Нет связи с сервером. Пожалуйста, попробуйте ещё раз.');
      requestAnimationFrame(() => formErrorRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  // Enter in a one-line field sends this form, not the admin's document form around it (which would save the page).
  const onEnter = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (!busy) void submit();
  };

  const field = (name: FieldName, kind: 'portal-select' | 'text' | 'textarea', label: string, required: boolean, control: (props: Record<string, unknown>) => ReactNode, hint?: string) => {
    const id = idOf(name);
    const error = errors[name];
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div className={`field-type ${kind} portal-field${error ? ' error' : ''}`} key={name}>
        <label className="field-label" htmlFor={id}>
          {label}
          {required ? <span className="required">*</span> : null}
        </label>
        <div className="field-type__wrap">
          {hint ? (
            <p id={`${id}-hint`} className="field-description portal-field__hint">
              {hint}
            </p>
          ) : null}
          {control({ id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, 'aria-required': required || undefined, disabled: !hydrated || busy })}
          {error ? (
            <p id={`${id}-error`} className="portal-field__error">
              {error}
            </p>
          ) : null}
        </div>
      </div>
    );
  };

  const groupChoices = [...new Set([...groups, ...(suggestedGroup ? [suggestedGroup] : [])])].sort((a, b) => a.localeCompare(b, 'ru'));
  const commentRequired = COMMENT_REQUIRED.has(to);

  return (
    // Not a <form>: this sits inside the admin's document form, and a nested form is invalid HTML — the browser
    // drops it when parsing the server-rendered page, and the button would then submit the page itself.
    <div role="form" aria-label="Перевод обращения в другое состояние" ref={containerRef} className="portal-transition">
      <div className="portal-transition__row">
        {field('to', 'portal-select', 'Следующее состояние', true, (props) => (
          <select
            {...props}
            className="portal-control"
            value={to}
            onChange={(event) => {
              setTo(event.target.value);
              setErrors({});
              setFormError(null);
            }}
          >
            {allowed.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        ))}
        {to === 'routed'
          ? groupChoices.length > 0
            ? field(
                'group',
                'portal-select',
                'Группа исполнителей',
                true,
                (props) => (
                  <select {...props} className="portal-control" value={values.group ?? ''} onChange={(event) => set('group', event.target.value)}>
                    <option value="">Выберите группу</option>
                    {groupChoices.map((group) => (
                      <option key={group} value={group}>
                        {group}
                        {group === suggestedGroup ? ' (по правилам)' : ''}
                      </option>
                    ))}
                  </select>
                ),
                suggestedGroup ? `По теме и территории обращения: ${suggestedGroup}.` : 'Для темы этого обращения группа не задана: выберите подходящую.',
              )
            : field(
                'group',
                'text',
                'Группа исполнителей',
                true,
                (props) => <input {...props} type="text" maxLength={100} value={values.group ?? ''} onChange={(event) => set('group', event.target.value)} onKeyDown={onEnter} />,
                'Группы исполнителей ещё не заданы в темах обращений: впишите название группы.',
              )
          : null}
        {to === 'rejected'
          ? field('reason', 'portal-select', 'Основание для отказа', true, (props) => (
              <select {...props} className="portal-control" value={values.reason ?? ''} onChange={(event) => set('reason', event.target.value)}>
                <option value="">Выберите основание</option>
                {REASONS.map((reason) => (
                  <option key={reason.value} value={reason.value}>
                    {reason.label}
                  </option>
                ))}
              </select>
            ))
          : null}
        {to === 'extended'
          ? field('newDeadline', 'text', 'Новый срок ответа', true, (props) => (
              <input {...props} type="date" className="portal-control" max={extension?.latest ?? undefined} value={values.newDeadline ?? ''} onChange={(event) => set('newDeadline', event.target.value)} onKeyDown={onEnter} />
            ), extension ? `${/[.!?]$/.test(extension.text) ? extension.text : `${extension.text}.`} Причина продления будет сообщена заявителю.` : undefined)
          : null}
        {to === 'answered' && templates.length > 0
          ? field('template', 'portal-select', 'Шаблон письма', false, (props) => (
              <select {...props} className="portal-control" value={values.template ?? ''} onChange={(event) => set('template', event.target.value)}>
                <option value="">Без шаблона</option>
                {templates.map((template) => (
                  <option key={template.value} value={template.value}>
                    {template.label}
                  </option>
                ))}
              </select>
            ))
          : null}
      </div>
      {to === 'rejected'
        ? field(
            'earlierAppeal',
            'text',
            'Номер прежнего обращения (для повторного)',
            values.reason === 'repeated',
            (props) => (
              <>
                <input {...props} type="text" maxLength={40} list={`${base}-earlier`} value={values.earlierAppeal ?? ''} onChange={(event) => set('earlierAppeal', event.target.value)} onKeyDown={onEnter} />
                <datalist id={`${base}-earlier`}>
                  {earlierAnswered.map((number) => (
                    <option key={number} value={number} />
                  ))}
                </datalist>
              </>
            ),
          )
        : null}
      {to === 'answered'
        ? field('answer', 'textarea', 'Текст ответа заявителю', true, (props) => (
            <textarea {...props} rows={8} maxLength={20000} value={values.answer ?? ''} onChange={(event) => set('answer', event.target.value)} />
          ))
        : null}
      {field(
        'comment',
        'textarea',
        commentRequired ? (to === 'extended' ? 'Причина продления (её увидит заявитель)' : 'Комментарий') : 'Комментарий (по желанию)',
        commentRequired,
        (props) => <textarea {...props} rows={3} maxLength={2000} value={values.comment ?? ''} onChange={(event) => set('comment', event.target.value)} />,
      )}
      {formError ? (
        <p ref={formErrorRef} tabIndex={-1} role="alert" className="portal-field__error portal-transition__error">
          {formError}
        </p>
      ) : null}
      <div className="portal-transition__actions">
        <Button type="button" buttonStyle="primary" size="medium" disabled={busy || !hydrated} onClick={() => void submit()}>
          Выполнить переход
        </Button>
      </div>
    </div>
  );
}
