// The Electron shell, kept thin: windows, dialogs, the keychain-backed API key and a relay. The engine
// (project, jobs, every contract call) runs in a utility process (engine-process/index.ts), so heavy
// work never freezes a window; a crashed engine is reported in the window and restarted. Running jobs
// show on the taskbar and are paused, never killed, when the window closes or the app quits.
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { join } from 'node:path';
import type { EngineEvent } from '../src-shared/events';
import { isActive, type JobInfo } from '../src-shared/jobs';
import { createLogger } from './engine/log';
import { forkEngine } from './ipc/engine-child';
import { EngineRelay } from './engine-process/relay';
import { JobTracker } from './ipc/job-tracker';
import { broadcast, registerIpc } from './ipc/register';
import { keychainSigningKey, SafeStorageSecretStore } from './ipc/safe-storage';

/** How long quitting waits for the engine to pause its jobs and close the project. */
const SHUTDOWN_TIMEOUT_MS = 20_000;
/** How long closing a window waits for jobs.list before trusting the pushed job events. */
const JOBS_LIST_TIMEOUT_MS = 2_000;

let relay: EngineRelay | null = null;
let engineClosed = false;
const tracker = new JobTracker();

function resourcesDir(): string | null {
  // Packaged builds ship resources/ beside app.asar (electron-builder extraResources); in
  // development the engine finds resources/ from its own location.
  return app.isPackaged ? join(process.resourcesPath, 'resources') : null;
}

function startEngine(userData: string): EngineRelay {
  const logger = createLogger(join(userData, 'logs', 'shell.log'));
  const secrets = new SafeStorageSecretStore(userData);
  const signingKey = keychainSigningKey(userData);
  const r = new EngineRelay({
    spawn: () => forkEngine(join(__dirname, 'engine-process.js')),
    init: () => ({
      configDir: userData,
      resourcesDir: resourcesDir(),
      defaultProject: join(userData, 'default.sqlite'),
      apiKey: secrets.get(),
      keychainAvailable: secrets.keychainAvailable,
      signingKey,
    }),
    onEvent: (event) => onEngineEvent(event),
    persistSecret: (key) => secrets.set(key),
    warn: (event, fields) => logger.warn(event, fields),
  });
  registerIpc(r, { indexFile: rendererIndex(), devUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL }, logger);
  r.start();
  return r;
}

function onEngineEvent(event: EngineEvent): void {
  tracker.update(event);
  broadcast(event);
  const { fraction, mode } = tracker.taskbar();
  for (const win of BrowserWindow.getAllWindows()) {
    if (!win.isDestroyed()) win.setProgressBar(fraction, { mode });
  }
}

function createWindow(): void {
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
  // No remote content inside the app: https links open in the user's browser, nothing else opens.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isHttps(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  confirmCloseWhileJobsRun(win);
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && devUrl) void win.loadURL(devUrl);
  else void win.loadFile(rendererIndex());
}

function rendererIndex(): string {
  return join(__dirname, '../renderer/index.html');
}

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The engine's running jobs; the pushed events stand in when the engine is too busy to answer. */
async function runningJobs(): Promise<JobInfo[]> {
  if (!relay) return [];
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), JOBS_LIST_TIMEOUT_MS));
  const answer = await Promise.race([relay.call('jobs.list', {}), timeout]);
  if (answer?.ok) return (answer.result as JobInfo[]).filter(isActive);
  return tracker.active();
}

/** Closing with jobs running asks first; "Pause jobs and quit" pauses them so they resume later. */
function confirmCloseWhileJobsRun(win: BrowserWindow): void {
  let confirmed = false;
  let asking = false;
  win.on('close', (event) => {
    if (confirmed) return;
    event.preventDefault();
    if (asking) return;
    asking = true;
    void decideClose(win)
      .then((close) => {
        if (!close || win.isDestroyed()) return;
        confirmed = true;
        win.close();
      })
      .finally(() => (asking = false));
  });
}

async function decideClose(win: BrowserWindow): Promise<boolean> {
  const active = await runningJobs();
  if (active.length === 0) return true;
  const { response } = await dialog.showMessageBox(win, {
    type: 'question',
    buttons: ['Pause jobs and quit', 'Keep working'],
    defaultId: 1,
    cancelId: 1,
    title: 'Jobs are running',
    message: `${active.length === 1 ? 'A job is' : `${active.length} jobs are`} still running: ${active.map((j) => j.label).join(', ')}.`,
    detail: 'Paused jobs keep everything finished so far and resume from there the next time you open this project.',
  });
  if (response !== 0) return false;
  await relay?.pauseAll();
  return true;
}

void app.whenReady().then(() => {
  // The app asks for no permission (camera, notifications, geolocation...): deny every request.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  relay = startEngine(app.getPath('userData'));
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Quitting waits for the engine to pause running jobs and close the project file cleanly.
app.on('will-quit', (event) => {
  if (!relay || engineClosed) return;
  event.preventDefault();
  void relay.shutdown(SHUTDOWN_TIMEOUT_MS).finally(() => {
    engineClosed = true;
    app.quit();
  });
});
