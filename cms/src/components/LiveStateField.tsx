import type { UIFieldServerProps } from 'payload';
import { liveStateText } from '../publishing/live-state';

/**
 * Sidebar note on every public document: is the published version on the site yet («опубликовано на сайте
 * сегодня в 14:02», «ожидает сборки»). Rendered on the server with the local API each time the form loads or saves.
 */
export async function LiveStateField({ payload, id, collectionSlug }: UIFieldServerProps) {
  const text = await liveStateText(payload, collectionSlug, id);
  return (
    <div className="field-type portal-live-state" style={{ marginBottom: 'var(--base)' }}>
      <p className="field-label" style={{ fontWeight: 600, margin: 0 }}>
        На сайте
      </p>
      <p role="status" style={{ margin: '0.25rem 0 0' }}>
        {text}
      </p>
    </div>
  );
}
