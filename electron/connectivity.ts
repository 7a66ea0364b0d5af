import type { Clock } from '../shared/clock';
import type { ConnectivitySignal } from './ipc/port';

/**
 * The shell's connectivity signals to the queue (DESIGN.md "The queue": Electron's online state,
 * resume from sleep; issue 4: window focus). Electron's online state only says a network
 * interface is up, so every signal is a prompt for the queue to PROBE KICC, not proof.
 *
 *  - online state: polled (net.isOnline() has no change event in main); told on change only;
 *  - resume from sleep / unlock: told always (sockets from before the sleep are dead);
 *  - window focus: told always, at most once per `focusQuietMs` (a cashier alt-tabbing must not
 *    turn into a probe storm).
 */
export interface ConnectivitySources {
  isOnline(): boolean;
  /** powerMonitor-like: 'resume' and 'unlock-screen' */
  onResume(listener: () => void): () => void;
  /** the app window's 'focus' */
  onFocus(listener: () => void): () => void;
  /** setInterval-like, injected so tests drive time */
  every(ms: number, tick: () => void): () => void;
}

export interface ConnectivityOptions {
  pollMs: number;
  focusQuietMs: number;
  clock: Clock;
  signal(signal: ConnectivitySignal): void;
}

export function watchConnectivity(
  sources: ConnectivitySources,
  options: ConnectivityOptions,
): () => void {
  const { clock, signal } = options;
  let online = sources.isOnline();
  let lastFocus = Number.NEGATIVE_INFINITY;
  const tell = (reason: ConnectivitySignal['reason']) =>
    signal({ reason, online, at: clock.now() });

  tell('start');
  const stops = [
    sources.every(options.pollMs, () => {
      const now = sources.isOnline();
      if (now === online) return;
      online = now;
      tell(now ? 'online' : 'offline');
    }),
    sources.onResume(() => {
      online = sources.isOnline();
      tell('resume');
    }),
    sources.onFocus(() => {
      const now = clock.now();
      if (now - lastFocus < options.focusQuietMs) return;
      lastFocus = now;
      online = sources.isOnline();
      tell('focus');
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
