'use client';
import { useEffect, useRef, useState } from 'react';
import { useDocumentInfo } from '@payloadcms/ui';

/** How often the note asks again while the site is being rebuilt, and for how long at most. */
const POLL_MS = 3_000;
const POLL_FOR_MS = 10 * 60_000;

/**
 * «На сайте» in the sidebar, kept current without a reload: asked again (GET /api/live-state) whenever the document
 * is saved or published, and every few seconds while a site build is pending, until the change is online or the
 * build failed. The text is a polite live region, so the change is announced once.
 */
export function LiveStateNote({ collection, id, initialKind, initialText }: { collection: string; id: string | null; initialKind: string; initialText: string }) {
  const { data, lastUpdateTime } = useDocumentInfo();
  const [note, setNote] = useState({ kind: initialKind, text: initialText });
  const savedAt = (data as { updatedAt?: string } | undefined)?.updatedAt ?? String(lastUpdateTime ?? '');
  const firstRender = useRef(true);

  useEffect(() => {
    if (!id) return;
    // The first text came with the page; ask again only after a save, or while a build is pending.
    if (firstRender.current && initialKind !== 'pending') {
      firstRender.current = false;
      return;
    }
    firstRender.current = false;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const startedAt = Date.now();
    const ask = async () => {
      try {
        const response = await fetch(`/api/live-state?collection=${encodeURIComponent(collection)}&id=${encodeURIComponent(id)}`, { credentials: 'include', cache: 'no-store' });
        if (response.ok && !stopped) {
          const next = (await response.json()) as { kind: string; text: string };
          setNote((current) => (current.kind === next.kind && current.text === next.text ? current : next));
          if (next.kind !== 'pending') return;
        }
      } catch {
        // Offline for a moment: the next round asks again.
      }
      if (!stopped && Date.now() - startedAt < POLL_FOR_MS) timer = setTimeout(() => void ask(), POLL_MS);
    };
    void ask();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
    // `savedAt` changes with every save or publish of this document.
  }, [collection, id, savedAt, initialKind]);

  return (
    <div className="field-type portal-live-state">
      <p className="field-label portal-live-state__label">На сайте</p>
      <p role="status" aria-live="polite" className={`portal-live-state__text portal-live-state__text--${note.kind}`}>
        {note.text}
      </p>
    </div>
  );
}
