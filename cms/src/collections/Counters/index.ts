import type { CollectionConfig } from 'payload';
import { isAdmin, isNobody } from '../../access/roles';
import { COLLECTIONS } from '../../slugs';

/**
 * Named sequences (e.g. registration numbers per appeal type and year). Incremented atomically in the
 * database (see appeals/sequence.ts), never through the API.
 */
export const Counters: CollectionConfig = {
  slug: COLLECTIONS.counters,
  labels: { singular: 'Счётчик', plural: 'Счётчики номеров' },
  admin: { hidden: true },
  custom: { accessProfile: 'internal' },
  access: { read: isAdmin, create: isNobody, update: isNobody, delete: isNobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'value', type: 'number', required: true, defaultValue: 0 },
  ],
};
