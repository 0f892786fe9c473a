import type { Endpoint, Payload } from 'payload';
import { SUGGESTION_COUNTER_KEYS, SuggestionEventSchema } from '@portal/core/faq-suggestions';
import { recordSuggestionEvent } from '../appeals/handling/faq-suggestion-stats';
import { COLLECTIONS } from '../slugs';
import { asRequest } from './payload-request';

/**
 * `POST /api/forms/suggestion-event`: counts «a suggestion was opened» and «the question was sent after
 * opening one». Only the counters change (atomic increments); nothing about the visitor is stored.
 */
export const suggestionEventEndpoint: Endpoint = {
  path: '/forms/suggestion-event',
  method: 'post',
  handler: async (req) => {
    let body: unknown;
    try {
      body = await asRequest(req).json();
    } catch {
      body = null;
    }
    const parsed = SuggestionEventSchema.safeParse(body);
    if (!parsed.success) return Response.json({ message: 'Неизвестное событие.' }, { status: 400 });
    await recordSuggestionEvent(req.payload, parsed.data.event);
    return new Response(null, { status: 204 });
  },
};

/** The all-time counts: opened, sent after opening, and not sent after opening (per period: appeals/faq-suggestion-stats.ts). */
export async function suggestionStats(payload: Payload) {
  const found = await payload.find({ collection: COLLECTIONS.counters, where: { key: { in: Object.values(SUGGESTION_COUNTER_KEYS) } }, overrideAccess: true, depth: 0 });
  const value = (key: string) => Number((found.docs as unknown as { key: string; value: number }[]).find((doc) => doc.key === key)?.value ?? 0);
  const opened = value(SUGGESTION_COUNTER_KEYS.opened);
  const sent = value(SUGGESTION_COUNTER_KEYS['sent-after-opening']);
  return { opened, sentAfterOpening: sent, notSentAfterOpening: Math.max(0, opened - sent) };
}
