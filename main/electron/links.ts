// Opens a checked https link in the operator's own browser, after asking them (the dialog names
// the host, so a link that says one thing and goes elsewhere is visible).

import type { BrowserWindow, Dialog, Shell } from 'electron';
import type { LinkOpener } from '../engine/ports';

export class ElectronLinkOpener implements LinkOpener {
  constructor(
    private readonly shell: Shell,
    private readonly dialog: Dialog,
    private readonly parent: () => BrowserWindow | null,
    private readonly text: () => { title: string; message: string; open: string; cancel: string },
  ) {}

  async open(url: URL): Promise<boolean> {
    const t = this.text();
    const opts = { type: 'question' as const, title: t.title, message: t.message.replace('{host}', url.host), detail: url.href, buttons: [t.open, t.cancel], defaultId: 1, cancelId: 1 };
    const win = this.parent();
    const { response } = win ? await this.dialog.showMessageBox(win, opts) : await this.dialog.showMessageBox(opts);
    if (response !== 0) return false;
    await this.shell.openExternal(url.href);
    return true;
  }
}
