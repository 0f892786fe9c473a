import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { SanitizedCollectionConfig } from 'payload';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAnyone, isEditorOrAdmin, publishedOrEditors } from '../src/access/roles';
import { COLLECTIONS } from '../src/slugs';

/**
 * publicContent() is the one source of the access map and the versions of public content: no collection restates
 * them, so a change to the factory reaches every one. Checked on the live config, collection by collection.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let collections: SanitizedCollectionConfig[];

beforeAll(async () => {
  Object.assign(process.env, {
    PAYLOAD_SECRET: 'test-secret-test-secret-test-secret-1234',
    DATABASE_URL: `file:${path.join(os.tmpdir(), 'portal-public-content-unused.db')}`,
    PORTAL_ROOT: ROOT,
    JOBS_AUTORUN: 'off',
    LOG_LEVEL: 'silent',
  });
  const { default: config } = await import('../src/payload.config');
  collections = (await config).collections;
});

/** Collections made by publicContent() carry its sidebar note. */
const isPublicContent = (collection: SanitizedCollectionConfig) => collection.fields.some((field) => 'name' in field && field.name === 'liveState');

describe('public content collections', () => {
  it('are the site’s content collections', () => {
    const slugs = collections.filter(isPublicContent).map((collection) => collection.slug);
    expect(slugs.sort()).toEqual(
      [
        COLLECTIONS.pages,
        COLLECTIONS.faq,
        COLLECTIONS.topics,
        COLLECTIONS.territories,
        COLLECTIONS.tariffPeriods,
        COLLECTIONS.unregulatedPrices,
        COLLECTIONS.offices,
        COLLECTIONS.news,
        COLLECTIONS.complaintSummaries,
        COLLECTIONS.quarterlyReports,
        COLLECTIONS.documents,
        COLLECTIONS.usefulLinks,
        COLLECTIONS.redirects,
        COLLECTIONS.questionnaires,
      ].sort(),
    );
  });

  it('with drafts: the public reads what is published, editors do the rest, with scheduled publishing and at most 20 versions', () => {
    const withDrafts = collections.filter((collection) => isPublicContent(collection) && collection.custom?.accessProfile === 'public-content');
    expect(withDrafts.length).toBeGreaterThanOrEqual(9);
    for (const collection of withDrafts) {
      const { access, versions } = collection;
      expect({ slug: collection.slug, read: access.read, create: access.create, update: access.update, delete: access.delete, readVersions: access.readVersions }).toEqual({
        slug: collection.slug,
        read: publishedOrEditors,
        create: isEditorOrAdmin,
        update: isEditorOrAdmin,
        delete: isEditorOrAdmin,
        readVersions: isEditorOrAdmin,
      });
      expect(versions && versions.drafts && versions.drafts.schedulePublish, collection.slug).toBeTruthy();
      expect(versions && versions.maxPerDoc, collection.slug).toBeGreaterThan(0);
      expect(versions && versions.maxPerDoc, collection.slug).toBeLessThanOrEqual(20);
    }
  });

  it('without drafts (reference lists): anyone reads, editors change, no versions', () => {
    const reference = collections.filter((collection) => isPublicContent(collection) && collection.custom?.accessProfile === 'public-reference');
    expect(reference.map((collection) => collection.slug).sort()).toEqual([COLLECTIONS.territories, COLLECTIONS.topics].sort());
    for (const collection of reference) {
      expect([collection.access.read, collection.access.create, collection.access.update, collection.access.delete]).toEqual([isAnyone, isEditorOrAdmin, isEditorOrAdmin, isEditorOrAdmin]);
      expect(collection.versions, collection.slug).toBeFalsy();
    }
  });
});
