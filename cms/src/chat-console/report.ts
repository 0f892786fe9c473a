import type { Payload } from 'payload';
import { buildChatReport, type ChatFaqCounts, type ChatReport, type ChatReportRow } from '@portal/core/chat/chat-report';
import { CHAT_COUNTERS } from '../chat/service';
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
    select: { createdAt: true, queuedAt: true, acceptedAt: true, closedAt: true, rating: true, appeal: true } as never,
  });
  const rows: ChatReportRow[] = (found.docs as unknown as { createdAt: string; queuedAt?: string | null; acceptedAt?: string | null; closedAt?: string | null; rating?: number | null; appeal?: unknown }[])
    .filter((doc) => {
      const date = timeZoneDate(doc.createdAt);
      return date >= period.from && date <= period.to;
    })
    .map((doc) => ({ startedAt: doc.createdAt, queuedAt: doc.queuedAt ?? null, acceptedAt: doc.acceptedAt ?? null, closedAt: doc.closedAt ?? null, rating: doc.rating ?? null, appeal: doc.appeal ?? null }));
  return buildChatReport(rows, await loadFaqCounts(payload, period));
}

/** The FAQ day counters (`<key>@YYYY-MM-DD`, company-local dates) summed over the period's days. */
export async function loadFaqCounts(payload: Payload, period: { from: string; to: string }): Promise<ChatFaqCounts> {
  const days: string[] = [];
  for (let day = period.from; day <= period.to && days.length < 400; day = shift(day, 1).slice(0, 10)) days.push(day);
  const keys = { offered: CHAT_COUNTERS.faqOffered, helped: CHAT_COUNTERS.faqHelped, notHelped: CHAT_COUNTERS.faqNotHelped } as const;
  const found = await payload.find({
    collection: COLLECTIONS.counters,
    where: { key: { in: Object.values(keys).flatMap((key) => days.map((day) => `${key}@${day}`)) } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  });
  const counts: ChatFaqCounts = { offered: 0, helped: 0, notHelped: 0 };
  for (const doc of found.docs as unknown as { key: string; value: number }[]) {
    const name = (Object.keys(keys) as (keyof typeof keys)[]).find((field) => doc.key.startsWith(`${keys[field]}@`));
    if (name) counts[name] += Number(doc.value) || 0;
  }
  return counts;
}

function shift(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString();
}
