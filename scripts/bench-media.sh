#!/usr/bin/env bash
# Load run of the media gateway: N simulated Twilio carrier streams through a release server
# (Postgres + Redis, fresh schema and Redis prefix, removed afterwards) to N echo bots run by
# the load tool. Prints the media-load report (server CPU per stream, carrier→bot latency,
# RSS per stream).
#
#   scripts/bench-media.sh --streams 1000 [--seconds 20]
#
# The streams go to the dedicated media listener (`media.listen`, thread per core; MEDIA_THREADS
# sets its thread count) unless MEDIA_LISTENER=0, which sends them to the HTTP listener.
#
# SKIP_BUILD=1 reuses the release binaries already built; BIN_DIR=dir runs a saved build
# (alternating builds in one hour, as the machine drifts).
set -euo pipefail
cd "$(dirname "$0")/.."
schema="bench_media_$(date +%s)"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
port="${PORT:-18191}"
secret="bench-secret-$(date +%s)"
export THROUGHLINE__DATABASE__SCHEMA="$schema" THROUGHLINE__REDIS__PREFIX="$schema:" THROUGHLINE__SERVER__PORT="$port"
export THROUGHLINE__LOG__LEVEL=warn THROUGHLINE__MEDIA__TOKEN_SECRET="$secret"
media_args=()
if [[ "${MEDIA_LISTENER:-1}" == 1 ]]; then
  export THROUGHLINE__MEDIA__LISTEN="127.0.0.1:$((port + 1))"
  [[ -z "${MEDIA_THREADS:-}" ]] || export THROUGHLINE__MEDIA__THREADS="$MEDIA_THREADS"
  media_args=(--media-url "http://127.0.0.1:$((port + 1))")
fi
# Each stream holds two sockets on each side.
ulimit -n "$(ulimit -Hn)"

[[ -n "${SKIP_BUILD:-}" ]] || cargo build --release -q -p throughline-server -p throughline-e2e --bin throughline --bin media-load
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
echo "server: $(nproc) cores, git $(git rev-parse --short HEAD), postgres + redis, release" >&2
"$bin/media-load" --url "http://127.0.0.1:$port" --api-key "$key" --token-secret "$secret" --server-pid "$server" "${media_args[@]}" "$@"
