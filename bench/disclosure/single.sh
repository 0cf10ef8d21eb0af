#!/usr/bin/env bash
# usage: bench/disclosure/single.sh JAR — six single requests (one after another) of the console's publicResults.graphql and of the same commune table without fragments, before and after the Hanoi plan is applied (P=port, H=households; 2000; LOAD=seconds adds a 32-reader load of the console document)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. scripts/jdk.sh; ydan_find_jdk
jar=$1; port=${P:-18994}; issuer_port=$((port+1)); households=${H:-2000}
java_opts=$(sed -n 's/^api_java_opts=\${YDAN_API_JAVA_OPTS:-\(.*\)}$/\1/p' ydan)
work=$(mktemp -d); api=""; issuer=""
cleanup() { for pid in $api $issuer; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap "tail -40 \$work/api.log | grep -v \"^\\s*at \" | cut -c1-400; cleanup" EXIT
seq -f 'b-%06g' 1 "$households" > "$work/households"
java bench/consultations/BenchIssuer.java "$issuer_port" "$work/households" "$work/tokens" > "$work/issuer.log" 2>&1 &
issuer=$!
until grep -q '^ready' "$work/issuer.log"; do sleep 1; done
cp "$jar" "$work/api.jar"
YDAN_DATA_DIR=$work/data YDAN_API_PORT=$port YDAN_KEYCLOAK_URL=http://127.0.0.1:$issuer_port \
  YDAN_ENVIRONMENT=development java $java_opts -Dspring.profiles.active=bench -Dydan.demo-data.consultation=false \
  -Dydan.api.limits.enabled=false -jar "$work/api.jar" > "$work/api.log" 2>&1 &
api=$!; echo "api pid $api"
until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health"; do kill -0 $api || { tail -30 $work/api.log; exit 1; }; sleep 0.5; done
export BENCH_API=http://127.0.0.1:$port BENCH_TOKENS=$work/tokens BENCH_STATE=$work/state.json BENCH_THREADS=2
curl -s -m 60 -o /dev/null http://127.0.0.1:$issuer_port/realms/ydan/.well-known/openid-configuration; for try in 1 2 3; do python3 bench/consultations/setup.py prepare "$households" > "$work/prepare.txt" && break; sleep 5; done
consultation=$(tail -1 "$work/prepare.txt")
python3 bench/consultations/setup.py publish > /dev/null
document=$(tr '\n' ' ' < admin-ui/src/main/resources/graphql-documents/publicResults.graphql | sed 's/#[^q]*query/query/; s/"/\\"/g')
printf '{"query":"%s","variables":{"id":"%s"}}' "$document" "$consultation" > "$work/results.json"
printf '{"query":"query($id: ID!) { consultation(id: $id) { results { communes { unit { id code fullName parent { fullName } } households tookPart agree disagree agreeShare turnout outcome } } } }","variables":{"id":"%s"}}' "$consultation" > "$work/inline.json"
t() { for i in 1 2 3 4 5 6; do curl -s -o "$work/out.json" -w '%{time_total} ' -H 'Content-Type: application/json' --data @"$1" "http://127.0.0.1:$port/graphql"; done; echo " ($(head -c 120 $work/out.json))"; }
echo "before apply, console document: $(t $work/results.json)"
echo "before apply, inline commune table: $(t $work/inline.json)"
python3 bench/disclosure/apply.py
echo "after apply, console document: $(t $work/results.json)"
echo "after apply, inline commune table: $(t $work/inline.json)"
if [ -n "${LOAD:-}" ]; then
  echo "after apply, console document, 32 readers, ${LOAD} s: $(java bench/disclosure/Load.java body "http://127.0.0.1:$port/graphql" "$work/results.json" 32 "$LOAD")"
fi
