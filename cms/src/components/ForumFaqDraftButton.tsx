'use client';
import { useState } from 'react';
import { Button, useAuth, useDocumentInfo } from '@payloadcms/ui';

/**
 * «Сделать черновик вопроса FAQ» on a forum post (editors and administrators): asks the CMS for a FAQ draft made from
 * the post, personal data edited out (POST /api/forum-posts/:id/faq-draft), and opens it for the editor to finish.
 */
export function ForumFaqDraftButton() {
  const { id } = useDocumentInfo();
  const { user } = useAuth();
  const [state, setState] = useState<'idle' | 'busy' | 'error'>('idle');
  const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[];
  if (id === undefined || id === null || !roles.some((role) => role === 'editor' || role === 'admin')) return null;

  const create = async () => {
    setState('busy');
    try {
      const response = await fetch(`/api/forum-posts/${encodeURIComponent(String(id))}/faq-draft`, { method: 'POST', credentials: 'include' });
      if (!response.ok) throw new Error(String(response.status));
      const { adminUrl } = (await response.json()) as { adminUrl: string };
      window.location.assign(adminUrl);
    } catch {
      setState('error');
    }
  };

  return (
    <div style={{ marginBlock: '1rem' }}>
      <Button buttonStyle="secondary" disabled={state === 'busy'} onClick={() => void create()}>
        Сделать черновик вопроса FAQ
      </Button>
      <p style={{ marginTop: '0.5rem' }}>
        Вопросом станет заголовок темы, ответом — текст сообщения без персональных данных. Черновик нужно проверить и опубликовать.
      </p>
      {state === 'error' ? <p role="alert">Не удалось сделать черновик: сообщение должно быть опубликовано. Обновите страницу и попробуйте ещё раз.</p> : null}
    </div>
  );
}
