// The Electron shell, kept thin: build the app host (settings, logs and the keychain-backed API key
// under userData), open the last project (or the default one, with the bundled data), expose the
// engine through IPC, and show one locked-down window. Running jobs show on the taskbar and are
// paused, never killed, when the window closes. Everything else lives in the engine.
import { app, BrowserWindow, dialog, shell } from 'electron';
import { join } from 'node:path';
import type { JobInfo } from '../src-shared/jobs';
import { AppHost } from './engine/host';
import { findResourcesDir, importBundledDefaults } from './engine/project';
import { createAppService } from './engine/service';
import { registerIpc } from './ipc/register';
import { SafeStorageSecretStore } from './ipc/safe-storage';

let host: AppHost | null = null;
let hostClosed = false;

function resourcesDir(): string {
  // Packaged builds ship resources/ beside app.asar (electron-builder extraResources).
  return app.isPackaged ? join(process.resourcesPath, 'resources') : findResourcesDir();
}

/** The most recent project that still exists, else the default project with the bundled data. */
function openInitialProject(h: AppHost): void {
  const recent = h.recent.list().find((r) => r.exists);
  if (recent) {
    try {
      h.openProject(recent.path);
      return;
    } catch (err) {
      h.logger.error('project.reopen-failed', { path: recent.path, message: (err as Error).message });
    }
  }
  h.openOrCreate(join(app.getPath('userData'), 'default.sqlite'));
  importBundledDefaults(h.project);
}

function createWindow(h: AppHost): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    show: false,
    title: 'Task Atlas',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  // No remote content inside the app: external links open in the user's browser.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  showJobProgress(win, h);
  confirmCloseWhileJobsRun(win, h);
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && devUrl) void win.loadURL(devUrl);
  else void win.loadFile(join(__dirname, '../renderer/index.html'));
}

/** The taskbar / dock progress bar follows the running jobs (their mean fraction done). */
function showJobProgress(win: BrowserWindow, h: AppHost): void {
  const update = (_job: JobInfo) => {
    if (win.isDestroyed()) return;
    const active = h.jobs.activeJobs();
    if (active.length === 0) return win.setProgressBar(-1);
    const known = active.filter((j) => j.progress?.total);
    if (known.length === 0) return win.setProgressBar(2, { mode: 'indeterminate' });
    const fraction = known.reduce((s, j) => s + Math.min(1, j.progress!.done / j.progress!.total!), 0) / known.length;
    const mode = active.every((j) => j.status !== 'running') ? 'paused' : 'normal';
    win.setProgressBar(fraction, { mode });
  };
  h.jobs.on('update', update);
  win.once('closed', () => h.jobs.off('update', update));
}

/** Closing with jobs running asks first; "Pause jobs and quit" pauses them so they resume later. */
function confirmCloseWhileJobsRun(win: BrowserWindow, h: AppHost): void {
  let confirmed = false;
  win.on('close', (event) => {
    const active = h.jobs.activeJobs();
    if (confirmed || active.length === 0) return;
    event.preventDefault();
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Pause jobs and quit', 'Keep working'],
      defaultId: 1,
      cancelId: 1,
      title: 'Jobs are running',
      message: `${active.length === 1 ? 'A job is' : `${active.length} jobs are`} still running: ${active.map((j) => j.label).join(', ')}.`,
      detail: 'Paused jobs keep everything finished so far and resume from there the next time you open this project.',
    });
    if (choice !== 0) return;
    void h.jobs.pauseAll().finally(() => {
      confirmed = true;
      win.close();
    });
  });
}

void app.whenReady().then(() => {
  const userData = app.getPath('userData');
  const h = new AppHost({ configDir: userData, resourcesDir: resourcesDir(), secrets: new SafeStorageSecretStore(userData) });
  host = h;
  openInitialProject(h);
  registerIpc(createAppService(h), h.logger);
  createWindow(h);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(h);
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Quitting waits for running jobs to pause and the project file to be closed cleanly.
app.on('will-quit', (event) => {
  if (!host || hostClosed) return;
  event.preventDefault();
  const closing = host;
  void closing
    .close()
    .catch((err: unknown) => closing.logger.error('app.close-failed', { message: String(err) }))
    .finally(() => {
      hostClosed = true;
      app.quit();
    });
});
