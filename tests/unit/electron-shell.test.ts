// The Electron shell's hardening, proven with `electron` mocked (no Electron binary can run here).
import { describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../shared/ipc/contract';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (channel: string, req: unknown) => ({ ok: true, value: { channel, req } }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
  ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
}));

import { CSP, createMainWindow, hardenContents, hardenSession, isAppUrl, windowOptions } from '../../main/electron/window';
import { senderIsTrusted } from '../../main/electron/ipc-adapter';

type Handler = (...args: any[]) => any;

function fakeContents() {
  const handlers: Record<string, Handler> = {};
  let openHandler: Handler | null = null;
  const session = {
    permissionRequest: null as Handler | null,
    permissionCheck: null as Handler | null,
    headers: null as Handler | null,
    setPermissionRequestHandler(h: Handler) { this.permissionRequest = h; },
    setPermissionCheckHandler(h: Handler) { this.permissionCheck = h; },
    webRequest: { onHeadersReceived: (h: Handler) => (session.headers = h) },
  };
  return {
    handlers,
    session,
    get openHandler() { return openHandler; },
    setWindowOpenHandler: (h: Handler) => (openHandler = h),
    on: (ev: string, h: Handler) => (handlers[ev] = h),
  };
}

const APP = 'file:///opt/Saldo/resources/app.asar/out/renderer/index.html';

describe('the main window', () => {
  it('runs the renderer isolated: contextIsolation and sandbox on, nodeIntegration off', () => {
    const o = windowOptions('/x/preload.cjs');
    expect(o.webPreferences).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(o.show).toBe(false);
  });

  it('denies new windows, foreign navigation, webviews and every permission request', () => {
    const c = fakeContents();
    hardenContents(c as never, APP);
    hardenSession(c.session as never);
    expect(c.openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    for (const ev of ['will-navigate', 'will-redirect']) {
      const e = { preventDefault: vi.fn() };
      c.handlers[ev](e, 'https://evil.example/');
      expect(e.preventDefault).toHaveBeenCalled();
      const ok = { preventDefault: vi.fn() };
      c.handlers[ev](ok, APP + '#journal');
      expect(ok.preventDefault).not.toHaveBeenCalled();
    }
    const wv = { preventDefault: vi.fn() };
    c.handlers['will-attach-webview'](wv);
    expect(wv.preventDefault).toHaveBeenCalled();
    const cb = vi.fn();
    c.session.permissionRequest!(null, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(c.session.permissionCheck!()).toBe(false);
  });

  it('sends a strict CSP with every response: no inline or remote script', () => {
    const c = fakeContents();
    hardenSession(c.session as never);
    const cb = vi.fn();
    c.session.headers!({ responseHeaders: { a: ['b'] } }, cb);
    const csp = cb.mock.calls[0][0].responseHeaders['Content-Security-Policy'][0] as string;
    expect(csp).toBe(CSP);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('builds the window with those options and hardens it', () => {
    const c = fakeContents();
    const Ctor = vi.fn(function (this: any, opts: unknown) {
      this.opts = opts;
      this.webContents = { ...c, session: c.session };
      this.once = vi.fn();
    });
    const win = createMainWindow(Ctor as never, '/p.cjs', APP) as any;
    expect(win.opts.webPreferences.sandbox).toBe(true);
    expect(c.session.permissionRequest).not.toBeNull();
  });

  it('recognises only its own page', () => {
    expect(isAppUrl(APP, APP)).toBe(true);
    expect(isAppUrl('file:///tmp/evil.html', APP)).toBe(false);
    expect(isAppUrl('not a url', APP)).toBe(false);
  });

  it('trusts IPC only from its own window’s main frame on its own page', () => {
    const contents = {} as never;
    const frame = (url: string, parent: unknown = null) => ({ url, parent });
    expect(senderIsTrusted({ sender: contents, senderFrame: frame(APP) } as never, contents, APP)).toBe(true);
    expect(senderIsTrusted({ sender: {}, senderFrame: frame(APP) } as never, contents, APP)).toBe(false);
    expect(senderIsTrusted({ sender: contents, senderFrame: frame(APP, {}) } as never, contents, APP)).toBe(false);
    expect(senderIsTrusted({ sender: contents, senderFrame: frame('https://x.example/') } as never, contents, APP)).toBe(false);
    expect(senderIsTrusted({ sender: contents, senderFrame: null } as never, contents, APP)).toBe(false);
  });
});

describe('the preload', () => {
  it('exposes exactly one named function per contract channel, each bound to its own channel', async () => {
    await import('../../preload/index');
    const api = exposed.saldo as Record<string, (req: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...Object.keys(API_METHODS), 'onJobFinished', 'onJobProgress'].sort());
    expect(api).not.toHaveProperty('invoke');
    for (const [name, channel] of Object.entries(API_METHODS)) {
      invoke.mockClear();
      await api[name]({ probe: name });
      expect(invoke).toHaveBeenCalledWith(channel, { probe: name });
    }
  });
});

describe('the renderer page', () => {
  it('carries the same CSP as the window (less frame-ancestors, which a meta tag cannot set) and no inline script', async () => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const expected = CSP.split('; ').filter((d) => !d.startsWith('frame-ancestors') && !d.startsWith('object-src'));
    for (const d of expected) expect(meta).toContain(d);
    expect(meta).not.toMatch(/unsafe-inline|unsafe-eval/);
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      expect(m[1]).toMatch(/src=/);
      expect(m[2].trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers
  });
});
