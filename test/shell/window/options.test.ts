import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, PAGE_SECURITY_HEADERS } from '../../../electron/window/csp';
import { mainWindowOptions } from '../../../electron/window/options';

describe('the app window (Electron security checklist)', () => {
  it.each([false, true])(
    'is isolated, sandboxed and without Node (development: %s)',
    (development) => {
      const prefs = mainWindowOptions({
        preloadPath: '/app/out/preload/preload.cjs',
        development,
        kiosk: false,
      }).webPreferences;
      expect(prefs).toMatchObject({
        preload: '/app/out/preload/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
      });
      expect(prefs).not.toHaveProperty('enableBlinkFeatures');
      expect(prefs).not.toHaveProperty('additionalArguments');
    },
  );

  it('allows DevTools in development only', () => {
    expect(
      mainWindowOptions({ preloadPath: 'p', development: false, kiosk: false }).webPreferences
        ?.devTools,
    ).toBe(false);
    expect(
      mainWindowOptions({ preloadPath: 'p', development: true, kiosk: false }).webPreferences
        ?.devTools,
    ).toBe(true);
  });

  it('fits a 1024×768 POS screen', () => {
    const options = mainWindowOptions({ preloadPath: 'p', development: false, kiosk: false });
    expect(options.width).toBeLessThanOrEqual(1024);
    expect(options.height).toBeLessThanOrEqual(768);
  });

  it('is a kiosk (full screen, no frame) only when the manager chose it', () => {
    expect(mainWindowOptions({ preloadPath: 'p', development: false, kiosk: false }).kiosk).toBe(
      false,
    );
    expect(mainWindowOptions({ preloadPath: 'p', development: false, kiosk: true }).kiosk).toBe(
      true,
    );
  });
});

describe('the page’s Content Security Policy', () => {
  it('is exactly the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
        "form-action 'none'",
    );
  });

  it.each(["'unsafe-inline'", "'unsafe-eval'", 'http:', 'https:', '*', 'blob:'])(
    'never allows %s',
    (source) => {
      expect(CONTENT_SECURITY_POLICY).not.toContain(source);
    },
  );

  it('is sent with every page response, with nosniff', () => {
    expect(PAGE_SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(PAGE_SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});
