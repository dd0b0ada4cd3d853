// Connection settings of the MSSQL adapter (the production accounting source). The adapter itself
// (calling the exchange procedures, streaming rows) arrives with the Data to WWW issue; the
// settings and their mapping to the `mssql`/tedious driver config are here so that configs can be
// written now. TLS is on by default; trusting a self-signed certificate is an explicit setting.

import { z } from 'zod';

export const MssqlSettingsSchema = z
  .object({
    kind: z.literal('mssql'),
    server: z.string().min(1),
    /** A named instance (SQLSERVER\\INSTANCE); the SQL Browser service resolves its port. */
    instanceName: z.string().min(1).optional(),
    port: z.number().int().min(1).max(65535).optional(),
    database: z.string().min(1),
    /** The exchange schema created by sql/mssql/ scripts. */
    schema: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).default('saldo'),
    authentication: z.discriminatedUnion('type', [
      z.object({ type: z.literal('sql'), user: z.string().min(1), passwordSecret: z.string().min(1) }).strict(),
      z.object({ type: z.literal('ntlm'), domain: z.string().min(1), user: z.string().min(1), passwordSecret: z.string().min(1) }).strict(),
      // The signed-in Windows user, through the optional msnodesqlv8 driver.
      z.object({ type: z.literal('integrated') }).strict(),
    ]),
    encrypt: z.boolean().default(true),
    trustServerCertificate: z.boolean().default(false),
    connectTimeoutMs: z.number().int().min(1000).max(300_000).default(15_000),
    requestTimeoutMs: z.number().int().min(1000).max(3_600_000).default(300_000),
  })
  .strict();

export type MssqlSettings = z.infer<typeof MssqlSettingsSchema>;

/** The driver configuration for `mssql` (tedious), with the password supplied by the secret store. */
export function toDriverConfig(s: MssqlSettings, password: string | null): Record<string, unknown> {
  const base = {
    server: s.server,
    database: s.database,
    ...(s.port !== undefined && !s.instanceName ? { port: s.port } : {}),
    connectionTimeout: s.connectTimeoutMs,
    requestTimeout: s.requestTimeoutMs,
    stream: true,
    options: {
      encrypt: s.encrypt,
      trustServerCertificate: s.trustServerCertificate,
      ...(s.instanceName ? { instanceName: s.instanceName } : {}),
      appName: 'Saldo',
    },
  };
  switch (s.authentication.type) {
    case 'sql':
      return { ...base, authentication: { type: 'default', options: { userName: s.authentication.user, password: password ?? '' } } };
    case 'ntlm':
      return { ...base, authentication: { type: 'ntlm', options: { domain: s.authentication.domain, userName: s.authentication.user, password: password ?? '' } } };
    case 'integrated':
      // msnodesqlv8 (optional dependency, Windows only) uses the current user's token.
      return { ...base, driver: 'msnodesqlv8', options: { ...base.options, trustedConnection: true } };
  }
}

/** What the status bar and logs may show: never the password. */
export function describeMssql(s: MssqlSettings): string {
  const host = s.instanceName ? `${s.server}\\${s.instanceName}` : s.port ? `${s.server}:${s.port}` : s.server;
  return `${host}/${s.database}`;
}
