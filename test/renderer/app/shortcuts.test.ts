import { describe, expect, it } from 'vitest';
import {
  isReservedKey,
  resolveShortcut,
  type ShortcutContext,
} from '../../../renderer/app/shortcuts';

const on = (patch: Partial<ShortcutContext> = {}): ShortcutContext => ({
  screen: 'lookup',
  cancelStep: 'form',
  slipOpen: false,
  manager: false,
  modal: false,
  ...patch,
});

describe('keyboard map', () => {
  it.each([
    ['F2', on({ screen: 'history' }), 'lookup'],
    ['F2', on({ screen: 'lookup' }), 'lookup'],
    // issue 12 finding 2: F2 again in the search form, the other way of searching
    ['F2', on({ screen: 'lookup', inLookupForm: true }), 'switchLookup'],
    ['F2', on({ screen: 'history', inLookupForm: true }), 'lookup'],
    // issue 12 finding 1: F1 prints a settled item's final slip, only when there is one
    ['F1', on({ screen: 'history', settledToPrint: true }), 'printSettled'],
    ['F1', on(), null],
    ['F1', on({ settledToPrint: true, modal: true }), null],
    ['F3', on(), 'paper'],
    ['F4', on(), 'cancel'],
    ['F4', on({ screen: 'queue' }), null],
    ['F5', on({ screen: 'queue' }), 'retry'],
    ['F5', on(), null],
    ['F6', on({ screen: 'outcome' }), 'slip'],
    ['F6', on(), null],
    ['F7', on(), 'language'],
    ['F8', on(), 'queue'],
    ['F9', on(), 'history'],
    ['Escape', on({ screen: 'queue' }), 'back'],
    ['Escape', on({ screen: 'outcome', slipOpen: true }), 'closeSlip'],
    ['Escape', on({ screen: 'cancel', cancelStep: 'confirm' }), 'editCancel'],
    ['Escape', on({ screen: 'cancel', cancelStep: 'refused' }), 'editCancel'],
    ['Escape', on({ screen: 'cancel', cancelStep: 'sending' }), null],
    ['Escape', on({ screen: 'cancel', cancelStep: 'form' }), 'back'],
    ['F10', on(), 'manager'],
    ['F10', on({ screen: 'manager', manager: true }), 'managerLogout'],
    ['F10', on({ screen: 'settings', manager: true }), 'manager'],
    ['F10', on({ screen: 'manager', manager: false }), 'manager'],
    ['F10', on({ modal: true }), null],
    ['Escape', on({ modal: true }), null],
    ['F2', on({ modal: true }), null],
    ['Escape', on({ screen: 'review' }), 'back'],
    ['a', on(), null],
    ['Enter', on(), null],
  ] as const)('%s on %j -> %s', (key, context, action) => {
    expect(resolveShortcut({ key }, context)).toBe(action);
  });

  it.each([{ altKey: true }, { ctrlKey: true }, { metaKey: true }])(
    'never takes a modified key (%j: Alt+F4 closes the window)',
    (modifier) => {
      expect(resolveShortcut({ key: 'F4', ...modifier }, on())).toBeNull();
    },
  );

  it("keeps the browser's F1-F10 defaults away, leaves F11/F12 and typing alone", () => {
    expect(['F1', 'F3', 'F5', 'F10'].every(isReservedKey)).toBe(true);
    expect(['F11', 'F12', 'a', 'Enter'].some(isReservedKey)).toBe(false);
  });
});
