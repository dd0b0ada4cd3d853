// SQL Server errors → catalogue problems (SAL-501x/502x) and the "test connection" step they fail.
//
// A pure function over the real shapes the drivers produce (read from node_modules, mssql 12 and
// tedious 19):
// - `mssql` wraps every connect failure as ConnectionError(tediousError): `message` and `code` are
//   copied, the tedious error is kept as the enumerable `originalError`.
// - tedious ConnectionError codes: ESOCKET ("Failed to connect to host:1433 - <cause message>", with
//   `cause` = the socket/TLS error; a refused TCP connect is an AggregateError "Could not connect
//   (sequence)" whose `errors` hold ECONNREFUSED…), ETIMEOUT ("Failed to connect to host\INST in
//   15000ms"), EINSTLOOKUP (SQL Server Browser, UDP 1434: "Failed to get response from SQL Server
//   Browser on host", "Port for INST not found in host", or a DNS error), ELOGIN (the server's
//   login error text, e.g. "Login failed for user 'x'." — tedious keeps no error number here),
//   EENCRYPT ("Server requires encryption, set 'encrypt' config option to true.").
// - TLS failures arrive as ESOCKET whose cause is Node's TLS error: codes
//   DEPTH_ZERO_SELF_SIGNED_CERT, SELF_SIGNED_CERT_IN_CHAIN, UNABLE_TO_VERIFY_LEAF_SIGNATURE,
//   UNABLE_TO_GET_ISSUER_CERT_LOCALLY, CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID, ERR_SSL_*
//   ("…:SSL routines:…"); messages "self-signed certificate" (older Node: "self signed
//   certificate"), "unable to verify the first certificate", "Hostname/IP does not match
//   certificate's altnames: …".
// - Query failures are mssql RequestError(EREQUEST) built from the server's ERROR token:
//   `number` = SQL error number (2812, 208, 229, 230, 297…), `state`, `class`, `procName`; in
//   non-stream mode earlier errors of the batch are in `precedingErrors`. A request timeout is a
//   RequestError ETIMEOUT "Timeout: Request failed to complete in 300000ms".
// - msnodesqlv8 (integrated Windows authentication) puts the SQL error number in `code`.
//
// Every text taken from a driver goes through redactSecrets() first: connection-string pairs
// (Password=…; pwd=…) and the literal values in ctx.secrets never reach a Problem.

import type { ConnectionStep } from '../../../shared/ipc/views';
import type { Locale, Problem } from '../../../shared/domain/types';
import type { ErrorCode } from '../../../shared/errors/catalogue';
import { problem } from '../../../shared/errors/problem';

export interface MssqlErrorContext {
  /** The exchange object being called or checked, named in the problem when the error does not name it. */
  object?: string;
  /** How messages name the server: describeMssql(settings), never with a password. */
  server: string;
  locale: Locale;
  /** The step the caller was in; used for errors that say nothing about where they belong. */
  step?: ConnectionStep;
  /** Literal secret values (the password) to blank out of any driver text. */
  secrets?: ReadonlyArray<string | null | undefined>;
}

export interface ClassifiedMssqlError {
  step: ConnectionStep;
  problem: Problem;
}

/** SQL Server error numbers this module maps. */
export const SQL_ERROR = {
  LOGIN_FAILED: 18456,
  UNTRUSTED_DOMAIN: 18452,
  CANNOT_OPEN_DATABASE: 4060,
  PROCEDURE_NOT_FOUND: 2812,
  INVALID_OBJECT_NAME: 208,
  PERMISSION_DENIED: 229,
  COLUMN_PERMISSION_DENIED: 230,
  NO_PERMISSION_FOR_ACTION: 297,
  CREATE_PERMISSION_DENIED: 262,
  SERVER_PERMISSION_DENIED: 300,
} as const;

const MAX_DETAIL = 500;
const REDACTED = '***';

// ---------------------------------------------------------------------------------------------
// Redaction

/** `Password=…;`, `pwd=…`, `"password":"…"` — the value up to `;` (connection strings) or the quote. */
const SECRET_PAIRS: RegExp[] = [
  /("(?:password|pwd|passwd)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi,
  /\b(password|pwd|passwd)(\s*[=:]\s*)("(?:[^"]|"")*"|'(?:[^']|'')*'|\{(?:[^}]|\}\})*\}|[^;\r\n]*)/gi,
];

/** Blanks out anything that looks like a password in a driver's text, and every literal secret. */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | null | undefined> = []): string {
  let out = text;
  // Literal values first: a password that itself contains `;` would otherwise be cut in two.
  for (const s of secrets) if (s) out = out.split(s).join(REDACTED);
  out = out.replace(SECRET_PAIRS[0], `$1"${REDACTED}"`);
  out = out.replace(SECRET_PAIRS[1], (_m, key: string, sep: string) => `${key}${sep}${REDACTED}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading the error chain

interface Node {
  name: string;
  code: string | undefined;
  number: number | undefined;
  message: string;
  /** The node is an entry of an AggregateError (tedious' "Could not connect (sequence)"). */
  aggregated: boolean;
}

type Loose = Record<string, unknown>;

function isObject(x: unknown): x is Loose {
  return typeof x === 'object' && x !== null;
}

function toNode(x: unknown, aggregated: boolean): Node {
  if (!isObject(x)) return { name: '', code: undefined, number: undefined, message: String(x ?? ''), aggregated };
  const info = isObject(x.info) ? x.info : undefined;
  const num = [x.number, info?.number, x.code].find((v) => typeof v === 'number' && Number.isInteger(v)) as number | undefined;
  return {
    name: typeof x.name === 'string' ? x.name : '',
    code: typeof x.code === 'string' ? x.code : undefined,
    number: num,
    message: typeof x.message === 'string' ? x.message : '',
    aggregated,
  };
}

/** The error, then what it wraps (originalError, cause, AggregateError entries), then precedingErrors. */
function chain(err: unknown): Node[] {
  const out: Node[] = [];
  const seen = new Set<unknown>();
  const walk = (x: unknown, aggregated: boolean, depth: number) => {
    if (x === undefined || x === null || seen.has(x) || depth > 6 || out.length > 32) return;
    seen.add(x);
    out.push(toNode(x, aggregated));
    if (!isObject(x)) return;
    walk(x.originalError, false, depth + 1);
    walk(x.cause, false, depth + 1);
    if (Array.isArray(x.errors)) for (const e of x.errors) walk(e, true, depth + 1);
  };
  walk(err, false, 0);
  if (isObject(err) && Array.isArray(err.precedingErrors)) {
    // mssql pops the last error of a batch and keeps the earlier ones here; the earlier ones are
    // often the specific cause (e.g. 229 before a generic "statement terminated").
    for (const e of err.precedingErrors) walk(e, false, 1);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Recognisers

const TLS_TRUST_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_CHAIN_TOO_LONG',
  'INVALID_CA',
]);
const TLS_TRUST_TEXT = /self[- ]signed certificate|unable to verify|unable to get (?:local )?issuer certificate|certificate has expired|certificate is not yet valid|certificate (?:is not trusted|revoked)|certificate chain/i;
const TLS_NAME_TEXT = /altnames|does not match certificate|ERR_TLS_CERT_ALTNAME_INVALID/i;
const TLS_OTHER_TEXT = /SSL routines|ssl3_|tlsv1 alert|wrong version number|unsupported protocol|no protocols available|handshake failure|Server requires encryption|secure TLS connection|certificate/i;

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
const DNS_TEXT = /getaddrinfo|ENOTFOUND|EAI_AGAIN/;
const NET_CODES = new Set([
  'ESOCKET',
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ECONNCLOSED',
  'ECONNABORTED',
  'EADDRNOTAVAIL',
]);

function anyNode(nodes: Node[], test: (n: Node) => boolean): boolean {
  return nodes.some(test);
}

function tlsKind(nodes: Node[]): 'trust' | 'name' | 'other' | null {
  if (anyNode(nodes, (n) => n.code === 'ERR_TLS_CERT_ALTNAME_INVALID' || TLS_NAME_TEXT.test(n.message))) return 'name';
  if (anyNode(nodes, (n) => (n.code !== undefined && TLS_TRUST_CODES.has(n.code)) || TLS_TRUST_TEXT.test(n.message))) return 'trust';
  if (
    anyNode(
      nodes,
      (n) => n.code === 'EENCRYPT' || (n.code !== undefined && (n.code.startsWith('ERR_SSL_') || n.code.startsWith('ERR_TLS_') || n.code === 'EPROTO')) || TLS_OTHER_TEXT.test(n.message),
    )
  )
    return 'other';
  return null;
}

/** "The EXECUTE permission was denied on the object 'export_charges', database 'Acc', schema 'saldo'." */
const DENIED =
  /The (.+?) permission was denied on the (?:column '([^']+)' of the )?object '([^']+)'(?:, database '[^']*', schema '([^']+)')?/i;
const PROC_NOT_FOUND = /Could not find stored procedure '([^']+)'/i;
const INVALID_OBJECT = /Invalid object name '([^']+)'/i;
const CANNOT_OPEN_DB = /Cannot open database "([^"]+)"/i;

function detailOf(nodes: Node[], secrets: MssqlErrorContext['secrets']): string {
  const head = nodes[0]?.message.trim() || nodes[0]?.code || nodes[0]?.name || 'unknown error';
  let detail = head;
  // An aggregate ("Could not connect (sequence)") says nothing by itself: add what it holds.
  for (const n of nodes.slice(1)) {
    if (!n.aggregated || !n.message || detail.includes(n.message)) continue;
    detail += ` — ${n.message}`;
  }
  detail = redactSecrets(detail, secrets);
  return detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL - 1)}…` : detail;
}

// ---------------------------------------------------------------------------------------------

export function classifyMssqlError(err: unknown, ctx: MssqlErrorContext): ClassifiedMssqlError {
  const nodes = chain(err);
  const secrets = ctx.secrets ?? [];
  const detail = detailOf(nodes, secrets);
  const clean = (s: string) => redactSecrets(s, secrets);
  const server = clean(ctx.server);
  const make = (step: ConnectionStep, code: ErrorCode, params: Record<string, string> = {}): ClassifiedMssqlError => {
    const safe: Record<string, string> = { server, detail };
    for (const [k, v] of Object.entries(params)) safe[k] = clean(v);
    return { step, problem: problem(code, ctx.locale, safe) };
  };
  const top = nodes[0];
  const codes = new Set(nodes.map((n) => n.code).filter((c): c is string => c !== undefined));

  // 1. A SQL Server error number, on the error or on one it carries.
  for (const n of nodes) {
    switch (n.number) {
      case SQL_ERROR.LOGIN_FAILED:
        return make('login', 'SAL-5018');
      case SQL_ERROR.UNTRUSTED_DOMAIN:
        return make('login', 'SAL-5019');
      case SQL_ERROR.CANNOT_OPEN_DATABASE:
        return make('login', 'SAL-5020', { database: CANNOT_OPEN_DB.exec(n.message)?.[1] ?? '?' });
      case SQL_ERROR.PROCEDURE_NOT_FOUND:
      case SQL_ERROR.INVALID_OBJECT_NAME: {
        const named = (n.number === SQL_ERROR.PROCEDURE_NOT_FOUND ? PROC_NOT_FOUND : INVALID_OBJECT).exec(n.message)?.[1];
        return make('procedures', 'SAL-5021', { object: named ?? ctx.object ?? '?', detail: clean(n.message) || detail });
      }
      case SQL_ERROR.PERMISSION_DENIED:
      case SQL_ERROR.COLUMN_PERMISSION_DENIED: {
        const m = DENIED.exec(n.message);
        if (!m) return make('permissions', 'SAL-5024', { detail: clean(n.message) || detail });
        const [, permission, column, object, schema] = m;
        const name = `${schema ? `${schema}.` : ''}${object}${column ? ` (${column})` : ''}`;
        return make('permissions', 'SAL-5023', { permission: permission.toUpperCase(), object: name });
      }
      case SQL_ERROR.NO_PERMISSION_FOR_ACTION:
      case SQL_ERROR.CREATE_PERMISSION_DENIED:
      case SQL_ERROR.SERVER_PERMISSION_DENIED:
        return make('permissions', 'SAL-5024', { detail: clean(n.message) || detail });
    }
  }

  // 2. Login errors: tedious gives only the server's text with code ELOGIN.
  const loginNode = nodes.find((n) => n.code === 'ELOGIN') ?? nodes.find((n) => /^Login failed/i.test(n.message));
  if (loginNode) {
    const db = CANNOT_OPEN_DB.exec(loginNode.message);
    if (db) return make('login', 'SAL-5020', { database: db[1] });
    if (/untrusted domain/i.test(loginNode.message)) return make('login', 'SAL-5019');
    return make('login', 'SAL-5018');
  }

  // 3. TLS (before plain socket errors: a certificate failure is an ESOCKET too).
  const tls = tlsKind(nodes);
  if (tls === 'trust') return make('tls', 'SAL-5015');
  if (tls === 'name') return make('tls', 'SAL-5016');
  if (tls === 'other') return make('tls', 'SAL-5017');

  // 4. Name resolution and the SQL Server Browser.
  const dns = anyNode(nodes, (n) => (n.code !== undefined && DNS_CODES.has(n.code)) || DNS_TEXT.test(n.message));
  if (dns) return make('network', 'SAL-5011');
  if (codes.has('EINSTLOOKUP')) return make('network', 'SAL-5012');

  // 5. Timeouts: a request that ran too long, or a connection that never completed.
  if (codes.has('ETIMEOUT')) {
    const request = top?.name === 'RequestError' || /^Timeout: Request failed/i.test(top?.message ?? '');
    return request ? make('network', 'SAL-5014') : make('network', 'SAL-5013');
  }

  // 6. Anything else on the wire.
  if ([...codes].some((c) => NET_CODES.has(c))) return make('network', 'SAL-5010');

  // 7. The rest: the driver's own (redacted) message.
  return make(ctx.step ?? (top?.name === 'ConnectionError' ? 'network' : 'procedures'), 'SAL-5025');
}
