/*
  Saldo — SQL Server exchange, script 04 of 04: THE SECURITY SCRIPT (least privilege).

  "The login name is forcibly limited only to those database objects that are used in the data
  exchange. There should be no other accesses and permissions on this login name."

  Creates in the accounting database
    - the database role [saldo_exchange] with exactly:
        EXECUTE on each exchange procedure (objects.ts EXCHANGE_PROCEDURES),
        EXECUTE on each table type of the inbound procedures (a caller passing a table-valued
        parameter needs EXECUTE on its type; REFERENCES is not needed),
        SELECT, INSERT, DELETE on saldo.registered_accounts (no UPDATE);
      and nothing else: no schema-wide or database-wide right, no fixed role, no right on the
      vendor's tables (the procedures reach them by ownership chaining, see README.md);
    - a SQL Server login, its database user, and its membership of [saldo_exchange].

  Run with sqlcmd (or SSMS in SQLCMD mode), as a member of sysadmin or securityadmin + db_owner,
  in the accounting database, AFTER 02 and 03:

    sqlcmd -S server[\instance] -d AccountingDb -E -b -i 04-security.sql ^
           -v SALDO_LOGIN="saldo_portal" SALDO_PASSWORD="<a strong password>"

  The password is a sqlcmd variable and never written in this file; it must not contain a single
  quote ('). An existing login is left as it is (its password is not changed); an existing role
  keeps any right granted to it by hand — compare with Saldo's "Test connection", which lists
  every right beyond these as a warning.

  Windows (domain) login instead of a SQL Server login — NTLM through tedious, or integrated
  login through msnodesqlv8 — replace section 3 by:

    IF SUSER_SID(N'DOMAIN\saldo-svc') IS NULL CREATE LOGIN [DOMAIN\saldo-svc] FROM WINDOWS;
    IF DATABASE_PRINCIPAL_ID(N'DOMAIN\saldo-svc') IS NULL
      CREATE USER [DOMAIN\saldo-svc] FOR LOGIN [DOMAIN\saldo-svc] WITH DEFAULT_SCHEMA = saldo;
    ALTER ROLE saldo_exchange ADD MEMBER [DOMAIN\saldo-svc];
*/

SET NOCOUNT ON;
GO

-- 1. The role ---------------------------------------------------------------------------------

IF DATABASE_PRINCIPAL_ID(N'saldo_exchange') IS NULL
  CREATE ROLE saldo_exchange AUTHORIZATION dbo;
GO

-- 2. Its rights: exactly these ------------------------------------------------------------------

-- Outbound procedures
GRANT EXECUTE ON OBJECT::saldo.export_accounts TO saldo_exchange;
GRANT EXECUTE ON OBJECT::saldo.export_services TO saldo_exchange;
GRANT EXECUTE ON OBJECT::saldo.export_providers TO saldo_exchange;
GRANT EXECUTE ON OBJECT::saldo.export_residents TO saldo_exchange;
GRANT EXECUTE ON OBJECT::saldo.export_beneficiaries TO saldo_exchange;
GRANT EXECUTE ON OBJECT::saldo.export_balances TO saldo_exchange;
GRANT EXECUTE ON OBJECT::saldo.export_charges TO saldo_exchange;
GRANT EXECUTE ON OBJECT::saldo.export_meters TO saldo_exchange;
GRANT EXECUTE ON OBJECT::saldo.export_meter_readings TO saldo_exchange;

-- Inbound procedures and the table types of their parameters
GRANT EXECUTE ON OBJECT::saldo.import_readings TO saldo_exchange;
GRANT EXECUTE ON OBJECT::saldo.import_portal_payments TO saldo_exchange;
GRANT EXECUTE ON OBJECT::saldo.import_bank_items TO saldo_exchange;
GRANT EXECUTE ON TYPE::saldo.reading_tt TO saldo_exchange;
GRANT EXECUTE ON TYPE::saldo.portal_payment_tt TO saldo_exchange;
GRANT EXECUTE ON TYPE::saldo.bank_item_tt TO saldo_exchange;

-- The accounts registered on the portal: read, add, remove (no UPDATE)
GRANT SELECT, INSERT, DELETE ON OBJECT::saldo.registered_accounts TO saldo_exchange;
GO

-- 3. The login, its user, and the role membership ----------------------------------------------

IF SUSER_SID(N'$(SALDO_LOGIN)') IS NULL
  CREATE LOGIN [$(SALDO_LOGIN)] WITH PASSWORD = N'$(SALDO_PASSWORD)', CHECK_POLICY = ON, CHECK_EXPIRATION = OFF;
GO

IF DATABASE_PRINCIPAL_ID(N'$(SALDO_LOGIN)') IS NULL
  CREATE USER [$(SALDO_LOGIN)] FOR LOGIN [$(SALDO_LOGIN)] WITH DEFAULT_SCHEMA = saldo;
GO

ALTER ROLE saldo_exchange ADD MEMBER [$(SALDO_LOGIN)];
GO

-- 4. What the user holds now (for the DBA's eyes): explicit rights of the user and its roles ------

SELECT grantee.name AS principal,
       p.state_desc,
       p.permission_name,
       p.class_desc,
       CASE p.class_desc
         WHEN N'OBJECT_OR_COLUMN' THEN OBJECT_SCHEMA_NAME(p.major_id) + N'.' + OBJECT_NAME(p.major_id)
         WHEN N'TYPE' THEN SCHEMA_NAME(t.schema_id) + N'.' + t.name
         WHEN N'SCHEMA' THEN SCHEMA_NAME(p.major_id)
         ELSE DB_NAME() END AS securable
FROM sys.database_permissions AS p
JOIN sys.database_principals AS grantee ON grantee.principal_id = p.grantee_principal_id
LEFT JOIN sys.types AS t ON p.class_desc = N'TYPE' AND t.user_type_id = p.major_id
WHERE grantee.name IN (N'saldo_exchange', N'$(SALDO_LOGIN)')
ORDER BY principal, securable, p.permission_name;
GO
