import type { Payload } from 'payload';
import { buildChatReport, type ChatReport, type ChatReportRow } from '@portal/core/chat/chat-report';
import { COLLECTIONS } from '../slugs';

/**
 * The chat section of the appeals report: every conversation started in the period (by its company-local date),
 * with or without an appeal (core/src/chat/chat-report.ts does the arithmetic).
 */
export async function loadChatReport(payload: Payload, period: { from: string; to: string }, timeZoneDate: (instant: string) => string): Promise<ChatReport> {
  const found = await payload.find({
    collection: COLLECTIONS.chatConversations,
    // A day's margin on both sides covers every zone; rows are then kept by their company-local date.
    where: { and: [{ createdAt: { greater_than_equal: shift(period.from, -1) } }, { createdAt: { less_than: shift(period.to, 2) } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { createdAt: true, queuedAt: true, acceptedAt: true, closedAt: true, answeredByFaq: true, rating: true, appeal: true } as never,
  });
  const rows: ChatReportRow[] = (found.docs as unknown as { createdAt: string; queuedAt?: string | null; acceptedAt?: string | null; closedAt?: string | null; answeredByFaq?: boolean | null; rating?: number | null; appeal?: unknown }[])
    .filter((doc) => {
      const date = timeZoneDate(doc.createdAt);
      return date >= period.from && date <= period.to;
    })
    .map((doc) => ({ startedAt: doc.createdAt, queuedAt: doc.queuedAt ?? null, acceptedAt: doc.acceptedAt ?? null, closedAt: doc.closedAt ?? null, answeredByFaq: doc.answeredByFaq ?? false, rating: doc.rating ?? null, appeal: doc.appeal ?? null }));
  return buildChatReport(rows);
}

function shift(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString();
}
