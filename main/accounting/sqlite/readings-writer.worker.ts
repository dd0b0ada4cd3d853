// The demo's import_readings in a worker thread of its own (readings-writer-thread.ts starts it):
// a SQL Server works on a batch while Saldo archives the previous one, and so does the demo. The
// worker holds the writable connection; each message is one call of SqliteReadingsWriter.import,
// one transaction. Problems go back as values (a ProblemError does not cross threads).

import { parentPort, workerData } from 'node:worker_threads';
import type { Locale } from '../../../shared/domain/types';
import { ProblemError } from '../../../shared/errors/problem';
import type { AcceptedReading } from '../../readings/types';
import { SqliteReadingsWriter } from './import-readings';
import type { WriterReply, WriterRequest } from './readings-writer-thread';

const { path, locale } = workerData as { path: string; locale: Locale };
const port = parentPort!;

function failure(id: number, e: unknown): WriterReply {
  if (e instanceof ProblemError) return { id, ok: false, problem: e.problem };
  return { id, ok: false, error: (e as Error)?.message ?? String(e) };
}

let writer: SqliteReadingsWriter;
try {
  writer = SqliteReadingsWriter.open(path, locale);
  port.postMessage(<WriterReply>{ id: 0, ok: true, results: [] });
} catch (e) {
  port.postMessage(failure(0, e));
  process.exit(0);
}

port.on('message', (m: WriterRequest) => {
  if (m.close) {
    writer.close();
    port.close();
    return;
  }
  let reply: WriterReply;
  try {
    reply = { id: m.id, ok: true, results: writer.import(m.rows as AcceptedReading[]) };
  } catch (e) {
    reply = failure(m.id, e);
  }
  port.postMessage(reply);
});
