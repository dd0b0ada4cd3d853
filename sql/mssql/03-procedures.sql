/*
  Saldo — SQL Server exchange, script 03 of 04: THE EXCHANGE PROCEDURES.

  One procedure per name in main/accounting/mssql/objects.ts (EXCHANGE_PROCEDURES). Their
  PARAMETERS and RESULT COLUMNS are the contract with Saldo and must not change; their BODIES are
  written here over the reference schema of 01-reference-schema.sql and are what a DBA adapts to
  the vendor's own tables (README.md, "Adapting the procedures").

  Outbound (Saldo reads; each returns exactly one result set):
    export_accounts, export_services, export_providers, export_residents, export_beneficiaries,
    export_balances (+ @as_of), export_charges, export_meters, export_meter_readings (+ @months)
    - @period char(7) is the accounting month 'YYYY-MM' (every export takes it, even where the
      reference body does not need it);
    - the columns are those of the row types in shared/domain/accounting.ts, with the same names
      and in the same order (the line "-- @result" marks the result SELECT; a test compares its
      column list with the row types);
    - money is returned as bigint MINOR units: CAST(ROUND(amount * 100, 0) AS bigint);
    - tariffs, quantities, areas, percentages and meter values as varchar decimal strings:
      CONVERT(varchar(32), value) — the driver would read a decimal column as a floating-point
      number, and Saldo refuses one (main/accounting/mssql/mapping.ts);
    - dates as date; flags as bit; counts and zones as int/tinyint;
    - per-account procedures return an account's rows together: ORDER BY account, then the row.

  Inbound (Saldo writes; one table-valued parameter @rows, READONLY; one transaction; one answer
  row per input row: line_no, status 'accepted' | 'duplicate' | 'rejected', message):
    import_readings (saldo.reading_tt), import_portal_payments (saldo.portal_payment_tt),
    import_bank_items (saldo.bank_item_tt). A batch sent twice is booked once ('duplicate'):
    import_readings knows a reading by its reading_key, payments by payment_id, bank items by
    statement + item.

  Run after 02-exchange-schema.sql, as a user who may create procedures in [saldo] (dbo).
  CREATE OR ALTER keeps the rights granted by 04-security.sql when a procedure is changed.
*/

SET NOCOUNT ON;
GO

-- ============================================================================================
-- Outbound
-- ============================================================================================

CREATE OR ALTER PROCEDURE saldo.export_accounts
  @period char(7)
AS
BEGIN
  SET NOCOUNT ON;
  IF @period IS NULL OR @period NOT LIKE '[12][0-9][0-9][0-9]-[01][0-9]' OR TRY_CONVERT(date, @period + '-01', 23) IS NULL
    THROW 50001, N'saldo.export_accounts: @period must be a month written YYYY-MM.', 1;

  -- Every premises, including those without an account number (Saldo's validations report them).
  -- @result: AccountRow
  SELECT p.account_no,
         p.kind AS premises_kind,
         b.code AS building,
         b.address,
         p.unit,
         CONVERT(varchar(32), p.area_m2) AS area_m2,
         p.residents_count,
         p.owner_name,
         p.www AS portal_enabled,
         p.user_group AS portal_group,
         p.virtual_account,
         p.info1,
         p.info2,
         p.info3,
         p.info4,
         p.status
  FROM ref.premises AS p
  JOIN ref.buildings AS b ON b.building_id = p.building_id
  ORDER BY p.account_no, p.premises_id;
END;
GO

CREATE OR ALTER PROCEDURE saldo.export_services
  @period char(7)
AS
BEGIN
  SET NOCOUNT ON;
  IF @period IS NULL OR @period NOT LIKE '[12][0-9][0-9][0-9]-[01][0-9]' OR TRY_CONVERT(date, @period + '-01', 23) IS NULL
    THROW 50001, N'saldo.export_services: @period must be a month written YYYY-MM.', 1;
  DECLARE @end date = EOMONTH(CONVERT(date, @period + '-01', 23));

  -- The tariff in force on the last day of the month.
  -- @result: ServiceRow
  SELECT s.code,
         s.name,
         s.unit,
         CONVERT(varchar(32), t.tariff) AS tariff,
         s.provider_code
  FROM ref.services AS s
  CROSS APPLY (
    SELECT TOP (1) x.tariff
    FROM ref.tariffs AS x
    WHERE x.service_id = s.service_id AND x.valid_from <= @end
    ORDER BY x.valid_from DESC
  ) AS t
  ORDER BY s.code;
END;
GO

CREATE OR ALTER PROCEDURE saldo.export_providers
  @period char(7)
AS
BEGIN
  SET NOCOUNT ON;
  IF @period IS NULL OR @period NOT LIKE '[12][0-9][0-9][0-9]-[01][0-9]' OR TRY_CONVERT(date, @period + '-01', 23) IS NULL
    THROW 50001, N'saldo.export_providers: @period must be a month written YYYY-MM.', 1;

  -- @result: ProviderRow
  SELECT v.provider_code,
         v.name,
         v.tax_code,
         v.bank,
         v.account
  FROM ref.providers AS v
  ORDER BY v.provider_code;
END;
GO

CREATE OR ALTER PROCEDURE saldo.export_residents
  @period char(7)
AS
BEGIN
  SET NOCOUNT ON;
  IF @period IS NULL OR @period NOT LIKE '[12][0-9][0-9][0-9]-[01][0-9]' OR TRY_CONVERT(date, @period + '-01', 23) IS NULL
    THROW 50001, N'saldo.export_residents: @period must be a month written YYYY-MM.', 1;
  DECLARE @start date = CONVERT(date, @period + '-01', 23);
  DECLARE @end date = EOMONTH(@start);

  -- People registered at some time during the month.
  -- @result: ResidentRow
  SELECT p.account_no,
         pe.full_name AS person,
         r.role,
         r.registered_from,
         r.registered_to
  FROM ref.residents AS r
  JOIN ref.premises AS p ON p.premises_id = r.premises_id
  JOIN ref.persons AS pe ON pe.person_id = r.person_id
  WHERE p.account_no IS NOT NULL AND p.account_no <> ''
    AND r.registered_from <= @end AND (r.registered_to IS NULL OR r.registered_to >= @start)
  ORDER BY p.account_no, p.premises_id, r.resident_id;
END;
GO

CREATE OR ALTER PROCEDURE saldo.export_beneficiaries
  @period char(7)
AS
BEGIN
  SET NOCOUNT ON;
  IF @period IS NULL OR @period NOT LIKE '[12][0-9][0-9][0-9]-[01][0-9]' OR TRY_CONVERT(date, @period + '-01', 23) IS NULL
    THROW 50001, N'saldo.export_beneficiaries: @period must be a month written YYYY-MM.', 1;
  DECLARE @start date = CONVERT(date, @period + '-01', 23);
  DECLARE @end date = EOMONTH(@start);

  -- Benefits valid at some time during the month.
  -- @result: BeneficiaryRow
  SELECT p.account_no,
         pe.full_name AS person,
         b.benefit_code,
         k.name AS benefit_name,
         CONVERT(varchar(32), k.discount_pct) AS discount_pct,
         b.valid_from,
         b.valid_to
  FROM ref.beneficiaries AS b
  JOIN ref.premises AS p ON p.premises_id = b.premises_id
  JOIN ref.persons AS pe ON pe.person_id = b.person_id
  JOIN ref.benefits AS k ON k.code = b.benefit_code
  WHERE p.account_no IS NOT NULL AND p.account_no <> ''
    AND b.valid_from <= @end AND (b.valid_to IS NULL OR b.valid_to >= @start)
  ORDER BY p.account_no, p.premises_id, b.beneficiary_id;
END;
GO

CREATE OR ALTER PROCEDURE saldo.export_balances
  @period char(7),
  @as_of  date = NULL
AS
BEGIN
  SET NOCOUNT ON;
  IF @period IS NULL OR @period NOT LIKE '[12][0-9][0-9][0-9]-[01][0-9]' OR TRY_CONVERT(date, @period + '-01', 23) IS NULL
    THROW 50001, N'saldo.export_balances: @period must be a month written YYYY-MM.', 1;
  DECLARE @end date = EOMONTH(CONVERT(date, @period + '-01', 23));
  IF @as_of IS NULL SET @as_of = @end;

  -- Seven rows per account, in this order: opening, charges, payments, corrections, subsidies,
  -- benefits, closing; closing = opening + the six turnovers. Charges, corrections, subsidies and
  -- benefits are booked on the 1st; payments count up to @as_of (all of them from the month's
  -- last day on), and the closing balance follows them.
  -- @result: BalanceRow
  SELECT x.account_no,
         v.turnover_type,
         CAST(ROUND(v.amount * 100, 0) AS bigint) AS amount
  FROM (
    SELECT p.account_no,
           p.premises_id,
           t.opening,
           t.charges,
           t.payments AS booked_payments,
           CASE WHEN @as_of >= @end THEN t.payments
                ELSE -ISNULL((SELECT SUM(y.amount) FROM ref.payments AS y
                              WHERE y.premises_id = t.premises_id AND y.period = t.period AND y.paid_on <= @as_of), 0)
           END AS payments,
           t.corrections,
           t.subsidies,
           t.benefits,
           t.closing
    FROM ref.turnovers AS t
    JOIN ref.premises AS p ON p.premises_id = t.premises_id
    WHERE t.period = @period AND p.account_no IS NOT NULL AND p.account_no <> ''
  ) AS x
  CROSS APPLY (VALUES
    (1, 'opening',     x.opening),
    (2, 'charges',     x.charges),
    (3, 'payments',    x.payments),
    (4, 'corrections', x.corrections),
    (5, 'subsidies',   x.subsidies),
    (6, 'benefits',    x.benefits),
    (7, 'closing',     x.closing - x.booked_payments + x.payments)
  ) AS v (ord, turnover_type, amount)
  ORDER BY x.account_no, x.premises_id, v.ord;
END;
GO

CREATE OR ALTER PROCEDURE saldo.export_charges
  @period char(7)
AS
BEGIN
  SET NOCOUNT ON;
  IF @period IS NULL OR @period NOT LIKE '[12][0-9][0-9][0-9]-[01][0-9]' OR TRY_CONVERT(date, @period + '-01', 23) IS NULL
    THROW 50001, N'saldo.export_charges: @period must be a month written YYYY-MM.', 1;

  -- The per-service bill: total = debt brought forward + amount + recalculation.
  -- @result: ChargeRow
  SELECT p.account_no,
         s.code AS service_code,
         CAST(ROUND(c.debt_bf * 100, 0) AS bigint) AS debt_brought_forward,
         CONVERT(varchar(32), c.quantity) AS quantity,
         CONVERT(varchar(32), c.tariff) AS tariff,
         CAST(ROUND(c.amount * 100, 0) AS bigint) AS amount,
         CAST(ROUND(c.recalculation * 100, 0) AS bigint) AS recalculation,
         CAST(ROUND((c.debt_bf + c.amount + c.recalculation) * 100, 0) AS bigint) AS total
  FROM ref.charges AS c
  JOIN ref.premises AS p ON p.premises_id = c.premises_id
  JOIN ref.services AS s ON s.service_id = c.service_id
  WHERE c.period = @period AND p.account_no IS NOT NULL AND p.account_no <> ''
  ORDER BY p.account_no, p.premises_id, s.code;
END;
GO

CREATE OR ALTER PROCEDURE saldo.export_meters
  @period char(7)
AS
BEGIN
  SET NOCOUNT ON;
  IF @period IS NULL OR @period NOT LIKE '[12][0-9][0-9][0-9]-[01][0-9]' OR TRY_CONVERT(date, @period + '-01', 23) IS NULL
    THROW 50001, N'saldo.export_meters: @period must be a month written YYYY-MM.', 1;
  DECLARE @start date = CONVERT(date, @period + '-01', 23);
  DECLARE @end date = EOMONTH(@start);

  -- Meters not removed before the month starts, with the last reading on or before its last day
  -- (zone 1, the day register, for two-zone meters).
  -- @result: MeterRow
  SELECT p.account_no,
         m.meter_code AS meter_id,
         m.serial,
         m.radio_id,
         m.medium,
         m.tariff_zones,
         m.register_digits,
         m.decimals,
         m.unit,
         m.installed_on,
         m.removed_on,
         m.verification_due,
         CONVERT(varchar(32), lr.value) AS last_value,
         lr.reading_date AS last_date,
         m.automatic
  FROM ref.meters AS m
  JOIN ref.premises AS p ON p.premises_id = m.premises_id
  OUTER APPLY (
    SELECT TOP (1) r.value, r.reading_date
    FROM ref.meter_readings AS r
    WHERE r.meter_id = m.meter_id AND r.zone = 1 AND r.reading_date <= @end
    ORDER BY r.reading_date DESC
  ) AS lr
  WHERE p.account_no IS NOT NULL AND p.account_no <> ''
    AND (m.removed_on IS NULL OR m.removed_on >= @start)
  ORDER BY p.account_no, p.premises_id, m.meter_code;
END;
GO

CREATE OR ALTER PROCEDURE saldo.export_meter_readings
  @period char(7),
  @months int = 12
AS
BEGIN
  SET NOCOUNT ON;
  IF @period IS NULL OR @period NOT LIKE '[12][0-9][0-9][0-9]-[01][0-9]' OR TRY_CONVERT(date, @period + '-01', 23) IS NULL
    THROW 50001, N'saldo.export_meter_readings: @period must be a month written YYYY-MM.', 1;
  IF @months IS NULL SET @months = 12;
  IF @months < 1 OR @months > 600
    THROW 50002, N'saldo.export_meter_readings: @months must be between 1 and 600.', 1;
  DECLARE @start date = CONVERT(date, @period + '-01', 23);
  DECLARE @end date = EOMONTH(@start);
  DECLARE @from date = DATEADD(month, 1 - @months, @start);

  -- The readings history of the last @months months up to the period, meter by meter.
  -- @result: MeterReadingRow
  SELECT m.meter_code AS meter_id,
         r.reading_date,
         r.zone,
         CONVERT(varchar(32), r.value) AS value,
         r.source
  FROM ref.meters AS m
  JOIN ref.premises AS p ON p.premises_id = m.premises_id
  JOIN ref.meter_readings AS r ON r.meter_id = m.meter_id
  WHERE p.account_no IS NOT NULL AND p.account_no <> ''
    AND r.reading_date >= @from AND r.reading_date <= @end
  ORDER BY m.meter_code, r.reading_date, r.zone;
END;
GO

-- ============================================================================================
-- Inbound
-- ============================================================================================

CREATE OR ALTER PROCEDURE saldo.import_readings
  @rows saldo.reading_tt READONLY
AS
BEGIN
  -- Validated meter readings from Saldo. One answer row per input row, in line_no order:
  --   duplicate  the reading_key is recorded already (or comes earlier in this call), or an equal
  --              value is recorded for the meter, day and zone — nothing written again;
  --   rejected   no such meter (on the account, when account_no is given), not a meter value,
  --              a zone the meter does not have, another value recorded for the meter, day and zone;
  --   accepted   written, with its reading_key.
  -- A rejected row does not stop the others; any error rolls the whole call back.
  SET NOCOUNT ON;
  SET XACT_ABORT ON;   -- any error rolls the whole call back: nothing of the batch is booked

  DECLARE @answer TABLE (
    line_no   int           NOT NULL PRIMARY KEY,
    status    varchar(16)   NOT NULL,
    message   nvarchar(400) NULL,
    meter_key int           NULL,
    value     decimal(15,4) NULL
  );

  BEGIN TRANSACTION;

  INSERT INTO @answer (line_no, status, message, meter_key, value)
  SELECT i.line_no,
         CASE WHEN k.reading_id IS NOT NULL OR i.key_rn > 1 THEN 'duplicate'
              WHEN m.meter_id IS NULL THEN 'rejected'
              WHEN v.value IS NULL OR v.value < 0 THEN 'rejected'
              WHEN i.zone < 1 OR i.zone > m.tariff_zones THEN 'rejected'
              WHEN i.source NOT IN ('portal', 'radio', 'inspector', 'estimate') THEN 'rejected'
              WHEN d.reading_id IS NOT NULL AND d.value = v.value THEN 'duplicate'
              WHEN d.reading_id IS NOT NULL THEN 'rejected'
              WHEN i.slot_rn > 1 AND i.slot_first = v.value THEN 'duplicate'
              WHEN i.slot_rn > 1 THEN 'rejected'
              ELSE 'accepted' END,
         CASE WHEN k.reading_id IS NOT NULL OR i.key_rn > 1 THEN NULL
              WHEN m.meter_id IS NULL AND i.account_no IS NULL THEN N'no meter ' + i.meter_id
              WHEN m.meter_id IS NULL THEN N'no meter ' + i.meter_id + N' on account ' + i.account_no
              WHEN v.value IS NULL OR v.value < 0 THEN N'not a meter value: ' + i.value
              WHEN i.zone < 1 OR i.zone > m.tariff_zones THEN N'the meter has no tariff zone ' + CONVERT(nvarchar(4), i.zone)
              WHEN i.source NOT IN ('portal', 'radio', 'inspector', 'estimate') THEN N'unknown source ' + i.source
              WHEN d.reading_id IS NOT NULL AND d.value = v.value THEN N'an equal reading for this meter, date and zone is already recorded'
              WHEN d.reading_id IS NOT NULL THEN N'a reading of ' + CONVERT(nvarchar(32), d.value) + N' for this meter, date and zone is already recorded'
              WHEN i.slot_rn > 1 AND i.slot_first = v.value THEN N'an equal reading for this meter, date and zone is earlier in the batch'
              WHEN i.slot_rn > 1 THEN N'another reading for this meter, date and zone is earlier in the batch'
              ELSE NULL END,
         m.meter_id,
         v.value
  FROM (
    SELECT x.*,
           ROW_NUMBER() OVER (PARTITION BY x.reading_key ORDER BY x.line_no) AS key_rn,
           ROW_NUMBER() OVER (PARTITION BY x.meter_id, x.account_no, x.reading_date, x.zone ORDER BY x.line_no) AS slot_rn,
           FIRST_VALUE(TRY_CONVERT(decimal(15,4), x.value)) OVER (PARTITION BY x.meter_id, x.account_no, x.reading_date, x.zone ORDER BY x.line_no ROWS UNBOUNDED PRECEDING) AS slot_first
    FROM @rows AS x
  ) AS i
  OUTER APPLY (
    SELECT TOP (1) r.reading_id
    FROM ref.meter_readings AS r WITH (UPDLOCK, HOLDLOCK)
    WHERE r.reading_key = i.reading_key
  ) AS k
  OUTER APPLY (
    SELECT TOP (1) mm.meter_id, mm.tariff_zones
    FROM ref.meters AS mm
    JOIN ref.premises AS pp ON pp.premises_id = mm.premises_id
    WHERE mm.meter_code = i.meter_id AND (i.account_no IS NULL OR pp.account_no = i.account_no)
    ORDER BY mm.meter_id
  ) AS m
  -- A meter value: digits, at most one point and 4 places (TRY_CONVERT alone would round
  -- '1.23456' and take '-5'); more than 11 digits before the point do not convert (NULL).
  CROSS APPLY (
    SELECT CASE WHEN i.value LIKE '[0-9]%' AND i.value NOT LIKE '%[^0-9.]%'
                 AND (CHARINDEX('.', i.value) = 0
                      OR (LEN(i.value) - CHARINDEX('.', i.value) BETWEEN 1 AND 4
                          AND CHARINDEX('.', i.value, CHARINDEX('.', i.value) + 1) = 0))
                THEN TRY_CONVERT(decimal(15,4), i.value) END AS value
  ) AS v
  OUTER APPLY (
    SELECT TOP (1) r.reading_id, r.value
    FROM ref.meter_readings AS r WITH (UPDLOCK, HOLDLOCK)
    WHERE r.meter_id = m.meter_id AND r.reading_date = i.reading_date AND r.zone = i.zone
    ORDER BY r.reading_id
  ) AS d;

  INSERT INTO ref.meter_readings (meter_id, reading_date, zone, value, source, reading_key)
  SELECT a.meter_key, i.reading_date, i.zone, a.value, i.source, i.reading_key
  FROM @answer AS a
  JOIN @rows AS i ON i.line_no = a.line_no
  WHERE a.status = 'accepted';

  COMMIT TRANSACTION;

  -- @result: ImportResultRow
  SELECT a.line_no,
         a.status,
         a.message
  FROM @answer AS a
  ORDER BY a.line_no;
END;
GO

CREATE OR ALTER PROCEDURE saldo.import_portal_payments
  @rows saldo.portal_payment_tt READONLY
AS
BEGIN
  -- Payments residents made on the portal. One answer row per input row, in line_no order:
  --   duplicate  the payment_id is booked already (or comes earlier in this call) — checked
  --              first, so a retried batch is never refused for what changed since;
  --   rejected   no such account, an amount not above zero, an unknown service;
  --   accepted   booked in ref.payments, channel portal, external_ref = the payment_id, note =
  --              the resident's reference.
  -- A rejected row does not stop the others; any error rolls the whole call back.
  SET NOCOUNT ON;
  SET XACT_ABORT ON;   -- any error rolls the whole call back: nothing of the batch is booked

  DECLARE @answer TABLE (
    line_no     int           NOT NULL PRIMARY KEY,
    status      varchar(16)   NOT NULL,
    message     nvarchar(400) NULL,
    premises_id int           NULL,
    service_id  int           NULL
  );

  BEGIN TRANSACTION;

  INSERT INTO @answer (line_no, status, message, premises_id, service_id)
  SELECT i.line_no,
         CASE WHEN d.payment_id IS NOT NULL OR i.rn > 1 THEN 'duplicate'
              WHEN p.premises_id IS NULL THEN 'rejected'
              WHEN i.amount <= 0 THEN 'rejected'
              WHEN i.service_code IS NOT NULL AND s.service_id IS NULL THEN 'rejected'
              ELSE 'accepted' END,
         CASE WHEN d.payment_id IS NOT NULL OR i.rn > 1 THEN N'payment ' + i.payment_id + N' is already booked'
              WHEN p.premises_id IS NULL THEN N'no account ' + i.account_no
              WHEN i.amount <= 0 THEN N'the amount must be positive'
              WHEN i.service_code IS NOT NULL AND s.service_id IS NULL THEN N'no service ' + i.service_code
              ELSE NULL END,
         p.premises_id,
         s.service_id
  FROM (
    SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.payment_id ORDER BY x.line_no) AS rn
    FROM @rows AS x
  ) AS i
  OUTER APPLY (
    SELECT TOP (1) pp.premises_id
    FROM ref.premises AS pp
    WHERE pp.account_no = i.account_no
    ORDER BY CASE WHEN pp.status = 'active' THEN 0 ELSE 1 END, pp.premises_id
  ) AS p
  OUTER APPLY (SELECT TOP (1) ss.service_id FROM ref.services AS ss WHERE ss.code = i.service_code) AS s
  OUTER APPLY (
    SELECT TOP (1) y.payment_id
    FROM ref.payments AS y WITH (UPDLOCK, HOLDLOCK)
    WHERE y.channel = 'portal' AND y.external_ref = i.payment_id
  ) AS d;

  INSERT INTO ref.payments (premises_id, period, paid_on, amount, channel, service_id, external_ref, note)
  SELECT a.premises_id,
         CONVERT(char(7), i.paid_on, 126),
         i.paid_on,
         CAST(CAST(i.amount AS decimal(19,2)) / 100 AS decimal(14,2)),
         'portal',
         a.service_id,
         i.payment_id,
         NULLIF(i.reference, N'')
  FROM @answer AS a
  JOIN @rows AS i ON i.line_no = a.line_no
  WHERE a.status = 'accepted';

  COMMIT TRANSACTION;

  -- @result: ImportResultRow
  SELECT a.line_no,
         a.status,
         a.message
  FROM @answer AS a
  ORDER BY a.line_no;
END;
GO

CREATE OR ALTER PROCEDURE saldo.import_bank_items
  @rows saldo.bank_item_tt READONLY
AS
BEGIN
  SET NOCOUNT ON;
  SET XACT_ABORT ON;

  -- Matched bank payments (saldo.json bank.deliver = accounting). One answer row per input row,
  -- in line_no order: duplicate (statement_id + item_ref booked already, or earlier in this call —
  -- checked first, so an item booked before is never refused for what changed since), rejected
  -- (no such account, an amount not above zero), accepted (booked in ref.payments, channel bank,
  -- external_ref = statement_id + '/' + item_ref; Saldo never puts '/' in a statement_id).
  -- An office that books bank payments from output files instead leaves this body as it is:
  -- Saldo calls the procedure only when bank items are to be booked through the exchange.

  DECLARE @answer TABLE (
    line_no     int           NOT NULL PRIMARY KEY,
    status      varchar(16)   NOT NULL,
    message     nvarchar(400) NULL,
    premises_id int           NULL
  );

  BEGIN TRANSACTION;

  INSERT INTO @answer (line_no, status, message, premises_id)
  SELECT i.line_no,
         CASE WHEN d.payment_id IS NOT NULL OR i.rn > 1 THEN 'duplicate'
              WHEN p.premises_id IS NULL THEN 'rejected'
              WHEN i.amount <= 0 THEN 'rejected'
              ELSE 'accepted' END,
         CASE WHEN d.payment_id IS NOT NULL OR i.rn > 1 THEN N'item ' + i.item_ref + N' of statement ' + i.statement_id + N' is already booked'
              WHEN p.premises_id IS NULL THEN N'no account ' + i.account_no
              WHEN i.amount <= 0 THEN N'the amount must be positive'
              ELSE NULL END,
         p.premises_id
  FROM (
    SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.statement_id, x.item_ref ORDER BY x.line_no) AS rn
    FROM @rows AS x
  ) AS i
  OUTER APPLY (
    SELECT TOP (1) pp.premises_id
    FROM ref.premises AS pp
    WHERE pp.account_no = i.account_no
    ORDER BY CASE WHEN pp.status = 'active' THEN 0 ELSE 1 END, pp.premises_id
  ) AS p
  OUTER APPLY (
    SELECT TOP (1) y.payment_id
    FROM ref.payments AS y WITH (UPDLOCK, HOLDLOCK)
    WHERE y.channel = 'bank' AND y.external_ref = i.statement_id + '/' + i.item_ref
  ) AS d;

  INSERT INTO ref.payments (premises_id, period, paid_on, amount, channel, external_ref, note)
  SELECT a.premises_id,
         CONVERT(char(7), i.booked_on, 126),
         i.booked_on,
         CAST(CAST(i.amount AS decimal(19,2)) / 100 AS decimal(14,2)),
         'bank',
         i.statement_id + '/' + i.item_ref,
         NULLIF(LEFT(CONCAT(i.payer, CASE WHEN i.payer IS NOT NULL AND i.title IS NOT NULL THEN N': ' END, i.title), 400), N'')
  FROM @answer AS a
  JOIN @rows AS i ON i.line_no = a.line_no
  WHERE a.status = 'accepted';

  COMMIT TRANSACTION;

  -- @result: ImportResultRow
  SELECT a.line_no,
         a.status,
         a.message
  FROM @answer AS a
  ORDER BY a.line_no;
END;
GO
