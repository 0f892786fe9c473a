/**
 * The shapes of a public post on its way into moderation, shared by the registry, the submit path and each moderated
 * collection's own checks (reviews, forum): pure shapes, so the CMS's pipeline and a collection's checks import
 * neither each other nor anything above them just for a type.
 */

/** What the public wrote: the author's shown name, e-mail and text, plus the collection's own fields (already checked). */
export interface PublicPostInput {
  authorName: string;
  authorEmail: string;
  text: string;
  /** The collection's own fields, validated by the caller (a review's rating and office, a forum post's thread). */
  data?: Record<string, unknown>;
}

/** One refused field of a public form: the path (e.g. `['rating']`) and the Russian message. */
export interface SubmissionIssue {
  path: string[];
  message: string;
}

/** A public form's body checked by its collection: what to store, or the problems to show. */
export type ParsedSubmission = { ok: true; input: PublicPostInput } | { ok: false; issues: SubmissionIssue[] };
