#!/usr/bin/env bash
# Adds one migration named $1 to every provider and refreshes the SQL Server script.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh <Name>}
dotnet tool restore >/dev/null
for p in Sqlite SqlServer PostgreSql; do
  dotnet ef migrations add "$name" --project "src/Orchestrator.Persistence.$p" --startup-project "src/Orchestrator.Persistence.$p" --output-dir Migrations
done
dotnet ef migrations script --idempotent --project src/Orchestrator.Persistence.SqlServer \
  --startup-project src/Orchestrator.Persistence.SqlServer -o src/Orchestrator.Persistence.SqlServer/Migrations/migrations.sql
