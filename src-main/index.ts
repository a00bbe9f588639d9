// The Electron shell, kept thin: open the project, import bundled data on first start, expose the
// engine through IPC, and show one locked-down window. Everything else lives in the engine.
import { app, BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { closeProject, findResourcesDir, importBundledDefaults, openProject, type Project } from './engine/project';
import { createService } from './engine/service';
import { registerIpc } from './ipc/register';

let project: Project | null = null;

function resourcesDir(): string {
  // Packaged builds ship resources/ beside app.asar (electron-builder extraResources).
  return app.isPackaged ? join(process.resourcesPath, 'resources') : findResourcesDir();
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
  // No remote content inside the app: external links open in the user's browser.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && devUrl) void win.loadURL(devUrl);
  else void win.loadFile(join(__dirname, '../renderer/index.html'));
}

void app.whenReady().then(() => {
  project = openProject(join(app.getPath('userData'), 'default.sqlite'), { resourcesDir: resourcesDir() });
  importBundledDefaults(project);
  registerIpc(createService(project));
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  if (project) closeProject(project);
  project = null;
});
