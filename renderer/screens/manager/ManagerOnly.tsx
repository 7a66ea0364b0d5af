import type { ReactNode } from 'react';
import { useT } from '../../i18n/useT';
import { isManager } from '../../stores/manager';
import { useDesk, useDeskStore } from '../../stores/context';

/**
 * A manager screen's frame: its content only in manager mode. Main refuses every manager channel
 * outside manager mode anyway (`not-manager`); this keeps the page from showing a screen whose
 * every button would be refused, and says how to get in.
 */
export function ManagerOnly({ title, children }: { title: string; children: ReactNode }) {
  const desk = useDesk();
  const t = useT();
  const manager = useDeskStore('manager', (s) => isManager(s.status));
  if (manager) return <>{children}</>;
  return (
    <section className="screen" aria-labelledby="manager-only-title">
      <h1 id="manager-only-title" tabIndex={-1}>
        {title}
      </h1>
      <p className="notice notice-plain">{t('manager.onlyManager')}</p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-autofocus=""
          onClick={() => void desk.manager.getState().open()}
        >
          {t('manager.login')}
        </button>
      </div>
    </section>
  );
}
