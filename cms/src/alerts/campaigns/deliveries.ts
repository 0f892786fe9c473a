/**
 * A recipient's result in a campaign: `planned` (row stored, letter not yet handed to the outbox), `queued` (in
 * the outbox, not yet accepted by the mail server), `sent` (the SMTP relay accepted it), `failed` (the relay refused
 * it and the window closed before a retry got through: what this portal can call «bounced»), `skipped` (the
 * subscriber unsubscribed before their turn), `not-sent` (the window closed or the campaign was cancelled first).
 */
export const DELIVERY_STATES = ['planned', 'queued', 'sent', 'failed', 'skipped', 'not-sent'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const DELIVERY_STATE_LABELS: Record<DeliveryState, string> = {
  planned: 'Ожидает очереди',
  queued: 'В очереди на отправку',
  sent: 'Отправлено',
  failed: 'Не принято почтовым сервером',
  skipped: 'Пропущено: клиент отписался',
  'not-sent': 'Не отправлено: окно рассылки закрылось',
};

/** The outbox group of a campaign's letters (hold/release/count). */
export const campaignGroup = (campaignId: number | string): string => `campaign:${campaignId}`;

/** The delivery row's unique key and the outbox letter's dedupe key: one letter per recipient and campaign. */
export const deliveryKey = (campaignId: number | string, recipient: string): string => `campaign:${campaignId}:${recipient}`;
