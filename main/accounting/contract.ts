// The exchange contract (DESIGN.md §3) as zod schemas: one per outbound procedure, checking a
// row against the row types of shared/domain/accounting.ts — types, enumerations, decimal strings,
// calendar dates and integer money. Used on every row read from the source (SAL-5002 when a row
// does not match) and by the contract test suite, for the SQLite demo and for a real SQL Server.
// Strict objects: a procedure that returns extra or missing columns does not match.
//
// Only the shape is checked here. Data defects the contract allows (an empty or duplicated
// account number, a virtual account with a wrong checksum, an expired meter) are found by the
// validations of each feature.

import { z } from 'zod';
import { TURNOVER_TYPES, type ExportProcedure, type ExportRows } from '../../shared/domain/accounting';

export const DECIMAL_RE = /^-?\d+(\.\d{1,4})?$/;

const decimal = z.string().regex(DECIMAL_RE, 'a decimal string with up to 4 places');
const area = z.string().regex(/^\d+(\.\d{1,2})?$/, 'an area: a decimal string with up to 2 places');
const percent = z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, 'a percentage: a decimal string with up to 2 places');
const date = z.iso.date(); // YYYY-MM-DD, a real calendar date
const minor = z.int(); // integer minor units, within the safe integer range
const text = z.string().min(1);
const account = z.string().min(1);

const accounts = z.strictObject({
  account_no: z.string().nullable(), // null/empty allowed by the contract; the validations report it
  premises_kind: z.enum(['residential', 'commercial']),
  building: text,
  address: text,
  unit: z.string().nullable(),
  area_m2: area,
  residents_count: z.int().nonnegative(),
  owner_name: z.string(),
  portal_enabled: z.boolean(),
  portal_group: z.enum(['member', 'other']),
  virtual_account: z.string(),
  info1: z.string().nullable(),
  info2: z.string().nullable(),
  info3: z.string().nullable(),
  info4: z.string().nullable(),
  status: z.enum(['active', 'closed']),
});

const services = z.strictObject({
  code: text,
  name: text,
  unit: text,
  tariff: decimal,
  provider_code: text,
});

const providers = z.strictObject({
  provider_code: text,
  name: text,
  tax_code: z.string().regex(/^\d{8,10}$/, 'a tax code: NIP (10 digits) or EDRPOU/OKPO (8 or 10 digits)'),
  bank: z.string().regex(/^(\d{6}|\d{8})$/, 'a bank code: MFO (6 digits) or routing number (8 digits)'),
  account: z.string().regex(/^(\d{26}|[A-Z]{2}\d{2}[A-Z0-9]{10,30})$/, 'an account: NRB (26 digits) or IBAN'),
});

const residents = z.strictObject({
  account_no: account,
  person: text,
  role: z.enum(['owner', 'tenant', 'member']),
  registered_from: date,
  registered_to: date.nullable(),
});

const beneficiaries = z.strictObject({
  account_no: account,
  person: text,
  benefit_code: text,
  benefit_name: text,
  discount_pct: percent,
  valid_from: date,
  valid_to: date.nullable(),
});

const balances = z.strictObject({
  account_no: account,
  turnover_type: z.enum(TURNOVER_TYPES),
  amount: minor,
});

const charges = z.strictObject({
  account_no: account,
  service_code: text,
  debt_brought_forward: minor,
  quantity: decimal,
  tariff: decimal,
  amount: minor,
  recalculation: minor,
  total: minor,
});

const meters = z.strictObject({
  account_no: account,
  meter_id: text,
  serial: text,
  radio_id: z.string().min(1).nullable(),
  medium: z.enum(['cold_water', 'hot_water', 'heat', 'electricity', 'gas']),
  tariff_zones: z.int().min(1).max(4),
  register_digits: z.int().min(1).max(12),
  decimals: z.int().min(0).max(4),
  unit: text,
  installed_on: date,
  removed_on: date.nullable(),
  verification_due: date,
  last_value: decimal.nullable(),
  last_date: date.nullable(),
  automatic: z.boolean(),
});

const meterReadings = z.strictObject({
  meter_id: text,
  reading_date: date,
  zone: z.int().min(1).max(4),
  value: decimal,
  source: z.enum(['portal', 'radio', 'inspector', 'estimate']),
});

export const CONTRACT_SCHEMAS: { [P in ExportProcedure]: z.ZodType<ExportRows[P]> } = {
  export_accounts: accounts,
  export_services: services,
  export_providers: providers,
  export_residents: residents,
  export_beneficiaries: beneficiaries,
  export_balances: balances,
  export_charges: charges,
  export_meters: meters,
  export_meter_readings: meterReadings,
};
