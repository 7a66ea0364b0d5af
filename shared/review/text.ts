/**
 * A manager's words on a review (a resolution's note, a reopening's reason): trimmed, 1 to 500
 * characters, kept in the audit log. Here, without zod, so the page checks the very limit the
 * contract (../contract/review-requests.ts) enforces while its bundle carries no zod
 * (docs/renderer.md "First screen").
 */
export const REVIEW_TEXT_MAX = 500;
