#!/usr/bin/env node
// `npx saldo …` right after `npm ci`: runs the TypeScript sources through tsx, so no build step
// is needed for the CLI. (The packaged app bundles the same code with electron-vite.)
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../main/cli/main.ts');
const code = await runCli(process.argv.slice(2));
process.exitCode = code;
