#!/usr/bin/env bash
# Starts or stops a Prism mock server (https://github.com/stoplightio/prism) on the prepared spec,
# for PrismContractTest. Prism validates every request against the spec and answers with
# schema-shaped examples; a request may ask for random schema-valid data instead with the header
# "Prefer: dynamic=true" (the test does both).
#
#   scripts/prism.sh start   install Prism (once) into .prism/, start it, wait until it answers,
#                            print its PID; build the prepared spec first (mvn -pl spec process-classes)
#   scripts/prism.sh stop    stop the server started by "start"
#
# Settings (environment): PRISM_PORT (default 4010), PRISM_SEED (default 42: the same dynamic
# data on every run), PRISM_START_TIMEOUT seconds (default 120), PRISM_SPEC (default the
# prepared spec).
set -euo pipefail

PRISM_VERSION=5.16.0
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PRISM_HOME="$ROOT/.prism"
PRISM_BIN="$PRISM_HOME/node_modules/.bin/prism"
PORT="${PRISM_PORT:-4010}"
SEED="${PRISM_SEED:-42}"
TIMEOUT="${PRISM_START_TIMEOUT:-120}"
SPEC="${PRISM_SPEC:-$ROOT/spec/target/prepared/openapi.yaml}"
PID_FILE="$PRISM_HOME/prism-$PORT.pid"
LOG_FILE="$PRISM_HOME/prism-$PORT.log"
MOCK_SPEC="$PRISM_HOME/openapi-$PORT.yaml"

# One json-schema-faker for the whole install: prism-cli 5.16.0 asks for 0.5.9 and prism-http
# for 0.5.8, and with two copies the generator settings of the spec (x-json-schema-faker) reach
# the CLI's copy but not the one that makes the data.
PACKAGE_JSON='{
  "private": true,
  "dependencies": { "@stoplight/prism-cli": "'"$PRISM_VERSION"'" },
  "overrides": { "json-schema-faker": "0.5.8" }
}'

install_prism() {
  mkdir -p "$PRISM_HOME"
  if [[ -x "$PRISM_BIN" && -f "$PRISM_HOME/package.json" ]] &&
    [[ "$(cat "$PRISM_HOME/package.json")" == "$PACKAGE_JSON" ]]; then
    return
  fi
  echo "installing @stoplight/prism-cli@$PRISM_VERSION into $PRISM_HOME" >&2
  printf '%s\n' "$PACKAGE_JSON" >"$PRISM_HOME/package.json"
  npm install --prefix "$PRISM_HOME" --no-audit --no-fund --loglevel=error >&2
}

answers() {
  # Any HTTP status means Prism is listening; "000" means nothing answered yet.
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$PORT/" || true)"
  [[ "$code" != "000" ]]
}

start() {
  if [[ ! -f "$SPEC" ]]; then
    echo "no spec at $SPEC: build it first (mvn -B -q -pl spec process-classes)" >&2
    exit 1
  fi
  if [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    echo "Prism already runs on port $PORT (PID $(cat "$PID_FILE"))" >&2
    cat "$PID_FILE"
    return
  fi
  install_prism
  # The prepared spec plus Prism's data generator settings: no made-up properties beyond the
  # declared ones (an open object would otherwise get random extra members, which the typed
  # models rightly drop), at least one item per array, every optional property filled.
  {
    cat "$SPEC"
    printf '\nx-json-schema-faker:\n  fillProperties: false\n  minItems: 1\n  maxItems: 2\n'
  } >"$MOCK_SPEC"
  # setsid: Prism gets its own process group, so that "stop" ends it and its children only.
  setsid "$PRISM_BIN" mock --host 127.0.0.1 --port "$PORT" --seed "$SEED" --errors "$MOCK_SPEC" \
    >"$LOG_FILE" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$PID_FILE"
  local deadline=$((SECONDS + TIMEOUT))
  until answers; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "Prism exited before answering; its log ($LOG_FILE):" >&2
      tail -n 40 "$LOG_FILE" >&2
      rm -f "$PID_FILE"
      exit 1
    fi
    if ((SECONDS >= deadline)); then
      echo "Prism did not answer within ${TIMEOUT}s; its log ($LOG_FILE):" >&2
      tail -n 40 "$LOG_FILE" >&2
      stop
      exit 1
    fi
    sleep 0.5
  done
  echo "Prism $PRISM_VERSION answers on http://127.0.0.1:$PORT (log: $LOG_FILE)" >&2
  echo "$pid"
}

stop() {
  if [[ ! -f "$PID_FILE" ]]; then
    echo "no Prism started on port $PORT" >&2
    return
  fi
  local pid
  pid="$(cat "$PID_FILE")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -- "-$pid" 2>/dev/null || kill "$pid"
    local deadline=$((SECONDS + 10))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 -- "-$pid" 2>/dev/null || kill -9 "$pid"
    fi
  fi
  rm -f "$PID_FILE"
  echo "stopped Prism (PID $pid)" >&2
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
