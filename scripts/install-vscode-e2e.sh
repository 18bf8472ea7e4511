#!/usr/bin/env bash
# Installs what "tests inside a real VS Code" need on this kind of machine (Debian 12, Node 20,
# network only to npm and Debian apt): code-server (VS Code in a browser, from npm), Debian's
# Chromium and playwright-core to drive it. See test/vscode-host/NOTES.md.
#
# Usage: scripts/install-vscode-e2e.sh [DIR]    DIR defaults to <repo>/.vscode-e2e (git-ignored)
#
# Idempotent: a second run only checks and prints the summary line. Quiet on success; on
# failure it prints the tail of DIR/install.log and exits non-zero.
set -euo pipefail

CS_VERSION=4.100.3   # VS Code 1.100.3; the last code-server whose engines.node allows Node 20
PW_VERSION=1.65.1
# @vscode/ripgrep pinned by code-server@4.100.3 (lib/vscode/npm-shrinkwrap.json) and the ripgrep
# release its postinstall downloads from GitHub; Debian's rg 13.0.0 stands in for it.
RG_PKG_VERSION=1.15.11
RG_RELEASE=v13.0.0-10
APT_PACKAGES=(chromium libkrb5-dev ripgrep build-essential pkg-config python3)

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIR=${1:-$ROOT/.vscode-e2e}
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
LOG=$DIR/install.log
STAMP=$DIR/.installed
WANT="code-server@$CS_VERSION playwright-core@$PW_VERSION"
START=$SECONDS

fail() {
  echo "install-vscode-e2e: FAILED: $*" >&2
  if [ -s "$LOG" ]; then echo "--- last lines of $LOG" >&2; tail -n 40 "$LOG" >&2; fi
  exit 1
}
trap 'fail "command failed (line $LINENO): $BASH_COMMAND"' ERR

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null) || fail "node is not on PATH"
[ "$node_major" = 20 ] || fail "code-server $CS_VERSION needs Node 20, this is Node $node_major"

# Two runs at once (a developer and CI on one machine) would race in npm; serialise them.
exec 9>"$DIR/.lock"
flock 9
# The log is kept from the last run that had work to do.
log_started=
start_log() { [ -n "$log_started" ] || { : >"$LOG"; log_started=1; }; }

# 1. Debian packages: chromium (the browser), libkrb5-dev (code-server's kerberos addon),
#    ripgrep (stands in for the GitHub download), build tools for node-gyp.
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || fail "needs root to apt-get install: ${missing[*]}"
  start_log
  # Lock timeout: wait for another apt/dpkg run (another install script) instead of failing.
  apt=(apt-get -o DPkg::Lock::Timeout=300 -qq)
  { "${apt[@]}" update && DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y --no-install-recommends "${missing[@]}"; } \
    >>"$LOG" 2>&1 </dev/null || fail "apt-get install ${missing[*]}"
fi

# 2. npm packages, unless the stamp says this exact set was installed completely before.
files_present() {
  [ -x "$DIR/node_modules/.bin/code-server" ] &&
    [ -e "$DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] &&
    [ -f "$DIR/node_modules/playwright-core/package.json" ]
}
installed() { [ "$(cat "$STAMP" 2>/dev/null)" = "$WANT" ] && files_present; }
if ! installed; then
  rm -f "$STAMP"
  start_log

  # @vscode/ripgrep's postinstall looks in os.tmpdir()/vscode-ripgrep-cache-<version> before it
  # goes to GitHub; put Debian's rg there under the asset name it expects.
  case "$(uname -m)" in
    x86_64) rg_target=x86_64-unknown-linux-musl ;;
    aarch64) rg_target=aarch64-unknown-linux-musl ;;
    *) fail "no ripgrep stand-in for architecture $(uname -m)" ;;
  esac
  rg_cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$RG_PKG_VERSION"
  mkdir -p "$rg_cache"
  tar czf "$rg_cache/ripgrep-$RG_RELEASE-$rg_target.tar.gz" -C /usr/bin rg

  # Node headers for node-gyp are on the machine (/usr/include/node); never download them.
  if [ -z "$(npm config get nodedir 2>/dev/null | grep -v '^null$' || true)" ] && [ -f /usr/include/node/node.h ]; then
    export npm_config_nodedir=/usr
  fi

  cat >"$DIR/package.json" <<EOF
{
  "name": "vscode-e2e",
  "private": true,
  "description": "code-server + playwright-core for tests inside VS Code; installed by scripts/install-vscode-e2e.sh",
  "dependencies": { "code-server": "$CS_VERSION", "playwright-core": "$PW_VERSION" }
}
EOF
  # - code-server's postinstall refuses to run as root without unsafe-perm (npm 11 no longer
  #   knows the option but still hands it to scripts in the environment);
  # - node-pty's postinstall runs npx, which ~/.npmrc's yes=false would leave asking;
  # - build_from_source: argon2 and kerberos would first try prebuilt binaries from GitHub, which
  #   cannot be reached; building everything here costs ~35 s more but nothing leaves the machine
  #   except npm registry requests.
  (cd "$DIR" && npm_config_unsafe_perm=true npm_config_yes=true npm_config_build_from_source=true \
    npm install --no-audit --no-fund --loglevel=warn --foreground-scripts) >>"$LOG" 2>&1 </dev/null ||
    fail "npm install of $WANT into $DIR"
  files_present || fail "npm install finished but code-server's postinstall left no ripgrep/binary behind"
  # Even --version writes logs under XDG_DATA_HOME (default ~/.local/share): keep the home clean.
  xdg=$(mktemp -d)
  XDG_DATA_HOME=$xdg XDG_CONFIG_HOME=$xdg "$DIR/node_modules/.bin/code-server" --config /dev/null --version >>"$LOG" 2>&1 ||
    { rm -rf "$xdg"; fail "the installed code-server does not start"; }
  rm -rf "$xdg"
  echo "$WANT" >"$STAMP"
fi

[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium is missing although the chromium package is installed"
chromium_version=$(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}')
echo "install-vscode-e2e: ok: code-server $CS_VERSION, playwright-core $PW_VERSION, chromium $chromium_version in $DIR ($((SECONDS - START)) s)"
