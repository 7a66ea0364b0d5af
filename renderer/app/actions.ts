import type { Receipt } from '../../shared/contract/models';
import type { Desk } from '../stores/desk';
import { canCancel } from '../stores/cancel';
import { printable } from '../stores/settlements';
import { otherLanguage } from '../i18n/translate';
import type { ShortcutAction } from './shortcuts';

/**
 * What the cashier can do, once, for the buttons and the shortcuts alike: a key and a click
 * take the same path.
 */

/** A receipt from the look-up: the cancel form, or its existing cancellation's status. */
export async function openReceipt(desk: Desk, receipt: Receipt): Promise<void> {
  if (canCancel(receipt)) {
    desk.cancel.getState().start(receipt);
    desk.nav.getState().go('cancel');
    return;
  }
  // A second cancellation of a receipt that has one is refused (DESIGN.md): show the first.
  await openCancellation(desk, receipt.cancellation?.id ?? '');
}

export async function openCancellation(desk: Desk, id: string): Promise<void> {
  const answer = await desk.pos.cancellations.get({ id });
  if (answer.ok) {
    // Outcome from a list: Esc returns to that list, so push rather than replace.
    desk.nav.getState().go('cancel');
    desk.cancel.getState().show(answer.value);
  }
}

export function beginPaper(desk: Desk): void {
  const lookup = desk.lookup.getState();
  const notFound = lookup.phase === 'done' && lookup.results.length === 0;
  desk.paper.getState().begin(notFound ? { query: lookup.searched } : {});
  desk.nav.getState().go('paper');
}

export async function searchScanned(desk: Desk, code: string): Promise<void> {
  desk.nav.getState().home();
  await desk.lookup.getState().search({ query: code, scanned: true });
}

export function runShortcut(desk: Desk, action: ShortcutAction): void {
  const nav = desk.nav.getState();
  switch (action) {
    case 'lookup':
      // back to the look-up's search field (the way of searching last used on it)
      nav.home();
      return;
    case 'switchLookup': {
      // F2 again in the search form: the other way (number <-> date and amount)
      const lookup = desk.lookup.getState();
      lookup.setTab(lookup.tab === 'number' ? 'amount' : 'number');
      nav.home();
      return;
    }
    case 'paper':
      beginPaper(desk);
      return;
    case 'cancel': {
      const results = desk.lookup.getState().results;
      const first = results.find(canCancel) ?? results[0];
      if (first) void openReceipt(desk, first);
      return;
    }
    case 'retry':
      void desk.queue.getState().retryNow();
      return;
    case 'slip':
      nav.setSlipOpen(!nav.slipOpen);
      return;
    case 'language':
      nav.setLanguage(otherLanguage(nav.language));
      return;
    case 'queue':
      nav.go('queue');
      return;
    case 'history':
      nav.go('history');
      return;
    case 'closeSlip':
      nav.setSlipOpen(false);
      return;
    case 'editCancel':
      desk.cancel.getState().edit();
      return;
    case 'back':
      nav.back();
      return;
    case 'manager':
      void desk.manager.getState().open();
      return;
    case 'managerLogout':
      void desk.manager.getState().logout();
      return;
    case 'printSettled': {
      const notice = desk.notices.getState().notices.find(printable);
      if (notice) void desk.notices.getState().print(notice.cancellation.id, nav.language);
      return;
    }
  }
}
