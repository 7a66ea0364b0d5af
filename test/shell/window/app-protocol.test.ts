import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveAppFile } from '../../../electron/window/app-protocol';

describe('app://desk file resolution', () => {
  const cases: [string, typeof path.posix, string][] = [
    ['posix', path.posix, '/opt/desk/out/renderer'],
    [
      'windows',
      path.win32,
      'C:\\Program Files\\KICC Cancel Desk\\resources\\app.asar\\out\\renderer',
    ],
  ];

  describe.each(cases)('on %s paths', (_os, api, root) => {
    it.each([
      ['app://desk/', 'index.html'],
      ['app://desk', 'index.html'],
      ['app://desk/index.html', 'index.html'],
      ['app://desk/assets/index-abc123.js', 'assets/index-abc123.js'],
      ['app://desk/assets/index.css?v=1#x', 'assets/index.css'],
      ['app://desk/fonts/%ED%95%9C.woff2', 'fonts/한.woff2'],
    ])('serves %s', (url, relative) => {
      expect(resolveAppFile(root, url, api)).toEqual({
        ok: true,
        value: api.resolve(root, ...relative.split('/')),
      });
    });

    // Each hostile path is either refused, or (where the URL parser already removed the dot
    // segments, as Chromium does) served from INSIDE the root. Never outside it.
    it.each([
      ['dot-dot (parser clamps at the root)', 'app://desk/../secret.txt', 'secret.txt'],
      ['encoded dot-dot (parser clamps)', 'app://desk/%2e%2e/secret.txt', 'secret.txt'],
      ['mixed dot-dot (parser clamps)', 'app://desk/.%2e/x', 'x'],
      [
        'dot-dot in the middle (parser clamps)',
        'app://desk/assets/../../main/main.js',
        'main/main.js',
      ],
      ['a single dot segment', 'app://desk/./index.html', 'index.html'],
      [
        'double-encoded dot-dot (a literal name)',
        'app://desk/%252e%252e/secret.txt',
        '%2e%2e/secret.txt',
      ],
      ['an empty segment', 'app://desk//server/share/file', 'server/share/file'],
      ['encoded slashes around dot-dot', 'app://desk/assets%2f..%2f..%2fmain.js', null],
      ['encoded dot-dot-slash', 'app://desk/a/%2e%2e%2f%2e%2e%2fx', null],
      ['backslash', 'app://desk/..\\..\\Windows\\win.ini', null],
      ['encoded backslash', 'app://desk/assets%5c..%5c..%5cmain.js', null],
      ['a drive letter', 'app://desk/C:/Windows/win.ini', null],
      ['an encoded drive colon', 'app://desk/C%3A/Windows/win.ini', null],
      ['an NTFS stream', 'app://desk/index.html::$DATA', null],
      ['a NUL byte', 'app://desk/index.html%00.png', null],
      ['malformed percent-encoding', 'app://desk/%E0%A4%A', null],
    ])('%s', (_name, url, servedAs) => {
      const result = resolveAppFile(root, url, api);
      if (servedAs === null) {
        expect(result).toEqual({ ok: false, error: 'bad-path' });
      } else {
        expect(result).toEqual({ ok: true, value: api.resolve(root, ...servedAs.split('/')) });
      }
    });

    it('never resolves outside the root, for any path (property)', () => {
      const segment = fc.oneof(
        fc.constantFrom(
          '..',
          '.',
          '%2e%2e',
          '%2E%2e',
          '.%2e',
          '%5c',
          '\\',
          'C:',
          '%3a',
          '%00',
          '',
          'a',
        ),
        fc.string({ maxLength: 6 }),
      );
      fc.assert(
        fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
          const result = resolveAppFile(root, `app://desk/${segments.join('/')}`, api);
          if (!result.ok) return;
          const inside = api.relative(api.resolve(root), result.value);
          expect(inside.startsWith('..')).toBe(false);
          expect(api.isAbsolute(inside)).toBe(false);
          expect(inside).not.toBe('');
        }),
        { numRuns: 2000 },
      );
    });

    it.each([
      ['another host', 'app://evil/index.html'],
      ['a lookalike host', 'app://desk.evil/index.html'],
      ['user info', 'app://x@desk/index.html'],
      ['another scheme', 'file:///etc/passwd'],
      ['https', 'https://desk/index.html'],
      ['not a URL', 'desk/index.html'],
    ])('refuses %s', (_name, url) => {
      expect(resolveAppFile(root, url, api)).toEqual({ ok: false, error: 'other-origin' });
    });
  });

  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.map', null],
    ['a.exe', null],
    ['noext', null],
  ])('serves %s as %s', (file, type) => {
    expect(contentTypeOf(file)).toBe(type);
  });
});
