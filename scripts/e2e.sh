#!/usr/bin/env bash
# Browser tests: brings up the demo portal (the same `yarn start` as
# scripts/start.sh) and drives it in headless Debian Chromium with Playwright.
# Installs Chromium from Debian's packages when it is missing; never downloads
# a browser from anywhere else.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SCORECARDS_ROOT"

if ! command -v chromium >/dev/null 2>&1; then
  echo "› Installing Debian's chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y chromium >/dev/null || (apt-get update >/dev/null && apt-get install -y chromium >/dev/null)
  else
    sudo apt-get install -y chromium >/dev/null
  fi
fi
export SCORECARDS_E2E_CHROMIUM="$(command -v chromium)"

LOG_DIR="$SCORECARDS_ROOT/node_modules/.cache/e2e-logs"
mkdir -p "$LOG_DIR"
PORTAL_PID=""
cleanup() {
  if [ -n "$PORTAL_PID" ]; then
    kill -- "-$PORTAL_PID" 2>/dev/null || kill "$PORTAL_PID" 2>/dev/null || true
    wait "$PORTAL_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

for port in 3000 7007; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "✖ Port $port is in use; stop the running portal before the browser tests." >&2
    exit 1
  fi
done

echo "› Starting the demo portal (logs in $LOG_DIR/portal.log)"
set -m
BROWSER=none yarn start >"$LOG_DIR/portal.log" 2>&1 &
PORTAL_PID=$!
set +m

wait_for_url() { # url, seconds
  for _ in $(seq 1 "$2"); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    if ! kill -0 "$PORTAL_PID" 2>/dev/null; then
      echo "✖ The portal exited; last lines of its log:" >&2
      tail -n 40 "$LOG_DIR/portal.log" >&2
      return 1
    fi
    sleep 1
  done
  echo "✖ $1 did not answer within $2 s; last lines of the portal log:" >&2
  tail -n 40 "$LOG_DIR/portal.log" >&2
  return 1
}
wait_for_url http://127.0.0.1:7007/.backstage/health/v1/readiness 300
wait_for_url http://127.0.0.1:3000 300

echo "› Browser tests"
PLAYWRIGHT_URL=http://localhost:3000 yarn playwright test "$@"
