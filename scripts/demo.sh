#!/usr/bin/env bash
# npm run demo: the packaged extension on seeds/ in VS Code in the browser (code-server), for people without
# VS Code. Prints the address to open; Ctrl+C stops it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
bash scripts/install-vscode-e2e.sh
npm run --silent package >/dev/null
VSIX=$(ls -t "$ROOT"/*.vsix | head -n 1)
PORT=${PORT:-8080}
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
printf 'auth: none\ncert: false\n' > "$DATA/config.yaml"
CODE_SERVER="$ROOT/.vscode-e2e/node_modules/.bin/code-server"
# a throwaway profile: nothing is written to the home folder
export XDG_DATA_HOME="$DATA/xdg" XDG_CONFIG_HOME="$DATA/xdg"
"$CODE_SERVER" --config "$DATA/config.yaml" --user-data-dir "$DATA/data" --extensions-dir "$DATA/ext" \
  --install-extension "$VSIX" >/dev/null
echo "Inspection Report Authoring on seeds/: open http://127.0.0.1:$PORT/?folder=$ROOT/seeds in a browser (Ctrl+C to stop)"
exec "$CODE_SERVER" --config "$DATA/config.yaml" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry \
  --disable-update-check --disable-workspace-trust --user-data-dir "$DATA/data" --extensions-dir "$DATA/ext" "$ROOT/seeds"
