import type { Screen } from '../stores/nav';
import type { CancelStep } from '../stores/cancel';

/**
 * The keyboard map (issue 5: every action by keyboard, shortcuts shown on screen). Function
 * keys, because a POS keyboard has them and they never collide with what a cashier types or a
 * scanner sends. Pure: the key and the screen's situation in, one action (or none) out.
 */
export const SHORTCUTS = ['F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'Esc'] as const;

/** Shown only while a settled-item notice has a final slip to print (issue 12). */
export const PRINT_SETTLED_KEY = 'F1';

export type ShortcutAction =
  | 'lookup'
  /** F2 again, in the look-up's search form: the other way of searching (number / amount) */
  | 'switchLookup'
  | 'paper'
  | 'cancel'
  | 'retry'
  | 'slip'
  | 'language'
  | 'queue'
  | 'history'
  | 'closeSlip'
  | 'editCancel'
  | 'back'
  /** the manager menu, asking for the PIN first when not in manager mode */
  | 'manager'
  | 'managerLogout'
  /** F1: print the final slip of the oldest settled-item notice (issue 12 finding 1) */
  | 'printSettled';

export interface ShortcutContext {
  screen: Screen;
  cancelStep: CancelStep;
  slipOpen: boolean;
  /** main says a manager is at the screen */
  manager: boolean;
  /** a modal dialog (the PIN) is open: it has the keyboard, Esc closes it */
  modal: boolean;
  /** focus is in the look-up's search form (either tab) */
  inLookupForm?: boolean;
  /** a settled-item notice has a final slip to print */
  settledToPrint?: boolean;
}

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

export function resolveShortcut(event: KeyLike, context: ShortcutContext): ShortcutAction | null {
  // Alt+F4 closes the window on Windows; never take a modified key.
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  if (context.modal) return null;
  switch (event.key) {
    case 'F1':
      return context.settledToPrint === true ? 'printSettled' : null;
    case 'F2':
      return context.screen === 'lookup' && context.inLookupForm === true
        ? 'switchLookup'
        : 'lookup';
    case 'F3':
      return 'paper';
    case 'F4':
      return context.screen === 'lookup' ? 'cancel' : null;
    case 'F5':
      return context.screen === 'queue' ? 'retry' : null;
    case 'F6':
      return context.screen === 'outcome' ? 'slip' : null;
    case 'F7':
      return 'language';
    case 'F8':
      return 'queue';
    case 'F9':
      return 'history';
    case 'F10':
      // F10 opens the manager menu; pressed again there, it ends manager mode (F10 F10 from
      // anywhere logs out), so the key that lets the manager in also lets the manager out.
      return context.screen === 'manager' && context.manager ? 'managerLogout' : 'manager';
    case 'Escape':
      if (context.slipOpen) return 'closeSlip';
      if (context.screen === 'cancel') {
        if (context.cancelStep === 'sending') return null;
        if (context.cancelStep === 'confirm' || context.cancelStep === 'refused') {
          return 'editCancel';
        }
      }
      return 'back';
    default:
      return null;
  }
}

/** Keys the page takes for itself (browser defaults like F3 find, F5 reload, F7 caret). F11 and F12 stay the window's. */
export const isReservedKey = (key: string): boolean => /^F([1-9]|10)$/.test(key);
