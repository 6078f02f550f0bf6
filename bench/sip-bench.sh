#!/usr/bin/env bash
# SIP call benchmark (issue 5): builds, starts the real sangdam.ear on WildFly at port offset 1100
# (HTTP 9180, management 11090, SIP 6160, RTP 40000-49999) with its own base directory, sets up a
# service, trunk, DID and phone agents through the REST API, registers SIPp agent phones, drives the
# agents' desks (org.sangdam.bench.sip.SipBench) and calls the DID from SIPp as the trunk at rising
# rates. Prints the figures and stops the server. Not a test: nothing here runs in mvn verify.
#
#   ./sangdam bench sip                          H2 (the default database)
#   SANGDAM_DB_DRIVER=postgresql SANGDAM_DB_URL=... SANGDAM_DB_USER=... ./sangdam bench sip
#   BENCH_JFR=0 ./sangdam bench sip              no JFR recording of the top run
#   ./sangdam bench sip -Dbench.sip.rates=10,25,50 -Dbench.sip.agents=300 ...   driver options (bench/README.md)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$root"
[[ -n "${JAVA_HOME:-}" ]] || exec "$root/sangdam" bench sip "$@"

offset=${BENCH_SIP_OFFSET:-1100}
http=$((8080 + offset))
mgmt=$((9990 + offset))
target=$here/target
wildfly=$root/ear/target/wildfly
stamp=$(date +%Y%m%d-%H%M%S)
run=$target/sip-$stamp
base=$target/server-sip

server_pid=
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    for _ in $(seq 1 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$server_pid" 2>/dev/null && kill -9 "$server_pid"
  fi
  server_pid=
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v sipp >/dev/null || { echo "SIPp is missing: apt-get install sip-tester" >&2; exit 1; }
if curl -s -o /dev/null "http://127.0.0.1:$http/" || curl -s -o /dev/null "http://127.0.0.1:$mgmt/"; then
  echo "port $http or $mgmt is taken; is another bench running?" >&2
  exit 1
fi

if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  echo "== build (mvn package; the bench module is built, never run, by mvn verify)"
  mvn -B -q -DskipTests package -pl bench -am
fi
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
mkdir -p "$run"

rm -rf "$base"
mkdir -p "$base/deployments"
cp -r "$wildfly/standalone/configuration" "$base/"
rm -rf "$base/configuration/standalone_xml_history"
cp "$root/ear/target/sangdam.ear" "$base/deployments/sangdam.ear"
opts="-Xms1g -Xmx1g -XX:+UseZGC -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true"
# demo data: the system administrator the set-up logs in as (its own service, trunk, DID and agents are made over REST)
SANGDAM_DEMO=true SANGDAM_MEDIA_RTP_PORT_MIN=${SANGDAM_MEDIA_RTP_PORT_MIN:-40000} SANGDAM_MEDIA_RTP_PORT_MAX=${SANGDAM_MEDIA_RTP_PORT_MAX:-49999} \
LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$base/wildfly.pid" JAVA_OPTS="$opts ${BENCH_JAVA_OPTS:-}" \
  "$wildfly/bin/standalone.sh" -c standalone-full.xml -Djboss.server.base.dir="$base" \
  -Djboss.socket.binding.port-offset=$offset > "$base/console.log" 2>&1 &
launcher=$!
up=
for _ in $(seq 1 360); do
  [[ -z "$server_pid" && -f "$base/wildfly.pid" ]] && server_pid=$(cat "$base/wildfly.pid")
  if curl -fsS "http://127.0.0.1:$http/sangdam/api/health" >/dev/null 2>&1; then up=1; break; fi
  if [[ -f "$base/log/server.log" ]] && grep -q 'WFLYSRV0026.*with errors\|WFLYCTL0013\|WFLYSRV0055' "$base/log/server.log"; then
    echo "server failed to start; see $base/log/server.log" >&2; tail -40 "$base/log/server.log" >&2; exit 1
  fi
  kill -0 "$launcher" 2>/dev/null || { echo "WildFly exited; see $base/console.log" >&2; tail -40 "$base/console.log" >&2; exit 1; }
  sleep 0.5
done
[[ -n "$up" ]] || { echo "server did not come up in 180 s" >&2; exit 1; }
[[ -z "$server_pid" && -f "$base/wildfly.pid" ]] && server_pid=$(cat "$base/wildfly.pid")
echo "WildFly up (pid $server_pid, log $base/log/server.log)"

java -Xmx512m -Dbench.sip.url="http://127.0.0.1:$http/sangdam" -Dbench.sip.sipPort=$((5060 + offset)) \
  -Dbench.sip.serverPid="$server_pid" -Dbench.sip.jfr="${BENCH_JFR:-1}" -Dbench.sip.dir="$run" \
  -Dbench.sip.scenarios="$here/sip" -Dbench.sip.out="$target/sip-results-$stamp.md" "$@" \
  -cp "$target/classes:$(cat "$target/driver.classpath")" org.sangdam.bench.sip.SipBench
echo "== figures ($target/sip-results-$stamp.md; SIPp files and JFR in $run)"
cat "$target/sip-results-$stamp.md"
