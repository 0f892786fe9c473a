import { APIError, ValidationError, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook, type Payload } from 'payload';
import { PageCycleError, pageDepthMessage, pageSegments, subtreeHeight, type PageNode } from '@portal/core/page-tree';
import { COLLECTIONS } from '../../../slugs';

type Id = number | string;
const idOf = (value: unknown): Id | null => {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'object') return ((value as { id?: Id }).id ?? null) as Id | null;
  return value as Id;
};

/** Every page's place in the tree (drafts included: an unpublished section still holds its pages). */
export async function loadPageNodes(payload: Payload): Promise<PageNode[]> {
  const result = await payload.find({
    collection: COLLECTIONS.pages,
    pagination: false,
    depth: 0,
    draft: true,
    overrideAccess: true,
    select: { slug: true, parent: true },
  });
  return result.docs.map((doc) => {
    const page = doc as unknown as { id: Id; slug: string; parent?: unknown };
    return { id: page.id, slug: page.slug, parent: idOf(page.parent) };
  });
}

/**
 * Refuses a page whose path would be deeper than four levels, counting its whole subtree when a section is
 * moved or renamed; refuses a parent loop and a slug already used by a sibling. Runs on every save.
 */
export const checkPageTree: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation }) => {
  const id: Id = operation === 'update' && originalDoc ? (originalDoc as { id: Id }).id : '__new__';
  const slug = String(data.slug ?? (originalDoc as { slug?: string } | undefined)?.slug ?? '');
  const parent = 'parent' in data ? idOf(data.parent) : idOf((originalDoc as { parent?: unknown } | undefined)?.parent);
  const nodes = (await loadPageNodes(req.payload)).filter((node) => String(node.id) !== String(id));
  const self: PageNode = { id, slug, parent };
  const all = [...nodes, self];
  const byId = new Map<Id, PageNode>(all.map((node) => [node.id, node]));
  const fail = (path: string, message: string): never => {
    throw new ValidationError({ collection: COLLECTIONS.pages, errors: [{ path, message }], req });
  };
  if (parent !== null && String(parent) === String(id)) fail('parent', 'Страницу нельзя вложить в саму себя. Пожалуйста, выберите другой родительский раздел.');
  let segments: string[] = [];
  try {
    segments = pageSegments(self, byId);
  } catch (error) {
    if (error instanceof PageCycleError) fail('parent', error.message);
    throw error;
  }
  const message = pageDepthMessage(segments, operation === 'update' ? subtreeHeight(id, all) : 0);
  if (message) fail('parent', message);
  const sibling = nodes.find((node) => node.slug === slug && String(node.parent ?? '') === String(parent ?? ''));
  if (sibling) fail('slug', `В этом разделе уже есть страница с адресом «${slug}». Пожалуйста, выберите другой адрес.`);
  return data;
};

/** A section with pages inside cannot be deleted: its pages would lose their place in the site. */
export const refuseDeletingParents: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const children = await req.payload.count({ collection: COLLECTIONS.pages, where: { parent: { equals: id } }, overrideAccess: true });
  if (children.totalDocs > 0) {
    throw new APIError('В этом разделе есть подстраницы. Пожалуйста, сначала перенесите или удалите их.', 400, undefined, true);
  }
};
