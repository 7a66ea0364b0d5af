import { describe, expect, it } from 'vitest';
import { isTrustedSender, originOf } from '../../../electron/ipc/sender';
import type { SenderFrame } from '../../../electron/ipc/sender';

const APP = { protocol: 'app:', host: 'desk' };

describe('isTrustedSender (Electron checklist 17)', () => {
  it.each([
    ['the app entry page', 'app://desk/index.html'],
    ['the app root', 'app://desk/'],
    ['an app page with query and hash', 'app://desk/index.html?x=1#history'],
  ])('accepts %s in the main frame', (_name, url) => {
    expect(isTrustedSender({ url, isMainFrame: true }, APP)).toBe(true);
  });

  const refused: [string, SenderFrame | null | undefined][] = [
    ['no frame (navigated away or destroyed)', null],
    ['an undefined frame', undefined],
    ['a sub-frame of the app page', { url: 'app://desk/index.html', isMainFrame: false }],
    ['another scheme with the same host', { url: 'https://desk/index.html', isMainFrame: true }],
    ['file://', { url: 'file:///C:/app/out/renderer/index.html', isMainFrame: true }],
    ['a lookalike host (suffix)', { url: 'app://desk.evil.com/index.html', isMainFrame: true }],
    ['a lookalike host (prefix)', { url: 'app://evildesk/index.html', isMainFrame: true }],
    ['the host in the path', { url: 'app://evil/desk/index.html', isMainFrame: true }],
    ['credentials before the host', { url: 'app://desk@evil/index.html', isMainFrame: true }],
    ['user info on the right host', { url: 'app://evil@desk/index.html', isMainFrame: true }],
    ['a port on the host', { url: 'app://desk:8080/index.html', isMainFrame: true }],
    ['upper-case host', { url: 'app://DESK/index.html', isMainFrame: true }],
    ['a web page', { url: 'https://example.com/', isMainFrame: true }],
    ['about:blank', { url: 'about:blank', isMainFrame: true }],
    ['a data: URL', { url: 'data:text/html,<script>1</script>', isMainFrame: true }],
    ['an empty URL', { url: '', isMainFrame: true }],
    ['a non-URL string', { url: 'app desk', isMainFrame: true }],
    ['javascript:', { url: 'javascript:alert(1)', isMainFrame: true }],
    ['devtools', { url: 'devtools://devtools/bundled/inspector.html', isMainFrame: true }],
    ['a frame flag that is not a boolean', { url: 'app://desk/', isMainFrame: 'yes' as never }],
  ];
  it.each(refused)('refuses %s', (_name, frame) => {
    expect(isTrustedSender(frame, APP)).toBe(false);
  });

  it('trusts the dev server origin only when that is the configured origin', () => {
    const dev = originOf('http://localhost:5173/');
    expect(dev).toEqual({ protocol: 'http:', host: 'localhost:5173' });
    if (dev === null) return;
    expect(isTrustedSender({ url: 'http://localhost:5173/', isMainFrame: true }, dev)).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5174/', isMainFrame: true }, dev)).toBe(false);
    expect(isTrustedSender({ url: 'http://localhost:5173/', isMainFrame: true }, APP)).toBe(false);
  });

  it('has no origin for a string that is not a URL', () => {
    expect(originOf('not a url')).toBeNull();
  });
});
