'use client';
import { useRef, useState } from 'react';
import { Button } from '@payloadcms/ui';

/** A letter the handler may send again, with its button label. */
export interface ResendableLetterOption {
  letter: 'confirmation' | 'answer';
  label: string;
}

/**
 * «Отправить повторно» for the robot's letters that were sent: POST /api/appeals/:id/resend names the letter only;
 * the server sends it to the address stored with the appeal and records the request in the audit log.
 */
export function AppealResendButtons({ appealId, letters, email }: { appealId: string; letters: ResendableLetterOption[]; email: string }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  if (letters.length === 0) return null;

  const resend = async (letter: ResendableLetterOption['letter']) => {
    setBusy(true);
    setMessage(null);
    try {
      const response = await fetch(`/api/appeals/${encodeURIComponent(appealId)}/resend`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ letter }),
      });
      const result = (await response.json().catch(() => ({}))) as { message?: string };
      setMessage({ ok: response.ok, text: result.message ?? (response.ok ? 'Письмо поставлено в очередь.' : 'Не удалось отправить письмо повторно. Пожалуйста, попробуйте ещё раз.') });
    } catch {
      setMessage({ ok: false, text: 'Нет связи с сервером. Пожалуйста, попробуйте ещё раз.' });
    } finally {
      setBusy(false);
      requestAnimationFrame(() => messageRef.current?.focus());
    }
  };

  return (
    <div className="portal-appeal__resend" role="group" aria-label="Повторная отправка писем">
      <p className="portal-appeal__muted">Письмо уйдёт на адрес, указанный заявителем: {email}. Повторная отправка записывается в журнал.</p>
      {letters.map((option) => (
        <Button key={option.letter} type="button" buttonStyle="secondary" size="small" disabled={busy} onClick={() => void resend(option.letter)}>
          {option.label}
        </Button>
      ))}
      {message ? (
        <p ref={messageRef} tabIndex={-1} role={message.ok ? 'status' : 'alert'} className={message.ok ? 'portal-appeal__muted' : 'portal-field__error'}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
