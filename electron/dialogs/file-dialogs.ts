import { dialog } from 'electron';
import type { BrowserWindow } from 'electron';
import type { FileDialogs } from '../store-ops/ports';

/**
 * The manager picks files in main's own dialogs (issue 6: "the renderer never touches disk"):
 * the page asks for an import or an export, main shows the dialog, reads or writes the file,
 * and answers with a summary. Modal to the app window when there is one.
 */
export function electronFileDialogs(parent: () => BrowserWindow | null): FileDialogs {
  const owner = () => {
    const window = parent();
    return window && !window.isDestroyed() ? window : null;
  };
  return {
    async chooseImportFile() {
      const options: Electron.OpenDialogOptions = {
        title: '영수증 가져오기 / Import receipts',
        properties: ['openFile'],
        filters: [
          { name: 'CSV / Excel', extensions: ['csv', 'xlsx', 'txt'] },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const window = owner();
      const picked = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
    async chooseCsvDestination(defaultName) {
      const options: Electron.SaveDialogOptions = {
        title: 'CSV 저장 / Save CSV',
        defaultPath: defaultName,
        filters: [{ name: 'CSV (UTF-8)', extensions: ['csv'] }],
      };
      const window = owner();
      const chosen = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return chosen.canceled || chosen.filePath === undefined || chosen.filePath === ''
        ? null
        : chosen.filePath;
    },
    async chooseBackupFolder() {
      const options: Electron.OpenDialogOptions = {
        title: '백업 폴더 선택 / Choose the backup folder',
        properties: ['openDirectory', 'createDirectory'],
      };
      const window = owner();
      const picked = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
  };
}
