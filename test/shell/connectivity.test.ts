import { describe, expect, it } from 'vitest';
import { watchConnectivity } from '../../electron/connectivity';
import type { ConnectivitySignal } from '../../electron/ipc/port';

function sources() {
  let online = true;
  let now = 0;
  const ticks: (() => void)[] = [];
  const resume: (() => void)[] = [];
  const focus: (() => void)[] = [];
  const signals: ConnectivitySignal[] = [];
  const stop = watchConnectivity(
    {
      isOnline: () => online,
      onResume: (l) => (resume.push(l), () => resume.splice(resume.indexOf(l), 1)),
      onFocus: (l) => (focus.push(l), () => focus.splice(focus.indexOf(l), 1)),
      every: (_ms, tick) => (ticks.push(tick), () => ticks.splice(ticks.indexOf(tick), 1)),
    },
    {
      pollMs: 5000,
      focusQuietMs: 10_000,
      clock: { now: () => now },
      signal: (s) => signals.push(s),
    },
  );
  return {
    signals,
    stop,
    setOnline: (value: boolean) => (online = value),
    advance: (ms: number) => (now += ms),
    tick: () => ticks.forEach((t) => t()),
    resume: () => resume.forEach((l) => l()),
    focus: () => focus.forEach((l) => l()),
    listeners: () => ticks.length + resume.length + focus.length,
  };
}

const reasons = (signals: ConnectivitySignal[]) => signals.map((s) => `${s.reason}:${s.online}`);

describe('connectivity signals to the queue', () => {
  it('tells the state at start, then only changes of the online state', () => {
    const s = sources();
    s.tick();
    s.setOnline(false);
    s.tick();
    s.tick();
    s.setOnline(true);
    s.tick();
    expect(reasons(s.signals)).toEqual(['start:true', 'offline:false', 'online:true']);
  });

  it('always tells a resume from sleep, with the state at that moment', () => {
    const s = sources();
    s.setOnline(false);
    s.resume();
    expect(reasons(s.signals)).toEqual(['start:true', 'resume:false']);
  });

  it('tells window focus at most once per quiet period', () => {
    const s = sources();
    s.advance(20_000);
    s.focus();
    s.advance(3_000);
    s.focus();
    s.advance(10_000);
    s.focus();
    expect(reasons(s.signals)).toEqual(['start:true', 'focus:true', 'focus:true']);
    expect(s.signals.map((x) => x.at)).toEqual([0, 20_000, 33_000]);
  });

  it('stops listening everywhere', () => {
    const s = sources();
    s.stop();
    expect(s.listeners()).toBe(0);
  });
});
