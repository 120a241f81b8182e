# syntax=docker/dockerfile:1
# Orchestrator server image: .NET build + designer build + slim ASP.NET runtime.
#   docker build -t orchestrator-server .        (or: docker compose up --build)

# ---- designer (static web app) ---------------------------------------------------------
FROM node:20 AS designer
WORKDIR /src/designer
# designer/ must exist in the build context (it holds at least a placeholder file).
COPY designer/ ./
# With a package.json: a real build into dist/. Without one (placeholder): serve the folder as is.
RUN if [ -f package.json ]; then \
        if [ -f package-lock.json ]; then npm ci --no-audit --no-fund || npm install --no-save --no-audit --no-fund; \
        else npm install --no-audit --no-fund; fi \
        && npm run build; \
    else \
        mkdir -p /tmp/static && cp -a . /tmp/static/ && rm -rf dist && mv /tmp/static dist; \
    fi \
    && mkdir -p dist

# ---- server (.NET) ------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
WORKDIR /src
COPY . .
# Framework-dependent publish; no apphost since the entrypoint is "dotnet <dll>". The designer comes from the stage
# above, so the server project's own designer build (which needs npm) is skipped.
RUN dotnet publish src/Orchestrator.Server/Orchestrator.Server.csproj -c Release -o /app -p:UseAppHost=false -p:SkipDesignerBuild=true

# ---- runtime ------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# The base image already listens on 8080 (ASPNETCORE_HTTP_PORTS).
ENV Orchestrator__DataFolder=/app/data \
    Designer__Root=/app/designer/dist \
    Workflows__Folder=/app/workflows
COPY --from=build /app ./
COPY --from=designer /src/designer/dist ./designer/dist
# The lifecycle definitions published at start when newer than the database's.
COPY workflows/ ./workflows/
# data/ (SQLite file, logs under data/logs) must be writable by the non-root 'app' user;
# a new named volume mounted here inherits this ownership.
RUN mkdir -p /app/data/logs && chown -R "$APP_UID" /app/data
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "Orchestrator.Server.dll"]
