#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine for Saldo's CLI and tests: the system packages the
# reports and tests use (Chromium to make PDFs, poppler-utils to read them back, fonts with
# Polish and Cyrillic glyphs), then the npm packages from the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || [ -n "${SALDO_BROWSER:-}" ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
[ -d /usr/share/fonts/truetype/liberation ] || missing+=(fonts-liberation)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "setup: installing ${missing[*]}"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: please install: ${missing[*]} (or set SALDO_BROWSER to a Chromium/Edge binary)" >&2
    exit 1
  fi
fi

# better-sqlite3 compiles from source for this Node (allowScripts in package.json approves it).
npm ci --no-audit --no-fund --loglevel=error
