'use client';
import { useCallback, useEffect, useState } from 'react';
import { Button, useAuth, useDocumentInfo } from '@payloadcms/ui';

/**
 * The campaign's live figures and its buttons (GET /api/alert-campaigns/:id/progress every 3 s while it can change;
 * POST …/transition). Which buttons show follows the roles; the server decides anyway (core/src/alert-campaign.ts).
 */

interface Progress {
  state: string;
  stateLabel: string;
  recipients: number;
  byState: Record<string, number>;
  outbox: { pending: number; held: number; sent: number; cancelled: number; failing: number };
  unsubscribedSince: number;
}

const LIVE_STATES = ['approved', 'running', 'paused'];

const ACTIONS: { to: string; from: string[]; label: string; roles: string[] }[] = [
  { to: 'awaiting-approval', from: ['draft'], label: 'Отправить на утверждение', roles: ['editor', 'manager', 'admin'] },
  { to: 'approved', from: ['awaiting-approval'], label: 'Утвердить', roles: ['manager', 'admin'] },
  { to: 'draft', from: ['awaiting-approval'], label: 'Вернуть на доработку', roles: ['manager', 'admin'] },
  { to: 'paused', from: ['running'], label: 'Приостановить', roles: ['editor', 'manager', 'admin'] },
  { to: 'running', from: ['paused'], label: 'Возобновить', roles: ['manager', 'admin'] },
  { to: 'cancelled', from: ['draft', 'awaiting-approval', 'approved', 'running', 'paused'], label: 'Отменить рассылку', roles: ['manager', 'admin'] },
];

export function CampaignMonitor() {
  const { id } = useDocumentInfo();
  const { user } = useAuth();
  const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[];
  const [progress, setProgress] = useState<Progress | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    if (id === undefined || id === null) return;
    const response = await fetch(`/api/alert-campaigns/${encodeURIComponent(String(id))}/progress`, { credentials: 'include', cache: 'no-store' });
    if (response.ok) setProgress((await response.json()) as Progress);
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (!progress || !LIVE_STATES.includes(progress.state)) return;
    const timer = setInterval(() => void load(), 3000);
    return () => clearInterval(timer);
  }, [progress, load]);

  if (id === undefined || id === null) return <p>Сохраните рассылку, чтобы отправить её на утверждение.</p>;
  if (!progress) return <p>Загружаем состояние рассылки…</p>;

  const move = async (to: string) => {
    setBusy(true);
    setMessage(null);
    try {
      const response = await fetch(`/api/alert-campaigns/${encodeURIComponent(String(id))}/transition`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ to }),
      });
      const body = (await response.json().catch(() => ({}))) as { message?: string };
      if (!response.ok) setMessage(body.message ?? 'Не получилось. Пожалуйста, попробуйте ещё раз.');
      else window.location.reload();
    } finally {
      setBusy(false);
    }
  };

  const b = progress.byState;
  const rows: [string, number][] = [
    ['Получателей', progress.recipients],
    ['Ожидают очереди', b.planned ?? 0],
    ['В очереди на отправку', progress.outbox.pending + progress.outbox.held],
    ['Отправлено', progress.outbox.sent || b.sent || 0],
    ['Отказ почтового сервера, повторяем', progress.outbox.failing],
    ['Не приняты почтовым сервером (итог)', b.failed ?? 0],
    ['Пропущены: клиент отписался', b.skipped ?? 0],
    ['Не отправлены: окно закрылось', b['not-sent'] ?? 0],
    ['Отписались с начала рассылки', progress.unsubscribedSince],
  ];
  const actions = ACTIONS.filter((action) => action.from.includes(progress.state) && action.roles.some((role) => roles.includes(role)));
  const canReadAddresses = roles.includes('manager') || roles.includes('admin');

  return (
    <section aria-labelledby="campaign-monitor-title" style={{ marginBlock: '1rem', maxWidth: '40rem' }}>
      <h3 id="campaign-monitor-title">Ход рассылки: {progress.stateLabel}</h3>
      <table style={{ width: '100%', borderCollapse: 'collapse' }}>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row" style={{ textAlign: 'left', fontWeight: 'normal', padding: '0.25rem 0.5rem 0.25rem 0' }}>{label}</th>
              <td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {LIVE_STATES.includes(progress.state) ? <p style={{ fontSize: 'small' }}>Цифры обновляются каждые 3 секунды.</p> : null}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', marginTop: '0.5rem' }}>
        {actions.map((action) => (
          <Button key={action.to} buttonStyle={action.to === 'cancelled' ? 'secondary' : 'primary'} disabled={busy} onClick={() => void move(action.to)}>
            {action.label}
          </Button>
        ))}
      </div>
      {canReadAddresses ? (
        <p>
          <a href={`/api/alert-campaigns/${encodeURIComponent(String(id))}/report`}>Итоги по каждому получателю (CSV)</a>
        </p>
      ) : null}
      {message ? <p role="alert">{message}</p> : null}
    </section>
  );
}
