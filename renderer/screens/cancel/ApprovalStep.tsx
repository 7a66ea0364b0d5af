import { PinField } from '../../components/PinField';
import { formatKstTime } from '../../format/time';
import { pick } from '../../i18n/translate';
import { useKrw, useLanguage, useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import { pinFieldErrors } from '../manager/pinErrors';
import { pinProblem } from '../manager/pin';

/**
 * Over the cashier's limit, on the SAME confirmation (issue 6 "Approval"): the manager types the
 * PIN here and "confirm" sends the cancellation with it. Main checks the PIN first (a wrong one
 * writes nothing and counts toward the lock-out), then records requester = cashier, approver =
 * manager. In manager mode nothing is asked: the manager approves by being the one at the screen.
 */
export function ApprovalStep() {
  const desk = useDesk();
  const t = useT();
  const krw = useKrw();
  const language = useLanguage();
  const approval = useDeskStore('cancel', (s) => s.approval);
  const overLimit = useDeskStore('cancel', (s) => s.overLimit);
  const sending = useDeskStore('cancel', (s) => s.step === 'sending');
  const managerStatus = useDeskStore('manager', (s) => s.status);

  if (approval === null) {
    // manager mode and over the limit: say who approves
    return overLimit === null ? null : (
      <p className="notice notice-plain approval-direct">
        {t('approval.byManagerMode', { limit: krw(overLimit) })}
      </p>
    );
  }
  const locked = managerStatus?.pin === 'locked' && managerStatus.lockedUntil !== null;
  return (
    <div
      className="approval"
      role="group"
      aria-labelledby="approval-title"
      onKeyDown={(event) => {
        // Enter in the PIN field confirms; a held Enter carried over from "review" does not
        if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
        event.preventDefault();
        if (!event.repeat) void desk.cancel.getState().confirm();
      }}
    >
      <h3 id="approval-title">{t('approval.title')}</h3>
      <p>
        {approval.limit === null
          ? t('approval.needed')
          : t('approval.overLimit', { limit: krw(approval.limit) })}
      </p>
      <PinField
        label={t('approval.pin')}
        value={approval.pin}
        onChange={(pin) => desk.cancel.getState().setApprovalPin(pin)}
        errors={approval.tried ? pinFieldErrors('managerPin', pinProblem(approval.pin)) : []}
        help={t('approval.pinHelp')}
        disabled={sending}
        autoFocus
      />
      {approval.problem && (
        <p className="notice notice-bad" role="alert" data-code={approval.problem.code}>
          {pick(approval.problem.message, language)}
        </p>
      )}
      {locked && approval.problem?.code !== 'locked' && (
        <p className="notice notice-bad" role="alert">
          {t('pin.locked', { time: formatKstTime(managerStatus.lockedUntil ?? 0) })}
        </p>
      )}
    </div>
  );
}
