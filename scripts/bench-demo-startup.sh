#!/usr/bin/env bash
# Measures how long `./banyan demo` takes from launch until the console answers, from a built tree:
# once on an empty data directory (cold: initdb, generate the city, create departments and accounts),
# then R times on the same directory (warm: everything is there). Baseline, in the same run: the JVM
# starting the same jar for `--version`, the floor any command of the jar pays.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=18123
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

ready_after() {   # seconds from launch until /login answers 200
  local start end pid
  start=$(date +%s.%N)
  ./banyan demo --port $port --data-dir "$dir" > "$dir/demo.out" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://localhost:$port/login"; do
    sleep 0.2
    kill -0 $pid 2>/dev/null || { cat "$dir/demo.out"; exit 1; }
  done
  # The demo steps have finished when it prints the ready line.
  until grep -q "Banyan is ready" "$dir/demo.out"; do sleep 0.2; done
  end=$(date +%s.%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo "$end - $start" | bc
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

./banyan --version > /dev/null   # builds if needed, outside the measurement
cold=$(ready_after)
warm=$(for _ in $(seq "$runs"); do ready_after; done | median)
floor=$(for _ in $(seq "$runs"); do s=$(date +%s.%N); ./banyan --version > /dev/null; e=$(date +%s.%N); echo "$e - $s" | bc; done | median)
echo "| figure | median | baseline (jar start, --version) | ratio |"
echo "|---|---|---|---|"
printf "| demo ready, cold (empty data dir, generates the city) | %.1f s | %.1f s | %.1f× |\n" "$cold" "$floor" "$(echo "$cold / $floor" | bc -l)"
printf "| demo ready, warm (median of %d) | %.1f s | %.1f s | %.1f× |\n" "$runs" "$warm" "$floor" "$(echo "$warm / $floor" | bc -l)"
