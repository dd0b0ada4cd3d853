/*
  Saldo — SQL Server exchange, script 02 of 04: THE EXCHANGE SCHEMA.

  Creates, in the accounting database, the schema [saldo] and the exchange objects that are not
  procedures (main/accounting/mssql/objects.ts is the one list the application checks against):
    - table saldo.registered_accounts — the personal accounts registered on the residents' portal
      (the exchange login may SELECT, INSERT and DELETE its rows; nothing else);
    - table types for the table-valued parameter (@rows) of each inbound procedure:
        saldo.reading_tt          → saldo.import_readings         (validated meter readings)
        saldo.portal_payment_tt   → saldo.import_portal_payments  (payments made on the portal)
        saldo.bank_item_tt        → saldo.import_bank_items       (matched bank statement items)

  Conventions of the table types: line_no numbers the rows of one call (1, 2, …) and comes back in
  the procedure's answer, one answer row per input row; money is bigint MINOR units (grosze,
  kopiyky); a meter value is a decimal STRING ('123.4560') that the procedure converts with
  TRY_CONVERT — no floating-point number ever carries money or a reading.

  The schema [saldo] must be owned by the same principal as the vendor's tables (normally dbo):
  the exchange login then reaches the vendor's data only through the procedures (ownership
  chaining), without any right on the vendor's tables. See README.md, "Least privilege".

  Re-runnable: objects are created only when absent. A table type cannot be altered; to change
  one, drop the procedure that uses it, drop and re-create the type, then run 03 and 04 again.
  Upgrade: a saldo.reading_tt made before it carried reading_key (Saldo's idempotency key of a
  reading) is dropped here together with saldo.import_readings and made anew, and so is a
  saldo.portal_payment_tt made before it carried reference (with saldo.import_portal_payments) —
  run 03 and 04 again afterwards (dropping a type drops its grant).
*/

SET NOCOUNT ON;
GO

IF SCHEMA_ID(N'saldo') IS NULL EXEC (N'CREATE SCHEMA saldo AUTHORIZATION dbo');
GO

IF OBJECT_ID(N'saldo.registered_accounts', N'U') IS NULL
CREATE TABLE saldo.registered_accounts (
  account_no    varchar(32)   NOT NULL CONSTRAINT pk_saldo_registered_accounts PRIMARY KEY,
  registered_at datetime2(0)  NOT NULL CONSTRAINT df_saldo_registered_accounts_at DEFAULT (SYSUTCDATETIME()),   -- UTC
  portal_login  nvarchar(128) NULL
);
GO

IF TYPE_ID(N'saldo.reading_tt') IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM sys.columns AS c
                   JOIN sys.table_types AS t ON t.type_table_object_id = c.object_id
                   WHERE t.user_type_id = TYPE_ID(N'saldo.reading_tt') AND c.name = N'reading_key')
BEGIN
  IF OBJECT_ID(N'saldo.import_readings', N'P') IS NOT NULL DROP PROCEDURE saldo.import_readings;
  DROP TYPE saldo.reading_tt;
END;
GO

IF TYPE_ID(N'saldo.reading_tt') IS NULL
CREATE TYPE saldo.reading_tt AS TABLE (
  line_no      int          NOT NULL PRIMARY KEY,
  reading_key  varchar(128) NOT NULL,   -- Saldo's key of the reading: recorded once, a repeat is 'duplicate'
  account_no   varchar(32)  NULL,       -- when given, the meter must belong to this account
  meter_id     varchar(32)  NOT NULL,   -- the meter id of export_meters
  reading_date date         NOT NULL,
  zone         tinyint      NOT NULL,   -- 1-based tariff zone
  value        varchar(32)  NOT NULL,   -- decimal string, up to 4 places
  source       varchar(16)  NOT NULL    -- portal | radio (Saldo sends these); inspector | estimate
);
GO

IF TYPE_ID(N'saldo.portal_payment_tt') IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM sys.columns AS c
                   JOIN sys.table_types AS t ON t.type_table_object_id = c.object_id
                   WHERE t.user_type_id = TYPE_ID(N'saldo.portal_payment_tt') AND c.name = N'reference')
BEGIN
  IF OBJECT_ID(N'saldo.import_portal_payments', N'P') IS NOT NULL DROP PROCEDURE saldo.import_portal_payments;
  DROP TYPE saldo.portal_payment_tt;
END;
GO

IF TYPE_ID(N'saldo.portal_payment_tt') IS NULL
CREATE TYPE saldo.portal_payment_tt AS TABLE (
  line_no      int           NOT NULL PRIMARY KEY,
  payment_id   varchar(64)   NOT NULL,   -- the portal's id: a payment sent twice is booked once
  account_no   varchar(32)   NOT NULL,
  paid_on      date          NOT NULL,   -- the local day it was paid; its month is the booking period
  amount       bigint        NOT NULL,   -- minor units, positive
  service_code varchar(16)   NULL,       -- when the resident paid for one service only
  reference    nvarchar(140) NULL        -- the resident's payment title on the portal
);
GO

IF TYPE_ID(N'saldo.bank_item_tt') IS NULL
CREATE TYPE saldo.bank_item_tt AS TABLE (
  line_no      int           NOT NULL PRIMARY KEY,
  statement_id varchar(64)   NOT NULL,  -- the bank statement (file) id
  item_ref     varchar(64)   NOT NULL,  -- the item's reference within the statement
  account_no   varchar(32)   NOT NULL,  -- the account the item was matched to
  booked_on    date          NOT NULL,
  amount       bigint        NOT NULL,  -- minor units, positive
  payer        nvarchar(200) NULL,
  title        nvarchar(400) NULL
);
GO
