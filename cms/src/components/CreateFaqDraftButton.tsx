'use client';
import { useState } from 'react';
import { Button, useDocumentInfo } from '@payloadcms/ui';

/**
 * «Создать черновик вопроса» on a search-query row: asks the CMS to make a FAQ draft from the query
 * (POST /api/search-queries/:id/faq-draft) and opens it for editing.
 */
export function CreateFaqDraftButton() {
  const { id } = useDocumentInfo();
  const [state, setState] = useState<'idle' | 'busy' | 'error'>('idle');
  if (id === undefined || id === null) return null;

  const create = async () => {
    setState('busy');
    try {
      const response = await fetch(`/api/search-queries/${encodeURIComponent(String(id))}/faq-draft`, {
        method: 'POST',
        credentials: 'include',
      });
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
        Создать черновик вопроса
      </Button>
      <p style={{ marginTop: '0.5rem' }}>
        Черновик получит этот запрос как вопрос; тему и ответ можно будет заполнить перед публикацией.
      </p>
      {state === 'error' ? (
        <p role="alert">Не удалось создать черновик. Пожалуйста, обновите страницу и попробуйте ещё раз.</p>
      ) : null}
    </div>
  );
}
