/** Marked when the bare page's text field first has focus (./main.tsx). */
export const BARE_READY_MARK = 'bare-field-ready';
