import type { CancellationState } from '../../shared/contract/models';
import { useT } from '../i18n/useT';

/**
 * A cancellation's state in words and colour. Colour is never the only cue (WCAG 1.4.1): the
 * text says it, and the tone class picks a pair of colours with at least 4.5:1 contrast.
 */
export const toneOf = (state: CancellationState | 'none'): 'ok' | 'bad' | 'wait' | 'plain' =>
  state === 'cancelled' ? 'ok' : state === 'rejected' ? 'bad' : state === 'none' ? 'plain' : 'wait';

export function StateBadge({ state }: { state: CancellationState | 'none' }) {
  const t = useT();
  return <span className={`badge badge-${toneOf(state)}`}>{t(`state.${state}`)}</span>;
}
