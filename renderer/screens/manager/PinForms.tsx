import { useState, type FormEvent } from 'react';
import type { ManagerStatus } from '../../../shared/contract/manager-models';
import { Field } from '../../components/Field';
import { PinField } from '../../components/PinField';
import { pick } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import type { Desk } from '../../stores/desk';
import { newPinProblem, pinProblem, weakPinWarning } from './pin';
import { pinFieldErrors } from './pinErrors';

/**
 * The PIN forms of ./PinDialog.tsx: login, first-run setup (and setup again after a lost,
 * damaged or changed PIN file, or a forgotten PIN, with the recovery code), change. A PIN that main refused is cleared, so it is typed again from scratch and
 * never kept in the page longer than one try.
 */

/** main's refusal of the last try, in the current language */
/** A field's setter that also retires main's last refusal once the person types again. */
function typing(desk: Desk, set: (value: string) => void): (value: string) => void {
  return (value) => {
    set(value);
    desk.manager.getState().clearProblem();
  };
}

export function PinProblem() {
  const language = useLanguage();
  const problem = useDeskStore('manager', (s) => s.problem);
  if (problem === null) return null;
  return (
    <p className="notice notice-bad" role="alert" data-code={problem.code}>
      {pick(problem.message, language)}
    </p>
  );
}

function Actions({ submit }: { submit: string }) {
  const desk = useDesk();
  const t = useT();
  const busy = useDeskStore('manager', (s) => s.busy);
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('pin.checking') : submit}
      </button>
      <button type="button" onClick={() => desk.manager.getState().close()}>
        {t('pin.cancel')}
      </button>
    </div>
  );
}

export function Login({ status }: { status: ManagerStatus }) {
  const desk = useDesk();
  const t = useT();
  const [pin, setPinText] = useState('');
  const [tried, setTried] = useState(false);
  const setPin = typing(desk, setPinText);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (pinProblem(pin) !== null) return;
    const done = await desk.manager.getState().login(pin);
    // a wrong PIN is typed again from scratch (and never kept in the page)
    if (!done) {
      setPinText('');
      setTried(false);
    }
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <h2 id="pin-title">{t('pin.loginTitle')}</h2>
      <p>{t('pin.loginHelp')}</p>
      <PinField
        label={t('pin.pin')}
        value={pin}
        onChange={setPin}
        errors={tried ? pinFieldErrors('pin', pinProblem(pin)) : []}
        autoFocus
      />
      {status.triesLeft !== null && (
        <p className="hint" data-tries-left={status.triesLeft}>
          {t('pin.triesLeft', { n: status.triesLeft })}
        </p>
      )}
      <PinProblem />
      <Actions submit={t('pin.login')} />
      <p className="pin-forgot">
        <button type="button" className="link" onClick={() => desk.manager.getState().openForgot()}>
          {t('pin.forgot')}
        </button>
      </p>
    </form>
  );
}

/** Shown while typing a new PIN main would refuse as too easy (it still decides on submit). */
function WeakPinWarning({ pin }: { pin: string }) {
  const t = useT();
  const warning = weakPinWarning(pin);
  if (warning === null) return null;
  return (
    <p className="notice notice-wait" role="status" data-weak-pin="">
      {t(warning)}
    </p>
  );
}

function PinRules() {
  const t = useT();
  return (
    <div className="pin-rules" id="pin-rules">
      <p>{t('pin.rulesTitle')}</p>
      <ul>
        <li>{t('pin.ruleDigits')}</li>
        <li>{t('pin.ruleEasy')}</li>
        <li>{t('pin.ruleSecret')}</li>
      </ul>
    </div>
  );
}

/**
 * Why a new PIN is being set: the first time; the PIN file lost, damaged or changed outside the
 * app (the loss path: the recovery code, or the KICC credentials cleared); or a forgotten PIN
 * (the recovery code only). Main decides; the form asks for what main will ask (issue 11).
 */
export type SetupMode = 'first' | 'missing' | 'corrupt' | 'changed' | 'forgot';

const LOST_TEXT = {
  missing: 'pin.lost',
  corrupt: 'pin.corruptLost',
  changed: 'pin.changedLost',
  forgot: 'pin.forgotHelp',
} as const;

export function SetupPin({ mode }: { mode: SetupMode }) {
  const desk = useDesk();
  const t = useT();
  const [pin, setPinText] = useState('');
  const [again, setAgainText] = useState('');
  const [code, setCodeText] = useState('');
  const setPin = typing(desk, setPinText);
  const setAgain = typing(desk, setAgainText);
  const setCode = typing(desk, setCodeText);
  const [acknowledged, setAcknowledged] = useState(false);
  const [tried, setTried] = useState(false);
  const lost = mode !== 'first';
  const withCode = code.trim() !== '';
  // the forgotten PIN needs the code; the loss path takes the code or the acknowledgement
  const missingChoice = lost && !withCode && (mode === 'forgot' || !acknowledged);
  const first = tried ? pinFieldErrors('pin', pinProblem(pin)) : [];
  const second =
    tried && first.length === 0 ? pinFieldErrors('confirmation', newPinProblem(pin, again)) : [];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (newPinProblem(pin, again) !== null || missingChoice) return;
    const done = await desk.manager.getState().setup(pin, again, {
      acknowledgeLoss: lost && !withCode && acknowledged,
      ...(withCode ? { recoveryCode: code.trim() } : {}),
    });
    if (!done) {
      setPinText('');
      setAgainText('');
      setTried(false);
    }
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <h2 id="pin-title">
        {t(
          mode === 'first'
            ? 'pin.setupTitle'
            : mode === 'forgot'
              ? 'pin.forgotTitle'
              : 'pin.lostTitle',
        )}
      </h2>
      {mode === 'first' ? (
        <p>{t('pin.setupHelp')}</p>
      ) : (
        <p className={`notice ${mode === 'forgot' ? 'notice-plain' : 'notice-bad'}`} role="alert">
          {t(LOST_TEXT[mode])}
        </p>
      )}
      <PinRules />
      <PinField
        label={t('pin.newPin')}
        value={pin}
        onChange={setPin}
        errors={first}
        help={t('pin.ruleDigits')}
        autoFocus
      />
      <WeakPinWarning pin={pin} />
      <PinField label={t('pin.confirmPin')} value={again} onChange={setAgain} errors={second} />
      {lost && (
        <Field
          label={t('pin.recoveryCode')}
          value={code}
          onChange={setCode}
          help={t('pin.recoveryCodeHelp')}
          maxLength={40}
          autoComplete="off"
          className="mono recovery-input"
        />
      )}
      {lost && mode !== 'forgot' && !withCode && (
        <label className="check">
          <input
            type="checkbox"
            checked={acknowledged}
            onChange={(event) => setAcknowledged(event.target.checked)}
            aria-invalid={tried && missingChoice}
          />
          {t('pin.acknowledgeLoss')}
        </label>
      )}
      {tried && missingChoice && (
        <p className="field-errors" role="alert">
          {t(mode === 'forgot' ? 'pin.recoveryCodeRequired' : 'pin.acknowledgeRequired')}
        </p>
      )}
      <PinProblem />
      <Actions submit={t('pin.setup')} />
    </form>
  );
}

export function ChangePin() {
  const desk = useDesk();
  const t = useT();
  const [current, setCurrentText] = useState('');
  const [pin, setPinText] = useState('');
  const [again, setAgainText] = useState('');
  const setCurrent = typing(desk, setCurrentText);
  const setPin = typing(desk, setPinText);
  const setAgain = typing(desk, setAgainText);
  const [tried, setTried] = useState(false);
  const currentErrors = tried ? pinFieldErrors('currentPin', pinProblem(current)) : [];
  const newErrors = tried ? pinFieldErrors('newPin', pinProblem(pin)) : [];
  const againErrors =
    tried && newErrors.length === 0
      ? pinFieldErrors('confirmation', newPinProblem(pin, again))
      : [];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (pinProblem(current) !== null || newPinProblem(pin, again) !== null) return;
    const done = await desk.manager.getState().changePin(current, pin, again);
    if (!done) {
      setCurrentText('');
      setPinText('');
      setAgainText('');
      setTried(false);
    }
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <h2 id="pin-title">{t('pin.changeTitle')}</h2>
      <PinRules />
      <PinField
        label={t('pin.currentPin')}
        value={current}
        onChange={setCurrent}
        errors={currentErrors}
        autoFocus
      />
      <PinField label={t('pin.newPin')} value={pin} onChange={setPin} errors={newErrors} />
      <WeakPinWarning pin={pin} />
      <PinField
        label={t('pin.confirmPin')}
        value={again}
        onChange={setAgain}
        errors={againErrors}
      />
      <PinProblem />
      <Actions submit={t('pin.change')} />
    </form>
  );
}
