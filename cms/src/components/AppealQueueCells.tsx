import { cache } from 'react';
import type { Payload } from 'payload';
import { robotSettings } from '../appeals/settings/settings-cache';
import { COLLECTIONS } from '../slugs';

/** What Payload passes to a list cell rendered on the server. */
interface CellProps {
  cellData?: unknown;
  rowData?: Record<string, unknown>;
  payload: Payload;
}

/** Characters of the appeal's text shown under the applicant's name in the queue. */
export const PREVIEW_LENGTH = 90;

/** The first words of an appeal's text on one line, cut at a word boundary with «…». */
export function textPreview(text: unknown, length = PREVIEW_LENGTH): string {
  if (typeof text !== 'string') return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:—-]+$/, '')}…`;
}

/** The applicant's name and, under it, the beginning of the text: what the appeal is about, without opening it. */
export function ApplicantCell({ cellData, rowData }: CellProps) {
  const preview = textPreview(rowData?.text);
  return (
    <span className="portal-queue__applicant">
      <span className="portal-queue__name">{typeof cellData === 'string' ? cellData : ''}</span>
      {preview ? <span className="portal-queue__preview">{preview}</span> : null}
    </span>
  );
}

// One lookup per staff member per request, however many rows they are assigned to.
const staffName = cache(async (payload: Payload, id: string): Promise<string> => {
  const user = (await payload.findByID({ collection: COLLECTIONS.users, id, depth: 0, overrideAccess: true, disableErrors: true }).catch(() => null)) as { name?: string | null; email?: string | null } | null;
  return user?.name || user?.email || `сотрудник № ${id}`;
});

/** «Не назначено» instead of Payload's empty-value label when nobody is assigned. */
export async function AssigneeCell({ cellData, payload }: CellProps) {
  const id = typeof cellData === 'object' && cellData !== null ? (cellData as { id?: unknown }).id : cellData;
  if (id === null || id === undefined || id === '') return <span className="portal-queue__none">Не назначено</span>;
  return <span>{await staffName(payload, String(id))}</span>;
}

/** The handler group, or «Не назначена». */
export function HandlerGroupCell({ cellData }: CellProps) {
  return typeof cellData === 'string' && cellData.trim() ? <span>{cellData}</span> : <span className="portal-queue__none">Не назначена</span>;
}

/** The territory's name («г. Ясноборск») instead of its slug. */
export async function TerritoryCell({ cellData, payload }: CellProps) {
  if (typeof cellData !== 'string' || !cellData) return <span className="portal-queue__none">Не указан</span>;
  const settings = await robotSettings(payload);
  return <span>{settings.territoryNamesBySlug.get(cellData) ?? cellData}</span>;
}
