'use client';
import { useId, useState } from 'react';
import { Button, useAuth, useDocumentInfo } from '@payloadcms/ui';

const ANSWERERS = ['handler', 'moderator', 'admin'];

/**
 * «Ответ сотрудника» on a forum thread's admin page (handlers, moderators, administrators): the text is saved as a post
 * of the thread (POST /api/forum-posts), which the server marks as the company's answer, publishes at once and
 * announces to the thread's author. Shown only for a thread on the site and open.
 */
export function ForumStaffAnswer() {
  const { id, data } = useDocumentInfo() as { id?: number | string | null; data?: { state?: string; moderationState?: string } };
  const { user } = useAuth();
  const fieldId = useId();
  const [text, setText] = useState('');
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'error'>('idle');
  const [message, setMessage] = useState('');
  const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[];
  if (id === undefined || id === null || !roles.some((role) => ANSWERERS.includes(role))) return null;
  if (data?.moderationState !== 'approved') return <p>Ответить можно после того, как тема будет одобрена.</p>;
  if (data?.state === 'closed') return <p>Тема закрыта: новые сообщения в ней не принимаются.</p>;

  const send = async () => {
    setState('busy');
    try {
      const response = await fetch('/api/forum-posts', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ thread: id, text }),
      });
      const body = (await response.json().catch(() => ({}))) as { errors?: { message?: string }[]; message?: string };
      if (!response.ok) throw new Error(body.errors?.[0]?.message ?? body.message ?? 'Не удалось сохранить ответ.');
      setText('');
      setState('done');
      setMessage('Ответ опубликован: он появится на странице темы после пересборки сайта (обычно за несколько секунд). Автор темы получит письмо.');
    } catch (error) {
      setState('error');
      setMessage(error instanceof Error ? error.message : 'Не удалось сохранить ответ.');
    }
  };

  return (
    <section aria-labelledby={`${fieldId}-title`} style={{ marginBlock: '1.5rem' }}>
      <h3 id={`${fieldId}-title`}>Ответ сотрудника</h3>
      <label htmlFor={fieldId} style={{ display: 'block', marginBottom: '0.5rem' }}>
        Текст ответа (публикуется сразу с пометкой «Ответ сотрудника»; не пишите персональных данных клиента)
      </label>
      <textarea id={fieldId} value={text} onChange={(event) => setText(event.target.value)} rows={6} maxLength={3000} style={{ width: '100%' }} />
      <Button buttonStyle="primary" disabled={state === 'busy' || text.trim().length < 2} onClick={() => void send()}>
        Опубликовать ответ
      </Button>
      {message ? <p role={state === 'error' ? 'alert' : 'status'}>{message}</p> : null}
    </section>
  );
}
