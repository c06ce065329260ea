#!/usr/bin/env bash
# Load run of signed Twilio inbound-SMS webhooks (POST /webhooks/twilio/sms) on Postgres +
# Redis with a release build and the workers on (routing, the SMS agent's timers, the outbox
# to a Twilio REST double run by the load tool), in a fresh Postgres schema and Redis prefix
# removed afterwards. Prints the webhook-load report (throughput, latency to the 2xx).
#
#   scripts/bench-webhooks.sh [webhook-load args…]   e.g. --concurrency 64 --conversations 500
#
# SKIP_BUILD=1 reuses the release binaries already built (repeated runs); BIN_DIR=dir runs
# the binaries in dir instead of target/release (to compare two builds on one machine).
set -euo pipefail
cd "$(dirname "$0")/.."
schema="bench_$(date +%s)"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
port="${PORT:-18181}"
twilio_port="${TWILIO_PORT:-18182}"
token="bench-token-$(date +%s)"
public="https://throughline.bench.example"
export THROUGHLINE__DATABASE__SCHEMA="$schema" THROUGHLINE__REDIS__PREFIX="$schema:" THROUGHLINE__SERVER__PORT="$port"
export THROUGHLINE__LOG__LEVEL=warn THROUGHLINE__DATABASE__MAX_CONNECTIONS="${MAX_CONNECTIONS:-32}"
export THROUGHLINE__SERVER__PUBLIC_URL="$public"
export THROUGHLINE__CARRIERS__TWILIO__ACCOUNT_SID="ACtest0000000000000000000000000000"
export THROUGHLINE__CARRIERS__TWILIO__AUTH_TOKEN="twilio-test-token"
export THROUGHLINE__CARRIERS__TWILIO__API_BASE="http://127.0.0.1:$twilio_port"

if [ -z "${SKIP_BUILD:-}" ]; then
  cargo build --release -q -p throughline-server -p throughline-e2e --bin throughline --bin webhook-load
fi
bin="${BIN_DIR:-target/release}"
key=$("$bin/throughline" apikey create --name bench 2>/dev/null)
"$bin/throughline" serve &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  psql "$DATABASE_URL" -qc "drop schema if exists \"$schema\" cascade" >/dev/null 2>&1 || true
  redis-cli -u "$REDIS_URL" --scan --pattern "$schema:*" | xargs -r redis-cli -u "$REDIS_URL" del >/dev/null 2>&1 || true
}
trap cleanup EXIT
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
echo "server: $(nproc) cores, git $(git rev-parse --short HEAD), postgres + redis, workers on" >&2
cpu_before=$(awk '{print $14 + $15}' "/proc/$server/stat")
"$bin/webhook-load" --url "http://127.0.0.1:$port" --api-key "$key" --auth-token "twilio-test-token" \
  --public-url "$public" --twilio-port "$twilio_port" "$@"
cpu_after=$(awk '{print $14 + $15}' "/proc/$server/stat")
echo "server cpu: $(( (cpu_after - cpu_before) * 1000 / $(getconf CLK_TCK) )) ms" >&2
