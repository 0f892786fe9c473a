import type { CollectionConfig } from 'payload';
import { isAdmin, isNobody } from '../../access/roles';
import { COLLECTIONS } from '../../slugs';

/**
 * Spent proof-of-work challenges of the public forms (ALTCHA): one row per solved challenge that led to a
 * registration, kept until the challenge would expire anyway. In the database, not in memory, so a
 * solution cannot be replayed against another CMS instance or after a restart. Written only by
 * appeals/human-check-once.ts; never through the API.
 */
export const HumanCheckUses: CollectionConfig = {
  slug: COLLECTIONS.humanCheckUses,
  labels: { singular: 'Использованная проверка', plural: 'Использованные проверки форм' },
  admin: { hidden: true },
  custom: { accessProfile: 'internal' },
  access: { read: isAdmin, create: isNobody, update: isNobody, delete: isNobody },
  fields: [
    // SHA-256 of the challenge's signature: unique per issued challenge, and no use to anyone who reads it.
    { name: 'challengeHash', type: 'text', required: true, unique: true, index: true },
    // The Idempotency-Key of the submission that spent it: a retry of that same submission may pass again.
    { name: 'idempotencyKey', type: 'text' },
    { name: 'expiresAt', type: 'date', required: true, index: true },
  ],
};
