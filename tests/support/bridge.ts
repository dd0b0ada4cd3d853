// TEST-ONLY loopback bridge: serves the built renderer and gives the page a `window.saldo` that
// talks HTTP to the SAME dispatcher the Electron adapter uses, so end-to-end tests in Debian's
// Chromium exercise the real validation, permission checks and services. It lives under tests/
// and is never bundled into the app (electron-vite builds only main/, preload/ and renderer/).

import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, resolve, sep } from 'node:path';
import type { SessionState } from '../../main/security/session';
import { API_METHODS, type EventName, type Events } from '../../shared/ipc/contract';
import { createBackend, type Backend } from '../../main/engine/backend';
import { ensureKnownOperator } from '../../main/engine/workspace';
import { ChromiumPdfPrinter } from '../../main/reports/pdf';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

// The page-side client: one function per API method, each posting to its channel; events over SSE.
function clientScript(): string {
  return `(() => {
  const methods = ${JSON.stringify(API_METHODS)};
  const api = {};
  for (const [name, channel] of Object.entries(methods)) {
    api[name] = async (req) => {
      const r = await fetch('/__bridge/call/' + encodeURIComponent(channel), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(req === undefined ? {} : req) });
      return r.json();
    };
  }
  const listeners = { 'job.progress': new Set(), 'job.finished': new Set() };
  const es = new EventSource('/__bridge/events');
  for (const ev of Object.keys(listeners)) es.addEventListener(ev, (m) => { const p = JSON.parse(m.data); for (const cb of listeners[ev]) cb(p); });
  api.onJobProgress = (cb) => { listeners['job.progress'].add(cb); return () => listeners['job.progress'].delete(cb); };
  api.onJobFinished = (cb) => { listeners['job.finished'].add(cb); return () => listeners['job.finished'].delete(cb); };
  window.saldo = Object.freeze(api);
})();`;
}

export interface Bridge {
  url: string;
  backend: Backend;
  /** Change the acting operator (the operators issue signs in through the window instead). */
  actAs(name: string): void;
  close(): Promise<void>;
}

export async function startBridge(opts: { configFile: string; staticDir: string; operator?: string; signedIn?: boolean; throttleMs?: number }): Promise<Bridge> {
  const staticDir = resolve(opts.staticDir);
  const clients = new Set<ServerResponse>();
  const emit = <E extends EventName>(event: E, payload: Events[E]) => {
    for (const c of clients) c.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  };
  const backend = createBackend(opts.configFile, {
    ports: { pdf: new ChromiumPdfPrinter(), secrets: { keyFile: join(dirname(opts.configFile), '.test-secret.key') } },
    emit,
    throttleMs: opts.throttleMs,
  });
  // Signed in as the workspace's operator unless the test wants the sign-in screen.
  const session: SessionState = { actor: opts.signedIn === false ? null : ensureKnownOperator(backend.ws, opts.operator) };

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((res, rej) => {
      let s = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => {
        s += c;
        if (s.length > 20_000_000) req.destroy(new Error('body too large'));
      });
      req.on('end', () => res(s));
      req.on('error', rej);
    });

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/__bridge/client.js') {
      res.writeHead(200, { 'content-type': TYPES['.js'] });
      return res.end(clientScript());
    }
    if (url.pathname === '/__bridge/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (url.pathname.startsWith('/__bridge/call/') && req.method === 'POST') {
      const channel = decodeURIComponent(url.pathname.slice('/__bridge/call/'.length));
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        body = undefined; // the dispatcher answers with a validation problem
      }
      const answer = await backend.dispatcher.handle(channel, body, { session, trustedSender: true, senderLabel: 'test-bridge' });
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(answer));
    }
    // Static files of the built renderer; index.html gets the bridge client before the app script.
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = resolve(staticDir, rel);
    if (!file.startsWith(staticDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404);
      return res.end('not found');
    }
    if (rel === 'index.html') {
      const html = readFileSync(file, 'utf8').replace('<head>', '<head><script src="/__bridge/client.js"></script>');
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      return res.end(html);
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    backend,
    actAs: (name) => {
      session.actor = ensureKnownOperator(backend.ws, name);
    },
    close: async () => {
      for (const c of clients) c.end();
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await backend.close();
    },
  };
}

export const RENDERER_DIR = join(process.cwd(), 'out', 'renderer');
