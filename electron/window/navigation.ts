/**
 * Where the page may go (Electron checklist 13 "Disable or limit navigation", 14 "Disable or
 * limit creation of new windows", 15 "Do not use shell.openExternal with untrusted content").
 * The page is a single-page app: it never navigates. A link to an https page (a KICC help page,
 * for example) opens in the user's browser; everything else is dropped.
 */
export type LinkDecision = 'open-in-browser' | 'deny';

export function externalLinkDecision(url: string): LinkDecision {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'deny';
  }
  if (parsed.protocol !== 'https:' || parsed.hostname === '') return 'deny';
  if (parsed.username !== '' || parsed.password !== '') return 'deny';
  return 'open-in-browser';
}
