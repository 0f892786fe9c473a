import { Forbidden, type CollectionBeforeChangeHook } from 'payload';
import { canPublish } from '../../../access/roles';

/**
 * Second line behind the access rule: whatever the request looks like, a save by someone who may not publish
 * never leaves the document published. Server-side writes without a user (seed, jobs) are not affected.
 */
export const refusePublishingByNonEditors: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (!req.user || canPublish(req)) return data;
  const status = data._status ?? (originalDoc as { _status?: string } | undefined)?._status;
  if (status === 'published') throw new Forbidden(req.t);
  return data;
};
