#!/usr/bin/env bash
# Runs every test of the repo (.NET solution + designer, when it has tests) and prints
# one summary line "N passed, N failed[, N skipped]". Exit code is non-zero when any
# run failed or when nothing passed.
#
# PostgreSQL: the .NET tests read ORCHESTRATOR_TEST_POSTGRES (an Npgsql connection string
# with rights to CREATE DATABASE). When the caller sets it, it is used as is; otherwise this
# script starts a throwaway cluster on 127.0.0.1 and removes it on exit.
#
# Results: *.trx from dotnet test, plus any *.junit.xml a JS test runner writes into
# $ORCHESTRATOR_TEST_RESULTS (exported below), all under artifacts/test-results.
#
# Usage: scripts/test.sh            (from any directory; CI runs it as root, no stdin)
set -euo pipefail

# Resolve the repo root from this file so the script works from any cwd.
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RESULTS="$REPO/artifacts/test-results"

# Quiet, non-interactive tools: CI has no terminal and no stdin.
export DEBIAN_FRONTEND=noninteractive
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false NPM_CONFIG_UPDATE_NOTIFIER=false

log() { printf '[test.sh] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------
PG_BIN=""      # directory holding initdb/pg_ctl/psql
PG_TMP=""      # throwaway cluster root (data dir, socket, log); removed on exit
PG_DATA=""     # data directory inside PG_TMP
PG_PORT=""     # TCP port the throwaway cluster listens on (127.0.0.1 only)

# Newest /usr/lib/postgresql/<version>/bin that has both initdb and pg_ctl (Debian layout).
find_pg_bin() {
    local dir
    PG_BIN=""
    while IFS= read -r dir; do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then PG_BIN="$dir"; fi
    done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V)
    [[ -n "$PG_BIN" ]]
}

# initdb refuses to run as root, so as root we run the server as the 'postgres' system user.
as_pg() {
    if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Install Debian's PostgreSQL when it is missing (a fresh CI machine has only the SDKs).
install_postgres() {
    [[ $EUID -eq 0 ]] || die "PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin and not root to install them. Run 'sudo apt-get install postgresql' or set ORCHESTRATOR_TEST_POSTGRES."
    log "PostgreSQL not found; installing it with apt-get (Debian package 'postgresql')..."
    if ! { apt-get update -qq && apt-get install -y -qq postgresql; } </dev/null; then
        die "could not install PostgreSQL with apt-get. Install the 'postgresql' package or set ORCHESTRATOR_TEST_POSTGRES to an existing server."
    fi
    # The package may have started its default cluster on 5432; we do not need it, stop it.
    if command -v pg_lsclusters >/dev/null; then
        pg_lsclusters -h 2>/dev/null | while read -r ver name _port status _rest; do
            if [[ "$status" == online* ]]; then pg_ctlcluster "$ver" "$name" stop || true; fi
        done || true
    fi
    find_pg_bin || die "apt-get installed 'postgresql' but no initdb/pg_ctl under /usr/lib/postgresql/*/bin."
}

# True when something already accepts connections on 127.0.0.1:$1.
port_in_use() { (: <>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# EXIT trap: stop the throwaway cluster and delete it, whatever happened before.
# shellcheck disable=SC2317  # only ever invoked by the trap
cleanup() {
    local rc=$? pid=""
    if [[ -n "$PG_DATA" && -f "$PG_DATA/postmaster.pid" ]]; then
        pid="$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)"
        as_pg "$PG_BIN/pg_ctl" stop -D "$PG_DATA" -m immediate -s >/dev/null 2>&1 || true
        # Belt and braces: if pg_ctl could not stop it, kill that exact postmaster.
        if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    if [[ -n "$PG_TMP" && -d "$PG_TMP" ]]; then rm -rf "$PG_TMP"; fi
    exit "$rc"
}

# ---------------------------------------------------------------------------------------
# Child processes and signals
# ---------------------------------------------------------------------------------------
CHILD=""       # pid of the long-running command in progress, if any

# Runs "$@" in the background and waits: bash defers traps while a foreground command runs,
# but 'wait' returns at once on a signal, so Ctrl-C / a CI timeout is handled promptly.
run() {
    local rc=0
    "$@" </dev/null &
    CHILD=$!
    wait "$CHILD" || rc=$?
    CHILD=""
    return "$rc"
}

# Prints the pids of every descendant of process $1, read from /proc (procps may be absent).
# shellcheck disable=SC2317  # only ever invoked from the traps
descendants() {
    local f line ppid
    for f in /proc/[0-9]*/stat; do
        { line="$(<"$f")"; } 2>/dev/null || continue
        read -r _state ppid _rest <<<"${line##*) }"   # fields after "pid (comm) "
        if [[ "$ppid" == "$1" ]]; then
            echo "${line%% *}"
            descendants "${line%% *}"
        fi
    done
}

# INT/TERM/HUP: stop the running command and everything it started (dotnet test leaves
# vstest/testhost behind otherwise), by pid, then exit, which runs cleanup.
# shellcheck disable=SC2317  # only ever invoked by the traps
on_signal() {
    local pids
    if [[ -n "$CHILD" ]]; then
        pids="$(descendants "$CHILD")"
        # shellcheck disable=SC2086  # one pid per word
        kill -TERM "$CHILD" $pids 2>/dev/null || true
        wait "$CHILD" 2>/dev/null || true
    fi
    exit "$1"
}

start_postgres() {
    find_pg_bin || install_postgres
    log "using PostgreSQL binaries in $PG_BIN"

    if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
        # The Debian package creates this user; create it if the binaries came from elsewhere.
        useradd --system --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin postgres
    fi

    # Under /tmp (not $TMPDIR) so the postgres user can reach it and the socket path stays short.
    PG_TMP="$(mktemp -d /tmp/orchestrator-pg.XXXXXX)"
    PG_DATA="$PG_TMP/data"
    if [[ $EUID -eq 0 ]]; then chown postgres: "$PG_TMP"; fi

    # Trust auth: a throwaway cluster reachable only from this machine.
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" --username=postgres --auth=trust \
        --encoding=UTF8 --no-locale --no-sync >"$PG_TMP/initdb.log" 2>&1 \
        || { cat "$PG_TMP/initdb.log" >&2; die "initdb failed"; }

    # Listen on loopback only, socket inside our temp dir; durability off (data is thrown away);
    # more connections than the default 100 because test classes run in parallel with pools.
    cat >>"$PG_DATA/postgresql.conf" <<EOF

# --- added by scripts/test.sh ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_TMP'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

    # Pick a free port from 54329 up; retry on the next one if another process grabs it first.
    local port started=""
    for port in $(seq 54329 54428); do
        port_in_use "$port" && continue
        if as_pg "$PG_BIN/pg_ctl" start -D "$PG_DATA" -l "$PG_TMP/postgres.log" \
                -w -t 60 -s -o "-p $port" </dev/null; then
            started=1; PG_PORT="$port"; break
        fi
        log "PostgreSQL did not start on port $port; trying the next one"
    done
    if [[ -z "$started" ]]; then
        tail -n 30 "$PG_TMP/postgres.log" >&2 2>/dev/null || true
        die "could not start a throwaway PostgreSQL cluster"
    fi

    # The role the tests use: superuser so they can CREATE DATABASE / DROP DATABASE.
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
        -c "CREATE ROLE orchestrator LOGIN SUPERUSER PASSWORD 'orchestrator';" </dev/null \
        || die "could not create role 'orchestrator'"

    export ORCHESTRATOR_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=orchestrator;Password=orchestrator;Database=postgres"
    log "throwaway PostgreSQL listening on 127.0.0.1:$PG_PORT (data in $PG_TMP)"
}

# ---------------------------------------------------------------------------------------
# Chromium for the designer's end-to-end tests
# ---------------------------------------------------------------------------------------
# Playwright drives Debian's Chromium (never a browser download). CHROMIUM_PATH may name another Chromium binary.
ensure_chromium() {
    export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
    if [[ -x "$CHROMIUM_PATH" ]]; then return 0; fi
    [[ $EUID -eq 0 ]] || die "Chromium not found at $CHROMIUM_PATH and not root to install it. Run 'sudo apt-get install chromium' or set CHROMIUM_PATH."
    log "installing Debian's chromium with apt-get for the designer's browser tests..."
    if ! { apt-get update -qq && apt-get install -y -qq chromium; } </dev/null; then
        die "could not install chromium with apt-get. Install the 'chromium' package or set CHROMIUM_PATH."
    fi
    [[ -x "$CHROMIUM_PATH" ]] || die "apt-get installed chromium but $CHROMIUM_PATH is missing; set CHROMIUM_PATH."
}

# Whether a font covering Chinese is installed: fontconfig's answer, else Debian's package when fc-list is absent.
# Captured rather than piped into 'grep -q': grep leaving early would end fc-list with SIGPIPE, which pipefail turns
# into "no font" whenever many fonts are listed.
has_cjk_font() {
    if command -v fc-list >/dev/null; then
        [[ -n "$(fc-list :lang=zh family 2>/dev/null)" ]]
    else
        dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed'
    fi
}

# The designer speaks Chinese by default, so without a CJK font the e2e screenshots show boxes. Not fatal: the tests
# read the page's text, not its pixels, so a missing font is a warning and the run goes on.
ensure_cjk_font() {
    if has_cjk_font; then return 0; fi
    if [[ $EUID -ne 0 ]]; then
        log "WARNING: no CJK font found and not root to install one; Chinese shows as boxes in the screenshots ('sudo apt-get install fonts-noto-cjk')."
        return 0
    fi
    log "no CJK font found; installing Debian's fonts-noto-cjk with apt-get for the designer's screenshots..."
    if ! { apt-get update -qq && apt-get install -y -qq fonts-noto-cjk; } </dev/null; then
        log "WARNING: could not install fonts-noto-cjk with apt-get; going on, but Chinese shows as boxes in the screenshots."
        return 0
    fi
    has_cjk_font || log "WARNING: apt-get installed fonts-noto-cjk but fontconfig lists no Chinese font; the screenshots may show boxes."
}

# ---------------------------------------------------------------------------------------
# Result counting
# ---------------------------------------------------------------------------------------
# Prints the numeric value of attribute $2 in the XML start tag $1 (0 when absent).
attr() {
    local value
    value="$(sed -n "s/.*[[:space:]]$2=\"\([0-9]*\)\".*/\1/p" <<<"$1")"
    echo "${value:-0}"
}

PASSED=0; FAILED=0; SKIPPED=0

# TRX (dotnet test --logger trx): one <Counters .../> per file.
count_trx() {
    local file tag total executed
    while IFS= read -r -d '' file; do
        # Join lines first so an element wrapped over several lines still matches.
        tag="$(tr '\n\r' '  ' <"$file" | grep -o '<Counters[[:space:]][^>]*>' | head -n 1 || true)"
        [[ -n "$tag" ]] || { log "no <Counters> in $file"; FAILED=$((FAILED + 1)); continue; }
        total="$(attr "$tag" total)"
        executed="$(attr "$tag" executed)"
        PASSED=$((PASSED + $(attr "$tag" passed)))
        # error/timeout/aborted are failures too, just reported differently by the runner.
        FAILED=$((FAILED + $(attr "$tag" failed) + $(attr "$tag" error) + $(attr "$tag" timeout) + $(attr "$tag" aborted)))
        SKIPPED=$((SKIPPED + total - executed))
    done < <(find "$RESULTS" -type f -name '*.trx' -print0 2>/dev/null)
}

# JUnit XML (*.junit.xml under the results dir, e.g. written by the designer's test runner).
# Counts <testcase> elements, since producers disagree on suite-level counters (node:test has none):
# one with a <failure>/<error> child failed, one with <skipped> was skipped, any other passed.
count_junit() {
    local file p f k
    while IFS= read -r -d '' file; do
        read -r p f k < <(awk '
            BEGIN { RS = "<testcase[[:space:]>]" }
            NR > 1 {
                rec = $0
                tag_end = index(rec, ">")
                if (substr(rec, tag_end - 1, 1) == "/") { passed++; next }   # <testcase .../>: no children
                close_at = index(rec, "</testcase>")
                if (close_at) rec = substr(rec, 1, close_at)
                if (rec ~ /<(failure|error)[[:space:]\/>]/) failed++
                else if (rec ~ /<skipped[[:space:]\/>]/) skipped++
                else passed++
            }
            END { print passed + 0, failed + 0, skipped + 0 }' "$file")
        PASSED=$((PASSED + p)); FAILED=$((FAILED + f)); SKIPPED=$((SKIPPED + k))
    done < <(find "$RESULTS" -type f -name '*.junit.xml' -print0 2>/dev/null)
}

# ---------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------
cd "$REPO"
trap cleanup EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM HUP

# Old result files must not count in this run's summary.
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
export ORCHESTRATOR_TEST_RESULTS="$RESULTS"

if [[ -n "${ORCHESTRATOR_TEST_POSTGRES:-}" ]]; then
    log "using the PostgreSQL given in ORCHESTRATOR_TEST_POSTGRES"
else
    start_postgres
fi

RUN_FAILED=0

# Designer: only when it has a package.json with a real "test" script (npm init's stub does not count).
DESIGNER=""
if [[ -f designer/package.json ]] && ! command -v node >/dev/null; then
    log "designer/package.json exists but node is not installed"; RUN_FAILED=1
elif [[ -f designer/package.json ]] && (cd designer && node -e '
        const t = (require("./package.json").scripts || {}).test;
        process.exit(t && !/no test specified/.test(t) ? 0 : 1);') 2>/dev/null; then
    DESIGNER=1
    ensure_chromium
    ensure_cjk_font
fi

# .NET: keep going on failure so the summary is always printed. The designer is built by its own npm test below,
# not by the server project's MSBuild target (SkipDesignerBuild), so one build of it serves the whole run.
log "dotnet test Orchestrator.sln -c Release"
dotnet_rc=0
run dotnet test Orchestrator.sln -c Release -p:SkipDesignerBuild=true --logger "trx" --results-directory "$RESULTS" || dotnet_rc=$?
if [[ $dotnet_rc -ne 0 ]]; then log "dotnet test exited with $dotnet_rc"; RUN_FAILED=1; fi

# The designer's end-to-end tests start the server dotnet test just built.
export ORCHESTRATOR_SERVER_DLL="$REPO/src/Orchestrator.Server/bin/Release/net10.0/Orchestrator.Server.dll"
if [[ -n "$DESIGNER" ]]; then
    log "designer: npm tests (Vitest, build, Playwright in $CHROMIUM_PATH)"
    npm_rc=0
    cd designer
    if [[ -f package-lock.json ]]; then
        # npm ci refuses a lock that lacks optional platform packages a partial registry mirror does not carry
        # (rollup's per-OS binaries); installing by the lock without rewriting it gives the same tree.
        run npm ci || { log "npm ci failed; installing by package-lock.json with npm install --no-save"; npm_rc=0; run npm install --no-save || npm_rc=$?; }
    else
        run npm install || npm_rc=$?
    fi
    if [[ $npm_rc -eq 0 ]]; then run npm test || npm_rc=$?; fi
    cd "$REPO"
    if [[ $npm_rc -ne 0 ]]; then log "designer tests exited with $npm_rc"; RUN_FAILED=1; fi
else
    log "designer: no package.json test script, skipped"
fi

count_trx
count_junit

summary="$PASSED passed, $FAILED failed"
if [[ $SKIPPED -gt 0 ]]; then summary="$summary, $SKIPPED skipped"; fi
printf '\n%s\n' "$summary"

if [[ $RUN_FAILED -ne 0 && $FAILED -eq 0 ]]; then log "a test run failed without failing tests (build error?): see the output above"; fi
if [[ $RUN_FAILED -ne 0 || $FAILED -ne 0 ]]; then exit 1; fi
if [[ $PASSED -eq 0 ]]; then log "no test passed (no test ran?)"; exit 1; fi
exit 0
