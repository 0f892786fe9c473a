import type { CollectionSlug, Endpoint, Payload } from 'payload';
import { rolesOf } from '../access/roles';
import { toLocalIsoDateTime } from '@portal/core/time-zone';
import { formatStaffDateTime, moscowZoneLabel } from '../components/staff-dates';
import { loadCompany } from '../appeals/settings/settings';
import { COLLECTIONS } from '../slugs';
import { liveSince, type SiteBuildRow } from './site-build';

/** Where a document stands between the editor's «Опубликовать» and the public site. */
export type LiveState =
  | { kind: 'unsaved' }
  | { kind: 'not-published' }
  | { kind: 'live'; publishedAt: string; liveAt: string }
  | { kind: 'pending'; publishedAt: string }
  | { kind: 'failed'; publishedAt: string; error: string };

/** The live state of one document of a public collection. */
export async function liveStateOf(payload: Payload, collection: string, id: number | string | undefined): Promise<LiveState> {
  if (id === undefined || id === null || id === '') return { kind: 'unsaved' };
  // The main row holds the published version; a draft saved on top of it lives only in the versions table.
  const stored = (await payload.findByID({ collection: collection as CollectionSlug, id, draft: false, depth: 0, overrideAccess: true, disableErrors: true })) as {
    _status?: string | null;
    updatedAt?: string;
  } | null;
  if (!stored?.updatedAt) return { kind: 'not-published' };
  const drafts = Boolean(payload.collections[collection as CollectionSlug]?.config.versions?.drafts);
  if (drafts && stored._status !== 'published') return { kind: 'not-published' };
  const publishedAt = stored.updatedAt;
  const live = await liveSince(payload, publishedAt);
  if (live?.finishedAt) return { kind: 'live', publishedAt, liveAt: live.finishedAt };
  const failed = await payload.find({
    collection: COLLECTIONS.siteBuilds,
    where: { and: [{ status: { equals: 'failed' } }, { startedAt: { greater_than_equal: publishedAt } }] },
    sort: '-startedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  });
  const failure = failed.docs[0] as unknown as SiteBuildRow | undefined;
  const newer = await payload.count({
    collection: COLLECTIONS.siteBuilds,
    where: { status: { in: ['queued', 'running'] } },
    overrideAccess: true,
  });
  if (failure && newer.totalDocs === 0) return { kind: 'failed', publishedAt, error: failure.error ?? '' };
  return { kind: 'pending', publishedAt };
}

/** The state in one short Russian sentence, times in the company's time zone. */
export function describeLiveState(state: LiveState, timeZone: string, now: Date = new Date()): string {
  const at = (iso: string) => {
    const local = toLocalIsoDateTime(new Date(iso), timeZone);
    const today = toLocalIsoDateTime(now, timeZone).slice(0, 10);
    return local.slice(0, 10) === today ? `сегодня в ${local.slice(11, 16)} ${moscowZoneLabel(timeZone, new Date(iso))}` : formatStaffDateTime(iso, timeZone);
  };
  switch (state.kind) {
    case 'unsaved':
      return 'Документ ещё не сохранён.';
    case 'not-published':
      return 'На сайте не показывается: документ не опубликован.';
    case 'live':
      return `Опубликовано на сайте ${at(state.liveAt)}.`;
    case 'pending':
      return 'Ожидает сборки сайта: изменения появятся на сайте примерно через минуту.';
    case 'failed':
      return 'Сборка сайта не удалась, на сайте пока прежняя версия. Подробности — в разделе «Сборки сайта».';
  }
}

/** Convenience for the admin: the sentence for a document, in the company's time zone. */
export async function liveStateText(payload: Payload, collection: string, id: number | string | undefined): Promise<string> {
  const [state, company] = await Promise.all([liveStateOf(payload, collection, id), loadCompany(payload)]);
  return describeLiveState(state, company.timeZone);
}

/** True for collections whose documents carry the «На сайте» note (public content, cms/src/publishing/public-content.ts). */
export function hasLiveState(payload: Payload, collection: string): boolean {
  const config = payload.collections[collection as CollectionSlug]?.config;
  return Boolean(config?.fields.some((field) => 'name' in field && field.name === 'liveState'));
}

/**
 * GET /api/live-state?collection=faq&id=12: the «На сайте» note of one document, for the admin's sidebar to refresh
 * itself after a publish without reloading the page. Staff only, and only for a document the user may read.
 */
export const liveStateEndpoint: Endpoint = {
  path: '/live-state',
  method: 'get',
  handler: async (req) => {
    const headers = { 'Cache-Control': 'no-store' };
    if (rolesOf(req).length === 0) return Response.json({ message: 'Недостаточно прав.' }, { status: 403, headers });
    const params = new URL(req.url ?? 'http://x/').searchParams;
    const collection = params.get('collection') ?? '';
    const id = params.get('id') ?? '';
    if (!hasLiveState(req.payload, collection) || !/^[\w-]{1,64}$/.test(id)) return Response.json({ message: 'Документ не найден.' }, { status: 404, headers });
    // The user's own read access decides: a handler asking about a draft-only document learns nothing about it.
    const readable = await req.payload
      .findByID({ collection: collection as CollectionSlug, id, depth: 0, overrideAccess: false, user: req.user, draft: false, disableErrors: true })
      .catch(() => null);
    if (!readable) return Response.json({ message: 'Документ не найден.' }, { status: 404, headers });
    const [state, company] = await Promise.all([liveStateOf(req.payload, collection, id), loadCompany(req.payload)]);
    return Response.json({ kind: state.kind, text: describeLiveState(state, company.timeZone) }, { headers });
  },
};
