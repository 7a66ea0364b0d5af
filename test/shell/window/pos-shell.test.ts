import { describe, expect, it } from 'vitest';
import {
  createRendererRecovery,
  isBlockedShortcut,
  MAX_RECOVERIES,
  RECOVERY_WINDOW_MS,
  remoteDebuggingSwitch,
  UNRESPONSIVE_GRACE_MS,
  type KeyInput,
} from '../../../electron/window/pos-shell';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  control: false,
  meta: false,
  shift: false,
  alt: false,
  ...mods,
});

describe('browser shortcuts a POS program does not have', () => {
  it.each<[string, KeyInput, boolean]>([
    ['Ctrl+W closes nothing', key('w', { control: true }), true],
    ['Ctrl+W with caps lock', key('W', { control: true }), true],
    ['Ctrl+R reloads nothing', key('r', { control: true }), true],
    ['Ctrl+Shift+R', key('R', { control: true, shift: true }), true],
    ['Ctrl+F4', key('F4', { control: true }), true],
    ['Ctrl+Shift+I (DevTools)', key('I', { control: true, shift: true }), true],
    ['F12 (DevTools)', key('F12'), true],
    ['Ctrl+P (print the screen)', key('p', { control: true }), true],
    ['Ctrl+N (new window)', key('n', { control: true }), true],
    ['Cmd+W on a Mac', key('w', { meta: true }), true],
    ['F5 stays the desk\'s "retry now"', key('F5'), false],
    ['F4 stays "cancel this payment"', key('F4'), false],
    ['F10 stays the manager menu', key('F10'), false],
    ['Alt alone (no menu to show, nothing to block)', key('Alt', { alt: true }), false],
    ['a letter typed into a field', key('w'), false],
    ['Ctrl+A selects the field', key('a', { control: true }), false],
    ['Ctrl+C copies', key('c', { control: true }), false],
    ['Ctrl+V pastes', key('v', { control: true }), false],
    ['key up of Ctrl+W', { ...key('w', { control: true }), type: 'keyUp' }, false],
  ])('%s', (_name, input, blocked) => {
    expect(isBlockedShortcut(input)).toBe(blocked);
  });
});

describe('remote debugging is refused at start', () => {
  it.each<[string[], string | null]>([
    [['app.exe', '--remote-debugging-port=9222'], '--remote-debugging-port=9222'],
    [['app.exe', '--remote-debugging-port', '9222'], '--remote-debugging-port'],
    [['app.exe', '--remote-debugging-pipe'], '--remote-debugging-pipe'],
    [['app.exe', '-remote-debugging-port=1'], '-remote-debugging-port=1'],
    [['app.exe', '/remote-debugging-port=1'], '/remote-debugging-port=1'],
    [['app.exe', '--REMOTE-DEBUGGING-PORT=1'], '--REMOTE-DEBUGGING-PORT=1'],
    [['app.exe', '--remote-debugging-address=0.0.0.0'], '--remote-debugging-address=0.0.0.0'],
    [['app.exe'], null],
    [['app.exe', '--remote-debugging-portable'], null],
    [['app.exe', 'C:\\receipts\\--remote-debugging-port.csv'], null],
  ])('%j -> %s', (argv, found) => {
    expect(remoteDebuggingSwitch(argv)).toBe(found);
  });
});

function recoveryWorld() {
  let now = 1_000_000;
  const timers: { at: number; run: () => void; live: boolean }[] = [];
  const calls: string[] = [];
  const logs: string[] = [];
  const recovery = createRendererRecovery({
    now: () => now,
    reload: () => calls.push('reload'),
    crash: () => calls.push('crash'),
    giveUp: (reason) => calls.push(`give-up:${reason}`),
    log: (event) => logs.push(event),
    setTimer: (ms, run) => {
      const timer = { at: now + ms, run, live: true };
      timers.push(timer);
      return { cancel: () => (timer.live = false) };
    },
  });
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers) {
      if (t.live && t.at <= now) {
        t.live = false;
        t.run();
      }
    }
  };
  return { recovery, calls, logs, advance };
}

describe('a renderer that crashes or hangs', () => {
  it('crashed: reloaded at once, logged, and the reloaded page is told once', () => {
    const w = recoveryWorld();
    w.recovery.gone('crashed', 139);
    expect(w.calls).toEqual(['reload']);
    expect(w.logs).toEqual(['window: renderer reloaded']);
    expect(w.recovery.takeNotice()).toEqual({ reason: 'crashed', at: 1_000_000 });
    expect(w.recovery.takeNotice()).toBeNull();
  });

  it('out of memory and killed are crashes too; a clean exit (closing) is not', () => {
    const w = recoveryWorld();
    w.recovery.gone('oom', 0);
    w.recovery.gone('clean-exit', 0);
    expect(w.calls).toEqual(['reload']);
  });

  it('hung: given a grace period, then ended and reloaded in a new process', () => {
    const w = recoveryWorld();
    w.recovery.unresponsive();
    w.advance(UNRESPONSIVE_GRACE_MS - 1);
    expect(w.calls).toEqual([]);
    w.advance(1);
    expect(w.calls).toEqual(['crash', 'reload']);
    // the renderer we ended reports itself gone: not a second failure
    w.recovery.gone('killed', 0);
    expect(w.calls).toEqual(['crash', 'reload']);
    expect(w.recovery.takeNotice()).toMatchObject({ reason: 'unresponsive' });
  });

  it('hung, then answering again within the grace period: left alone', () => {
    const w = recoveryWorld();
    w.recovery.unresponsive();
    w.advance(UNRESPONSIVE_GRACE_MS / 2);
    w.recovery.responsive();
    w.advance(UNRESPONSIVE_GRACE_MS);
    expect(w.calls).toEqual([]);
    expect(w.recovery.takeNotice()).toBeNull();
  });

  it('keeps failing: no reload loop; the person at the till is told', () => {
    const w = recoveryWorld();
    for (let i = 0; i < MAX_RECOVERIES; i++) w.recovery.gone('crashed', 1);
    w.recovery.gone('crashed', 1);
    expect(w.calls).toEqual([...Array<string>(MAX_RECOVERIES).fill('reload'), 'give-up:crashed']);
    w.recovery.gone('crashed', 1);
    expect(w.calls).toHaveLength(MAX_RECOVERIES + 1);
  });

  it('failures far apart are each recovered', () => {
    const w = recoveryWorld();
    for (let i = 0; i < MAX_RECOVERIES * 2; i++) {
      w.recovery.gone('crashed', 1);
      w.advance(RECOVERY_WINDOW_MS / 2);
    }
    expect(w.calls.filter((c) => c === 'reload')).toHaveLength(MAX_RECOVERIES * 2);
  });

  it('after stop (the window is closing) nothing is reloaded', () => {
    const w = recoveryWorld();
    w.recovery.unresponsive();
    w.recovery.stop();
    w.advance(UNRESPONSIVE_GRACE_MS);
    w.recovery.gone('crashed', 1);
    expect(w.calls).toEqual([]);
  });
});
