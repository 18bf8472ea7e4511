#!/usr/bin/env bash
# Installs what the editor tests drive, when it is missing: Neovim and Emacs + Eglot from Debian
# (real third-party LSP clients). Quiet and quick when everything is there already.
set -euo pipefail

need=()
command -v nvim >/dev/null 2>&1 || need+=(neovim)
command -v emacs >/dev/null 2>&1 || need+=(emacs-nox)
dpkg -s elpa-eglot >/dev/null 2>&1 || need+=(elpa-eglot)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "ensure-test-tools: missing ${need[*]}; install them with apt-get (needs root)" >&2
    exit 1
  fi
  echo "ensure-test-tools: installing ${need[*]} from Debian"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# VS Code for the extension tests: code-server from npm, driven by Debian's Chromium (see test/vscode-host/NOTES.md)
bash "$(dirname "$0")/install-vscode-e2e.sh"
