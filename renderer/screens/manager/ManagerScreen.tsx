import { useEffect } from 'react';
import type { Screen } from '../../stores/nav';
import { formatKstTime } from '../../format/time';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import { IntegrityPanel } from './IntegrityPanel';
import { ManagerOnly } from './ManagerOnly';

/** The manager's tasks, each one screen (issue 6; docs/manager-guide.md "The manager's tasks"). */
const TASKS: { screen: Screen; title: MessageKey; help: MessageKey }[] = [
  { screen: 'review', title: 'manager.review', help: 'manager.reviewHelp' },
  { screen: 'reports', title: 'manager.reports', help: 'manager.reportsHelp' },
  { screen: 'import', title: 'manager.import', help: 'manager.importHelp' },
  { screen: 'audit', title: 'manager.audit', help: 'manager.auditHelp' },
  { screen: 'settings', title: 'manager.settings', help: 'manager.settingsHelp' },
];

/**
 * The manager menu: what needs a manager now (needs_review count), the tasks, the PIN change, and
 * leaving manager mode (F10 here, or the button). Manager mode also ends by itself after idle
 * time; the status bar shows until when.
 */
export function ManagerScreen() {
  const t = useT();
  return (
    <ManagerOnly title={t('manager.title')}>
      <ManagerMenu />
    </ManagerOnly>
  );
}

function ManagerMenu() {
  const desk = useDesk();
  const t = useT();
  const until = useDeskStore('manager', (s) => s.status?.sessionExpiresAt ?? null);
  const waiting = useDeskStore('review', (s) => s.total);
  const loaded = useDeskStore('review', (s) => s.phase === 'ready');
  useEffect(() => {
    void desk.review.getState().load();
    void desk.integrity.getState().load();
  }, [desk]);

  return (
    <section className="screen manager-screen" aria-labelledby="manager-title">
      <h1 id="manager-title" tabIndex={-1}>
        {t('manager.title')}
      </h1>
      <p className="manager-session">
        {until !== null && t('manager.sessionUntil', { time: formatKstTime(until) })}
      </p>
      {loaded && waiting > 0 && (
        <p className="notice notice-wait" role="status">
          {t('manager.reviewWaiting', { count: waiting })}
        </p>
      )}
      <IntegrityPanel />
      <ul className="task-list">
        {TASKS.map((task, index) => (
          <li key={task.screen}>
            <button
              type="button"
              className="task"
              data-autofocus={index === 0 ? '' : undefined}
              onClick={() => desk.nav.getState().go(task.screen)}
            >
              <span className="task-title">
                {t(task.title)}
                {task.screen === 'review' && loaded && (
                  <span className={`badge badge-${waiting > 0 ? 'wait' : 'plain'}`}>
                    {t('manager.count', { count: waiting })}
                  </span>
                )}
              </span>
              <span className="task-help">{t(task.help)}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={() => desk.manager.getState().openChangePin()}>
          {t('manager.changePin')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void desk.manager.getState().logout()}
        >
          {t('manager.logout')}
        </button>
      </div>
    </section>
  );
}
