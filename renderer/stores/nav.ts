import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Language } from '../i18n/translate';

/**
 * Which screen is up, and the language. Screens are a small stack so Esc always means "back to
 * where I came from", and the look-up is always at the bottom (Esc from anywhere ends there).
 */
export type Screen =
  | 'lookup'
  | 'paper'
  | 'cancel'
  | 'outcome'
  | 'queue'
  | 'history'
  // the manager's (issue 6): open only in manager mode, closed when it ends
  | 'manager'
  | 'review'
  | 'audit'
  | 'settings'
  | 'reports'
  | 'import';

export const MANAGER_SCREENS: readonly Screen[] = [
  'manager',
  'review',
  'audit',
  'settings',
  'reports',
  'import',
];

export const isManagerScreen = (screen: Screen): boolean => MANAGER_SCREENS.includes(screen);

export interface NavState {
  stack: readonly Screen[];
  language: Language;
  /** bumped to ask the look-up field to take focus again (F2 while already on the look-up) */
  focusRequest: number;
  /** the cancellation slip is shown over the outcome (F6) */
  slipOpen: boolean;
  setSlipOpen(open: boolean): void;
  go(screen: Screen): void;
  /** replaces the top (cancel -> outcome: Esc from the outcome goes to the look-up, not back) */
  replace(screen: Screen): void;
  back(): void;
  home(): void;
  /** manager mode ended: every manager screen leaves the stack (the cashier's stay) */
  closeManagerScreens(): void;
  setLanguage(language: Language): void;
}

export type NavStore = StoreApi<NavState>;

export const currentScreen = (state: Pick<NavState, 'stack'>): Screen =>
  state.stack[state.stack.length - 1] ?? 'lookup';

/** `persistLanguage` saves the choice (settings.update), so the next start keeps it. */
export function createNavStore(
  language: Language = 'ko',
  persistLanguage: (language: Language) => void = () => undefined,
): NavStore {
  return createStore<NavState>()((set) => ({
    stack: ['lookup'],
    language,
    focusRequest: 0,
    slipOpen: false,
    setSlipOpen: (open) => set({ slipOpen: open }),
    go: (screen) =>
      set((state) => {
        if (screen === 'lookup') {
          return { stack: ['lookup'], focusRequest: state.focusRequest + 1, slipOpen: false };
        }
        // Going to a screen already on the stack returns to it (no endless F8/F9 stacks).
        const at = state.stack.indexOf(screen);
        return {
          stack: at >= 0 ? state.stack.slice(0, at + 1) : [...state.stack, screen],
          slipOpen: false,
        };
      }),
    replace: (screen) =>
      set((state) => ({
        // an older visit to the same screen leaves the stack: the one just shown is on top
        // (history -> open -> outcome: Esc goes back to history)
        stack: [...state.stack.slice(0, -1).filter((s) => s !== screen), screen],
        slipOpen: false,
      })),
    back: () =>
      set((state) =>
        state.stack.length > 1
          ? { stack: state.stack.slice(0, -1), slipOpen: false }
          : { focusRequest: state.focusRequest + 1 },
      ),
    home: () =>
      set((state) => ({
        stack: ['lookup'],
        focusRequest: state.focusRequest + 1,
        slipOpen: false,
      })),
    closeManagerScreens: () =>
      set((state) => {
        const stack = state.stack.filter((screen) => !isManagerScreen(screen));
        if (stack.length === state.stack.length) return {};
        return {
          stack: stack.length > 0 ? stack : ['lookup'],
          focusRequest: state.focusRequest + 1,
          slipOpen: false,
        };
      }),
    setLanguage: (next) => {
      set({ language: next });
      persistLanguage(next);
    },
  }));
}
