import '../lib/zod-csp';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

/** What the CMS answers for an appeal (GET or POST /api/forms/status): the state and nothing personal. */
interface AppealStatus {
  registrationNumber: string;
  stateLabel: string;
  deadlineText: string;
  extensionReason?: string;
  answer?: string;
}

type View = { kind: 'idle' } | { kind: 'loading' } | { kind: 'found'; status: AppealStatus } | { kind: 'error'; message: string };

const FAILURE = 'Не удалось получить сведения. Пожалуйста, попробуйте ещё раз чуть позже.';

async function readStatus(response: Response): Promise<View> {
  const body = (await response.json().catch(() => null)) as (AppealStatus & { message?: string }) | null;
  if (response.ok && body?.stateLabel) return { kind: 'found', status: body };
  return { kind: 'error', message: body?.message ?? FAILURE };
}

/**
 * The client's appeal status without an account: opened from the private link in the confirmation e-mail (the token
 * is in the address fragment and never reaches a server log), or found by registration number plus the e-mail or
 * phone given in the appeal.
 */
export function AppealStatusIsland({ hotline }: { hotline: string }) {
  const base = useId();
  const [view, setView] = useState<View>({ kind: 'idle' });
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const token = new URLSearchParams(window.location.hash.slice(1)).get('t');
    if (!token) return;
    setView({ kind: 'loading' });
    fetch(`/api/forms/status?token=${encodeURIComponent(token)}`, { headers: { Accept: 'application/json' } })
      .then(readStatus, () => ({ kind: 'error', message: FAILURE }) as View)
      .then(setView);
  }, []);

  useEffect(() => {
    if (view.kind === 'found' || view.kind === 'error') resultRef.current?.focus();
  }, [view]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setView({ kind: 'loading' });
    try {
      const response = await fetch('/api/forms/status', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ number: String(form.get('number') ?? ''), contact: String(form.get('contact') ?? '') }),
      });
      setView(await readStatus(response));
    } catch {
      setView({ kind: 'error', message: FAILURE });
    }
  };

  const errorId = `${base}-error`;
  const invalid = view.kind === 'error' ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {};
  return (
    <div className="appeal-status">
      {view.kind === 'found' ? (
        <div className="panel" ref={resultRef} tabIndex={-1} aria-labelledby={`${base}-title`}>
          <h2 id={`${base}-title`}>Обращение № {view.status.registrationNumber}</h2>
          <dl>
            <dt>Состояние</dt>
            <dd>{view.status.stateLabel}</dd>
            <dt>Срок ответа</dt>
            <dd>{view.status.deadlineText}</dd>
            {view.status.extensionReason ? (
              <>
                <dt>Почему срок продлён</dt>
                <dd>{view.status.extensionReason}</dd>
              </>
            ) : null}
          </dl>
          {view.status.answer ? (
            <>
              <h3>Ответ</h3>
              <p style={{ whiteSpace: 'pre-wrap' }}>{view.status.answer}</p>
            </>
          ) : null}
        </div>
      ) : null}
      {view.kind === 'error' ? (
        <div className="panel" role="alert" id={errorId} ref={resultRef} tabIndex={-1}>
          <p>{view.message}</p>
          <p>Если вопрос срочный, пожалуйста, позвоните по телефону {hotline}.</p>
        </div>
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate aria-label="Поиск обращения по номеру">
        <h2>Найти обращение по номеру</h2>
        <p>Укажите регистрационный номер из письма и e-mail или телефон, которые вы указали в обращении.</p>
        <div className="field">
          <label htmlFor={`${base}-number`}>Регистрационный номер</label>
          <input id={`${base}-number`} name="number" type="text" required maxLength={40} autoComplete="off" placeholder="В-2026-000123" {...invalid} />
        </div>
        <div className="field">
          <label htmlFor={`${base}-contact`}>E-mail или телефон</label>
          <input id={`${base}-contact`} name="contact" type="text" required maxLength={200} autoComplete="email" {...invalid} />
        </div>
        <button type="submit" disabled={view.kind === 'loading'}>
          {view.kind === 'loading' ? 'Ищем…' : 'Показать состояние'}
        </button>
      </form>
    </div>
  );
}
