import type { Page } from 'playwright-core';
import { pdfText } from './pdf-text';

/**
 * A slip as the receipt printer gets it (the HTML main hands to Electron's printing), rendered
 * to PDF by Chromium at 80 mm wide, as main's print window does with printToPDF, and its text.
 * The page is a fresh one in the same browser context, with JavaScript off (the slip HTML's own
 * CSP forbids scripts anyway).
 */
export async function slipPdf(page: Page, html: string): Promise<{ pdf: Buffer; text: string }> {
  const paper = await page.context().newPage();
  try {
    await paper.setContent(html, { waitUntil: 'load' });
    const pdf = await paper.pdf({ width: '80mm', printBackground: true });
    return { pdf, text: pdfText(pdf) };
  } finally {
    await paper.close();
  }
}
