// The demo accounting database: a small "vendor" schema of the kind a rent and utility system
// keeps (buildings, premises, residents, services with tariffs, monthly charges and turnovers,
// meters and their readings). The SQLite gateway maps it onto the exchange contract, the way a
// DBA adapts the T-SQL exchange procedures to the vendor's own tables.
//
// Conventions: money is INTEGER minor units; quantities, tariffs, areas, percentages and meter
// values are TEXT decimal strings (TEXT affinity keeps "3.500" exactly as written — a NUMERIC
// column would turn it into a float); dates are TEXT 'YYYY-MM-DD'; periods TEXT 'YYYY-MM'.

/** 2: meter_readings.reading_key (importReadings' idempotency key; older files are upgraded on the first write). */
export const SCHEMA_VERSION = 2;

/**
 * Inbound: payments residents made on the portal, booked by importPortalPayments (the demo's
 * import_portal_payments). payment_id is the portal's id: a payment is booked once. Kept apart from
 * `payments` (the generated history behind the turnovers), which the demo never changes. A demo
 * file made before this table existed gets it on the first booking (import-portal-payments.ts);
 * schema_version is not raised for an added table.
 */
export const PORTAL_PAYMENTS_TABLE = `
CREATE TABLE IF NOT EXISTS portal_payments (
  payment_id  TEXT PRIMARY KEY,
  premises_id INTEGER NOT NULL REFERENCES premises(premises_id),
  period      TEXT NOT NULL,
  paid_on     TEXT NOT NULL,
  amount      INTEGER NOT NULL CHECK (amount > 0),   -- minor units
  service_id  INTEGER REFERENCES services(service_id),
  reference   TEXT,
  booked_at   TEXT NOT NULL
) WITHOUT ROWID;
`;

/**
 * Inbound: matched bank payments booked by importBankItems (the demo's import_bank_items), when
 * saldo.json bank.deliver is `accounting`. statement_id + item_ref is the idempotency key: an item
 * is booked once. Kept apart from `payments` like portal_payments; a demo file made before this
 * table existed gets it on the first booking (import-bank-items.ts).
 */
export const BANK_PAYMENTS_TABLE = `
CREATE TABLE IF NOT EXISTS bank_payments (
  statement_id TEXT NOT NULL,
  item_ref     TEXT NOT NULL,
  premises_id  INTEGER NOT NULL REFERENCES premises(premises_id),
  period       TEXT NOT NULL,
  paid_on      TEXT NOT NULL,
  amount       INTEGER NOT NULL CHECK (amount > 0),   -- minor units
  payer        TEXT,
  title        TEXT,
  booked_at    TEXT NOT NULL,
  PRIMARY KEY (statement_id, item_ref)
) WITHOUT ROWID;
`;

/** Tables. Secondary indexes are in ACCOUNTING_INDEXES, created after the bulk load. */
export const ACCOUNTING_SCHEMA = `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Accounting months; a month is listed once its charges are booked.
CREATE TABLE periods (
  period    TEXT PRIMARY KEY,
  booked_on TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE buildings (
  building_id INTEGER PRIMARY KEY,
  code        TEXT NOT NULL,
  street      TEXT NOT NULL,
  house_no    TEXT NOT NULL,
  postal_code TEXT NOT NULL,
  city        TEXT NOT NULL,
  address     TEXT NOT NULL,   -- street, house number and city as printed on bills
  built_year  INTEGER NOT NULL,
  floors      INTEGER NOT NULL
);

CREATE TABLE premises (
  premises_id     INTEGER PRIMARY KEY,
  account_no      TEXT,              -- NULL or duplicated only by mistake (the demo plants both)
  building_id     INTEGER NOT NULL REFERENCES buildings(building_id),
  unit            TEXT,
  kind            TEXT NOT NULL CHECK (kind IN ('residential', 'commercial')),
  area_m2         TEXT NOT NULL,     -- decimal, 2 places
  residents_count INTEGER NOT NULL,
  owner_name      TEXT NOT NULL,
  www             INTEGER NOT NULL CHECK (www IN (0, 1)),   -- the "WWW" charging parameter
  user_group      TEXT NOT NULL CHECK (user_group IN ('member', 'other')),
  virtual_account TEXT NOT NULL,     -- NRB (PL) or IBAN (UA); the last digits identify the premises
  info1           TEXT,
  info2           TEXT,
  info3           TEXT,
  info4           TEXT,
  status          TEXT NOT NULL CHECK (status IN ('active', 'closed')),
  opened_on       TEXT NOT NULL,
  closed_on       TEXT
);

CREATE TABLE residents (
  resident_id     INTEGER PRIMARY KEY,
  premises_id     INTEGER NOT NULL REFERENCES premises(premises_id),
  last_name       TEXT NOT NULL,
  first_name      TEXT NOT NULL,
  middle_name     TEXT,              -- patronymic (UA)
  full_name       TEXT NOT NULL,     -- as printed: "Imię Nazwisko" / "Прізвище Ім’я По батькові"
  role            TEXT NOT NULL CHECK (role IN ('owner', 'tenant', 'member')),
  registered_from TEXT NOT NULL,
  registered_to   TEXT
);

CREATE TABLE benefits (
  code         TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  discount_pct TEXT NOT NULL         -- decimal, 2 places
) WITHOUT ROWID;

CREATE TABLE beneficiaries (
  beneficiary_id INTEGER PRIMARY KEY,
  premises_id    INTEGER NOT NULL REFERENCES premises(premises_id),
  resident_id    INTEGER NOT NULL REFERENCES residents(resident_id),
  benefit_code   TEXT NOT NULL REFERENCES benefits(code),
  valid_from     TEXT NOT NULL,
  valid_to       TEXT
);

CREATE TABLE providers (
  provider_code TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  tax_code      TEXT NOT NULL,       -- NIP (PL) or EDRPOU (UA)
  bank          TEXT NOT NULL,       -- routing number (PL, 8 digits) or MFO (UA, 6 digits)
  account       TEXT NOT NULL        -- NRB / IBAN
) WITHOUT ROWID;

CREATE TABLE services (
  service_id    INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  unit          TEXT NOT NULL,       -- m2, m3, person, flat, kWh
  basis         TEXT NOT NULL,       -- what the quantity is taken from: area, person, flat, cold, hot, sewage, kwh
  provider_code TEXT NOT NULL REFERENCES providers(provider_code)
);

CREATE TABLE tariffs (
  service_id INTEGER NOT NULL REFERENCES services(service_id),
  valid_from TEXT NOT NULL,
  tariff     TEXT NOT NULL,          -- decimal, 4 places, major units per unit
  PRIMARY KEY (service_id, valid_from)
) WITHOUT ROWID;

-- One row per premises per service per month: the per-service bill.
CREATE TABLE charges (
  period        TEXT NOT NULL,
  premises_id   INTEGER NOT NULL,
  service_id    INTEGER NOT NULL,
  debt_bf       INTEGER NOT NULL,    -- this service's share of the opening balance
  quantity      TEXT NOT NULL,
  tariff        TEXT NOT NULL,
  amount        INTEGER NOT NULL,    -- quantity × tariff, rounded half up to minor units
  recalculation INTEGER NOT NULL,
  PRIMARY KEY (period, premises_id, service_id)
) WITHOUT ROWID;

-- One row per premises per month. opening = previous closing;
-- closing = opening + charges + payments + corrections + subsidies + benefits.
-- Debt is positive; payments, subsidies and benefits are negative.
CREATE TABLE turnovers (
  period      TEXT NOT NULL,
  premises_id INTEGER NOT NULL,
  opening     INTEGER NOT NULL,
  charges     INTEGER NOT NULL,
  payments    INTEGER NOT NULL,
  corrections INTEGER NOT NULL,
  subsidies   INTEGER NOT NULL,
  benefits    INTEGER NOT NULL,
  closing     INTEGER NOT NULL,
  PRIMARY KEY (period, premises_id)
) WITHOUT ROWID;

-- The payments behind turnovers.payments (amount paid, positive), for balances as of a day.
CREATE TABLE payments (
  payment_id  INTEGER PRIMARY KEY,
  premises_id INTEGER NOT NULL,
  period      TEXT NOT NULL,
  paid_on     TEXT NOT NULL,
  amount      INTEGER NOT NULL,
  channel     TEXT NOT NULL CHECK (channel IN ('bank', 'portal', 'cash'))
);

CREATE TABLE meters (
  meter_id          INTEGER PRIMARY KEY,
  meter_code        TEXT NOT NULL,
  premises_id       INTEGER NOT NULL REFERENCES premises(premises_id),
  medium            TEXT NOT NULL CHECK (medium IN ('cold_water', 'hot_water', 'heat', 'electricity', 'gas')),
  serial            TEXT NOT NULL,
  radio_id          TEXT,
  automatic         INTEGER NOT NULL CHECK (automatic IN (0, 1)),
  tariff_zones      INTEGER NOT NULL,
  register_digits   INTEGER NOT NULL,
  decimals          INTEGER NOT NULL,
  unit              TEXT NOT NULL,
  installed_on      TEXT NOT NULL,
  removed_on        TEXT,
  verification_due  TEXT NOT NULL,
  replaces_meter_id INTEGER          -- the meter this one replaced, if any
);

CREATE TABLE meter_readings (
  reading_id   INTEGER PRIMARY KEY,
  meter_id     INTEGER NOT NULL REFERENCES meters(meter_id),
  reading_date TEXT NOT NULL,
  zone         INTEGER NOT NULL,     -- 1-based tariff zone
  value        TEXT NOT NULL,        -- decimal, the meter's decimals
  source       TEXT NOT NULL CHECK (source IN ('portal', 'radio', 'inspector', 'estimate')),
  reading_key  TEXT                  -- set by importReadings: a reading_key is written once (readings_key)
);

-- Inbound: accounts registered on the portal (the exchange login may SELECT/INSERT/DELETE).
CREATE TABLE registered_accounts (
  account_no    TEXT PRIMARY KEY,
  registered_at TEXT NOT NULL,
  portal_login  TEXT
) WITHOUT ROWID;
${PORTAL_PAYMENTS_TABLE}${BANK_PAYMENTS_TABLE}`;

/** Secondary indexes for the export queries (by period, by account, by meter). */
export const ACCOUNTING_INDEXES = `
CREATE INDEX premises_account ON premises(account_no);
CREATE INDEX premises_building ON premises(building_id);
CREATE INDEX residents_premises ON residents(premises_id);
CREATE INDEX beneficiaries_premises ON beneficiaries(premises_id);
CREATE INDEX payments_premises ON payments(premises_id, period, paid_on);
CREATE UNIQUE INDEX meters_code ON meters(meter_code);
CREATE INDEX meters_premises ON meters(premises_id);
CREATE INDEX readings_meter ON meter_readings(meter_id, reading_date, zone);
CREATE UNIQUE INDEX readings_key ON meter_readings(reading_key) WHERE reading_key IS NOT NULL;
`;
