import { ipcMain } from 'electron';
import Store from 'electron-store';
import type { SettingsFileBackend } from './settings-store';
import { settingsStoreOptions } from './settings-store';

/**
 * The settings file through electron-store (<userData>/settings.json; atomic writes, JSON
 * Schema validation). electron-store registers an ipcMain listener of its own
 * ('electron-store-get-data', for use from a renderer with Node); this app's page has no
 * ipcRenderer, and ipcMain should answer contract channels only (Electron checklist 17), so it
 * is removed again.
 */
export function electronSettingsBackend(dataDir: string): SettingsFileBackend {
  const options = settingsStoreOptions(dataDir) as ConstructorParameters<typeof Store>[0];
  const store = new Store(options);
  ipcMain.removeAllListeners('electron-store-get-data');
  return store as unknown as SettingsFileBackend;
}
