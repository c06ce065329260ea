#!/usr/bin/env bash
# Load run of POST /api/v1/conversations/{id}/turns on Postgres + Redis (the production
# backends), with a release build, in a fresh Postgres schema and Redis key prefix that are
# removed afterwards. Prints the turns-load report (throughput, p50/p90/p99 latency).
#
#   scripts/bench-turns.sh [turns-load args…]     e.g. --concurrency 64 --conversations 500
#   EMBEDDED=1 scripts/bench-turns.sh …            the same on the embedded SQLite default
set -euo pipefail
cd "$(dirname "$0")/.."
schema="bench_$(date +%s)"
if [[ "${EMBEDDED:-0}" == 1 ]]; then
  unset DATABASE_URL REDIS_URL
  tmp=$(mktemp -d)
  export THROUGHLINE__DATABASE__SQLITE_PATH="$tmp/bench.db"
  backend="embedded sqlite + in-process"
else
  export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
  export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
  backend="postgres + redis"
fi
port="${PORT:-18181}"
export THROUGHLINE__DATABASE__SCHEMA="$schema" THROUGHLINE__REDIS__PREFIX="$schema:" THROUGHLINE__SERVER__PORT="$port"
export THROUGHLINE__LOG__LEVEL=warn THROUGHLINE__DATABASE__MAX_CONNECTIONS="${MAX_CONNECTIONS:-32}"

cargo build --release -q -p throughline-server -p throughline-e2e --bin throughline --bin turns-load
bin=target/release
key=$("$bin/throughline" apikey create --name bench 2>/dev/null)
"$bin/throughline" serve &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  if [[ -n "${tmp:-}" ]]; then
    rm -rf "$tmp"
  else
    psql "$DATABASE_URL" -qc "drop schema if exists \"$schema\" cascade" >/dev/null 2>&1 || true
    redis-cli -u "$REDIS_URL" --scan --pattern "$schema:*" | xargs -r redis-cli -u "$REDIS_URL" del >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
echo "server: $(nproc) cores, git $(git rev-parse --short HEAD), $backend" >&2
cpu_before=$(awk '{print $14 + $15}' "/proc/$server/stat")
"$bin/turns-load" --url "http://127.0.0.1:$port" --api-key "$key" "$@"
# The server's own CPU over the run (user + system, all threads), so runs on a noisy machine
# can be compared by cost as well as by throughput.
cpu_after=$(awk '{print $14 + $15}' "/proc/$server/stat")
echo "server cpu: $(( (cpu_after - cpu_before) * 1000 / $(getconf CLK_TCK) )) ms" >&2
curl -fs "http://127.0.0.1:$port/metrics" | grep -E '^throughline_routing_passes_total' >&2 || true
