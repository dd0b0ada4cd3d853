// classifyMssqlError over error fixtures built with the real classes: mssql's ConnectionError /
// RequestError wrapping tedious' ConnectionError / RequestError, with the messages, codes and
// causes tedious 19 really produces (node_modules/tedious/lib/connection.js, instance-lookup.js,
// connector.js, message-io.js) and Node's own socket/TLS errors underneath.

import mssql from 'mssql';
import { ConnectionError as TdsConnectionError, RequestError as TdsRequestError } from 'tedious';
import { describe, expect, it } from 'vitest';
import { classifyMssqlError, redactSecrets } from '../../main/accounting/mssql/errors';

const { ConnectionError, RequestError } = mssql;
const ctx = { server: 'acc-srv/Ksiegowosc', locale: 'en' as const };

function sysErr(message: string, code: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { code, ...extra });
}

/** What mssql's tedious ConnectionPool rejects with when tedious' connect fails. */
function connectFailure(message: string, code: string, cause?: unknown): Error {
  return new ConnectionError(new TdsConnectionError(message, code, cause === undefined ? undefined : { cause }));
}

/** What mssql's Request rejects with for a server ERROR token (tedious 'errorMessage' info). */
function serverError(number: number, message: string, extra: Record<string, unknown> = {}): Error {
  const e = Object.assign(new Error(message), {
    info: { number, state: 1, class: 16, message, serverName: 'ACC-SRV', procName: '', lineNumber: 1, ...extra },
  });
  return new RequestError(e, 'EREQUEST');
}

describe('classifyMssqlError: network', () => {
  it('DNS failure → network, SAL-5011 naming the server', () => {
    const err = connectFailure(
      'Failed to connect to acc-srv:1433 - getaddrinfo ENOTFOUND acc-srv',
      'ESOCKET',
      sysErr('getaddrinfo ENOTFOUND acc-srv', 'ENOTFOUND', { errno: -3008, syscall: 'getaddrinfo', hostname: 'acc-srv' }),
    );
    const r = classifyMssqlError(err, ctx);
    expect(r.step).toBe('network');
    expect(r.problem.code).toBe('SAL-5011');
    expect(r.problem.message).toContain('acc-srv/Ksiegowosc');
    expect(r.problem.message).toContain('ENOTFOUND');
  });

  it('refused TCP connect (AggregateError "Could not connect (sequence)") → SAL-5010 with the socket error', () => {
    const cause = new AggregateError(
      [sysErr('connect ECONNREFUSED 10.0.0.5:1433', 'ECONNREFUSED', { errno: -111, syscall: 'connect', address: '10.0.0.5', port: 1433 })],
      'Could not connect (sequence)',
    );
    const r = classifyMssqlError(connectFailure('Failed to connect to 10.0.0.5:1433 - Could not connect (sequence)', 'ESOCKET', cause), ctx);
    expect(r).toMatchObject({ step: 'network', problem: { code: 'SAL-5010', severity: 'error' } });
    expect(r.problem.message).toContain('ECONNREFUSED 10.0.0.5:1433');
  });

  it('named instance not answered by the SQL Server Browser → SAL-5012, the hint names UDP 1434', () => {
    const inner = new Error('Failed to get response from SQL Server Browser on acc-srv');
    const r = classifyMssqlError(connectFailure(inner.message, 'EINSTLOOKUP', inner), ctx);
    expect(r).toMatchObject({ step: 'network', problem: { code: 'SAL-5012' } });
    expect(r.problem.hint).toContain('UDP');
    expect(r.problem.hint).toContain('1434');
    const notFound = new Error('Port for KSIEGOWOSC not found in acc-srv');
    expect(classifyMssqlError(connectFailure(notFound.message, 'EINSTLOOKUP', notFound), ctx).problem.code).toBe('SAL-5012');
  });

  it('connect timeout → network, SAL-5013 with a timeout hint', () => {
    const r = classifyMssqlError(connectFailure('Failed to connect to acc-srv\\KSIEGOWOSC in 15000ms', 'ETIMEOUT'), ctx);
    expect(r).toMatchObject({ step: 'network', problem: { code: 'SAL-5013' } });
    expect(r.problem.hint).toMatch(/timeout/i);
  });

  it('request timeout → network, SAL-5014', () => {
    const err = new RequestError(new TdsRequestError('Timeout: Request failed to complete in 300000ms', 'ETIMEOUT'), 'EREQUEST');
    expect(classifyMssqlError(err, { ...ctx, step: 'permissions' })).toMatchObject({ step: 'network', problem: { code: 'SAL-5014' } });
  });

  it('connection lost mid-query → SAL-5010', () => {
    const err = connectFailure('Connection lost - read ECONNRESET', 'ESOCKET', sysErr('read ECONNRESET', 'ECONNRESET'));
    expect(classifyMssqlError(err, ctx).problem.code).toBe('SAL-5010');
  });
});

describe('classifyMssqlError: TLS', () => {
  it.each([
    ['self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT'],
    ['self signed certificate in certificate chain', 'SELF_SIGNED_CERT_IN_CHAIN'],
    ['unable to verify the first certificate', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
    ['unable to get local issuer certificate', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'],
    ['certificate has expired', 'CERT_HAS_EXPIRED'],
  ])('%s → tls, SAL-5015 (install the CA or trust explicitly)', (text, code) => {
    const r = classifyMssqlError(connectFailure(`Failed to connect to acc-srv:1433 - ${text}`, 'ESOCKET', sysErr(text, code)), ctx);
    expect(r).toMatchObject({ step: 'tls', problem: { code: 'SAL-5015' } });
    expect(r.problem.hint).toMatch(/CA/);
    expect(r.problem.hint).toMatch(/Trust server certificate/);
  });

  it('certificate for another name → SAL-5016', () => {
    const text = "Hostname/IP does not match certificate's altnames: Host: acc-srv. is not in the cert's altnames: DNS:sql01.spoldzielnia.local";
    const r = classifyMssqlError(connectFailure(`Failed to connect to acc-srv:1433 - ${text}`, 'ESOCKET', sysErr(text, 'ERR_TLS_CERT_ALTNAME_INVALID')), ctx);
    expect(r).toMatchObject({ step: 'tls', problem: { code: 'SAL-5016' } });
  });

  it('OpenSSL handshake failure ("SSL routines") and EENCRYPT → SAL-5017', () => {
    const text = 'C0F7A1E5D87F0000:error:0A000102:SSL routines:ssl_choose_client_version:unsupported protocol';
    const r = classifyMssqlError(connectFailure(`Failed to connect to acc-srv:1433 - ${text}`, 'ESOCKET', sysErr(text, 'ERR_SSL_UNSUPPORTED_PROTOCOL')), ctx);
    expect(r).toMatchObject({ step: 'tls', problem: { code: 'SAL-5017' } });
    const enc = connectFailure("Server requires encryption, set 'encrypt' config option to true.", 'EENCRYPT');
    expect(classifyMssqlError(enc, ctx)).toMatchObject({ step: 'tls', problem: { code: 'SAL-5017' } });
  });
});

describe('classifyMssqlError: login', () => {
  it('tedious ELOGIN with the server text of 18456 → login, SAL-5018', () => {
    const r = classifyMssqlError(connectFailure("Login failed for user 'saldo_exchange'.", 'ELOGIN'), ctx);
    expect(r).toMatchObject({ step: 'login', problem: { code: 'SAL-5018' } });
    expect(r.problem.message).toContain("Login failed for user 'saldo_exchange'.");
  });

  it('msnodesqlv8 shape (SQL error number in code) → SAL-5018', () => {
    const odbc = Object.assign(new Error("[Microsoft][ODBC Driver 18 for SQL Server][SQL Server]Login failed for user 'KSIEG\\jan'."), {
      code: 18456,
      sqlstate: '28000',
    });
    expect(classifyMssqlError(new ConnectionError(odbc), ctx)).toMatchObject({ step: 'login', problem: { code: 'SAL-5018' } });
  });

  it('4060 cannot open database → SAL-5020 naming the database', () => {
    const r = classifyMssqlError(connectFailure('Cannot open database "Ksiegowosc2" requested by the login. The login failed.', 'ELOGIN'), ctx);
    expect(r).toMatchObject({ step: 'login', problem: { code: 'SAL-5020' } });
    expect(r.problem.message).toContain('Ksiegowosc2');
  });

  it('18452 untrusted domain → SAL-5019', () => {
    const text = 'Login failed. The login is from an untrusted domain and cannot be used with Integrated authentication.';
    expect(classifyMssqlError(connectFailure(text, 'ELOGIN'), ctx)).toMatchObject({ step: 'login', problem: { code: 'SAL-5019' } });
  });
});

describe('classifyMssqlError: objects and permissions', () => {
  it('2812 procedure not found → procedures, SAL-5021 naming it, resolved by the vendor', () => {
    const r = classifyMssqlError(serverError(2812, "Could not find stored procedure 'saldo.export_charges'."), ctx);
    expect(r).toMatchObject({ step: 'procedures', problem: { code: 'SAL-5021' } });
    expect(r.problem.message).toContain('saldo.export_charges');
    expect(r.problem.hint).toContain('accounting system vendor');
  });

  it('208 invalid object name → SAL-5021 naming it', () => {
    const r = classifyMssqlError(serverError(208, "Invalid object name 'saldo.registered_accounts'."), { ...ctx, object: 'x' });
    expect(r.problem.message).toContain('saldo.registered_accounts');
  });

  it('229 → permissions, SAL-5023 naming the object and the permission', () => {
    const r = classifyMssqlError(
      serverError(229, "The EXECUTE permission was denied on the object 'export_charges', database 'Ksiegowosc', schema 'saldo'."),
      ctx,
    );
    expect(r).toMatchObject({ step: 'permissions', problem: { code: 'SAL-5023' } });
    expect(r.problem.message).toContain('EXECUTE');
    expect(r.problem.message).toContain('saldo.export_charges');
    expect(r.problem.hint).toContain('GRANT EXECUTE ON saldo.export_charges');
  });

  it('230 on a column names object and column', () => {
    const r = classifyMssqlError(
      serverError(230, "The SELECT permission was denied on the column 'pesel' of the object 'residents', database 'Ksiegowosc', schema 'dbo'."),
      ctx,
    );
    expect(r.problem.code).toBe('SAL-5023');
    expect(r.problem.message).toContain('dbo.residents (pesel)');
  });

  it('a 229 among precedingErrors wins over the generic last error', () => {
    const last = serverError(3621, 'The statement has been terminated.');
    (last as unknown as { precedingErrors: Error[] }).precedingErrors = [
      serverError(229, "The DELETE permission was denied on the object 'registered_accounts', database 'Ksiegowosc', schema 'saldo'."),
    ];
    const r = classifyMssqlError(last, ctx);
    expect(r.problem.code).toBe('SAL-5023');
    expect(r.problem.message).toContain('DELETE');
    expect(r.problem.message).toContain('saldo.registered_accounts');
  });

  it('297 → permissions, SAL-5024', () => {
    const r = classifyMssqlError(serverError(297, 'The user does not have permission to perform this action.'), ctx);
    expect(r).toMatchObject({ step: 'permissions', problem: { code: 'SAL-5024' } });
  });
});

describe('classifyMssqlError: anything else, redacted', () => {
  it('an unknown server error → SAL-5025 with the driver message, in the caller’s step', () => {
    const r = classifyMssqlError(serverError(50000, 'Okres 2026-13 jest zamknięty'), { ...ctx, step: 'procedures', locale: 'pl' });
    expect(r).toMatchObject({ step: 'procedures', problem: { code: 'SAL-5025' } });
    expect(r.problem.message).toContain('Okres 2026-13 jest zamknięty');
    expect(r.problem.hint).toContain('pomoc techniczna');
  });

  it('never lets Password=…; / pwd=… or the literal password through', () => {
    const msg = 'Bad connection string: Server=acc-srv;User Id=saldo;Password=Tajne#Haslo1;Encrypt=yes; retry with pwd={Tajne#Haslo1}';
    const r = classifyMssqlError(new ConnectionError(msg, 'EINVALIDCONFIG' as never), ctx);
    expect(r.problem.code).toBe('SAL-5025');
    expect(JSON.stringify(r)).not.toContain('Tajne#Haslo1');
    expect(r.problem.message).toContain('Password=***');
    const echoed = classifyMssqlError(connectFailure("Login failed for user 'saldo' with secret 'S3cr3t!x'", 'ELOGIN'), { ...ctx, secrets: ['S3cr3t!x'] });
    expect(JSON.stringify(echoed)).not.toContain('S3cr3t!x');
  });

  it('non-Error values do not throw', () => {
    expect(classifyMssqlError('boom', ctx).problem.code).toBe('SAL-5025');
    expect(classifyMssqlError(undefined, ctx).problem.code).toBe('SAL-5025');
  });
});

describe('redactSecrets', () => {
  it('blanks connection-string and JSON password values', () => {
    expect(redactSecrets('Server=a;Password=x;y;Database=b')).toBe('Server=a;Password=***;y;Database=b');
    expect(redactSecrets('PWD = "a;b" ; UID=u')).toBe('PWD = *** ; UID=u');
    expect(redactSecrets('{"user":"u","password":"p\\"q"}')).toBe('{"user":"u","password":"***"}');
    expect(redactSecrets('abc hunter2 def', ['hunter2'])).toBe('abc *** def');
    expect(redactSecrets('Password did not match')).toBe('Password did not match');
  });
});
