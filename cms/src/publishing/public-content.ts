import type { CollectionConfig, Field, GlobalConfig } from 'payload';
import { isAnyone, isEditorOrAdmin, isStaffField, publishedOrEditors } from '../access/roles';
import { auditAfterChange, auditAfterDelete, auditAfterGlobalChange } from '../audit/hooks';
import { redirectOnMoveHooks, type PublicPath } from './redirects';
import { rebuildSiteAfterChange, rebuildSiteAfterDelete, rebuildSiteAfterGlobalChange, rememberPublishedState } from './hooks';

/** Options of {@link publicContent}. */
export interface PublicContentOptions {
  /** Adds the «Проверить до» date for time-sensitive content (tariffs, offices, outage news, contacts). */
  reviewBy?: boolean;
  /**
   * Drafts, versions and scheduled publishing (default true). Off only for reference lists that must exist the
   * moment they are saved (the topic classifier also drives the form and routing); their saves rebuild the site.
   */
  drafts?: boolean;
  /** The document's address on the site; when it changes on publish, a redirect from the old one is added. */
  publicPath?: PublicPath;
}

/** Sidebar note with the document's state on the site (cms/src/components/LiveStateField.tsx). */
export const liveStateField: Field = {
  name: 'liveState',
  type: 'ui',
  admin: { position: 'sidebar', components: { Field: '/components/LiveStateField#LiveStateField' } },
};

/** «Проверить до»: after this date the entry is listed as overdue for review. */
export const reviewByField: Field = {
  name: 'reviewBy',
  label: 'Проверить до',
  type: 'date',
  index: true,
  // An editorial date, not content: anonymous readers of the CMS API do not see it.
  access: { read: isStaffField },
  admin: {
    position: 'sidebar',
    date: { pickerAppearance: 'dayOnly', displayFormat: 'dd.MM.yyyy' },
    description: 'Когда сведения нужно перепроверить. Просроченные материалы видны на главной странице админки.',
  },
};

/**
 * Makes a collection public content in one line: drafts and versions with scheduled publish and unpublish,
 * anonymous reads of published documents only, editors (and administrators) create, edit and publish, every
 * publish/unpublish/delete rebuilds the site, every change goes to the audit log, the sidebar shows whether
 * the published version is on the site yet, and (with `publicPath`) a changed address gets a redirect. Hooks and access already on the config are kept and run first.
 *
 * @example export const Tariffs = publicContent({ slug: 'tariffs', fields: [...] }, { reviewBy: true });
 */
export function publicContent(config: CollectionConfig, options: PublicContentOptions = {}): CollectionConfig {
  const hooks = config.hooks ?? {};
  const moved = options.publicPath ? redirectOnMoveHooks(options.publicPath) : null;
  return {
    ...config,
    ...(options.drafts === false
      ? {}
      : { versions: { maxPerDoc: 20, ...(typeof config.versions === 'object' ? config.versions : {}), drafts: { schedulePublish: { timeFormat: 'HH:mm' } } } }),
    access: {
      read: options.drafts === false ? isAnyone : publishedOrEditors,
      create: isEditorOrAdmin,
      update: isEditorOrAdmin,
      delete: isEditorOrAdmin,
      readVersions: isEditorOrAdmin,
      ...config.access,
    },
    // The access-matrix test (cms/test/access-matrix.int.test.ts) checks every collection against its profile.
    custom: { accessProfile: options.drafts === false ? 'public-reference' : 'public-content', ...config.custom },
    hooks: {
      ...hooks,
      beforeChange: [...(hooks.beforeChange ?? []), rememberPublishedState, ...(moved ? [moved.beforeChange] : [])],
      // The audit entry first, then the build request: the publishing report counts a change as live from the first
      // build that started after its entry, and a build the request joins starts only after the request.
      afterChange: [...(hooks.afterChange ?? []), ...(moved ? [moved.afterChange] : []), auditAfterChange, rebuildSiteAfterChange],
      afterDelete: [...(hooks.afterDelete ?? []), auditAfterDelete, rebuildSiteAfterDelete],
    },
    fields: [...config.fields, ...(options.reviewBy ? [reviewByField] : []), liveStateField],
  };
}

/** Options of {@link publicSettings}. */
export interface PublicSettingsOptions {
  /** The setting is shown on the site, so a change rebuilds it (default true). */
  onSite?: boolean;
  /** Adds the «Проверить до» date (contacts, office hours). */
  reviewBy?: boolean;
}

/** Makes a global an audited setting; settings shown on the site also rebuild it when saved. */
export function publicSettings(config: GlobalConfig, options: PublicSettingsOptions = {}): GlobalConfig {
  const hooks = config.hooks ?? {};
  return {
    ...config,
    custom: { accessProfile: 'settings', ...config.custom },
    fields: [...config.fields, ...(options.reviewBy ? [reviewByField] : [])],
    hooks: {
      ...hooks,
      // Audit first, as for collections (the publishing report's live time).
      afterChange: [...(hooks.afterChange ?? []), auditAfterGlobalChange, ...(options.onSite === false ? [] : [rebuildSiteAfterGlobalChange])],
    },
  };
}
