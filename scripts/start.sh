#!/usr/bin/env bash
# Brings up the demo portal: frontend on http://localhost:3000, backend on
# http://localhost:7007, in-memory SQLite, guest sign-in. Sets itself up on a
# fresh machine (Node 22, Yarn 4, dependencies).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SCORECARDS_ROOT"

ensure_dependencies --immutable
exec yarn start "$@"
