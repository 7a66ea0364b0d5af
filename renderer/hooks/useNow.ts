import { useEffect, useState } from 'react';
import { useDesk } from '../stores/context';

/**
 * The desk's clock, re-read every second while `ticking` (a lock-out countdown); otherwise read
 * once per render. The clock is the desk's (injected), so tests fix the time.
 */
export function useNow(ticking: boolean): number {
  const desk = useDesk();
  const [now, setNow] = useState(() => desk.now());
  useEffect(() => {
    if (!ticking) return;
    setNow(desk.now());
    const timer = setInterval(() => setNow(desk.now()), 1_000);
    return () => clearInterval(timer);
  }, [desk, ticking]);
  return ticking ? now : desk.now();
}
