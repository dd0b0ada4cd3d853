// The CLI's store on Windows: each value protected with DPAPI for the current Windows user, through
// Windows PowerShell's ConvertFrom-SecureString (no -Key: DPAPI, CurrentUser scope) and read back
// with ConvertTo-SecureString + Marshal::PtrToStringBSTR. Node has no DPAPI binding and we add no
// native module, so PowerShell does the call.
//
// The secret never appears on PowerShell's command line or in its environment (both are visible
// in process listings): the script is fixed, and the data goes on STDIN as base64 (ASCII, so the
// console's OEM code page cannot mangle ą, ł, є…). The fixed script goes in -EncodedCommand rather
// than `-Command -`, because with `-Command -` stdin is the script itself and could not also carry
// the data; -EncodedCommand also avoids Windows command-line quoting of the script. The name is
// sealed together with the value and checked on reading, so entries cannot be swapped.
//
// HONEST NOTE: this cannot run in the Linux CI. The tests check the exact scripts, the command line
// and environment handed to spawn (via a fake spawn and a fake runner) and that the secret travels
// only on stdin; the DPAPI round trip itself has to be checked on a Windows machine.

import { spawn as nodeSpawn, type SpawnOptions } from 'node:child_process';
import type { Locale } from '../../../shared/domain/types';
import { fail, ProblemError } from '../../../shared/errors/problem';
import { bindName, FileBackedSecretStore, unbindName } from './file';
import { redact } from './redact';

/** Runs a fixed script with data on stdin; resolves with stdout. Rejects on a non-zero exit. */
export type RunPowerShell = (script: string, stdin: string) => Promise<string>;

const PS_PRELUDE = "$ErrorActionPreference = 'Stop'\n$ProgressPreference = 'SilentlyContinue'\n$data = [Console]::In.ReadToEnd().Trim()\n";

/** stdin: base64 of the UTF-8 plaintext. stdout: the DPAPI blob as ConvertFrom-SecureString prints it (hex). */
export const DPAPI_PROTECT_SCRIPT =
  PS_PRELUDE +
  '$text = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($data))\n' +
  '$secure = ConvertTo-SecureString -String $text -AsPlainText -Force\n' +
  'Remove-Variable text\n' +
  '[Console]::Out.Write((ConvertFrom-SecureString -SecureString $secure))\n';

/** stdin: the hex DPAPI blob. stdout: base64 of the UTF-8 plaintext. */
export const DPAPI_UNPROTECT_SCRIPT =
  PS_PRELUDE +
  '$secure = ConvertTo-SecureString -String $data\n' +
  '$bstr = [Runtime.InteropServices.Marshal]::SecureStringToBSTR($secure)\n' +
  'try { $text = [Runtime.InteropServices.Marshal]::PtrToStringBSTR($bstr) }\n' +
  'finally { [Runtime.InteropServices.Marshal]::ZeroFreeBSTR($bstr) }\n' +
  '[Console]::Out.Write([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($text)))\n';

/** The command line for a fixed script: an absolute path (no PATH lookup) and no data in argv. */
export function powerShellCommand(script: string, env: NodeJS.ProcessEnv = process.env): { command: string; args: string[] } {
  const root = env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows';
  return {
    command: `${root}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`,
    args: ['-NoLogo', '-NoProfile', '-NonInteractive', '-InputFormat', 'Text', '-OutputFormat', 'Text', '-EncodedCommand', Buffer.from(script, 'utf16le').toString('base64')],
  };
}

/** The child's environment: ours without SALDO_SECRET_* (PowerShell has no business seeing them). */
export function childEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !k.toUpperCase().startsWith('SALDO_SECRET_')));
}

type SpawnFn = (command: string, args: string[], options: SpawnOptions) => ReturnType<typeof nodeSpawn>;

/** The real runner (child_process.spawn, no shell, hidden window, 60 s limit). `spawn` is injectable for tests. */
export function spawnPowerShell(spawn: SpawnFn = nodeSpawn, timeoutMs = 60_000): RunPowerShell {
  return (script, stdin) =>
    new Promise<string>((resolve, reject) => {
      const { command, args } = powerShellCommand(script);
      const child = spawn(command, args, { shell: false, windowsHide: true, stdio: ['pipe', 'pipe', 'pipe'], env: childEnv() });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      const timer = setTimeout(() => child.kill(), timeoutMs);
      child.stdout?.on('data', (b: Buffer) => out.push(b));
      child.stderr?.on('data', (b: Buffer) => err.push(b));
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
        else reject(new Error(`powershell exited with ${code ?? signal}: ${Buffer.concat(err).toString('utf8').trim().slice(0, 500)}`));
      });
      child.stdin?.on('error', () => undefined); // EPIPE when PowerShell failed to start; 'close' reports it
      child.stdin?.end(stdin, 'utf8');
    });
}

const defaultRunner: RunPowerShell = (script, stdin) => {
  if (process.platform !== 'win32') return Promise.reject(new Error('DPAPI is available on Windows only'));
  return spawnPowerShell()(script, stdin);
};

export class DpapiSecretStore extends FileBackedSecretStore {
  readonly kind = 'dpapi' as const;

  constructor(
    file: string,
    private readonly runPowerShell: RunPowerShell = defaultRunner,
    opts: { locale?: Locale } = {},
  ) {
    super(file, opts.locale ?? 'en');
  }

  private async run(script: string, stdin: string, secrets: string[]): Promise<string> {
    try {
      return await this.runPowerShell(script, stdin);
    } catch (e) {
      if (e instanceof ProblemError) throw e;
      // PowerShell's error text should not echo its input, but a log line must never risk it.
      const detail = redact(e instanceof Error ? e.message : String(e), secrets).slice(0, 500);
      fail('SAL-6107', this.locale, { detail });
    }
  }

  protected async seal(name: string, value: string): Promise<Buffer> {
    const stdin = Buffer.from(bindName(name, value), 'utf8').toString('base64');
    const out = (await this.run(DPAPI_PROTECT_SCRIPT, stdin, [value, stdin])).trim();
    if (!/^(?:[0-9a-fA-F]{2})+$/.test(out)) fail('SAL-6107', this.locale, { detail: 'ConvertFrom-SecureString returned no DPAPI blob' });
    return Buffer.from(out, 'hex');
  }

  protected async unseal(name: string, sealed: Buffer): Promise<string> {
    const out = (await this.run(DPAPI_UNPROTECT_SCRIPT, sealed.toString('hex'), [])).trim();
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(out)) this.tampered(name);
    const value = unbindName(name, Buffer.from(out, 'base64').toString('utf8'));
    if (value === null) this.tampered(name);
    return value;
  }
}
