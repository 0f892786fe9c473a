import { answerModeratedPagePost, formEndMarker, formStartMarker, outcomeMarker, type ModeratedAnswer, type ModeratedPageForm } from './moderated-page-post';

/**
 * A review posted to /otzyvy/ itself (issue 22, form-encoded): sent to the CMS's moderated path
 * (`/api/forms/moderated/reviews`) and answered with the page (moderated-page-post.ts).
 */

export const REVIEWS_PAGE_PATH = '/otzyvy/';
export const REVIEW_OUTCOME_MARKER = outcomeMarker('review');
export const REVIEW_FORM_START = formStartMarker('review');
export const REVIEW_FORM_END = formEndMarker('review');

/** What {@link handleReviewPost} needs from the outside. */
export interface ReviewPostDeps {
  siteDir: string;
  /** Posts the review to the CMS (with the proof-of-work solution, '' when none). */
  send: (review: Record<string, unknown>, altcha: string) => Promise<ModeratedAnswer>;
  /** Whether this address may send one more review now (with a solution: the forms' limit; without: the no-script one). */
  allowed: (withSolution: boolean) => boolean;
}

const REVIEW_FORM: ModeratedPageForm = {
  prefix: 'review',
  noun: 'отзыв',
  fieldIds: { rating: 'review-rating-5', channel: 'review-channel', office: 'review-office', text: 'review-text', authorName: 'review-name', authorEmail: 'review-email', rules: 'review-rules', consent: 'review-consent' },
  fields: ['rating', 'channel', 'office', 'text', 'authorName', 'authorEmail', 'rules', 'consent', 'website'],
  refilledInputs: ['authorName', 'authorEmail'],
};

/** Answers `POST /otzyvy/`, or null when the current build has no reviews page with the form. */
export function handleReviewPost(request: Request, deps: ReviewPostDeps): Promise<Response | null> {
  return answerModeratedPagePost(request, 'otzyvy/index.html', REVIEW_FORM, deps);
}
