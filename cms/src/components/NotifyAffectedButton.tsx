'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@payloadcms/ui';

type Outcome = { sent: number; alreadySent: number; withoutEmail: number };


/** «Уведомить клиентов» (POST /api/booking-staff/notify): one apology per affected booking, sent once. */
export function NotifyAffectedButton({ officeId, count }: { officeId: string; count: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const notify = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const response = await fetch('/api/booking-staff/notify', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ office: officeId }) });
      const answer = (await response.json().catch(() => ({}))) as Partial<Outcome> & { message?: string };
      if (!response.ok) {
        setMessage({ text: answer.message ?? 'Не удалось отправить письма. Пожалуйста, попробуйте ещё раз.', error: true });
        return;
      }
      const sent = answer.sent ?? 0;
      const parts = [sent > 0 ? `Писем отправлено: ${sent}; эти записи отменены.` : 'Новых писем нет: все клиенты с e-mail уже уведомлены.'];
      if (answer.alreadySent) parts.push(`Уже уведомлены раньше: ${answer.alreadySent}.`);
      if (answer.withoutEmail) parts.push(`Без e-mail: ${answer.withoutEmail} — позвоните этим клиентам.`);
      setMessage({ text: parts.join(' '), error: false });
      router.refresh();
    } catch {
      setMessage({ text: 'Нет связи с сервером. Пожалуйста, попробуйте ещё раз.', error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <Button disabled={busy || count === 0} onClick={() => void notify()}>Уведомить клиентов</Button>
      {message ? <p role={message.error ? 'alert' : 'status'}>{message.text}</p> : null}
    </div>
  );
}
