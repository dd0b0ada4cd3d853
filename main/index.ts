// The Electron entry: thin on purpose. It finds the workspace, builds the same backend the CLI
// uses, opens the hardened window and wires IPC. Everything else is plain TypeScript tested
// under Node (DESIGN.md §2).

import { app, BrowserWindow, dialog, ipcMain, safeStorage, shell } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { initDemoWorkspace } from './demo/workspace';
import { createBackend } from './engine/backend';
import { setWorkerBundleDir } from './engine/workers';
import type { SessionState } from './security/session';
import { emitTo, registerIpc } from './electron/ipc-adapter';
import { ElectronPdfPrinter, ElectronSystemPrinter } from './electron/printing';
import { ElectronLinkOpener } from './electron/links';
import { UI_TEXT } from '../shared/i18n/ui';
import { createMainWindow } from './electron/window';

const here = fileURLToPath(new URL('.', import.meta.url));
setWorkerBundleDir(here);

function configArg(): string | undefined {
  const i = process.argv.indexOf('--config');
  return i > 0 ? process.argv[i + 1] : process.env.SALDO_CONFIG;
}

/** The workspace: --config / SALDO_CONFIG, else the user's own; on a first start, a demo one. */
async function resolveConfig(): Promise<string> {
  const given = configArg();
  if (given) return given;
  const own = join(app.getPath('userData'), 'saldo.json');
  if (existsSync(own)) return own;
  const demo = join(app.getPath('userData'), 'demo');
  const demoConfig = join(demo, 'saldo.json');
  if (!existsSync(demoConfig)) await initDemoWorkspace(demo, { premises: 500, months: 12, locale: 'pl', seed: 'saldo' });
  return demoConfig;
}

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(async () => {
  const rendererFile = join(here, '../renderer/index.html');
  const appUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(rendererFile).href;
  let win: BrowserWindow | null = null;
  const contents = () => (win && !win.isDestroyed() ? win.webContents : null);

  const backend = createBackend(await resolveConfig(), {
    ports: {
      secrets: { safeStorage },
      pdf: new ElectronPdfPrinter(BrowserWindow),
      printer: new ElectronSystemPrinter(BrowserWindow),
      links: new ElectronLinkOpener(shell, dialog, () => win, () => {
        const t = UI_TEXT[backend.ws.locale()];
        return { title: t.link_title, message: t.link_message, open: t.link_open, cancel: t.link_cancel };
      }),
    },
    emit: emitTo(contents),
  });
  // The window starts signed out: the renderer shows the sign-in (or first-start set-up) screen.
  const session: SessionState = { actor: null };
  registerIpc(ipcMain, backend.dispatcher, { contents, appUrl, session });

  win = createMainWindow(BrowserWindow, join(here, '../preload/index.cjs'), appUrl);
  if (process.env.ELECTRON_RENDERER_URL) await win.loadURL(appUrl);
  else await win.loadFile(rendererFile);

  app.on('window-all-closed', async () => {
    await backend.close();
    app.quit();
  });
});
