/**
 * The notes a manager's resolution of a needs_review cancellation leaves on its row
 * (electron/store-ops/review-resolution.ts). A row with one of them is "관리자 확인": its final
 * state is the manager's record after checking KICC's portal, not KICC's own answer. Reports,
 * slips and screens tell the two apart by these notes (and the 'cancellation.resolved' audit
 * event); keep the names.
 */
export const RESOLUTION_NOTES = {
  cancelled: 'manager-cancelled',
  'not-cancelled': 'manager-not-cancelled',
} as const;

export type ResolutionNote = (typeof RESOLUTION_NOTES)[keyof typeof RESOLUTION_NOTES];

export const isManagerResolution = (note: string | null): note is ResolutionNote =>
  note === RESOLUTION_NOTES.cancelled || note === RESOLUTION_NOTES['not-cancelled'];
