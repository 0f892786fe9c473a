import path from 'node:path';
import { answerModeratedPagePost, formEndMarker, formStartMarker, outcomeMarker, type ModeratedAnswer, type ModeratedPageForm } from './moderated-page-post';

/**
 * The forum's forms (issue 22): a section's page (`/forum/<section>/`) takes a new thread, a thread's page
 * (`/forum/<section>/<thread>/[<page>/]`) a reply, each posted to the page itself (form-encoded), sent to the CMS's
 * moderated path (`/api/forms/moderated/forum-threads|forum-posts`) with the section or thread taken from the address,
 * and answered with the page (moderated-page-post.ts). A closed thread's page has no form, so nothing is posted to it.
 */

/** `/forum/<section>/` or `/forum/<section>/<thread>/` or `/forum/<section>/<thread>/<page>/`. */
export const FORUM_FORM_PAGE = /^\/forum\/([a-z0-9]+(?:-[a-z0-9]+)*)\/(?:([0-9]{1,12})\/(?:([0-9]{1,4})\/)?)?$/;
export const FORUM_OUTCOME_MARKER = outcomeMarker('forum');
export const FORUM_FORM_START = formStartMarker('forum');
export const FORUM_FORM_END = formEndMarker('forum');

/** Where a forum form goes in the CMS and what the address adds to it. */
export interface ForumTarget {
  slug: 'forum-threads' | 'forum-posts';
  fields: Record<string, string>;
  /** The built page, relative to the site folder. */
  file: string;
}

/** The target of a form posted to `pathname`, or null when the address is no forum form page. */
export function forumTarget(pathname: string): ForumTarget | null {
  const match = FORUM_FORM_PAGE.exec(pathname);
  if (!match) return null;
  const [, section, thread, page] = match;
  const file = path.join('forum', section!, ...(thread ? [thread] : []), ...(page ? [page] : []), 'index.html');
  return thread ? { slug: 'forum-posts', fields: { thread: thread }, file } : { slug: 'forum-threads', fields: { section: section! }, file };
}

/** What {@link handleForumPost} needs from the outside. */
export interface ForumPostDeps {
  siteDir: string;
  /** Posts to the CMS's moderated path of `slug` (with the proof-of-work solution, '' when none). */
  send: (slug: ForumTarget['slug'], post: Record<string, unknown>, altcha: string) => Promise<ModeratedAnswer>;
  /** Whether this address may send one more post now (with a solution: the forms' limit; without: the no-script one). */
  allowed: (withSolution: boolean) => boolean;
}

const FORUM_FORM: ModeratedPageForm = {
  prefix: 'forum',
  noun: 'сообщение',
  fieldIds: { title: 'forum-title', text: 'forum-text', authorName: 'forum-name', authorEmail: 'forum-email', rules: 'forum-rules', consent: 'forum-consent' },
  fields: ['title', 'text', 'authorName', 'authorEmail', 'rules', 'consent'],
  refilledInputs: ['title', 'authorName', 'authorEmail'],
};

/** Answers a form posted to a forum page, or null when the address or the current build has no such form. */
export async function handleForumPost(request: Request, deps: ForumPostDeps): Promise<Response | null> {
  const target = forumTarget(new URL(request.url).pathname);
  if (!target) return null;
  return answerModeratedPagePost(request, target.file, FORUM_FORM, { siteDir: deps.siteDir, allowed: deps.allowed, send: (post, altcha) => deps.send(target.slug, post, altcha) }, target.fields);
}
