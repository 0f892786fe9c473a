import { describe, expect, it } from 'vitest';
import { PageCycleError, pageDepthMessage, pagePath, pageSegments, subtreeHeight, type PageNode } from './page-tree';

const pages: PageNode[] = [
  { id: 1, slug: 'fizlicam', parent: null },
  { id: 2, slug: 'uslugi', parent: 1 },
  { id: 3, slug: 'dogovor', parent: 2 },
  { id: 4, slug: 'obrazcy', parent: 3 },
];
const byId = new Map(pages.map((page) => [page.id, page]));

describe('page tree', () => {
  it('builds paths from the parent chain', () => {
    expect(pagePath(pages[3]!, byId)).toBe('/fizlicam/uslugi/dogovor/obrazcy/');
    expect(subtreeHeight(1, pages)).toBe(3);
    expect(subtreeHeight(4, pages)).toBe(0);
  });

  it('accepts four levels and refuses a fifth with a clear Russian message', () => {
    expect(pageDepthMessage(['fizlicam', 'uslugi', 'dogovor', 'obrazcy'], 0)).toBeNull();
    const message = pageDepthMessage(['fizlicam', 'uslugi', 'dogovor', 'obrazcy', 'lishnyaya'], 0);
    expect(message).toContain('/fizlicam/uslugi/dogovor/obrazcy/lishnyaya/');
    expect(message).toContain('не должны быть вложены глубже 4 уровней');
  });

  it('counts the subtree when a section moves', () => {
    expect(pageDepthMessage(['yurlicam', 'uslugi'], 3)).toContain('вместе с подстраницами заняла бы 5 уровней');
  });

  it('refuses a loop in the parent chain', () => {
    const looped = new Map(byId);
    looped.set(1, { id: 1, slug: 'fizlicam', parent: 4 });
    expect(() => pageSegments(pages[3]!, looped)).toThrow(PageCycleError);
  });
});
