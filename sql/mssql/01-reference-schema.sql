/*
  Saldo — SQL Server exchange, script 01 of 04: THE REFERENCE SCHEMA (documentation, optional).

  What this is
    A small, documented model of the tables a rent and utility accounting system keeps, in the
    schema [ref]. The exchange procedures of 03-procedures.sql are written over these tables, so
    that a DBA sees exactly what each procedure reads and writes. On the customer's server the
    vendor's own tables take their place: the DBA adapts the procedure BODIES (never their
    parameters or result columns) to the vendor's tables, and does not run this script at all.

    Run it as is only on a test server, to try the exchange end to end (see README.md).

  Conventions (the same as the SQLite demo of main/accounting/sqlite/schema.ts)
    - money: decimal(14,2) in major units (złoty, hryvnia), as vendors usually keep it; the
      procedures hand it over as bigint minor units;
    - tariffs, quantities, meter values: decimal(…,4); areas and percentages: decimal(…,2);
    - calendar dates: date; accounting months ("periods"): char(7) 'YYYY-MM';
    - balances: debt positive; payments, subsidies and benefits negative;
      closing = opening + charges + payments + corrections + subsidies + benefits.

  Re-runnable: every object is created only when absent.
  Requires SQL Server 2016 SP1 or later (as do the other scripts: CREATE OR ALTER).
*/

SET NOCOUNT ON;
GO

IF SCHEMA_ID(N'ref') IS NULL EXEC (N'CREATE SCHEMA ref AUTHORIZATION dbo');
GO

-- Accounting months; a month is listed once its charges are booked.
IF OBJECT_ID(N'ref.periods', N'U') IS NULL
CREATE TABLE ref.periods (
  period    char(7) NOT NULL CONSTRAINT pk_ref_periods PRIMARY KEY,   -- 'YYYY-MM'
  booked_on date    NOT NULL,
  CONSTRAINT ck_ref_periods_period CHECK (period LIKE '[12][0-9][0-9][0-9]-[01][0-9]')
);
GO

IF OBJECT_ID(N'ref.buildings', N'U') IS NULL
CREATE TABLE ref.buildings (
  building_id int           NOT NULL CONSTRAINT pk_ref_buildings PRIMARY KEY,
  code        varchar(16)   NOT NULL CONSTRAINT uq_ref_buildings_code UNIQUE,   -- e.g. 'B012'
  street      nvarchar(120) NOT NULL,
  house_no    nvarchar(16)  NOT NULL,
  postal_code varchar(10)   NOT NULL,
  city        nvarchar(80)  NOT NULL,
  address     nvarchar(200) NOT NULL    -- street, house number and city as printed on bills
);
GO

-- A premises is one personal account (account_no). NULL or duplicated account numbers happen only
-- by mistake; the exchange passes them on (export_accounts) and Saldo's validations report them.
IF OBJECT_ID(N'ref.premises', N'U') IS NULL
CREATE TABLE ref.premises (
  premises_id     int           NOT NULL CONSTRAINT pk_ref_premises PRIMARY KEY,
  account_no      varchar(32)   NULL,
  building_id     int           NOT NULL CONSTRAINT fk_ref_premises_building REFERENCES ref.buildings (building_id),
  unit            nvarchar(16)  NULL,                -- flat / unit number
  kind            varchar(16)   NOT NULL CONSTRAINT ck_ref_premises_kind CHECK (kind IN ('residential', 'commercial')),
  area_m2         decimal(9,2)  NOT NULL,
  residents_count int           NOT NULL,
  owner_name      nvarchar(200) NOT NULL,
  www             bit           NOT NULL,            -- the "WWW" charging parameter: shown on the portal
  user_group      varchar(8)    NOT NULL CONSTRAINT ck_ref_premises_group CHECK (user_group IN ('member', 'other')),
  virtual_account varchar(34)   NOT NULL,            -- NRB (PL, 26 digits) or IBAN (UA)
  info1           nvarchar(200) NULL,
  info2           nvarchar(200) NULL,
  info3           nvarchar(200) NULL,
  info4           nvarchar(200) NULL,
  status          varchar(8)    NOT NULL CONSTRAINT ck_ref_premises_status CHECK (status IN ('active', 'closed')),
  opened_on       date          NOT NULL,
  closed_on       date          NULL
);
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_ref_premises_account' AND object_id = OBJECT_ID(N'ref.premises'))
  CREATE INDEX ix_ref_premises_account ON ref.premises (account_no, premises_id);
GO

-- People, and their registration at a premises (owner, tenant, member of the household).
IF OBJECT_ID(N'ref.persons', N'U') IS NULL
CREATE TABLE ref.persons (
  person_id   int           NOT NULL CONSTRAINT pk_ref_persons PRIMARY KEY,
  last_name   nvarchar(80)  NOT NULL,
  first_name  nvarchar(80)  NOT NULL,
  middle_name nvarchar(80)  NULL,                    -- patronymic (UA)
  full_name   nvarchar(200) NOT NULL                 -- as printed on bills
);
GO

IF OBJECT_ID(N'ref.residents', N'U') IS NULL
CREATE TABLE ref.residents (
  resident_id     int         NOT NULL CONSTRAINT pk_ref_residents PRIMARY KEY,
  premises_id     int         NOT NULL CONSTRAINT fk_ref_residents_premises REFERENCES ref.premises (premises_id),
  person_id       int         NOT NULL CONSTRAINT fk_ref_residents_person REFERENCES ref.persons (person_id),
  role            varchar(8)  NOT NULL CONSTRAINT ck_ref_residents_role CHECK (role IN ('owner', 'tenant', 'member')),
  registered_from date        NOT NULL,
  registered_to   date        NULL
);
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_ref_residents_premises' AND object_id = OBJECT_ID(N'ref.residents'))
  CREATE INDEX ix_ref_residents_premises ON ref.residents (premises_id, resident_id);
GO

-- Benefits (ulgi / пільги) and who receives them.
IF OBJECT_ID(N'ref.benefits', N'U') IS NULL
CREATE TABLE ref.benefits (
  code         varchar(16)   NOT NULL CONSTRAINT pk_ref_benefits PRIMARY KEY,
  name         nvarchar(200) NOT NULL,
  discount_pct decimal(5,2)  NOT NULL
);
GO

IF OBJECT_ID(N'ref.beneficiaries', N'U') IS NULL
CREATE TABLE ref.beneficiaries (
  beneficiary_id int         NOT NULL CONSTRAINT pk_ref_beneficiaries PRIMARY KEY,
  premises_id    int         NOT NULL CONSTRAINT fk_ref_beneficiaries_premises REFERENCES ref.premises (premises_id),
  person_id      int         NOT NULL CONSTRAINT fk_ref_beneficiaries_person REFERENCES ref.persons (person_id),
  benefit_code   varchar(16) NOT NULL CONSTRAINT fk_ref_beneficiaries_benefit REFERENCES ref.benefits (code),
  valid_from     date        NOT NULL,
  valid_to       date        NULL
);
GO

-- The service providers money is collected for.
IF OBJECT_ID(N'ref.providers', N'U') IS NULL
CREATE TABLE ref.providers (
  provider_code varchar(16)   NOT NULL CONSTRAINT pk_ref_providers PRIMARY KEY,
  name          nvarchar(200) NOT NULL,
  tax_code      varchar(10)   NOT NULL,            -- NIP (PL) or EDRPOU/OKPO (UA)
  bank          varchar(8)    NOT NULL,            -- routing number (PL, 8 digits) or MFO (UA, 6 digits)
  account       varchar(34)   NOT NULL             -- NRB / IBAN
);
GO

IF OBJECT_ID(N'ref.services', N'U') IS NULL
CREATE TABLE ref.services (
  service_id    int           NOT NULL CONSTRAINT pk_ref_services PRIMARY KEY,
  code          varchar(16)   NOT NULL CONSTRAINT uq_ref_services_code UNIQUE,
  name          nvarchar(200) NOT NULL,
  unit          varchar(16)   NOT NULL,            -- m2, m3, person, flat, kWh, GJ
  provider_code varchar(16)   NOT NULL CONSTRAINT fk_ref_services_provider REFERENCES ref.providers (provider_code)
);
GO

-- Tariffs by validity: the tariff of a month is the latest valid_from on or before its last day.
IF OBJECT_ID(N'ref.tariffs', N'U') IS NULL
CREATE TABLE ref.tariffs (
  service_id int           NOT NULL CONSTRAINT fk_ref_tariffs_service REFERENCES ref.services (service_id),
  valid_from date          NOT NULL,
  tariff     decimal(12,4) NOT NULL,               -- major units per unit
  CONSTRAINT pk_ref_tariffs PRIMARY KEY (service_id, valid_from)
);
GO

-- One row per premises per service per month: the per-service bill.
IF OBJECT_ID(N'ref.charges', N'U') IS NULL
CREATE TABLE ref.charges (
  period        char(7)       NOT NULL,
  premises_id   int           NOT NULL CONSTRAINT fk_ref_charges_premises REFERENCES ref.premises (premises_id),
  service_id    int           NOT NULL CONSTRAINT fk_ref_charges_service REFERENCES ref.services (service_id),
  debt_bf       decimal(14,2) NOT NULL,            -- this service's share of the opening balance
  quantity      decimal(14,4) NOT NULL,
  tariff        decimal(12,4) NOT NULL,
  amount        decimal(14,2) NOT NULL,            -- quantity × tariff, rounded half up
  recalculation decimal(14,2) NOT NULL,
  CONSTRAINT pk_ref_charges PRIMARY KEY (period, premises_id, service_id)
);
GO

-- One row per premises per month (the turnover-balance sheet).
IF OBJECT_ID(N'ref.turnovers', N'U') IS NULL
CREATE TABLE ref.turnovers (
  period      char(7)       NOT NULL,
  premises_id int           NOT NULL CONSTRAINT fk_ref_turnovers_premises REFERENCES ref.premises (premises_id),
  opening     decimal(14,2) NOT NULL,
  charges     decimal(14,2) NOT NULL,
  payments    decimal(14,2) NOT NULL,              -- negative
  corrections decimal(14,2) NOT NULL,
  subsidies   decimal(14,2) NOT NULL,              -- negative
  benefits    decimal(14,2) NOT NULL,              -- negative
  closing     decimal(14,2) NOT NULL,
  CONSTRAINT pk_ref_turnovers PRIMARY KEY (period, premises_id)
);
GO

-- The payments behind turnovers.payments (amount paid, positive). external_ref identifies a
-- payment booked through the exchange (portal payment id, bank statement item), so that a batch
-- sent twice is booked once.
IF OBJECT_ID(N'ref.payments', N'U') IS NULL
CREATE TABLE ref.payments (
  payment_id   bigint IDENTITY(1,1) NOT NULL CONSTRAINT pk_ref_payments PRIMARY KEY,
  premises_id  int           NOT NULL CONSTRAINT fk_ref_payments_premises REFERENCES ref.premises (premises_id),
  period       char(7)       NOT NULL,
  paid_on      date          NOT NULL,
  amount       decimal(14,2) NOT NULL,
  channel      varchar(8)    NOT NULL CONSTRAINT ck_ref_payments_channel CHECK (channel IN ('bank', 'portal', 'cash')),
  service_id   int           NULL CONSTRAINT fk_ref_payments_service REFERENCES ref.services (service_id),   -- paid for one service only
  external_ref varchar(160)  NULL,
  note         nvarchar(400) NULL              -- payer and title of a bank item
);
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_ref_payments_premises' AND object_id = OBJECT_ID(N'ref.payments'))
  CREATE INDEX ix_ref_payments_premises ON ref.payments (premises_id, period, paid_on) INCLUDE (amount);
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ux_ref_payments_external' AND object_id = OBJECT_ID(N'ref.payments'))
  CREATE UNIQUE INDEX ux_ref_payments_external ON ref.payments (channel, external_ref) WHERE external_ref IS NOT NULL;
GO

IF OBJECT_ID(N'ref.meters', N'U') IS NULL
CREATE TABLE ref.meters (
  meter_id          int         NOT NULL CONSTRAINT pk_ref_meters PRIMARY KEY,
  meter_code        varchar(32) NOT NULL CONSTRAINT uq_ref_meters_code UNIQUE,   -- the id the portal shows
  premises_id       int         NOT NULL CONSTRAINT fk_ref_meters_premises REFERENCES ref.premises (premises_id),
  medium            varchar(16) NOT NULL CONSTRAINT ck_ref_meters_medium CHECK (medium IN ('cold_water', 'hot_water', 'heat', 'electricity', 'gas')),
  serial            varchar(32) NOT NULL,
  radio_id          varchar(32) NULL,
  automatic         bit         NOT NULL,          -- radio-read
  tariff_zones      tinyint     NOT NULL,          -- 1, or 2 for day/night electricity
  register_digits   tinyint     NOT NULL,          -- digits before the decimal point (rollover at 10^digits)
  decimals          tinyint     NOT NULL,
  unit              varchar(8)  NOT NULL,          -- m3, kWh, GJ
  installed_on      date        NOT NULL,
  removed_on        date        NULL,
  verification_due  date        NOT NULL,
  replaces_meter_id int         NULL
);
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_ref_meters_premises' AND object_id = OBJECT_ID(N'ref.meters'))
  CREATE INDEX ix_ref_meters_premises ON ref.meters (premises_id, meter_code);
GO

IF OBJECT_ID(N'ref.meter_readings', N'U') IS NULL
CREATE TABLE ref.meter_readings (
  reading_id   bigint IDENTITY(1,1) NOT NULL CONSTRAINT pk_ref_meter_readings PRIMARY KEY,
  meter_id     int           NOT NULL CONSTRAINT fk_ref_meter_readings_meter REFERENCES ref.meters (meter_id),
  reading_date date          NOT NULL,
  zone         tinyint       NOT NULL,             -- 1-based tariff zone
  value        decimal(15,4) NOT NULL,
  source       varchar(16)   NOT NULL CONSTRAINT ck_ref_meter_readings_source CHECK (source IN ('portal', 'radio', 'inspector', 'estimate')),
  reading_key  varchar(128)  NULL               -- Saldo's key of an imported reading: written once (saldo.import_readings)
);
GO
-- A table made before reading_key existed gets the column.
IF COL_LENGTH(N'ref.meter_readings', N'reading_key') IS NULL
  ALTER TABLE ref.meter_readings ADD reading_key varchar(128) NULL;
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_ref_meter_readings_meter' AND object_id = OBJECT_ID(N'ref.meter_readings'))
  CREATE INDEX ix_ref_meter_readings_meter ON ref.meter_readings (meter_id, reading_date, zone) INCLUDE (value, source);
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ux_ref_meter_readings_key' AND object_id = OBJECT_ID(N'ref.meter_readings'))
  CREATE UNIQUE INDEX ux_ref_meter_readings_key ON ref.meter_readings (reading_key) WHERE reading_key IS NOT NULL;
GO
