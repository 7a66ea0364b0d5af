import { useEffect } from 'react';
import type { Cancellation } from '../../../shared/contract/models';
import { SlipDialog } from '../../components/SlipDialog';
import { useLanguage, useT } from '../../i18n/useT';
import { useDesk } from '../../stores/context';

/**
 * The cancellation slip over the outcome (F6), as main builds and prints it (issue 6: Korean,
 * sized for 80 mm receipt printers, "verifying" version when not final). Opened again from
 * history it is a reprint: main marks the paper "재출력" from its audit log of prints.
 */
export function Slip({ cancellation }: { cancellation: Cancellation }) {
  const desk = useDesk();
  const t = useT();
  const language = useLanguage();
  const { id, state } = cancellation;
  useEffect(() => {
    // re-read when the state moves (a verifying slip becomes the final one) or the language
    void desk.slip.getState().load({ kind: 'cancellation', id }, language);
  }, [desk, id, state, language]);
  return (
    <SlipDialog title={t('slip.title')} onClose={() => desk.nav.getState().setSlipOpen(false)} />
  );
}
