#!/usr/bin/env bash
# Injection scan: starts a small seeded Simpul on 127.0.0.1, runs sqlmap against every GET
# endpoint with a path or query parameter (from /api/openapi.json) with a session cookie of
# a role the route admits, each bounded in time, and fails if anything is injectable.
# Needs sqlmap (Debian package `sqlmap`). Usage: scripts/security/sqlmap.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

SQLMAP="${SQLMAP:-$(command -v sqlmap || true)}"
if [ -z "$SQLMAP" ]; then echo "sqlmap is not installed (apt-get install sqlmap)" >&2; exit 2; fi
PER_TARGET_SECONDS="${SQLMAP_PER_TARGET_SECONDS:-90}"

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The scan must not be throttled into false negatives: rate limits are lifted for it.
export SIMPUL_DATA_DIR="$work/data" SIMPUL_INQUIRIES_PER_MINUTE=1000000 SIMPUL_SIGNIN_FAILURES_PER_ADDRESS=1000000 SIMPUL_CLOSE_OF_DAY=off
SIMPUL_KEY="$(head -c 32 /dev/urandom | base64)"
export SIMPUL_KEY
mkdir -p "$SIMPUL_DATA_DIR"
node --import tsx scripts/security/seeded-server.ts >"$work/seed.json" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 1 120); do
  [ -s "$work/seed.json" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server.err" >&2; exit 1; fi
  sleep 0.5
done
seed="$(head -n1 "$work/seed.json")"
url="$(node -e 'console.log(JSON.parse(process.argv[1]).url)' "$seed")"
echo "Seeded Simpul at $url"

node scripts/security/targets.mjs "$url/api/openapi.json" "$seed" >"$work/targets.jsonl"
total=$(wc -l <"$work/targets.jsonl")
echo "sqlmap targets: $total parameterised GET endpoints"
[ "$total" -gt 0 ] || { echo "no targets found: the OpenAPI document looks wrong" >&2; exit 1; }

# scan <url> [cookie] [header]: 0 when nothing is injectable, 1 when sqlmap found an injection.
scan() {
  local args=(-u "$1" --batch --level=2 --risk=1 --technique=BEUST --time-sec=2 --timeout=10 --retries=1 --threads=2
              --dbms=SQLite --flush-session --disable-coloring --output-dir="$work/sqlmap" -v 0)
  [ -n "${2:-}" ] && args+=(--cookie="$2")
  [ -n "${3:-}" ] && args+=(--headers="$3")
  local status=0
  timeout "$PER_TARGET_SECONDS" "$SQLMAP" "${args[@]}" >"$work/out.txt" 2>&1 || status=$?
  if grep -Eqi "identified the following injection point|is vulnerable|appears to be injectable" "$work/out.txt"; then return 1; fi
  [ "$status" -eq 124 ] && echo "  (stopped after ${PER_TARGET_SECONDS}s without finding an injection)"
  return 0
}

# First prove the scan can find something: a deliberately injectable fixture must be caught.
node scripts/security/injectable-fixture.mjs >"$work/fixture.url" &
fixture_pid=$!
for _ in $(seq 1 40); do [ -s "$work/fixture.url" ] && break; sleep 0.25; done
if scan "$(head -n1 "$work/fixture.url")/cari?q=Sri"; then
  kill "$fixture_pid" 2>/dev/null || true
  echo "✗ sqlmap did not find the planted injection in the fixture: the scan proves nothing" >&2
  cat "$work/out.txt" >&2
  exit 1
fi
kill "$fixture_pid" 2>/dev/null || true
wait "$fixture_pid" 2>/dev/null || true
echo "Self-check: sqlmap finds the planted injection in the fixture"

found=0
n=0
while IFS= read -r line; do
  n=$((n + 1))
  field() { node -e 'console.log(JSON.parse(process.argv[1])[process.argv[2]] ?? "")' "$line" "$1"; }
  target="$(field url)"
  echo "[$n/$total] $target"
  if ! scan "$target" "$(field cookie)" "$(field header)"; then
    echo "INJECTABLE: $target" >&2
    cat "$work/out.txt" >&2
    found=$((found + 1))
  fi
done <"$work/targets.jsonl"

if [ "$found" -gt 0 ]; then
  echo "✗ sqlmap found $found injectable endpoint(s)" >&2
  exit 1
fi
echo "✓ sqlmap: none of $total parameterised GET endpoints is injectable"
