import nodePath from 'node:path';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';

/**
 * The page is served from a custom privileged scheme, `app://desk/...`, never from file://
 * (Electron checklist 18: "Avoid usage of the file:// protocol"). A standard, secure scheme
 * gives the page a real origin for CSP 'self' and the sender check (../ipc/sender.ts).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** For protocol.registerSchemesAsPrivileged, before app 'ready'. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

export type AppFileRefusal = 'other-origin' | 'bad-path';

/** The subset of node:path used, so tests can check Windows rules on any machine. */
export type PathApi = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Maps `app://desk/<path>` to a file under `rootDir`, or refuses. The traversal check does not
 * trust the URL parser alone: the decoded path may not contain a `..` segment, a backslash, a
 * drive colon or a NUL, and the resolved file must still lie inside rootDir.
 */
export function resolveAppFile(
  rootDir: string,
  requestUrl: string,
  path: PathApi = nodePath,
): Result<string, AppFileRefusal> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return err('other-origin');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return err('other-origin');
  if (url.username !== '' || url.password !== '') return err('other-origin');

  // Look at the raw path too: Chromium normalises `..` before we see it, Node's URL may not.
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return err('bad-path');
  }
  if (/[\\:\0]/.test(decoded) || /[\\:\0]/.test(url.pathname)) return err('bad-path');
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return err('bad-path');
  const relativePath = segments.length === 0 ? 'index.html' : segments.join('/');

  const root = path.resolve(rootDir);
  const file = path.resolve(root, relativePath);
  const inside = path.relative(root, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return err('bad-path');
  return ok(file);
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** Only the page's own kinds of file are served; anything else is "not found". */
export function contentTypeOf(file: string): string | null {
  const ext = nodePath.extname(file).toLowerCase();
  return CONTENT_TYPES[ext] ?? null;
}
