#!/bin/bash
# Measure a first start: remove DATA_DIR's saved index (default data/index), run `npm start`, and
# time the first 200 from POST /v1/rank and the moment /healthz reports index.state "ready".
# Usage: bash scripts/first-start.sh [port] [--no-build]   (from the repository root; stops the server
# it started). --no-build runs `node dist/entry/node.js` on the existing build instead of `npm start`,
# to tell the server's own first-start cost from the `tsc` build that `npm start` runs first.
set -u
port=${1:-18788}
cmd="npm start"
[ "${2:-}" = "--no-build" ] && cmd="node dist/entry/node.js"
rm -rf "${DATA_DIR:-data}/index"
log=$(mktemp)
t0=$(date +%s.%N)
echo "$cmd, load average $(cut -d' ' -f1-3 /proc/loadavg)"
PORT=$port $cmd > "$log" 2>&1 &
pid=$!
stop() { for c in $(pgrep -P "$pid"); do for g in $(pgrep -P "$c"); do kill "$g"; done; kill "$c"; done; kill "$pid" 2>/dev/null; }
trap stop EXIT
body='{"title":"Groundwater vulnerability","abstract":"We map groundwater vulnerability to nitrate pollution with machine learning and index methods in a semi-arid aquifer."}'
until [ "$(curl -s -o /dev/null -w '%{http_code}' -m 60 "127.0.0.1:$port/v1/rank" -H 'content-type: application/json' -d "$body")" = 200 ]; do sleep 0.2; done
t1=$(date +%s.%N)
echo "first POST /v1/rank 200 after $(echo "$t1 - $t0" | bc) s; /healthz: $(curl -s "127.0.0.1:$port/healthz")"
until curl -s "127.0.0.1:$port/healthz" | grep -q '"state":"ready"'; do sleep 1; done
t2=$(date +%s.%N)
echo "index ready after $(echo "$t2 - $t0" | bc) s"
