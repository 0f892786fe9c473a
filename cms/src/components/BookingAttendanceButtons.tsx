'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';

const LABELS: Record<string, string> = { attended: 'Пришёл', 'no-show': 'Не пришёл', booked: 'Записан' };

/**
 * «Пришёл» / «Не пришёл» on a row of «Приём по записи» (POST /api/booking-staff/attendance/:id checks the role and the day
 * again). A marked visit shows its mark and «Отменить отметку».
 */
export function BookingAttendanceButtons({ id, code, state, canMark }: { id: number | string; code: string; state: string; canMark: boolean }) {
  const router = useRouter();
  const [current, setCurrent] = useState(state);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mark = async (next: string) => {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/booking-staff/attendance/${encodeURIComponent(String(id))}`, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ state: next }) });
      const answer = (await response.json().catch(() => ({}))) as { message?: string; state?: string };
      if (!response.ok) setError(answer.message ?? 'Не удалось сохранить отметку. Пожалуйста, попробуйте ещё раз.');
      else {
        setCurrent(answer.state ?? next);
        router.refresh();
      }
    } catch {
      setError('Нет связи с сервером. Пожалуйста, попробуйте ещё раз.');
    } finally {
      setBusy(false);
    }
  };
  const errorId = `attendance-error-${String(id)}`;
  return (
    <div className="portal-booking-mark">
      <span className={`portal-booking-state portal-booking-state--${current}`}>{LABELS[current] ?? current}</span>
      {canMark ? (
        <span className="portal-booking-mark__buttons">
          {current === 'booked' ? (
            <>
              <button type="button" className="btn btn--style-secondary btn--size-small" disabled={busy} aria-label={`Пришёл: запись ${code}`} aria-describedby={error ? errorId : undefined} onClick={() => void mark('attended')}>Пришёл</button>{' '}
              <button type="button" className="btn btn--style-secondary btn--size-small" disabled={busy} aria-label={`Не пришёл: запись ${code}`} aria-describedby={error ? errorId : undefined} onClick={() => void mark('no-show')}>Не пришёл</button>
            </>
          ) : (
            <button type="button" className="btn btn--style-secondary btn--size-small" disabled={busy} aria-label={`Отменить отметку: запись ${code}`} onClick={() => void mark('booked')}>Отменить отметку</button>
          )}
        </span>
      ) : null}
      {error ? <p role="alert" id={errorId} className="portal-field__error">{error}</p> : null}
    </div>
  );
}
