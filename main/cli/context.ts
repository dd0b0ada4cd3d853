// What a feature's CLI commands get from `runCli` (main/cli/main.ts): the output, the global
// options, and the helpers that open the workspace and go through the dispatcher as the CLI's
// operator, so every command obeys the same permissions and prints problems the same way.

import type { Command } from 'commander';
import type { Locale, Problem, RunStatus } from '../../shared/domain/types';
import type { JobFinished } from '../../shared/ipc/contract';
import type { CliText } from '../../shared/i18n/cli';
import type { Backend } from '../engine/backend';

export interface CliIo {
  out(s: string): void;
  err(s: string): void;
  isTTY: boolean;
}

export interface Globals {
  config?: string;
  json?: boolean;
  operator?: string;
  lang?: Locale;
}

/** Thrown to end a command with an exit code (DESIGN.md §5) after its output is printed. */
export class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export interface CliContext {
  io: CliIo;
  globals(): Globals;
  /** The language of messages: the workspace's (or --lang) once a backend is open. */
  locale(): Locale;
  t(): CliText;
  printProblem(p: Problem): void;
  withBackend<T>(fn: (b: Backend) => Promise<T>): Promise<T>;
  /** Calls a channel as the CLI's operator; a problem is printed and ends the command (exit 1). */
  call<T>(b: Backend, channel: string, req: unknown): Promise<T>;
  /** Starts a job channel and waits for it; Ctrl+C cancels it. */
  runJob(b: Backend, channel: string, req: unknown): Promise<JobFinished>;
  /** Copies a saved report where the operator asked, atomically; returns the absolute path. */
  copyOut(saved: string, target: string): string;
  setExit(code: number): void;
  statusExit(status: RunStatus): number;
}

export type RegisterCommands = (program: Command, cli: CliContext) => void;
