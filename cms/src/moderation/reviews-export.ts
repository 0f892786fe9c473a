import type { Payload } from 'payload';
import type { ExportReview } from '@portal/core/review';
import { COLLECTIONS } from '../slugs';

type Id = number | string;

/**
 * Approved reviews for the site export, newest first: field by field from a whitelist, so the author's e-mail, the
 * consent and the moderation record never reach the public build whatever the collection gains later.
 */
export async function exportApprovedReviews(payload: Payload, officeSlugs: ReadonlyMap<Id, string>): Promise<ExportReview[]> {
  const found = await payload.find({ collection: COLLECTIONS.reviews, where: { moderationState: { equals: 'approved' } }, sort: '-approvedAt', pagination: false, depth: 0, overrideAccess: true });
  return found.docs.map((raw) => {
    const row = raw as unknown as Record<string, unknown> & { id: Id };
    const reply = row.officialReply as { text?: string | null; at?: string | null } | null | undefined;
    const office = row.office === null || row.office === undefined ? null : (officeSlugs.get(row.office as Id) ?? null);
    return {
      id: String(row.id),
      rating: Number(row.rating),
      channel: row.channel as ExportReview['channel'],
      office,
      authorName: String(row.authorName ?? ''),
      text: String(row.text ?? ''),
      approvedAt: String(row.approvedAt ?? row.updatedAt ?? ''),
      redacted: Array.isArray(row.redactions) && row.redactions.length > 0,
      officialReply: reply?.text ? { text: reply.text, at: reply.at ?? null } : null,
    };
  });
}
