#!/usr/bin/env bash
# Unpacks WildFly from the Maven Central zip and applies sangdam.cli, once per
# version of this set-up: a changed script or zip gives a fresh server, an
# unchanged one is left alone (with its data) so rebuilds stay fast.
set -euo pipefail
zip=$1 pgjar=$2 home=$3
here=$(cd "$(dirname "$0")" && pwd)
stamp=$(cat "$here/sangdam.cli" "$here/setup-wildfly.sh" | sha256sum | cut -c1-16)-$(stat -c %s "$zip")
marker="$home/.sangdam-setup"

if [[ -f "$marker" && "$(cat "$marker")" == "$stamp" ]]; then
  echo "WildFly at $home is already set up ($stamp)"
  exit 0
fi

rm -rf "$home" "$home.tmp"
mkdir -p "$home.tmp"
unzip -q "$zip" -d "$home.tmp"
mv "$home.tmp"/wildfly-* "$home"
rmdir "$home.tmp"

# PostgreSQL JDBC driver as a module (java.logging: the driver logs through JUL)
mod="$home/modules/org/postgresql/main"
mkdir -p "$mod"
cp "$pgjar" "$mod/postgresql.jar"
cat > "$mod/module.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<module xmlns="urn:jboss:module:1.9" name="org.postgresql">
  <resources>
    <resource-root path="postgresql.jar"/>
  </resources>
  <dependencies>
    <module name="java.logging"/>
    <module name="java.naming"/>
    <module name="java.sql"/>
    <module name="java.xml"/>
    <module name="jakarta.transaction.api"/>
  </dependencies>
</module>
XML

JAVA_OPTS="-Xmx512m" "$home/bin/jboss-cli.sh" --file="$here/sangdam.cli"
echo "$stamp" > "$marker"
echo "WildFly set up at $home"
