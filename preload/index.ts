// The preload: one named function per IPC channel (never a generic invoke), exposed through
// contextBridge into the isolated renderer. tests/unit/preload.test.ts checks that the functions
// here are exactly the contract's API_METHODS, each bound to its own channel.

import { contextBridge, ipcRenderer } from 'electron';
import type { JobFinished, SaldoApi } from '../shared/ipc/contract';
import type { JobProgress } from '../shared/domain/types';

function on<T>(channel: 'job.progress' | 'job.finished', cb: (e: T) => void): () => void {
  const listener = (_e: unknown, payload: T) => cb(payload);
  ipcRenderer.on(channel, listener);
  return () => ipcRenderer.removeListener(channel, listener);
}

const api: SaldoApi = {
  sessionStatus: (req) => ipcRenderer.invoke('session.status', req),
  signIn: (req) => ipcRenderer.invoke('session.signIn', req),
  signOut: (req) => ipcRenderer.invoke('session.signOut', req),
  setupAdmin: (req) => ipcRenderer.invoke('session.setupAdmin', req),
  appStatus: (req) => ipcRenderer.invoke('app.status', req),
  operatorsList: (req) => ipcRenderer.invoke('operators.list', req),
  operatorsSave: (req) => ipcRenderer.invoke('operators.save', req),
  auditList: (req) => ipcRenderer.invoke('audit.list', req),
  auditPdf: (req) => ipcRenderer.invoke('audit.pdf', req),
  profilesList: (req) => ipcRenderer.invoke('profiles.list', req),
  profilesTest: (req) => ipcRenderer.invoke('profiles.test', req),
  openLink: (req) => ipcRenderer.invoke('links.open', req),
  secretsList: (req) => ipcRenderer.invoke('secrets.list', req),
  secretsSet: (req) => ipcRenderer.invoke('secrets.set', req),
  secretsDelete: (req) => ipcRenderer.invoke('secrets.delete', req),
  setLocale: (req) => ipcRenderer.invoke('settings.setLocale', req),
  journalList: (req) => ipcRenderer.invoke('journal.list', req),
  journalGet: (req) => ipcRenderer.invoke('journal.get', req),
  reportPdf: (req) => ipcRenderer.invoke('report.pdf', req),
  reportPrint: (req) => ipcRenderer.invoke('report.print', req),
  jobCancel: (req) => ipcRenderer.invoke('job.cancel', req),
  sourceCheck: (req) => ipcRenderer.invoke('source.check', req),
  cycleRun: (req) => ipcRenderer.invoke('cycle.run', req),
  wwwSend: (req) => ipcRenderer.invoke('www.send', req),
  wwwNotice: (req) => ipcRenderer.invoke('www.notice', req),
  wwwPremises: (req) => ipcRenderer.invoke('www.premises', req),
  readingsImport: (req) => ipcRenderer.invoke('readings.import', req),
  readingsRecheck: (req) => ipcRenderer.invoke('readings.recheck', req),
  readingsList: (req) => ipcRenderer.invoke('readings.list', req),
  readingsReview: (req) => ipcRenderer.invoke('readings.review', req),
  readingsHistory: (req) => ipcRenderer.invoke('readings.history', req),
  readingsMappings: (req) => ipcRenderer.invoke('readings.mappings', req),
  readingsSaveMapping: (req) => ipcRenderer.invoke('readings.saveMapping', req),
  bankImport: (req) => ipcRenderer.invoke('bank.import', req),
  bankStatements: (req) => ipcRenderer.invoke('bank.statements', req),
  bankItems: (req) => ipcRenderer.invoke('bank.items', req),
  bankAssign: (req) => ipcRenderer.invoke('bank.assign', req),
  bankPremises: (req) => ipcRenderer.invoke('bank.premises', req),
  bankWrite: (req) => ipcRenderer.invoke('bank.write', req),
  accountsCreate: (req) => ipcRenderer.invoke('accounts.create', req),
  accountsRegistrationsSync: (req) => ipcRenderer.invoke('accounts.registrationsSync', req),
  accountsRegistrations: (req) => ipcRenderer.invoke('accounts.registrations', req),
  accountsPaymentsImport: (req) => ipcRenderer.invoke('accounts.paymentsImport', req),
  accountsPayments: (req) => ipcRenderer.invoke('accounts.payments', req),
  accountsFunds: (req) => ipcRenderer.invoke('accounts.funds', req),
  accountsFundsCsv: (req) => ipcRenderer.invoke('accounts.fundsCsv', req),
  onJobProgress: (cb) => on<JobProgress>('job.progress', cb),
  onJobFinished: (cb) => on<JobFinished>('job.finished', cb),
};

contextBridge.exposeInMainWorld('saldo', api);
