'use client';
import { useState } from 'react';
import { Button, useDocumentInfo } from '@payloadcms/ui';

/**
 * «Заполнить цифрами из обращений»: asks the CMS to put the counts of the report's quarter into the draft
 * (POST /api/quarterly-reports/:id/fill) and reloads the page to show them.
 */
export function FillQuarterlyReportButton() {
  const { id } = useDocumentInfo();
  const [state, setState] = useState<{ kind: 'idle' | 'busy' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  if (id === undefined || id === null) {
    return <p>Чтобы заполнить отчёт цифрами, пожалуйста, укажите квартал и сохраните черновик.</p>;
  }

  const fill = async () => {
    setState({ kind: 'busy' });
    try {
      const response = await fetch(`/api/quarterly-reports/${encodeURIComponent(String(id))}/fill`, { method: 'POST', credentials: 'include' });
      const body = (await response.json().catch(() => ({}))) as { message?: string };
      if (!response.ok) throw new Error(body.message || 'Не удалось заполнить отчёт. Пожалуйста, попробуйте ещё раз.');
      window.location.reload();
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div style={{ marginBlock: '1rem' }}>
      <Button buttonStyle="secondary" disabled={state.kind === 'busy'} onClick={() => void fill()}>
        Заполнить цифрами из обращений
      </Button>
      <p style={{ marginTop: '0.5rem' }}>Берутся данные отчёта по обращениям за выбранный квартал и предыдущий; текущие цифры черновика заменяются.</p>
      {state.kind === 'error' ? <p role="alert">{state.message}</p> : null}
    </div>
  );
}
