// Row shapes of the accounting exchange contract (DESIGN.md §3). Both adapters (SQLite demo and
// MSSQL) yield exactly these. Money: integer minor units. Meter values: decimal strings (up to 4
// places) so that no float ever holds a reading. Dates: 'YYYY-MM-DD' calendar dates, no zone.

import type { Minor } from './money';

export type PremisesKind = 'residential' | 'commercial';
export type PortalGroup = 'member' | 'other';
export type AccountStatus = 'active' | 'closed';

export interface AccountRow {
  account_no: string | null; // null/empty is a planted defect the validations must find
  premises_kind: PremisesKind;
  building: string; // building code, e.g. "B012"
  address: string; // street and house number, city
  unit: string | null; // flat / unit number
  area_m2: string; // decimal string, 2 places
  residents_count: number;
  owner_name: string;
  portal_enabled: boolean; // the "WWW" charging parameter
  portal_group: PortalGroup;
  virtual_account: string; // NRB (PL, 26 digits) or IBAN (UA)
  info1: string | null;
  info2: string | null;
  info3: string | null;
  info4: string | null;
  status: AccountStatus;
}

export interface ServiceRow {
  code: string;
  name: string;
  unit: string; // m2, m3, person, kWh, GJ, flat
  tariff: string; // decimal string, up to 4 places, per unit in major units
  provider_code: string;
}

export interface ProviderRow {
  provider_code: string;
  name: string;
  tax_code: string; // NIP (PL) or EDRPOU/OKPO (UA)
  bank: string; // routing number (PL, 8 digits) or MFO (UA, 6 digits)
  account: string; // NRB / IBAN
}

export interface ResidentRow {
  account_no: string;
  person: string;
  role: 'owner' | 'tenant' | 'member';
  registered_from: string;
  registered_to: string | null;
}

export interface BeneficiaryRow {
  account_no: string;
  person: string;
  benefit_code: string;
  benefit_name: string;
  discount_pct: string; // decimal string, e.g. "50.00"
  valid_from: string;
  valid_to: string | null;
}

export const TURNOVER_TYPES = ['opening', 'charges', 'payments', 'corrections', 'subsidies', 'benefits', 'closing'] as const;
export type TurnoverType = (typeof TURNOVER_TYPES)[number];

export interface BalanceRow {
  account_no: string;
  turnover_type: TurnoverType;
  amount: Minor; // signed: debt positive; payments, subsidies, benefits negative
}

export interface ChargeRow {
  account_no: string;
  service_code: string;
  debt_brought_forward: Minor;
  quantity: string; // decimal string, up to 4 places
  tariff: string; // decimal string
  amount: Minor; // quantity × tariff, rounded half up to minor units
  recalculation: Minor;
  total: Minor; // debt + amount + recalculation
}

export type Medium = 'cold_water' | 'hot_water' | 'heat' | 'electricity' | 'gas';

export interface MeterRow {
  account_no: string;
  meter_id: string;
  serial: string;
  radio_id: string | null;
  medium: Medium;
  tariff_zones: number; // 1, or 2 for day/night electricity
  register_digits: number; // digits before the decimal point (rollover at 10^digits)
  decimals: number;
  unit: string; // m3, kWh, GJ
  installed_on: string;
  removed_on: string | null;
  verification_due: string;
  last_value: string | null; // decimal string
  last_date: string | null;
  automatic: boolean; // radio-read meter
}

export interface MeterReadingRow {
  meter_id: string;
  reading_date: string;
  zone: number; // 1-based tariff zone
  value: string; // decimal string
  source: 'portal' | 'radio' | 'inspector' | 'estimate';
}

/** The outbound exchange procedures and their row types. */
export interface ExportRows {
  export_accounts: AccountRow;
  export_services: ServiceRow;
  export_providers: ProviderRow;
  export_residents: ResidentRow;
  export_beneficiaries: BeneficiaryRow;
  export_balances: BalanceRow;
  export_charges: ChargeRow;
  export_meters: MeterRow;
  export_meter_readings: MeterReadingRow;
}

export type ExportProcedure = keyof ExportRows;

export const EXPORT_PROCEDURES: ExportProcedure[] = [
  'export_accounts',
  'export_services',
  'export_providers',
  'export_residents',
  'export_beneficiaries',
  'export_balances',
  'export_charges',
  'export_meters',
  'export_meter_readings',
];

export interface ExportParams {
  period: string; // YYYY-MM
  asOf?: string; // YYYY-MM-DD, for export_balances (default: last day of period)
  months?: number; // for export_meter_readings (default 12)
}
