#!/usr/bin/env bash
# Routing benchmark (issue #4): builds, then for each database starts the real
# sangdam.ear plus the bench-only WAR on WildFly at port offset 500 (HTTP 8580,
# management 10490), runs bench bursts, prints the figures and stops the server.
# Not a test: nothing here runs in mvn verify. See bench/README.md.
#
#   ./sangdam bench                    H2, then a throwaway PostgreSQL on 127.0.0.1:55433
#   BENCH_DBS=h2 ./sangdam bench       one database only (h2 | postgresql)
#   BENCH_JFR=1 ./sangdam bench        also record a JFR profile of the server (target/server-<db>.jfr);
#                                      BENCH_JFR=waits: waits of 1 ms and more too (bench/jfr-waits.jfc)
#   BENCH_CLI='cmd; cmd' ./sangdam bench   what-if: extra WildFly CLI commands applied (offline) to the
#                                      bench server's copy of the configuration, never to the product's
#   -Dbench.* options as further arguments go to the driver (bench/README.md)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$root"
# ./sangdam picks the JDK (21+); called directly, go through it
[[ -n "${JAVA_HOME:-}" ]] || exec "$root/sangdam" bench "$@"

offset=500
http=$((8080 + offset))
mgmt=$((9990 + offset))
pgport=${BENCH_PG_PORT:-55433}
target=$here/target
wildfly=$root/ear/target/wildfly
dbs=${BENCH_DBS:-h2 postgresql}
stamp=$(date +%Y%m%d-%H%M%S)
results=$target/results-$stamp.md

server_pid=
pg_dir=
pgbin=
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    for _ in $(seq 1 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$server_pid" 2>/dev/null && kill -9 "$server_pid"
  fi
  server_pid=
  if [[ -n "$pg_dir" ]]; then
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
  pg_dir=
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if curl -s -o /dev/null "http://127.0.0.1:$http/" || curl -s -o /dev/null "http://127.0.0.1:$mgmt/"; then
  echo "port $http or $mgmt is taken; is another bench running?" >&2
  exit 1
fi

echo "== build (mvn package; the bench module is built, never run, by mvn verify)"
mvn -B -q -DskipTests package -pl bench -am
java -cp "$target/classes:$(cat "$target/driver.classpath")" org.sangdam.bench.BenchEar \
  "$root/ear/target/sangdam.ear" "$target/sangdam-bench.ear"

start_postgres() {
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  pg_dir=$(mktemp -d /tmp/sangdam-bench-pg.XXXXXX)
  chown postgres "$pg_dir"
  local as_pg=(runuser -u postgres --)
  # trust on loopback only: a throwaway cluster that lives for this run
  "${as_pg[@]}" "$pgbin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/pg.log" -w \
    -o "-p $pgport -c listen_addresses=127.0.0.1 -k $pg_dir -c shared_preload_libraries=pg_stat_statements" start >/dev/null
  "${as_pg[@]}" "$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -qc "CREATE ROLE sangdam LOGIN" \
    -c "CREATE DATABASE sangdam OWNER sangdam"
  "${as_pg[@]}" "$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -d sangdam -qc "CREATE EXTENSION pg_stat_statements"
  echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pgport ($pg_dir)"
}

start_server() {
  local db=$1 base=$target/server-$db
  rm -rf "$base"
  mkdir -p "$base/deployments"
  cp -r "$wildfly/standalone/configuration" "$base/"
  rm -rf "$base/configuration/standalone_xml_history"
  cp "$target/sangdam-bench.ear" "$base/deployments/sangdam.ear"
  if [[ -n "${BENCH_CLI:-}" ]]; then
    echo "what-if configuration: $BENCH_CLI"
    { echo "embed-server --server-config=standalone-full.xml --std-out=discard"
      tr ';' '\n' <<< "$BENCH_CLI"
      echo "stop-embedded-server"; } > "$base/what-if.cli"
    JAVA_OPTS="-Xmx512m -Djboss.server.base.dir=$base" "$wildfly/bin/jboss-cli.sh" --file="$base/what-if.cli" >/dev/null
  fi
  local opts="-Xms1g -Xmx1g -XX:+UseZGC -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true"
  if [[ -n "${BENCH_JFR:-}" ]]; then
    local settings=profile
    [[ $BENCH_JFR == waits ]] && settings=$here/jfr-waits.jfc
    opts="$opts -XX:StartFlightRecording=filename=$target/server-$db.jfr,settings=$settings,dumponexit=true"
  fi
  local env=(SANGDAM_DEMO=false)
  if [[ $db == postgresql ]]; then
    env+=(SANGDAM_DB_DRIVER=postgresql SANGDAM_DB_URL="jdbc:postgresql://127.0.0.1:$pgport/sangdam" SANGDAM_DB_USER=sangdam)
  fi
  env "${env[@]}" LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$base/wildfly.pid" JAVA_OPTS="$opts ${BENCH_JAVA_OPTS:-}" \
    "$wildfly/bin/standalone.sh" -c standalone-full.xml -Djboss.server.base.dir="$base" \
    -Djboss.socket.binding.port-offset=$offset > "$base/console.log" 2>&1 &
  local launcher=$!
  for _ in $(seq 1 360); do
    [[ -z "$server_pid" && -f "$base/wildfly.pid" ]] && server_pid=$(cat "$base/wildfly.pid")
    if curl -fsS "http://127.0.0.1:$http/sangdam-bench/bench/ping" >/dev/null 2>&1; then
      echo "WildFly up ($db, pid $server_pid, log $base/log/server.log)"
      return
    fi
    if [[ -f "$base/log/server.log" ]] && grep -q 'WFLYSRV0026.*with errors\|WFLYCTL0013\|WFLYSRV0055' "$base/log/server.log"; then
      echo "server failed to start; see $base/log/server.log" >&2
      tail -40 "$base/log/server.log" >&2
      exit 1
    fi
    kill -0 "$launcher" 2>/dev/null || { echo "WildFly exited; see $base/console.log" >&2; tail -40 "$base/console.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "server did not come up in 180 s" >&2
  exit 1
}

echo "| database | run | services x agents | calls | agent work per call | offers/s | arrivals/s | p50 ms | p95 ms | p99 ms | max ms | ring p50 ms | ring p99 ms | offers per routing run | re-offered | routing requests waiting (max) |" > "$results"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|" >> "$results"
for db in $dbs; do
  echo "== $db"
  [[ $db == postgresql ]] && start_postgres
  start_server "$db"
  java -Dbench.url="http://127.0.0.1:$http" -Dbench.label="$db" -Dbench.out="$results" "$@" \
    -cp "$target/classes:$(cat "$target/driver.classpath")" org.sangdam.bench.Bench
  if [[ $db == postgresql ]]; then
    runuser -u postgres -- "$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -d sangdam -P pager=off -c \
      "select calls, round(total_exec_time::numeric, 0) as total_ms, round(mean_exec_time::numeric, 3) as mean_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 110) as query
       from pg_stat_statements order by total_exec_time desc limit 15" > "$target/pg-statements-$stamp.txt" || true
  fi
  cleanup
done
echo "== figures ($results)"
cat "$results"
