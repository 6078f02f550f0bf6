#!/usr/bin/env bash
# Media relay benchmark (issue #5): N bridged G.711 call pairs through the real RTP engine
# (org.sangdam.media.RtpMediaEngine) on loopback, in one JVM with the server's GC (ZGC), plus a
# direct phone-to-phone baseline and the playback ticker's jitter. No WildFly, no database.
# Not a test: nothing here runs in mvn verify. See bench/README.md ("Media relay").
#
#   ./sangdam bench media                                   100, 500 and 1,000 calls, 20 s each
#   ./sangdam bench media -Dbench.media.pairs=2000 -Dbench.media.seconds=60   other options: README
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$root"
[[ -n "${JAVA_HOME:-}" ]] || exec "$root/sangdam" bench media "$@"

target=$here/target
stamp=$(date +%Y%m%d-%H%M%S)
echo "== build (mvn package of the bench module and what it needs)"
mvn -B -q -DskipTests package -pl bench -am
# 1,000 calls = 2,000 legs (4,000 sockets with RTCP) + 2,000 phone sockets
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true   # as many as allowed (needs ~7,000)
echo "== media relay benchmark (figures also in $target/media-results-$stamp.md)"
# ejb/target/classes: the media engine decodes prompts with org.sangdam.media.domain (ejb), which the
# bench WAR gets from the EAR (provided scope), so it is not in driver.classpath
java -XX:+UseZGC -Xms1g -Xmx1g -cp "$target/classes:$root/ejb/target/classes:$(cat "$target/driver.classpath")" \
  -Dbench.media.out="$target/media-results-$stamp.md" "$@" org.sangdam.bench.media.MediaBench
