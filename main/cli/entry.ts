// The CLI entry bundled into the packaged app (out/main/cli.js), run by Saldo.exe in Node mode
// (ELECTRON_RUN_AS_NODE=1) from Task Scheduler; see README. In a checkout, bin/saldo.js runs the
// sources directly.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setWorkerBundleDir } from '../engine/workers';
import { runCli } from './main';

setWorkerBundleDir(dirname(fileURLToPath(import.meta.url)));

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
