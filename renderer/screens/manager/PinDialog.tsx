import { useEffect } from 'react';
import type { ManagerStatus } from '../../../shared/contract/manager-models';
import { Dialog } from '../../components/Dialog';
import { formatKstTime } from '../../format/time';
import { useNow } from '../../hooks/useNow';
import { useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import { ChangePin, Login, SetupPin } from './PinForms';
import { RecoveryCode } from './RecoveryCode';
import { timeLeft } from './pinErrors';

/**
 * Manager mode by PIN (issue 6 "Roles"), one dialog for what main says the PIN's state is:
 * first-run setup (PIN twice, rules explained), a PIN file lost, damaged or changed outside the
 * app (setup again: the recovery code, or acknowledged with the credentials cleared), login
 * (tries left, "forgot the PIN"), locked (until when, counting down); in manager mode, the PIN
 * change; and after any new PIN, its one-time recovery code (issue 11). Every decision is main's; the dialog shows main's refusals as they come.
 */
export function PinDialog() {
  const desk = useDesk();
  const dialog = useDeskStore('manager', (s) => s.dialog);
  const status = useDeskStore('manager', (s) => s.status);
  if (dialog === 'closed') return null;
  const close = () => desk.manager.getState().close();
  return (
    <Dialog labelledBy="pin-title" onClose={close} className="pin-dialog">
      {dialog === 'recovery' ? (
        <RecoveryCode />
      ) : dialog === 'change' ? (
        <ChangePin />
      ) : dialog === 'forgot' ? (
        <SetupPin mode="forgot" />
      ) : status === null ? (
        <Checking />
      ) : status.pin === 'not-set' ? (
        <SetupPin mode="first" />
      ) : status.pin === 'missing' || status.pin === 'corrupt' || status.pin === 'changed' ? (
        <SetupPin mode={status.pin} />
      ) : status.pin === 'locked' ? (
        <Locked status={status} />
      ) : (
        <Login status={status} />
      )}
    </Dialog>
  );
}

function Checking() {
  const t = useT();
  return (
    <>
      <h2 id="pin-title">{t('pin.loginTitle')}</h2>
      <p role="status">{t('pin.checking')}</p>
      <CloseOnly />
    </>
  );
}

export function CloseOnly() {
  const desk = useDesk();
  const t = useT();
  return (
    <div className="actions">
      <button type="button" data-autofocus="" onClick={() => desk.manager.getState().close()}>
        {t('pin.close')}
      </button>
    </div>
  );
}

function Locked({ status }: { status: ManagerStatus }) {
  const desk = useDesk();
  const t = useT();
  const until = status.lockedUntil ?? 0;
  const now = useNow(true);
  const over = now >= until;
  useEffect(() => {
    // the lock has run out: main says what comes next (ready again)
    if (over) void desk.manager.getState().load();
  }, [desk, over]);
  return (
    <>
      <h2 id="pin-title">{t('pin.lockedTitle')}</h2>
      <div className="notice notice-bad" role="alert">
        <p>{t('pin.locked', { time: formatKstTime(until) })}</p>
        <p className="lock-countdown" aria-live="off">
          {t('pin.lockedLeft', { left: timeLeft(t, until, now) })}
        </p>
      </div>
      <p>{t('pin.lockedHelp')}</p>
      <CloseOnly />
    </>
  );
}
