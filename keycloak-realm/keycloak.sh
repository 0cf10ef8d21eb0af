#!/usr/bin/env bash
# Fetches Keycloak (the dist zip from Maven Central, into a cache outside the source tree), imports
# the ydan realm and starts it in development mode on 127.0.0.1, waiting until the realm answers.
#
#   keycloak-realm/keycloak.sh start dev|test   start (or reuse) an instance and wait until ready
#   keycloak-realm/keycloak.sh stop  dev|test   stop it
#   keycloak-realm/keycloak.sh status dev|test  print its URL and whether it answers
#
# dev  : http://127.0.0.1:8180 (YDAN_KEYCLOAK_PORT), keeps its data between starts; the data is
#        wiped when ydan-realm.json changes (Keycloak skips importing a realm that exists).
# test : http://127.0.0.1:18180 (YDAN_TEST_KEYCLOAK_PORT), imports the realm afresh at every start.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
# shellcheck source=../scripts/jdk.sh
. "$root/scripts/jdk.sh"

version=26.7.3
cache=${YDAN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ydan}
action=${1:-}
instance=${2:-dev}

case "$instance" in
  dev) port=${YDAN_KEYCLOAK_PORT:-8180} ;;
  test) port=${YDAN_TEST_KEYCLOAK_PORT:-18180} ;;
  *) echo "usage: $0 start|stop|status dev|test" >&2; exit 2 ;;
esac
management_port=$((port + 1000))
kc_home="$cache/keycloak-$version-$instance"
url="http://127.0.0.1:$port"
pid_file="$kc_home/keycloak.pid"
log_file="$kc_home/keycloak.log"

ready() {
  curl -fs -o /dev/null --max-time 2 "$url/realms/ydan/.well-known/openid-configuration"
}

running_pid() {
  [ -f "$pid_file" ] || return 1
  local pid
  pid=$(cat "$pid_file")
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

install_dist() {
  [ -x "$kc_home/bin/kc.sh" ] && return 0
  local zip="$cache/keycloak-quarkus-dist-$version.zip"
  mkdir -p "$cache"
  if [ ! -f "$zip" ]; then
    echo "Keycloak $version: fetching the dist from Maven Central (177 MB, once)…"
    "$root/mvnw" -q -f "$root/pom.xml" -N dependency:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" -DoutputDirectory="$cache"
  fi
  local tmp
  tmp=$(mktemp -d "$cache/unpack.XXXXXX")
  unzip -q "$zip" -d "$tmp"
  mv "$tmp/keycloak-$version" "$kc_home"
  rmdir "$tmp"
}

import_realm() {
  local wanted current=""
  mkdir -p "$kc_home/data/import"
  wanted=$(sha256sum "$here/ydan-realm.json" | cut -d' ' -f1)
  [ -f "$kc_home/data/realm.sha256" ] && current=$(cat "$kc_home/data/realm.sha256")
  if [ "$instance" = test ] || [ "$wanted" != "$current" ]; then
    rm -rf "$kc_home/data/h2"
  fi
  cp "$here/ydan-realm.json" "$kc_home/data/import/ydan-realm.json"
  echo "$wanted" > "$kc_home/data/realm.sha256"
}

start() {
  if pid=$(running_pid) && ready; then
    echo "Keycloak ($instance) already running: $url (pid $pid)"
    return 0
  fi
  if ready; then
    echo "Port $port answers but is not our Keycloak ($instance); stop it first." >&2
    exit 1
  fi
  ydan_find_jdk
  install_dist
  import_realm
  echo "Keycloak ($instance): starting on $url (log: $log_file)…"
  local started=$SECONDS
  # setsid: its own process group, so that stop ends kc.sh and its java together.
  KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin} \
  KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin-dev-only} \
  JAVA_OPTS_KC_HEAP=${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx256m -XX:MaxMetaspaceSize=192m} \
    setsid "$kc_home/bin/kc.sh" start-dev \
      --http-host=127.0.0.1 --http-port="$port" --http-management-port="$management_port" \
      --hostname="$url" --health-enabled=true --import-realm \
      > "$log_file" 2>&1 < /dev/null &
  echo $! > "$pid_file"
  local timeout=${YDAN_KEYCLOAK_TIMEOUT:-300}
  until ready; do
    if ! running_pid > /dev/null; then
      echo "Keycloak ($instance) exited while starting; last lines of $log_file:" >&2
      tail -n 40 "$log_file" >&2
      exit 1
    fi
    if [ $((SECONDS - started)) -ge "$timeout" ]; then
      echo "Keycloak ($instance) not ready after ${timeout}s; last lines of $log_file:" >&2
      tail -n 40 "$log_file" >&2
      stop
      exit 1
    fi
    sleep 1
  done
  echo "Keycloak ($instance) ready at $url in $((SECONDS - started)) s"
}

stop() {
  local pid
  if pid=$(running_pid); then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    echo "Keycloak ($instance) stopped"
  fi
  rm -f "$pid_file"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  status)
    if ready; then echo "Keycloak ($instance): up at $url"; else echo "Keycloak ($instance): down ($url)"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status dev|test" >&2; exit 2 ;;
esac
