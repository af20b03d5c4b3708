#!/usr/bin/env bash
# One-time set-up of a datalek checkout: system packages that are missing, then the exact npm
# dependencies from package-lock.json (npm ci also compiles the TypeScript through `prepare`).
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1; then
  echo "setup: Node.js 20 or newer is needed (https://nodejs.org or your package manager)." >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "setup: Node.js 20 or newer is needed; this is $(node --version)." >&2
  exit 1
fi

# System packages, by the command that shows they are there. Extended as features need them.
missing=()
# Chromium prints the PDFs (puppeteer-core never downloads a browser; PUPPETEER_EXECUTABLE_PATH
# chooses another one); poppler-utils' pdftotext lets the tests read the PDFs back.
if [ -z "${PUPPETEER_EXECUTABLE_PATH:-}" ] && ! command -v chromium-headless-shell >/dev/null 2>&1 && ! command -v chromium >/dev/null 2>&1; then
  missing+=(chromium-headless-shell)
fi
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "setup: installing ${missing[*]} with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: please install these packages first: ${missing[*]}" >&2
    exit 1
  fi
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
elif [ ! -f dist/cli/main.js ]; then
  npm run -s build
fi
