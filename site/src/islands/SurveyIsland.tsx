import '../lib/zod-csp';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

type View = { kind: 'form'; error?: string } | { kind: 'sending' } | { kind: 'done'; message: string } | { kind: 'no-token' };

const FAILURE = 'Не удалось отправить оценку. Пожалуйста, попробуйте ещё раз чуть позже.';
const RATINGS = [
  { value: '5', label: '5 — отлично' },
  { value: '4', label: '4 — хорошо' },
  { value: '3', label: '3 — удовлетворительно' },
  { value: '2', label: '2 — плохо' },
  { value: '1', label: '1 — очень плохо' },
];

/**
 * The satisfaction rating of a closed appeal, opened from the survey e-mail: the token is in the address fragment
 * (never sent to a server log) and goes with the rating to POST /api/forms/survey.
 */
export function SurveyIsland() {
  const base = useId();
  const [token, setToken] = useState<string | null>(null);
  const [view, setView] = useState<View>({ kind: 'form' });
  const messageRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const found = new URLSearchParams(window.location.hash.slice(1)).get('t');
    if (found) setToken(found);
    else setView({ kind: 'no-token' });
  }, []);
  useEffect(() => {
    if (view.kind === 'done' || (view.kind === 'form' && view.error)) messageRef.current?.focus();
  }, [view]);

  if (view.kind === 'no-token') {
    return <p>Чтобы оценить ответ, пожалуйста, откройте ссылку из письма, которое пришло после рассмотрения обращения.</p>;
  }
  if (view.kind === 'done') {
    return (
      <div className="panel" role="status" ref={messageRef} tabIndex={-1}>
        <p>{view.message}</p>
      </div>
    );
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const rating = String(form.get('rating') ?? '');
    if (!rating) {
      setView({ kind: 'form', error: 'Выберите, пожалуйста, оценку от 1 до 5.' });
      return;
    }
    setView({ kind: 'sending' });
    try {
      const response = await fetch('/api/forms/survey', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ token, rating: Number(rating), comment: String(form.get('comment') ?? '') }),
      });
      const body = (await response.json().catch(() => null)) as { message?: string } | null;
      if (response.status === 201 || response.status === 409) setView({ kind: 'done', message: body?.message ?? 'Спасибо!' });
      else setView({ kind: 'form', error: body?.message ?? FAILURE });
    } catch {
      setView({ kind: 'form', error: FAILURE });
    }
  };

  const error = view.kind === 'form' ? view.error : undefined;
  const errorId = `${base}-error`;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Оценка ответа на обращение">
      {error ? (
        <div className="panel" role="alert" id={errorId} ref={messageRef} tabIndex={-1}>
          <p>{error}</p>
        </div>
      ) : null}
      <fieldset aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
        <legend>Насколько вы довольны ответом и обслуживанием?</legend>
        {RATINGS.map((rating) => (
          <div key={rating.value}>
            <input type="radio" id={`${base}-r${rating.value}`} name="rating" value={rating.value} />
            <label htmlFor={`${base}-r${rating.value}`}>{rating.label}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${base}-comment`}>Комментарий (по желанию)</label>
        <textarea id={`${base}-comment`} name="comment" rows={4} maxLength={2000} />
      </div>
      <button type="submit" disabled={view.kind === 'sending'}>
        {view.kind === 'sending' ? 'Отправляем…' : 'Отправить оценку'}
      </button>
    </form>
  );
}
