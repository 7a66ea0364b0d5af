/**
 * Who may call the IPC channels (Electron security checklist 17: "Validate the sender of all
 * IPC messages"). Only the app's own top-level page: the URL is PARSED and its protocol and
 * host compared exactly, never by substring or prefix, so `app://desk.evil`, `app://evil/desk`
 * and `app://x@desk` are all strangers.
 */

/** The page's origin: `app://desk` in production (see ../window/app-protocol.ts). */
export interface TrustedOrigin {
  /** with the colon, as URL.protocol gives it: `app:` */
  protocol: string;
  /** as URL.host gives it (with the port, if any): `desk`, `localhost:5173` */
  host: string;
}

/** What the IPC layer knows of the calling frame (Electron: event.senderFrame). */
export interface SenderFrame {
  url: string;
  /** false for an iframe: sub-frames never get the API's powers */
  isMainFrame: boolean;
}

export function originOf(url: string): TrustedOrigin | null {
  try {
    const parsed = new URL(url);
    return { protocol: parsed.protocol, host: parsed.host };
  } catch {
    return null;
  }
}

export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  trusted: TrustedOrigin,
): boolean {
  if (!frame || frame.isMainFrame !== true || typeof frame.url !== 'string') return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  return (
    url.protocol === trusted.protocol &&
    url.host === trusted.host &&
    url.username === '' &&
    url.password === ''
  );
}
