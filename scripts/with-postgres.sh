#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL: install Debian's postgresql when missing, start a cluster
# under data/ as the postgres user (PostgreSQL refuses to run as root), export DATABASE_URL for the command,
# and stop and remove the cluster after, whatever the command's outcome.
#   bash scripts/with-postgres.sh npx vitest run
set -euo pipefail
cd "$(dirname "$0")/.."

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

if ! BIN=$(find_bin); then
  echo "正在安装 PostgreSQL 测试所需的软件包：postgresql"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
  BIN=$(find_bin)
fi

PORT=${PG_TEST_PORT:-54329}
ROOT="$PWD/data/pg-test-$PORT"
AS_PG=()
if [ "$(id -u)" -eq 0 ]; then AS_PG=(runuser -u postgres --); fi

rm -rf "$ROOT"
mkdir -p "$ROOT"
if [ "$(id -u)" -eq 0 ]; then chown postgres "$ROOT"; fi
# The folders above must let the postgres user reach its cluster.
chmod o+x "$PWD" "$PWD/data" 2>/dev/null || true

# C collation: names sort by their bytes, as SQLite sorts them.
"${AS_PG[@]}" "$BIN/initdb" -D "$ROOT/cluster" -U postgres --auth=trust --encoding=UTF8 --locale=C >/dev/null
stop() {
  "${AS_PG[@]}" "$BIN/pg_ctl" -D "$ROOT/cluster" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$ROOT"
}
trap stop EXIT
"${AS_PG[@]}" "$BIN/pg_ctl" -D "$ROOT/cluster" -l "$ROOT/server.log" -w \
  -o "-p $PORT -k $ROOT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null

export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
# Instances on PostgreSQL must share a session secret (lib/env.ts); a fixed one for tests.
export NEXTAUTH_SECRET="${NEXTAUTH_SECRET:-nianbao-postgres-test-secret-0123456789}"
echo "PostgreSQL（测试用）：127.0.0.1:$PORT"
"$@"
