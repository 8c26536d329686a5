#!/usr/bin/env bash
# A fresh database for every browser-test run, then a production build served on the given port.
set -euo pipefail
port="${1:-3100}"
export DATA_DIR="${E2E_DATA_DIR:-data/e2e}"
export NEXTAUTH_URL="http://localhost:${port}"
rm -rf "$DATA_DIR"
npx tsx scripts/setup.ts
if [ "${E2E_SKIP_BUILD:-}" != "1" ]; then npx next build; fi
exec npx next start -p "$port"
