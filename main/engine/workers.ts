// Starting a worker thread on a TypeScript module, both ways Saldo runs. From the sources
// (bin/saldo.js, the tests and the benchmarks run TypeScript through tsx) a worker thread does not
// inherit tsx's loader, so the worker first registers it and then imports its module. Bundled
// (electron-vite), each worker is an entry of its own beside index.js and cli.js
// (electron.vite.config.ts lists them); the bundled entries say where that folder is.

import { Worker, type WorkerOptions } from 'node:worker_threads';
import { join } from 'node:path';

let bundleDir: string | null = null;

/** Called by the bundled entries (index.ts, cli/entry.ts) with their own folder. */
export function setWorkerBundleDir(dir: string): void {
  bundleDir = dir;
}

const fromSources = import.meta.url.endsWith('.ts');

/**
 * A worker running `module` (a URL of a .ts file beside the caller) from the sources, or the
 * bundled entry `bundled` (its name in electron.vite.config.ts).
 */
export function startWorker(module: string, bundled: string, options: WorkerOptions = {}): Worker {
  if (fromSources) {
    const tsx = import.meta.resolve('tsx/esm/api');
    const code = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(module)});`;
    return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), options);
  }
  if (!bundleDir) throw new Error(`worker ${bundled}: the bundle's folder is not known`);
  return new Worker(join(bundleDir, `${bundled}.js`), options);
}
