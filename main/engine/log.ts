// One log file per module (seed 003: "one folder and one log per module"), through electron-log's
// Node entry so the CLI and the app share it. Timestamps carry their UTC offset. Never log a
// secret: callers pass labels, not connection strings.

import log from 'electron-log/node.js';
import { join } from 'node:path';

export interface ModuleLog {
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

const loggers = new Map<string, ModuleLog>();

export function moduleLog(logsDir: string, module: string): ModuleLog {
  const file = join(logsDir, `${module}.log`);
  const existing = loggers.get(file);
  if (existing) return existing;
  const l = log.create({ logId: `saldo:${file}` });
  // electron-log otherwise looks for a package.json near the working directory to name the app,
  // and silently logs nothing when a scheduled job runs from elsewhere.
  l.transports.file.setAppName('Saldo');
  l.transports.file.resolvePathFn = () => file;
  l.transports.file.format = '[{y}-{m}-{d}T{h}:{i}:{s}.{ms}{z}] [{level}] {text}';
  l.transports.console.level = false;
  loggers.set(file, l);
  return l;
}
