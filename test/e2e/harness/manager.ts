import type { Page } from 'playwright-core';
import type { E2eBackend } from './desk-backend';
import { typeByHand } from './keys';

/**
 * The store manager in a journey (issue 6). The PIN is typed into the page like a person would;
 * `pinAlreadySet` is for journeys about something else: given as openDesk's `prepare`, it sets
 * the PIN through main's own store operations before the page opens, then leaves manager mode,
 * as a store would be on any later day.
 */
export const MANAGER_PIN = '4821';

export async function pinAlreadySet(backend: E2eBackend, pin = MANAGER_PIN): Promise<void> {
  const set = await backend.storeOps.manager.setupPin({
    pin,
    confirmation: pin,
    acknowledgeLoss: false,
  });
  if (!set.ok) throw new Error(`PIN setup refused: ${set.error.code}`);
  backend.storeOps.manager.logout('on-demand');
}

/** F10, the PIN, Enter: the manager menu. */
export async function logIn(page: Page, pin = MANAGER_PIN): Promise<void> {
  await page.keyboard.press('F10');
  await page.getByRole('dialog', { name: '관리자 로그인' }).waitFor();
  await typeByHand(page, pin, true);
  await page.getByRole('heading', { level: 1, name: '관리자 메뉴' }).waitFor();
}

/** From the manager menu, one of its tasks by its title. */
export async function openTask(page: Page, title: RegExp, heading: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Polls a condition of the test process (not of the page) until it holds. */
export async function until(
  what: string,
  condition: () => boolean,
  timeoutMs = 30_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** How many receipts main's ledger holds (an import's journeys count them before and after). */
export const receiptCount = (backend: E2eBackend): number =>
  (backend.services.ledger.db.prepare('SELECT count(*) AS n FROM receipts').get() as { n: number })
    .n;
