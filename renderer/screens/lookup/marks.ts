/** Marked when the search field first has focus: the bench's "interactive" moment. */
export const SEARCH_READY_MARK = 'search-field-ready';
