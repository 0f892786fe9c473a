import type { UIFieldServerProps } from 'payload';
import { canSummarise } from '../appeals/handling/complaint-summary-draft';
import { COLLECTIONS } from '../slugs';
import { PrepareSummaryButton } from './PrepareSummaryButton';

/**
 * On an answered or closed complaint: «Подготовить резюме для сайта», or a link to the summary drafted earlier.
 * Nothing for other appeals.
 */
export async function ComplaintSummaryAction({ payload, id, user }: UIFieldServerProps) {
  if (id === undefined || id === null) return null;
  const roles = ((user as { roles?: string[] } | null | undefined)?.roles ?? []) as string[];
  if (!roles.includes('handler') && !roles.includes('admin')) return null;
  const appeal = (await payload.findByID({ collection: COLLECTIONS.appeals, id, depth: 0, overrideAccess: true, disableErrors: true }).catch(() => null)) as { type?: string; status?: string } | null;
  if (!appeal || !canSummarise(appeal)) return null;
  const existing = await payload.find({ collection: COLLECTIONS.complaintSummaries, where: { appeal: { equals: id } }, draft: true, depth: 0, limit: 1, overrideAccess: true });
  const summary = existing.docs[0] as { id: number | string; _status?: string } | undefined;
  return (
    <section aria-labelledby="complaint-summary-title" style={{ marginBottom: 'calc(var(--base) * 1.5)' }}>
      <h2 id="complaint-summary-title" style={{ fontSize: '1.1rem', margin: '0 0 0.5rem' }}>
        Резюме для сайта
      </h2>
      {summary ? (
        <p>
          Резюме уже подготовлено ({summary._status === 'published' ? 'опубликовано' : 'черновик'}):{' '}
          <a href={`/admin/collections/${COLLECTIONS.complaintSummaries}/${encodeURIComponent(String(summary.id))}`}>открыть резюме</a>.
        </p>
      ) : (
        <PrepareSummaryButton appealId={String(id)} />
      )}
    </section>
  );
}
