import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { ModeStatus } from '../../../../shared/contract/manager-models';
import { okResult, settings } from '../../fakePos';
import { NOW, renderManager } from '../../renderManager';

const mode: ModeStatus = {
  mode: 'training',
  modeAfterRestart: 'training',
  preference: 'auto',
  restartRequired: false,
  liveBlockedBy: null,
};
const printers = [
  { name: 'EPSON_TM_T82', displayName: 'EPSON TM-T82 Receipt', description: '80mm' },
  { name: 'Microsoft_Print_to_PDF', displayName: 'Microsoft Print to PDF', description: '' },
];

function open(extra: Parameters<typeof renderManager>[1] = {}) {
  return renderManager('settings', {
    'credentials.status': () =>
      okResult({
        set: false,
        encryptionAvailable: true,
        updatedAt: null,
        modeAfterRestart: 'training',
      }),
    'mode.status': () => okResult(mode),
    'settings.update': (patch) => okResult({ ...settings(), ...(patch as object) }),
    'printers.list': () => okResult({ printers }),
    'printers.testPrint': (payload) =>
      okResult({
        printed: true,
        printer: (payload as { printerName: string }).printerName,
        reprint: false,
        problem: null,
      }),
    'backup.status': () => okResult({ folder: '', last: null }),
    ...extra,
  });
}

/** Issue 12 finding 5: the printer is picked from the system's list, and tried before saving. */
describe('finding 5: the receipt printer in the settings', () => {
  it('picks from the list (default first), prints a test slip on the choice, saves the system name', async () => {
    const { user, fake } = await open();
    const select = await screen.findByRole('combobox', { name: '영수증 프린터' });
    await waitFor(() =>
      expect(
        within(select)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['이 컴퓨터의 기본 프린터', 'EPSON TM-T82 Receipt', 'Microsoft Print to PDF']),
    );
    expect(screen.queryByRole('textbox', { name: /프린터/ })).toBeNull();
    await user.selectOptions(select, 'EPSON_TM_T82');
    await user.click(screen.getByRole('button', { name: '시험 인쇄' }));
    expect(fake.callsTo('printers.testPrint')).toEqual([{ printerName: 'EPSON_TM_T82' }]);
    expect(await screen.findByText(/시험 전표를 보냈습니다 \(EPSON_TM_T82\)/)).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: /완료 전표를 자동으로 인쇄/ }));
    await user.click(screen.getByRole('button', { name: '설정 저장 (Enter)' }));
    expect(fake.callsTo('settings.update')).toEqual([
      { printerName: 'EPSON_TM_T82', autoPrintSettled: true },
    ]);
  });

  it('the default printer tests too; a saved printer missing from the list stays, marked', async () => {
    const { user, fake } = await open({
      'settings.get': () => okResult(settings({ printerName: 'OLD_PRINTER' })),
    });
    const select = await screen.findByRole('combobox', { name: '영수증 프린터' });
    await waitFor(() => expect(select).toHaveValue('OLD_PRINTER'));
    expect(
      within(select).getByRole('option', { name: /OLD_PRINTER \(지금 목록에 없음/ }),
    ).toBeInTheDocument();
    await user.selectOptions(select, '');
    await user.click(screen.getByRole('button', { name: '시험 인쇄' }));
    expect(fake.callsTo('printers.testPrint')).toEqual([{ printerName: '' }]);
    expect(await screen.findByText(/\(이 컴퓨터의 기본 프린터\)/)).toBeInTheDocument();
  });
});

/** Issue 12 finding 9: the backup folder is chosen in main's dialog; "back up now". */
describe('finding 9: the backup panel', () => {
  it('chooses a folder through main, backs up now, and shows the last backup', async () => {
    const folder = 'E:\\kicc-backup';
    const { user, fake } = await open({
      'backup.folder': () => okResult({ folder, last: null }),
      'backup.run': () =>
        okResult({
          ok: true,
          at: NOW,
          trigger: 'manual',
          file: `${folder}\\kicc-desk-live-20231226-100000.sqlite`,
          bytes: 8192,
          problem: null,
        }),
    });
    const panel = await screen.findByRole('region', { name: '백업' });
    expect(panel).toHaveTextContent('정하지 않음 (백업하지 않음)');
    expect(within(panel).queryByRole('button', { name: '지금 백업' })).toBeNull();
    await user.click(within(panel).getByRole('button', { name: '폴더 선택…' }));
    expect(fake.callsTo('backup.folder')).toEqual([{ action: 'choose' }]);
    expect(await within(panel).findByText(folder)).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: '지금 백업' }));
    expect(
      await within(panel).findByText(/kicc-desk-live-20231226-100000\.sqlite/),
    ).toBeInTheDocument();
    expect(fake.callsTo('backup.run')).toEqual([{}]);
  });
});
