// The Electron side of IPC: one ipcMain.handle per contract channel, each going through the
// dispatcher with the sender checked (our window's main frame, our page's URL) and the session's
// operator as the actor. Events go to our window only.

import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { SessionState } from '../security/session';
import { CALLS, JOBS, type EventName, type Events } from '../../shared/ipc/contract';
import type { Dispatcher } from '../ipc/dispatcher';
import { isAppUrl } from './window';

export function senderIsTrusted(event: IpcMainInvokeEvent, contents: WebContents | null, appUrl: string): boolean {
  const frame = event.senderFrame;
  return !!contents && event.sender === contents && !!frame && frame.parent === null && isAppUrl(frame.url, appUrl);
}

export function registerIpc(ipcMain: IpcMain, dispatcher: Dispatcher, opts: { contents: () => WebContents | null; appUrl: string; session: SessionState }): void {
  for (const channel of [...Object.keys(CALLS), ...Object.keys(JOBS)]) {
    ipcMain.handle(channel, (event, req: unknown) =>
      dispatcher.handle(channel, req, {
        session: opts.session,
        trustedSender: senderIsTrusted(event, opts.contents(), opts.appUrl),
        senderLabel: event.senderFrame?.url ?? 'unknown frame',
      }),
    );
  }
}

export function emitTo(contents: () => WebContents | null) {
  return <E extends EventName>(event: E, payload: Events[E]) => {
    const c = contents();
    if (c && !c.isDestroyed()) c.send(event, payload);
  };
}
