'use client';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button } from '@payloadcms/ui';

/** Target states a handler may choose, with their Russian names (from the core state machine). */
export interface AllowedTransition {
  value: string;
  label: string;
}

const REASONS = [
  { value: 'abusive', label: 'Нецензурные или оскорбительные выражения' },
  { value: 'unreadable', label: 'Текст не поддаётся прочтению' },
  { value: 'repeated', label: 'Повторное обращение без новых доводов' },
];

/** Which target states require a comment (the server checks the same through the shared schema). */
const COMMENT_REQUIRED = new Set(['not-considered', 'needs-info', 'postponed', 'extended']);

/**
 * The handler's transition form: pick the next state, fill in what it needs, send it to
 * POST /api/appeals/:id/transition with the state the page showed (a change by someone else meanwhile is refused). The server's Russian message is shown when the step is refused.
 */
export function AppealTransitionForm({
  appealId,
  currentState,
  allowed,
  templates = [],
  suggestedGroup = '',
  earlierAnswered = [],
}: {
  appealId: string;
  /** The state this page shows: sent along, so a change by someone else meanwhile is refused, not overridden. */
  currentState: string;
  allowed: AllowedTransition[];
  templates?: AllowedTransition[];
  suggestedGroup?: string;
  /** Numbers of the same client's answered appeals, offered for a «repeated» rejection. */
  earlierAnswered?: string[];
}) {
  const base = useId();
  const [to, setTo] = useState(allowed[0]?.value ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  // The page is server-rendered: until React has taken it over, a choice made in the select would not show the
  // fields that state needs, so the controls stay disabled until then.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (allowed.length === 0) return <p style={{ margin: 0 }}>Обращение закрыто: дальнейшие переходы не предусмотрены.</p>;

  const submit = async () => {
    const body: Record<string, string> = { to, from: currentState };
    const controls = containerRef.current?.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input[name], select[name], textarea[name]') ?? [];
    for (const control of controls) if (control.name !== 'to' && control.value.trim() !== '') body[control.name] = control.value;
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/appeals/${encodeURIComponent(appealId)}/transition`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.ok) {
        window.location.reload();
        return;
      }
      const result = (await response.json().catch(() => ({}))) as { message?: string };
      setError(result.message ?? 'Не удалось выполнить переход. Пожалуйста, попробуйте ещё раз.');
    } catch {
      setError('Нет связи с сервером. Пожалуйста, попробуйте ещё раз.');
    } finally {
      setBusy(false);
    }
    errorRef.current?.focus();
  };

  const errorId = `${base}-error`;
  const field = (name: string, label: string, control: (id: string) => ReactNode) => (
    <div style={{ marginTop: '0.5rem' }}>
      <label htmlFor={`${base}-${name}`} style={{ display: 'block', fontWeight: 600 }}>
        {label}
      </label>
      {control(`${base}-${name}`)}
    </div>
  );
  const invalid = error ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {};

  return (
    // Not a <form>: this sits inside the admin's document form, and a nested form is invalid HTML — the browser
    // drops it when parsing the server-rendered page, and the button would then submit the page itself.
    <div role="form" aria-label="Перевод обращения в другое состояние" ref={containerRef}>
      {field('to', 'Следующее состояние', (id) => (
        <select id={id} name="to" value={to} disabled={!hydrated} onChange={(event) => setTo(event.target.value)}>
          {allowed.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ))}
      {to === 'rejected' ? (
        <>
          {field('reason', 'Основание для отказа', (id) => (
            <select id={id} name="reason" defaultValue="" required {...invalid}>
              <option value="" disabled>
                Выберите основание
              </option>
              {REASONS.map((reason) => (
                <option key={reason.value} value={reason.value}>
                  {reason.label}
                </option>
              ))}
            </select>
          ))}
          {field('earlierAppeal', 'Номер прежнего обращения (для повторного)', (id) => (
            <>
              <input id={id} name="earlierAppeal" type="text" maxLength={40} list={`${id}-options`} {...invalid} />
              <datalist id={`${id}-options`}>
                {earlierAnswered.map((number) => (
                  <option key={number} value={number} />
                ))}
              </datalist>
            </>
          ))}
        </>
      ) : null}
      {to === 'routed' ? field('group', 'Группа исполнителей', (id) => <input id={id} name="group" type="text" required maxLength={100} defaultValue={suggestedGroup} {...invalid} />) : null}
      {to === 'extended' ? field('newDeadline', 'Новый срок ответа', (id) => <input id={id} name="newDeadline" type="date" required {...invalid} />) : null}
      {to === 'answered' && templates.length > 0
        ? field('template', 'Шаблон письма', (id) => (
            <select id={id} name="template" defaultValue="">
              <option value="">Без шаблона</option>
              {templates.map((template) => (
                <option key={template.value} value={template.value}>
                  {template.label}
                </option>
              ))}
            </select>
          ))
        : null}
      {to === 'answered' ? field('answer', 'Текст ответа заявителю', (id) => <textarea id={id} name="answer" rows={8} required maxLength={20000} {...invalid} />) : null}
      {field('comment', COMMENT_REQUIRED.has(to) ? (to === 'extended' ? 'Причина продления (её увидит заявитель)' : 'Комментарий (обязательно)') : 'Комментарий (по желанию)', (id) => (
        <textarea id={id} name="comment" rows={3} maxLength={2000} required={COMMENT_REQUIRED.has(to)} {...invalid} />
      ))}
      {error ? (
        <p id={errorId} ref={errorRef} tabIndex={-1} role="alert" style={{ color: 'var(--theme-error-700, #a00)', marginTop: '0.5rem' }}>
          {error}
        </p>
      ) : null}
      <div style={{ marginTop: '0.75rem' }}>
        <Button type="button" buttonStyle="primary" disabled={busy || !hydrated} onClick={() => void submit()}>
          Выполнить переход
        </Button>
      </div>
    </div>
  );
}
