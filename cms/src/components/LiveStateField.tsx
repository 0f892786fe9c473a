import type { UIFieldServerProps } from 'payload';
import { liveStateOf, describeLiveState } from '../publishing/live-state';
import { loadCompany } from '../appeals/settings/settings';
import { LiveStateNote } from './LiveStateNote';

/**
 * Sidebar note on every public document: is the published version on the site yet («опубликовано на сайте
 * сегодня в 14:02 МСК», «ожидает сборки»). The first text comes with the page; the note then follows the document
 * by itself (cms/src/components/LiveStateNote.tsx).
 */
export async function LiveStateField({ payload, id, collectionSlug }: UIFieldServerProps) {
  const [state, company] = await Promise.all([liveStateOf(payload, collectionSlug, id), loadCompany(payload)]);
  return <LiveStateNote collection={collectionSlug} id={id === undefined || id === null ? null : String(id)} initialKind={state.kind} initialText={describeLiveState(state, company.timeZone)} />;
}
