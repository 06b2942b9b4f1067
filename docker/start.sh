#!/usr/bin/env bash
# Starts e-Cabinet on this machine without Docker: the backend on its embedded store (files in ./data),
# the frontend in front of it, demo data on the first start. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."

backend_port=${CABINET_BACKEND_PORT:-8081}
frontend_port=${CABINET_FRONTEND_PORT:-8080}
started=$(date +%s)

echo "Building (tests skipped; run 'mvn -B verify' for them)..."
# Maven 3.8 prints colour resets even in batch mode: stripped, so that the terminal shows plain text.
mvn -B -q -Dstyle.color=never install -DskipTests 2>&1 | sed 's/\x1b\[[0-9;]*m//g'
built=$(date +%s)

mkdir -p data/logs keys
# The frontend is the backend's one trusted proxy: it shows this key with the browser's address.
[ -s keys/proxy.key ] || (umask 077; head -c 32 /dev/urandom | base64 > keys/proxy.key)
export CABINET_PROXY_KEY; CABINET_PROXY_KEY=$(cat keys/proxy.key)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null' EXIT INT TERM

# Demo data only here, on a store of its own (./data); the master key is created in ./keys on the first start.
CABINET_LEDGER_EXPORT_DIR=${CABINET_LEDGER_EXPORT_DIR:-./ledger-checkpoints} CABINET_TRUSTED_PROXIES=127.0.0.1,::1 \
  java -jar backend/target/backend-*-exec.jar --server.port="$backend_port" --spring.profiles.active=demo > data/logs/backend.log 2>&1 &
pids+=($!)
java -jar frontend/target/frontend-*-exec.jar --server.port="$frontend_port" \
  --cabinet.backend.url="http://localhost:$backend_port" > data/logs/frontend.log 2>&1 &
pids+=($!)

wait_for() { # url, name, log
  for _ in $(seq 1 240); do
    if curl -sf -o /dev/null "$1"; then return 0; fi
    if ! kill -0 "${pids[@]}" 2>/dev/null; then echo "$2 stopped; see $3" >&2; exit 1; fi
    sleep 0.5
  done
  echo "$2 did not start in 2 minutes; see $3" >&2; exit 1
}
wait_for "http://localhost:$backend_port/actuator/health" backend data/logs/backend.log
wait_for "http://localhost:$frontend_port/login" frontend data/logs/frontend.log
ready=$(date +%s)

cat <<INFO

e-Cabinet is running (build $((built - started)) s, start-up $((ready - built)) s).
  UI:        http://localhost:$frontend_port
  API:       http://localhost:$backend_port/api  (OpenAPI: http://localhost:$backend_port/api/docs, UI: /api/docs/ui)
  Data:      ./data (embedded MongoDB-wire store; set CABINET_MONGODB_URI to use a real MongoDB)
  Keys:      ./keys/master.key opens the store's secrets (back it up apart from ./data; without it they are lost)
  Logs:      ./data/logs
  Ledger:    signed checkpoints in ./ledger-checkpoints; check them offline: docker/audit.sh verify-checkpoints ./ledger-checkpoints ca.pem

Demo logins (password for all: Demo@2026; signing PIN for all: 123456):
  thutuong       Prime Minister: cabinet member and chair of sessions
  member02 … member27   the other 26 cabinet members (member05 has the demo ballot waiting)
  secretariat    Government Office (000.00.00.G22): schedules sessions, issues ballots, signs minutes
  clerk.g12      agency clerk of the Ministry of Finance (also clerk.g22, clerk.g23, clerk.h29)
  auditor        reads everything, changes nothing
  admin          administrator: users, roles, signing certificates, trust anchors
Press Ctrl-C to stop.
INFO
wait
