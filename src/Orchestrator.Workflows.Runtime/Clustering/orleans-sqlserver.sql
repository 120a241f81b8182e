-- Orleans 10.4.2 ADO.NET clustering and reminders on SQL Server: the tables, and the named queries the providers
-- read from OrleansQuery at start and then run with their own parameters (@DeploymentId is the ClusterId).
-- Written to the same contract as orleans-postgresql.sql but NOT run by any test: SQL Server cannot run on the
-- machines this project is built on. One batch, idempotent. The server runs it at every start in one transaction
-- under an application lock, so two servers starting at once take turns.
-- Query texts are upserted: the database always holds the texts of the build that last started.
-- Contract notes: docs/decisions.md, "Workflow runtime".

IF OBJECT_ID(N'OrleansQuery', N'U') IS NULL
CREATE TABLE OrleansQuery
(
    QueryKey VARCHAR(64) NOT NULL,
    QueryText VARCHAR(8000) NOT NULL,
    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);

-- One row per cluster. Version is the etag of the whole membership table: every insert or update of a silo row
-- must name the Version it read and bumps it, or changes nothing.
IF OBJECT_ID(N'OrleansMembershipVersionTable', N'U') IS NULL
CREATE TABLE OrleansMembershipVersionTable
(
    DeploymentId NVARCHAR(150) NOT NULL,
    Timestamp DATETIME2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    Version INT NOT NULL DEFAULT 0,
    CONSTRAINT PK_OrleansMembershipVersionTable_DeploymentId PRIMARY KEY (DeploymentId)
);

-- One row per silo incarnation (address, port, generation). Status 3 is Active, 6 is Dead.
IF OBJECT_ID(N'OrleansMembershipTable', N'U') IS NULL
CREATE TABLE OrleansMembershipTable
(
    DeploymentId NVARCHAR(150) NOT NULL,
    Address VARCHAR(45) NOT NULL,
    Port INT NOT NULL,
    Generation INT NOT NULL,
    SiloName NVARCHAR(150) NOT NULL,
    HostName NVARCHAR(150) NOT NULL,
    Status INT NOT NULL,
    ProxyPort INT NULL,
    SuspectTimes VARCHAR(8000) NULL,
    StartTime DATETIME2(3) NOT NULL,
    IAmAliveTime DATETIME2(3) NOT NULL,
    CONSTRAINT PK_MembershipTable_DeploymentId PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_MembershipTable_MembershipVersionTable_DeploymentId
        FOREIGN KEY (DeploymentId) REFERENCES OrleansMembershipVersionTable (DeploymentId)
);

-- One row per reminder. Period is in milliseconds (BIGINT: 10.4.2 reads it as a 64-bit integer); GrainHash is the
-- grain uniform hash as a signed integer, which the silos split into ranges; Version is the etag of the row.
IF OBJECT_ID(N'OrleansRemindersTable', N'U') IS NULL
CREATE TABLE OrleansRemindersTable
(
    ServiceId NVARCHAR(150) NOT NULL,
    GrainId VARCHAR(150) NOT NULL,
    ReminderName NVARCHAR(150) NOT NULL,
    StartTime DATETIME2(3) NOT NULL,
    Period BIGINT NOT NULL,
    GrainHash INT NOT NULL,
    Version INT NOT NULL,
    CONSTRAINT PK_RemindersTable_ServiceId_GrainId_ReminderName PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'IX_OrleansRemindersTable_ServiceId_GrainHash')
CREATE INDEX IX_OrleansRemindersTable_ServiceId_GrainHash ON OrleansRemindersTable (ServiceId, GrainHash);

DECLARE @Queries TABLE (QueryKey VARCHAR(64) NOT NULL PRIMARY KEY, QueryText VARCHAR(8000) NOT NULL);

INSERT INTO @Queries (QueryKey, QueryText) VALUES

-- Membership. Queries answering yes or no return one row with one column: the number of rows they changed.
('InsertMembershipVersionKey', '
SET NOCOUNT ON;
INSERT INTO OrleansMembershipVersionTable (DeploymentId)
SELECT @DeploymentId
WHERE NOT EXISTS (SELECT 1 FROM OrleansMembershipVersionTable WITH (UPDLOCK, HOLDLOCK) WHERE DeploymentId = @DeploymentId);
SELECT @@ROWCOUNT;'),

-- Version bump and new row in one transaction: both happen, or neither does.
('InsertMembershipKey', '
SET XACT_ABORT, NOCOUNT ON;
DECLARE @Changed INT = 0;
BEGIN TRANSACTION;
UPDATE OrleansMembershipVersionTable
SET Version = Version + 1, Timestamp = SYSUTCDATETIME()
WHERE DeploymentId = @DeploymentId AND Version = @Version;
IF @@ROWCOUNT > 0
BEGIN
    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    SELECT @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    WHERE NOT EXISTS (SELECT 1 FROM OrleansMembershipTable WITH (UPDLOCK, HOLDLOCK)
                      WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation);
    SET @Changed = @@ROWCOUNT;
END
IF @Changed = 0
BEGIN
    ROLLBACK TRANSACTION;
END
ELSE
BEGIN
    COMMIT TRANSACTION;
END
SELECT @Changed;'),

('UpdateMembershipKey', '
SET XACT_ABORT, NOCOUNT ON;
DECLARE @Changed INT = 0;
BEGIN TRANSACTION;
UPDATE OrleansMembershipVersionTable
SET Version = Version + 1, Timestamp = SYSUTCDATETIME()
WHERE DeploymentId = @DeploymentId AND Version = @Version;
IF @@ROWCOUNT > 0
BEGIN
    UPDATE OrleansMembershipTable
    SET Status = @Status, SuspectTimes = @SuspectTimes,
        IAmAliveTime = CASE WHEN IAmAliveTime > @IAmAliveTime THEN IAmAliveTime ELSE @IAmAliveTime END
    WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;
    SET @Changed = @@ROWCOUNT;
END
IF @Changed = 0
BEGIN
    ROLLBACK TRANSACTION;
END
ELSE
BEGIN
    COMMIT TRANSACTION;
END
SELECT @Changed;'),

-- The heartbeat: no version bump, and it never moves backwards.
('UpdateIAmAlivetimeKey', '
SET NOCOUNT ON;
UPDATE OrleansMembershipTable
SET IAmAliveTime = CASE WHEN IAmAliveTime > @IAmAliveTime THEN IAmAliveTime ELSE @IAmAliveTime END
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;'),

-- Reads return the version row even when no silo row matches, so a reader always learns the table version.
('MembershipReadRowKey', '
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
    AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId;'),

('MembershipReadAllKey', '
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId;'),

('GatewaysQueryKey', '
SELECT Address, ProxyPort, Generation
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;'),

('DeleteMembershipTableEntriesKey', '
DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;'),

-- Required by 10.4.2 but used only when the per-row query below is missing: dead silos not heard of since the cutoff.
('CleanupDefunctSiloEntriesKey', '
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = 6 AND IAmAliveTime < @IAmAliveTime AND StartTime < @IAmAliveTime;'),

-- 10.4.2 picks the dead rows itself and deletes each only if it is still exactly as it read it.
('CleanupDefunctSiloEntryKey', '
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
    AND Status = 6 AND StartTime = @StartTime AND IAmAliveTime = @IAmAliveTime
    AND COALESCE(SuspectTimes, '''') = COALESCE(CONVERT(VARCHAR(8000), @SuspectTimes), '''');'),

-- Reminders. Reads return GrainId, ReminderName, StartTime, Period and Version.
('UpsertReminderRowKey', '
SET XACT_ABORT, NOCOUNT ON;
DECLARE @NewVersion INT;
BEGIN TRANSACTION;
UPDATE OrleansRemindersTable WITH (UPDLOCK, HOLDLOCK)
SET StartTime = @StartTime, Period = @Period, GrainHash = @GrainHash, @NewVersion = Version = Version + 1
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName;
IF @@ROWCOUNT = 0
BEGIN
    SET @NewVersion = 0;
    INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0);
END
COMMIT TRANSACTION;
SELECT @NewVersion AS Version;'),

('ReadReminderRowsKey', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId;'),

('ReadReminderRowKey', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName;'),

-- A silo owns the hash range (BeginHash, EndHash]; Rows1 when it does not wrap around in signed order, Rows2 when it does.
('ReadRangeRows1Key', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash;'),

('ReadRangeRows2Key', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);'),

('DeleteReminderRowKey', '
SET NOCOUNT ON;
DELETE FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version;
SELECT @@ROWCOUNT;'),

('DeleteReminderRowsKey', '
DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId;');

-- Compared as bytes: a case-insensitive collation must not hide a changed text.
UPDATE q SET QueryText = n.QueryText
FROM OrleansQuery q JOIN @Queries n ON n.QueryKey = q.QueryKey
WHERE CAST(q.QueryText AS VARBINARY(8000)) <> CAST(n.QueryText AS VARBINARY(8000));

INSERT INTO OrleansQuery (QueryKey, QueryText)
SELECT n.QueryKey, n.QueryText FROM @Queries n
WHERE NOT EXISTS (SELECT 1 FROM OrleansQuery q WHERE q.QueryKey = n.QueryKey);
