IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE TABLE [Combos] (
        [Id] bigint NOT NULL IDENTITY,
        [Code] nvarchar(64) NOT NULL,
        [NormalizedCode] nvarchar(64) NOT NULL,
        [Name] nvarchar(max) NOT NULL,
        [IsEnabled] bit NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Combos] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE TABLE [Goods] (
        [Id] bigint NOT NULL IDENTITY,
        [MerchantCode] nvarchar(64) NOT NULL,
        [NormalizedMerchantCode] nvarchar(64) NOT NULL,
        [Barcode] nvarchar(450) NULL,
        [Name] nvarchar(max) NOT NULL,
        [Spec] nvarchar(max) NULL,
        [WeightKg] decimal(18,4) NOT NULL,
        [Price] decimal(18,4) NOT NULL,
        [IsEnabled] bit NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Goods] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE TABLE [LogisticsCompanies] (
        [Id] bigint NOT NULL IDENTITY,
        [Code] nvarchar(64) NOT NULL,
        [Name] nvarchar(max) NOT NULL,
        [PlatformLogisticsCode] nvarchar(max) NULL,
        [SupportsCod] bit NOT NULL,
        [WaybillProvider] nvarchar(16) NOT NULL,
        [IsEnabled] bit NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_LogisticsCompanies] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE TABLE [Platforms] (
        [Id] bigint NOT NULL IDENTITY,
        [Code] nvarchar(32) NOT NULL,
        [Name] nvarchar(max) NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Platforms] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE TABLE [Warehouses] (
        [Id] bigint NOT NULL IDENTITY,
        [Code] nvarchar(64) NOT NULL,
        [Name] nvarchar(max) NOT NULL,
        [Province] nvarchar(max) NOT NULL,
        [City] nvarchar(max) NOT NULL,
        [District] nvarchar(max) NULL,
        [Address] nvarchar(512) NOT NULL,
        [ContactName] nvarchar(max) NULL,
        [ContactPhone] nvarchar(max) NULL,
        [IsEnabled] bit NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Warehouses] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE TABLE [ComboItems] (
        [ComboId] bigint NOT NULL,
        [GoodsId] bigint NOT NULL,
        [Quantity] int NOT NULL,
        CONSTRAINT [PK_ComboItems] PRIMARY KEY ([ComboId], [GoodsId]),
        CONSTRAINT [FK_ComboItems_Combos_ComboId] FOREIGN KEY ([ComboId]) REFERENCES [Combos] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ComboItems_Goods_GoodsId] FOREIGN KEY ([GoodsId]) REFERENCES [Goods] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE TABLE [Shops] (
        [Id] bigint NOT NULL IDENTITY,
        [Code] nvarchar(64) NOT NULL,
        [Name] nvarchar(max) NOT NULL,
        [PlatformId] bigint NOT NULL,
        [IsEnabled] bit NOT NULL,
        [DefaultWarehouseId] bigint NULL,
        [DefaultLogisticsCompanyId] bigint NULL,
        [AccountingPartner] nvarchar(max) NULL,
        [DefaultEmployee] nvarchar(max) NULL,
        [AllowOutOfStock] bit NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Shops] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Shops_LogisticsCompanies_DefaultLogisticsCompanyId] FOREIGN KEY ([DefaultLogisticsCompanyId]) REFERENCES [LogisticsCompanies] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Shops_Platforms_PlatformId] FOREIGN KEY ([PlatformId]) REFERENCES [Platforms] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Shops_Warehouses_DefaultWarehouseId] FOREIGN KEY ([DefaultWarehouseId]) REFERENCES [Warehouses] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE TABLE [SalesOrders] (
        [Id] bigint NOT NULL IDENTITY,
        [ShopId] bigint NOT NULL,
        [PlatformOrderId] nvarchar(64) NOT NULL,
        [PlatformStatus] nvarchar(64) NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [ExceptionKind] nvarchar(32) NOT NULL,
        [ExceptionDetail] nvarchar(2000) NULL,
        [BuyerNick] nvarchar(max) NULL,
        [ReceiverName] nvarchar(max) NOT NULL,
        [ReceiverMobile] nvarchar(max) NOT NULL,
        [ReceiverProvince] nvarchar(max) NOT NULL,
        [ReceiverCity] nvarchar(max) NOT NULL,
        [ReceiverDistrict] nvarchar(max) NULL,
        [ReceiverAddress] nvarchar(512) NOT NULL,
        [ReceiverZip] nvarchar(max) NULL,
        [BuyerMessage] nvarchar(1000) NULL,
        [SellerMemo] nvarchar(1000) NULL,
        [PlatformCreatedAt] datetime2 NULL,
        [PayTime] datetime2 NULL,
        [PlatformModifiedAt] datetime2 NULL,
        [TotalFee] decimal(18,4) NOT NULL,
        [PostFee] decimal(18,4) NOT NULL,
        [DiscountFee] decimal(18,4) NOT NULL,
        [Payment] decimal(18,4) NOT NULL,
        [IsCod] bit NOT NULL,
        [WarehouseId] bigint NULL,
        [LogisticsCompanyId] bigint NULL,
        [AccountingPartner] nvarchar(max) NULL,
        [Employee] nvarchar(max) NULL,
        [HasUnmappedSku] bit NOT NULL,
        [Fingerprint] nvarchar(64) NOT NULL,
        [PendingPlatformChange] nvarchar(max) NULL,
        [PendingPlatformChangeAt] datetime2 NULL,
        [ReceivedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_SalesOrders] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SalesOrders_Shops_ShopId] FOREIGN KEY ([ShopId]) REFERENCES [Shops] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE TABLE [ShopWarehouses] (
        [ShopId] bigint NOT NULL,
        [WarehouseId] bigint NOT NULL,
        [Priority] int NOT NULL,
        CONSTRAINT [PK_ShopWarehouses] PRIMARY KEY ([ShopId], [WarehouseId]),
        CONSTRAINT [FK_ShopWarehouses_Shops_ShopId] FOREIGN KEY ([ShopId]) REFERENCES [Shops] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ShopWarehouses_Warehouses_WarehouseId] FOREIGN KEY ([WarehouseId]) REFERENCES [Warehouses] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE TABLE [SalesOrderLines] (
        [Id] bigint NOT NULL IDENTITY,
        [OrderId] bigint NOT NULL,
        [LineNo] int NOT NULL,
        [PlatformLineId] nvarchar(max) NULL,
        [PlatformSkuId] nvarchar(max) NULL,
        [MerchantCode] nvarchar(64) NULL,
        [Title] nvarchar(512) NULL,
        [Quantity] int NOT NULL,
        [Price] decimal(18,4) NOT NULL,
        [Mapping] nvarchar(16) NOT NULL,
        [GoodsId] bigint NULL,
        [ComboId] bigint NULL,
        CONSTRAINT [PK_SalesOrderLines] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SalesOrderLines_SalesOrders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [SalesOrders] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE TABLE [SalesOrderLineItems] (
        [Id] bigint NOT NULL IDENTITY,
        [LineId] bigint NOT NULL,
        [GoodsId] bigint NOT NULL,
        [MerchantCode] nvarchar(64) NOT NULL,
        [Quantity] int NOT NULL,
        CONSTRAINT [PK_SalesOrderLineItems] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SalesOrderLineItems_Goods_GoodsId] FOREIGN KEY ([GoodsId]) REFERENCES [Goods] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_SalesOrderLineItems_SalesOrderLines_LineId] FOREIGN KEY ([LineId]) REFERENCES [SalesOrderLines] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE INDEX [IX_ComboItems_GoodsId] ON [ComboItems] ([GoodsId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Combos_NormalizedCode] ON [Combos] ([NormalizedCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE INDEX [IX_Goods_Barcode] ON [Goods] ([Barcode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Goods_NormalizedMerchantCode] ON [Goods] ([NormalizedMerchantCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_LogisticsCompanies_Code] ON [LogisticsCompanies] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Platforms_Code] ON [Platforms] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE INDEX [IX_SalesOrderLineItems_GoodsId] ON [SalesOrderLineItems] ([GoodsId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE INDEX [IX_SalesOrderLineItems_LineId] ON [SalesOrderLineItems] ([LineId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE INDEX [IX_SalesOrderLines_OrderId] ON [SalesOrderLines] ([OrderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SalesOrders_ShopId_PlatformOrderId] ON [SalesOrders] ([ShopId], [PlatformOrderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE INDEX [IX_SalesOrders_Status_PayTime] ON [SalesOrders] ([Status], [PayTime]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Shops_Code] ON [Shops] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE INDEX [IX_Shops_DefaultLogisticsCompanyId] ON [Shops] ([DefaultLogisticsCompanyId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE INDEX [IX_Shops_DefaultWarehouseId] ON [Shops] ([DefaultWarehouseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE INDEX [IX_Shops_PlatformId] ON [Shops] ([PlatformId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE INDEX [IX_ShopWarehouses_WarehouseId] ON [ShopWarehouses] ([WarehouseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Warehouses_Code] ON [Warehouses] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123125544_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123125544_Initial', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    ALTER TABLE [Shops] ADD [WorkflowDefinitionId] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[SalesOrders]') AND [c].[name] = N'BuyerNick');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [SalesOrders] DROP CONSTRAINT ' + @var + ';');
    ALTER TABLE [SalesOrders] ALTER COLUMN [BuyerNick] nvarchar(128) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    ALTER TABLE [SalesOrders] ADD [AddressChangedAfterPayment] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    ALTER TABLE [SalesOrders] ADD [BlockReason] nvarchar(2000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    ALTER TABLE [SalesOrders] ADD [ExpectedWeightKg] decimal(18,4) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    ALTER TABLE [SalesOrders] ADD [FreightFee] decimal(18,4) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    ALTER TABLE [SalesOrders] ADD [IsWeightOutOfTolerance] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    ALTER TABLE [SalesOrders] ADD [ShippedAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    ALTER TABLE [SalesOrders] ADD [TrackingNumber] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    ALTER TABLE [SalesOrders] ADD [WeightKg] decimal(18,4) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    ALTER TABLE [Goods] ADD [LowStockThreshold] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE TABLE [BuyerBlacklist] (
        [Id] bigint NOT NULL IDENTITY,
        [PlatformId] bigint NOT NULL,
        [BuyerNick] nvarchar(128) NOT NULL,
        [NormalizedBuyerNick] nvarchar(128) NOT NULL,
        [Reason] nvarchar(500) NULL,
        [CreatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_BuyerBlacklist] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_BuyerBlacklist_Platforms_PlatformId] FOREIGN KEY ([PlatformId]) REFERENCES [Platforms] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE TABLE [FreightRates] (
        [Id] bigint NOT NULL IDENTITY,
        [LogisticsCompanyId] bigint NOT NULL,
        [Province] nvarchar(32) NOT NULL,
        [FirstWeightKg] decimal(18,4) NOT NULL,
        [FirstFee] decimal(18,4) NOT NULL,
        [AdditionalUnitKg] decimal(18,4) NOT NULL,
        [AdditionalFee] decimal(18,4) NOT NULL,
        CONSTRAINT [PK_FreightRates] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_FreightRates_LogisticsCompanies_LogisticsCompanyId] FOREIGN KEY ([LogisticsCompanyId]) REFERENCES [LogisticsCompanies] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE TABLE [RuleSetVersions] (
        [Id] bigint NOT NULL IDENTITY,
        [ScopeKind] nvarchar(16) NOT NULL,
        [ScopeId] bigint NOT NULL,
        [Version] int NOT NULL,
        [Json] nvarchar(max) NOT NULL,
        [Change] nvarchar(200) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_RuleSetVersions] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE TABLE [ShipmentConfirmations] (
        [Id] bigint NOT NULL IDENTITY,
        [OrderId] bigint NOT NULL,
        [IdempotencyKey] nvarchar(200) NOT NULL,
        [PlatformOrderId] nvarchar(64) NOT NULL,
        [LogisticsCode] nvarchar(32) NULL,
        [TrackingNumber] nvarchar(64) NOT NULL,
        [ConfirmedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_ShipmentConfirmations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ShipmentConfirmations_SalesOrders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [SalesOrders] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE TABLE [StockItems] (
        [Id] bigint NOT NULL IDENTITY,
        [WarehouseId] bigint NOT NULL,
        [GoodsId] bigint NOT NULL,
        [OnHand] int NOT NULL,
        [Reserved] int NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_StockItems] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_StockItems_NotNegative] CHECK ("OnHand" >= 0 AND "Reserved" >= 0),
        CONSTRAINT [FK_StockItems_Goods_GoodsId] FOREIGN KEY ([GoodsId]) REFERENCES [Goods] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_StockItems_Warehouses_WarehouseId] FOREIGN KEY ([WarehouseId]) REFERENCES [Warehouses] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE TABLE [StockMovements] (
        [Id] bigint NOT NULL IDENTITY,
        [WarehouseId] bigint NOT NULL,
        [GoodsId] bigint NOT NULL,
        [Delta] int NOT NULL,
        [OnHandAfter] int NOT NULL,
        [Reason] nvarchar(200) NOT NULL,
        [Reference] nvarchar(200) NULL,
        [At] datetime2 NOT NULL,
        CONSTRAINT [PK_StockMovements] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_StockMovements_Goods_GoodsId] FOREIGN KEY ([GoodsId]) REFERENCES [Goods] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_StockMovements_Warehouses_WarehouseId] FOREIGN KEY ([WarehouseId]) REFERENCES [Warehouses] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE TABLE [StockReservations] (
        [Id] bigint NOT NULL IDENTITY,
        [OrderId] bigint NOT NULL,
        [WarehouseId] bigint NOT NULL,
        [GoodsId] bigint NOT NULL,
        [Quantity] int NOT NULL,
        [State] nvarchar(16) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [ClosedAt] datetime2 NULL,
        CONSTRAINT [PK_StockReservations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_StockReservations_Goods_GoodsId] FOREIGN KEY ([GoodsId]) REFERENCES [Goods] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_StockReservations_SalesOrders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [SalesOrders] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_StockReservations_Warehouses_WarehouseId] FOREIGN KEY ([WarehouseId]) REFERENCES [Warehouses] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE TABLE [Waybills] (
        [Id] bigint NOT NULL IDENTITY,
        [OrderId] bigint NOT NULL,
        [IdempotencyKey] nvarchar(200) NOT NULL,
        [CarrierCode] nvarchar(32) NOT NULL,
        [TrackingNumber] nvarchar(64) NOT NULL,
        [IssuedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_Waybills] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Waybills_SalesOrders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [SalesOrders] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE TABLE [WorkflowDefinitions] (
        [Id] bigint NOT NULL IDENTITY,
        [DefinitionId] nvarchar(100) NOT NULL,
        [Version] int NOT NULL,
        [Name] nvarchar(200) NULL,
        [State] nvarchar(16) NOT NULL,
        [Json] nvarchar(max) NOT NULL,
        [ContentHash] nvarchar(64) NOT NULL,
        [Source] nvarchar(300) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [PublishedAt] datetime2 NULL,
        [Revision] int NOT NULL,
        CONSTRAINT [PK_WorkflowDefinitions] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE TABLE [WorkflowInstances] (
        [Id] uniqueidentifier NOT NULL,
        [DefinitionId] nvarchar(100) NOT NULL,
        [DefinitionVersion] int NOT NULL,
        [DefinitionRecordId] bigint NOT NULL,
        [SalesOrderId] bigint NULL,
        [ShopId] bigint NULL,
        [Status] nvarchar(16) NOT NULL,
        [CurrentActivityId] nvarchar(100) NULL,
        [WaitingFor] nvarchar(100) NULL,
        [BlockedReason] nvarchar(2000) NULL,
        [NextWakeAt] datetime2 NULL,
        [StateJson] nvarchar(max) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [FinishedAt] datetime2 NULL,
        [Revision] int NOT NULL,
        CONSTRAINT [PK_WorkflowInstances] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_WorkflowInstances_SalesOrders_SalesOrderId] FOREIGN KEY ([SalesOrderId]) REFERENCES [SalesOrders] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_WorkflowInstances_WorkflowDefinitions_DefinitionRecordId] FOREIGN KEY ([DefinitionRecordId]) REFERENCES [WorkflowDefinitions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE TABLE [WorkflowIncidents] (
        [Id] bigint NOT NULL IDENTITY,
        [InstanceId] uniqueidentifier NOT NULL,
        [ActivityId] nvarchar(100) NOT NULL,
        [ActivityType] nvarchar(100) NOT NULL,
        [ExceptionType] nvarchar(300) NOT NULL,
        [Message] nvarchar(2000) NOT NULL,
        [Details] nvarchar(max) NULL,
        [Attempt] int NOT NULL,
        [OccurredAt] datetime2 NOT NULL,
        [ResolvedAt] datetime2 NULL,
        CONSTRAINT [PK_WorkflowIncidents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_WorkflowIncidents_WorkflowInstances_InstanceId] FOREIGN KEY ([InstanceId]) REFERENCES [WorkflowInstances] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE TABLE [WorkflowJournal] (
        [Id] bigint NOT NULL IDENTITY,
        [InstanceId] uniqueidentifier NOT NULL,
        [Sequence] int NOT NULL,
        [ActivityId] nvarchar(100) NOT NULL,
        [ActivityType] nvarchar(100) NOT NULL,
        [Event] nvarchar(16) NOT NULL,
        [Outcome] nvarchar(100) NULL,
        [Bookmark] nvarchar(100) NULL,
        [StartedAt] datetime2 NOT NULL,
        [DurationMs] float NOT NULL,
        [Inputs] nvarchar(2000) NULL,
        [Outputs] nvarchar(2000) NULL,
        [Error] nvarchar(2000) NULL,
        CONSTRAINT [PK_WorkflowJournal] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_WorkflowJournal_WorkflowInstances_InstanceId] FOREIGN KEY ([InstanceId]) REFERENCES [WorkflowInstances] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE INDEX [IX_SalesOrders_BuyerNick_ReceivedAt] ON [SalesOrders] ([BuyerNick], [ReceivedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE UNIQUE INDEX [IX_BuyerBlacklist_PlatformId_NormalizedBuyerNick] ON [BuyerBlacklist] ([PlatformId], [NormalizedBuyerNick]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE UNIQUE INDEX [IX_FreightRates_LogisticsCompanyId_Province] ON [FreightRates] ([LogisticsCompanyId], [Province]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RuleSetVersions_ScopeKind_ScopeId_Version] ON [RuleSetVersions] ([ScopeKind], [ScopeId], [Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ShipmentConfirmations_IdempotencyKey] ON [ShipmentConfirmations] ([IdempotencyKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE INDEX [IX_ShipmentConfirmations_OrderId] ON [ShipmentConfirmations] ([OrderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE INDEX [IX_StockItems_GoodsId] ON [StockItems] ([GoodsId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE UNIQUE INDEX [IX_StockItems_WarehouseId_GoodsId] ON [StockItems] ([WarehouseId], [GoodsId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE INDEX [IX_StockMovements_GoodsId] ON [StockMovements] ([GoodsId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE INDEX [IX_StockMovements_WarehouseId_GoodsId_At] ON [StockMovements] ([WarehouseId], [GoodsId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE INDEX [IX_StockReservations_GoodsId] ON [StockReservations] ([GoodsId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE INDEX [IX_StockReservations_OrderId_State] ON [StockReservations] ([OrderId], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE INDEX [IX_StockReservations_WarehouseId] ON [StockReservations] ([WarehouseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Waybills_IdempotencyKey] ON [Waybills] ([IdempotencyKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE INDEX [IX_Waybills_OrderId] ON [Waybills] ([OrderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Waybills_TrackingNumber] ON [Waybills] ([TrackingNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE INDEX [IX_WorkflowDefinitions_DefinitionId_State] ON [WorkflowDefinitions] ([DefinitionId], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE UNIQUE INDEX [IX_WorkflowDefinitions_DefinitionId_Version] ON [WorkflowDefinitions] ([DefinitionId], [Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE INDEX [IX_WorkflowIncidents_InstanceId_ResolvedAt] ON [WorkflowIncidents] ([InstanceId], [ResolvedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE INDEX [IX_WorkflowInstances_CurrentActivityId] ON [WorkflowInstances] ([CurrentActivityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE INDEX [IX_WorkflowInstances_DefinitionRecordId] ON [WorkflowInstances] ([DefinitionRecordId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_WorkflowInstances_SalesOrderId] ON [WorkflowInstances] ([SalesOrderId]) WHERE [SalesOrderId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE INDEX [IX_WorkflowInstances_ShopId_Status] ON [WorkflowInstances] ([ShopId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE INDEX [IX_WorkflowInstances_Status_NextWakeAt] ON [WorkflowInstances] ([Status], [NextWakeAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    CREATE UNIQUE INDEX [IX_WorkflowJournal_InstanceId_Sequence] ON [WorkflowJournal] ([InstanceId], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155812_WorkflowsStockAndRules'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123155812_WorkflowsStockAndRules', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    ALTER TABLE [Waybills] ADD [CancelAttempts] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    ALTER TABLE [Waybills] ADD [CancelError] nvarchar(1000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    ALTER TABLE [Waybills] ADD [CancelReason] nvarchar(500) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    ALTER TABLE [Waybills] ADD [CancelRequestedAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    ALTER TABLE [Waybills] ADD [CancelledAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    ALTER TABLE [Waybills] ADD [NextCancelAttemptAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    ALTER TABLE [Waybills] ADD [PackageId] bigint NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    ALTER TABLE [Shops] ADD [AllowSplitPackages] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    CREATE TABLE [ExceptionQueue] (
        [Id] bigint NOT NULL IDENTITY,
        [OrderId] bigint NOT NULL,
        [ShopId] bigint NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [Detail] nvarchar(2000) NULL,
        [Source] nvarchar(16) NOT NULL,
        [Stage] nvarchar(100) NOT NULL,
        [Bookmark] nvarchar(100) NULL,
        [StatusBefore] nvarchar(32) NOT NULL,
        [RaisedBy] nvarchar(100) NULL,
        [RaisedAt] datetime2 NOT NULL,
        [ResolvedAt] datetime2 NULL,
        [ResolvedBy] nvarchar(100) NULL,
        [Resolution] nvarchar(2000) NULL,
        CONSTRAINT [PK_ExceptionQueue] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ExceptionQueue_SalesOrders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [SalesOrders] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    CREATE TABLE [Packages] (
        [Id] bigint NOT NULL IDENTITY,
        [OrderId] bigint NOT NULL,
        [Sequence] int NOT NULL,
        [WarehouseId] bigint NOT NULL,
        [Status] nvarchar(16) NOT NULL,
        [TrackingNumber] nvarchar(64) NULL,
        [WeightKg] decimal(18,4) NULL,
        CONSTRAINT [PK_Packages] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Packages_SalesOrders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [SalesOrders] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Packages_Warehouses_WarehouseId] FOREIGN KEY ([WarehouseId]) REFERENCES [Warehouses] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    CREATE TABLE [PickLists] (
        [Id] bigint NOT NULL IDENTITY,
        [WarehouseId] bigint NOT NULL,
        [Status] nvarchar(16) NOT NULL,
        [ShopId] bigint NULL,
        [LogisticsCompanyId] bigint NULL,
        [CreatedAt] datetime2 NOT NULL,
        [ConfirmedAt] datetime2 NULL,
        CONSTRAINT [PK_PickLists] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PickLists_Warehouses_WarehouseId] FOREIGN KEY ([WarehouseId]) REFERENCES [Warehouses] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    CREATE TABLE [ShopPullStates] (
        [ShopId] bigint NOT NULL,
        [IntervalMinutes] int NULL,
        [Cursor] datetime2 NULL,
        [LastRunAt] datetime2 NULL,
        [LastSuccessAt] datetime2 NULL,
        [LastError] nvarchar(2000) NULL,
        [ConsecutiveFailures] int NOT NULL,
        [LastOrdersTaken] int NOT NULL,
        [TotalOrdersTaken] bigint NOT NULL,
        CONSTRAINT [PK_ShopPullStates] PRIMARY KEY ([ShopId]),
        CONSTRAINT [FK_ShopPullStates_Shops_ShopId] FOREIGN KEY ([ShopId]) REFERENCES [Shops] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    CREATE TABLE [StockChanges] (
        [Id] bigint NOT NULL IDENTITY,
        [GoodsId] bigint NOT NULL,
        [At] datetime2 NOT NULL,
        CONSTRAINT [PK_StockChanges] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    CREATE TABLE [StockSyncItems] (
        [Id] bigint NOT NULL IDENTITY,
        [ShopId] bigint NOT NULL,
        [MerchantCode] nvarchar(64) NOT NULL,
        [NormalizedMerchantCode] nvarchar(64) NOT NULL,
        [IsPending] bit NOT NULL,
        [NextAttemptAt] datetime2 NULL,
        [LastPushedQuantity] int NULL,
        [LastPushedAt] datetime2 NULL,
        [LastAttemptAt] datetime2 NULL,
        [LastError] nvarchar(2000) NULL,
        [FailedAttempts] int NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_StockSyncItems] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_StockSyncItems_Shops_ShopId] FOREIGN KEY ([ShopId]) REFERENCES [Shops] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    CREATE TABLE [StockSyncSettings] (
        [ShopId] bigint NOT NULL,
        [IsEnabled] bit NOT NULL,
        [Ratio] decimal(18,4) NOT NULL,
        [MinimumQuantity] int NOT NULL,
        CONSTRAINT [PK_StockSyncSettings] PRIMARY KEY ([ShopId]),
        CONSTRAINT [FK_StockSyncSettings_Shops_ShopId] FOREIGN KEY ([ShopId]) REFERENCES [Shops] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    CREATE TABLE [PackageLine] (
        [Id] bigint NOT NULL IDENTITY,
        [PackageId] bigint NOT NULL,
        [LineNo] int NOT NULL,
        [GoodsId] bigint NOT NULL,
        [MerchantCode] nvarchar(64) NOT NULL,
        [Quantity] int NOT NULL,
        [Scanned] int NOT NULL,
        CONSTRAINT [PK_PackageLine] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PackageLine_Goods_GoodsId] FOREIGN KEY ([GoodsId]) REFERENCES [Goods] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PackageLine_Packages_PackageId] FOREIGN KEY ([PackageId]) REFERENCES [Packages] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    CREATE TABLE [PickListOrders] (
        [Id] bigint NOT NULL IDENTITY,
        [PickListId] bigint NOT NULL,
        [OrderId] bigint NOT NULL,
        [WarehouseId] bigint NOT NULL,
        [OpenOrderId] bigint NULL,
        [Position] int NOT NULL,
        CONSTRAINT [PK_PickListOrders] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PickListOrders_PickLists_PickListId] FOREIGN KEY ([PickListId]) REFERENCES [PickLists] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_PickListOrders_SalesOrders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [SalesOrders] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    CREATE INDEX [IX_Waybills_CancelledAt_NextCancelAttemptAt] ON [Waybills] ([CancelledAt], [NextCancelAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_ExceptionQueue_OpenPerOrder] ON [ExceptionQueue] ([OrderId]) WHERE "ResolvedAt" IS NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    CREATE INDEX [IX_ExceptionQueue_OrderId_RaisedAt] ON [ExceptionQueue] ([OrderId], [RaisedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    CREATE INDEX [IX_ExceptionQueue_ResolvedAt_Kind_ShopId] ON [ExceptionQueue] ([ResolvedAt], [Kind], [ShopId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    CREATE INDEX [IX_PackageLine_GoodsId] ON [PackageLine] ([GoodsId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    CREATE INDEX [IX_PackageLine_PackageId] ON [PackageLine] ([PackageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Packages_OrderId_Sequence] ON [Packages] ([OrderId], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    CREATE INDEX [IX_Packages_WarehouseId_Status] ON [Packages] ([WarehouseId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_PickListOrders_OpenOrderId_WarehouseId] ON [PickListOrders] ([OpenOrderId], [WarehouseId]) WHERE [OpenOrderId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    CREATE INDEX [IX_PickListOrders_OrderId] ON [PickListOrders] ([OrderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    CREATE INDEX [IX_PickListOrders_PickListId] ON [PickListOrders] ([PickListId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    CREATE INDEX [IX_PickLists_WarehouseId_Status] ON [PickLists] ([WarehouseId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    CREATE INDEX [IX_StockSyncItems_IsPending_NextAttemptAt] ON [StockSyncItems] ([IsPending], [NextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    CREATE INDEX [IX_StockSyncItems_NormalizedMerchantCode] ON [StockSyncItems] ([NormalizedMerchantCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    CREATE UNIQUE INDEX [IX_StockSyncItems_ShopId_NormalizedMerchantCode] ON [StockSyncItems] ([ShopId], [NormalizedMerchantCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123172627_FulfilmentQueuesSyncAndFloor'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123172627_FulfilmentQueuesSyncAndFloor', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123194800_SecurityAndAudit'
)
BEGIN
    CREATE TABLE [ApiKeys] (
        [Id] bigint NOT NULL IDENTITY,
        [ShopId] bigint NOT NULL,
        [Name] nvarchar(64) NOT NULL,
        [Prefix] nvarchar(16) NOT NULL,
        [Hash] varbinary(32) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [RevokedAt] datetime2 NULL,
        [RevokedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_ApiKeys] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ApiKeys_Shops_ShopId] FOREIGN KEY ([ShopId]) REFERENCES [Shops] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123194800_SecurityAndAudit'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] bigint NOT NULL IDENTITY,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123194800_SecurityAndAudit'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] bigint NOT NULL IDENTITY,
        [CreatedAt] datetime2 NOT NULL,
        [Disabled] bit NOT NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123194800_SecurityAndAudit'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [At] datetime2 NOT NULL,
        [Actor] nvarchar(128) NOT NULL,
        [EntityType] nvarchar(64) NOT NULL,
        [EntityId] nvarchar(200) NOT NULL,
        [Action] nvarchar(16) NOT NULL,
        [Changes] nvarchar(max) NOT NULL,
        [Summary] nvarchar(500) NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123194800_SecurityAndAudit'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123194800_SecurityAndAudit'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] bigint NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123194800_SecurityAndAudit'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] bigint NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123194800_SecurityAndAudit'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] bigint NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123194800_SecurityAndAudit'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] bigint NOT NULL,
        [RoleId] bigint NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123194800_SecurityAndAudit'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] bigint NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123194800_SecurityAndAudit'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ApiKeys_Prefix] ON [ApiKeys] ([Prefix]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123194800_SecurityAndAudit'
)
BEGIN
    CREATE INDEX [IX_ApiKeys_ShopId] ON [ApiKeys] ([ShopId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123194800_SecurityAndAudit'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123194800_SecurityAndAudit'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123194800_SecurityAndAudit'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123194800_SecurityAndAudit'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123194800_SecurityAndAudit'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123194800_SecurityAndAudit'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123194800_SecurityAndAudit'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123194800_SecurityAndAudit'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_At] ON [AuditEntries] ([At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123194800_SecurityAndAudit'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_EntityType_EntityId_At] ON [AuditEntries] ([EntityType], [EntityId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123194800_SecurityAndAudit'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123194800_SecurityAndAudit', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205120252_LineMatchedMerchantCode'
)
BEGIN
    ALTER TABLE [SalesOrderLines] ADD [MatchedMerchantCode] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205120252_LineMatchedMerchantCode'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205120252_LineMatchedMerchantCode', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205122105_PullRefusals'
)
BEGIN
    ALTER TABLE [ShopPullStates] ADD [LastOrdersRefused] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205122105_PullRefusals'
)
BEGIN
    ALTER TABLE [ShopPullStates] ADD [TotalOrdersRefused] bigint NOT NULL DEFAULT CAST(0 AS bigint);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205122105_PullRefusals'
)
BEGIN
    CREATE TABLE [PullRefusals] (
        [Id] bigint NOT NULL IDENTITY,
        [ShopId] bigint NOT NULL,
        [PlatformOrderId] nvarchar(64) NOT NULL,
        [Reason] nvarchar(2000) NOT NULL,
        [PlatformModifiedAt] datetime2 NULL,
        [FirstRefusedAt] datetime2 NOT NULL,
        [LastRefusedAt] datetime2 NOT NULL,
        [Times] int NOT NULL,
        CONSTRAINT [PK_PullRefusals] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PullRefusals_Shops_ShopId] FOREIGN KEY ([ShopId]) REFERENCES [Shops] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205122105_PullRefusals'
)
BEGIN
    CREATE INDEX [IX_PullRefusals_ShopId_LastRefusedAt] ON [PullRefusals] ([ShopId], [LastRefusedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205122105_PullRefusals'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PullRefusals_ShopId_PlatformOrderId] ON [PullRefusals] ([ShopId], [PlatformOrderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205122105_PullRefusals'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205122105_PullRefusals', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205204014_BacklogListIndexes'
)
BEGIN
    CREATE INDEX [IX_WorkflowInstances_ShopId_WaitingFor_CreatedAt_Id] ON [WorkflowInstances] ([ShopId], [WaitingFor], [CreatedAt], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205204014_BacklogListIndexes'
)
BEGIN
    CREATE INDEX [IX_WorkflowInstances_WaitingFor_CreatedAt_Id] ON [WorkflowInstances] ([WaitingFor], [CreatedAt], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205204014_BacklogListIndexes'
)
BEGIN
    CREATE INDEX [IX_WorkflowInstances_WaitingFor_UpdatedAt] ON [WorkflowInstances] ([WaitingFor], [UpdatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205204014_BacklogListIndexes'
)
BEGIN
    CREATE INDEX [IX_SalesOrders_ShopId_Status_Id] ON [SalesOrders] ([ShopId], [Status], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205204014_BacklogListIndexes'
)
BEGIN
    CREATE INDEX [IX_SalesOrders_WarehouseId_Status_PayTime] ON [SalesOrders] ([WarehouseId], [Status], [PayTime]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205204014_BacklogListIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205204014_BacklogListIndexes', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205234222_PackageVersions'
)
BEGIN
    ALTER TABLE [Packages] ADD [Version] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205234222_PackageVersions'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205234222_PackageVersions', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206093925_OrderSearchIndexes'
)
BEGIN
    DECLARE @var1 nvarchar(max);
    SELECT @var1 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[SalesOrders]') AND [c].[name] = N'ReceiverName');
    IF @var1 IS NOT NULL EXEC(N'ALTER TABLE [SalesOrders] DROP CONSTRAINT ' + @var1 + ';');
    ALTER TABLE [SalesOrders] ALTER COLUMN [ReceiverName] nvarchar(128) NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206093925_OrderSearchIndexes'
)
BEGIN
    DECLARE @var2 nvarchar(max);
    SELECT @var2 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[SalesOrders]') AND [c].[name] = N'ReceiverMobile');
    IF @var2 IS NOT NULL EXEC(N'ALTER TABLE [SalesOrders] DROP CONSTRAINT ' + @var2 + ';');
    ALTER TABLE [SalesOrders] ALTER COLUMN [ReceiverMobile] nvarchar(32) NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206093925_OrderSearchIndexes'
)
BEGIN
    CREATE INDEX [IX_SalesOrders_PlatformOrderId] ON [SalesOrders] ([PlatformOrderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206093925_OrderSearchIndexes'
)
BEGIN
    CREATE INDEX [IX_SalesOrders_ReceiverMobile] ON [SalesOrders] ([ReceiverMobile]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206093925_OrderSearchIndexes'
)
BEGIN
    CREATE INDEX [IX_SalesOrders_ReceiverName] ON [SalesOrders] ([ReceiverName]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206093925_OrderSearchIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206093925_OrderSearchIndexes', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206202143_MerchantCodeMappings'
)
BEGIN
    CREATE TABLE [MerchantCodeMappings] (
        [Id] bigint NOT NULL IDENTITY,
        [Code] nvarchar(64) NOT NULL,
        [NormalizedCode] nvarchar(64) NOT NULL,
        [GoodsId] bigint NULL,
        [ComboId] bigint NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_MerchantCodeMappings] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MerchantCodeMappings_Combos_ComboId] FOREIGN KEY ([ComboId]) REFERENCES [Combos] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_MerchantCodeMappings_Goods_GoodsId] FOREIGN KEY ([GoodsId]) REFERENCES [Goods] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206202143_MerchantCodeMappings'
)
BEGIN
    CREATE INDEX [IX_MerchantCodeMappings_ComboId] ON [MerchantCodeMappings] ([ComboId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206202143_MerchantCodeMappings'
)
BEGIN
    CREATE INDEX [IX_MerchantCodeMappings_GoodsId] ON [MerchantCodeMappings] ([GoodsId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206202143_MerchantCodeMappings'
)
BEGIN
    CREATE UNIQUE INDEX [IX_MerchantCodeMappings_NormalizedCode] ON [MerchantCodeMappings] ([NormalizedCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206202143_MerchantCodeMappings'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206202143_MerchantCodeMappings', N'10.0.14');
END;

COMMIT;
GO

