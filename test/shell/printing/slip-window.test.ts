import { describe, expect, it } from 'vitest';
import { buildSlip, slipHtml } from '../../../shared/slip';
import {
  slipDocumentUrl,
  slipPrintOptions,
  slipWindowOptions,
} from '../../../electron/printing/slip-window-options';

/** The hidden print window: hardened like the app window, with no preload and no API. */
describe('the slip print window', () => {
  const options = slipWindowOptions();
  const web = options.webPreferences ?? {};

  it.each([
    ['hidden', options.show, false],
    ['sandboxed', web.sandbox, true],
    ['context-isolated', web.contextIsolation, true],
    ['no Node', web.nodeIntegration, false],
    ['no Node in workers', web.nodeIntegrationInWorker, false],
    ['no Node in sub-frames', web.nodeIntegrationInSubFrames, false],
    ['web security on', web.webSecurity, true],
    ['no insecure content', web.allowRunningInsecureContent, false],
    ['no <webview>', web.webviewTag, false],
    ['no DevTools', web.devTools, false],
    ['its own session, not the app page’s', web.partition, 'slip-print'],
  ])('%s', (_what, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('has no preload: the slip gets no API at all', () => {
    expect(web.preload).toBeUndefined();
  });

  it('loads the slip as one self-contained document whose own CSP forbids scripts and resources', () => {
    const html = slipHtml(
      buildSlip(
        {
          state: 'cancelled',
          storeName: '시험 가맹점',
          terminalId: 'T123456789',
          orgAprvDt: '20240105',
          orgAprvNo: '12345678',
          alotMonth: '00',
          trxAmt: 10_000,
          vatAmt: 909,
          svcAmt: 0,
          requestedAt: 1_704_420_000_000,
        },
        'ko',
      ),
    );
    const url = slipDocumentUrl(html);
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    const back = decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length));
    expect(back).toBe(html);
    expect(back).toContain(`default-src 'none'`);
    expect(back).not.toMatch(/<script/i);
  });
});

describe('print options for an 80 mm receipt printer', () => {
  it.each([
    [
      'a configured printer prints silently on it',
      'EPSON TM-T82',
      { silent: true, deviceName: 'EPSON TM-T82' },
    ],
    [
      'finding 5: no printer chosen: the default printer, silently, never a dialog',
      '',
      { silent: true },
    ],
  ])('%s', (_case, printer, expected) => {
    const options = slipPrintOptions(printer, 600);
    expect(options).toMatchObject(expected);
    if (printer === '') expect(options.deviceName).toBeUndefined();
    expect(options.margins).toEqual({ marginType: 'none' });
  });

  it.each([
    [100, 50_000], // never shorter than 5 cm
    [600, Math.ceil((600 * 25_400) / 96) + 5_000],
    [3000, Math.ceil((3000 * 25_400) / 96) + 5_000],
  ])('is 80 mm wide and as long as %i px of content', (height, microns) => {
    expect(slipPrintOptions('p', height).pageSize).toEqual({ width: 80_000, height: microns });
  });
});
