'use client';
import { useState } from 'react';
import { Button } from '@payloadcms/ui';

/**
 * «Подготовить резюме для сайта»: asks the CMS for a draft summary of this complaint
 * (POST /api/appeals/:id/complaint-summary) and opens it for editing. An editor publishes it.
 */
export function PrepareSummaryButton({ appealId }: { appealId: string }) {
  const [state, setState] = useState<{ kind: 'idle' | 'busy' } | { kind: 'error'; message: string }>({ kind: 'idle' });

  const prepare = async () => {
    setState({ kind: 'busy' });
    try {
      const response = await fetch(`/api/appeals/${encodeURIComponent(appealId)}/complaint-summary`, { method: 'POST', credentials: 'include' });
      const body = (await response.json().catch(() => ({}))) as { adminUrl?: string; message?: string };
      if (!response.ok || !body.adminUrl) throw new Error(body.message || 'Не удалось подготовить резюме. Пожалуйста, обновите страницу и попробуйте ещё раз.');
      window.location.assign(body.adminUrl);
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div>
      <Button buttonStyle="secondary" disabled={state.kind === 'busy'} onClick={() => void prepare()}>
        Подготовить резюме для сайта
      </Button>
      <p style={{ marginTop: '0.5rem' }}>
        Будет создан черновик с темой и месяцем ответа и нейтральным текстом без персональных данных. Его можно
        дополнить; опубликует резюме редактор.
      </p>
      {state.kind === 'error' ? <p role="alert">{state.message}</p> : null}
    </div>
  );
}
