import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload';
import { rebuildSearchIndex } from '../../../search/engine';

/** FAQ search documents carry their topic's title: re-index when a topic changes or goes away. */
export const reindexFaqAfterTopicChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (req.context.seeding || operation === 'create') return doc;
  if (previousDoc?.title === doc.title && previousDoc?.slug === doc.slug) return doc;
  await rebuildSearchIndex(req.payload).catch((error: unknown) => req.payload.logger.error({ err: error }, 'search re-index failed'));
  return doc;
};

export const reindexFaqAfterTopicDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await rebuildSearchIndex(req.payload).catch((error: unknown) => req.payload.logger.error({ err: error }, 'search re-index failed'));
  return doc;
};
