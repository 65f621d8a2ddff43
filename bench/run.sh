#!/usr/bin/env bash
# Builds the benchmark jar and runs one benchmark, e.g.  bench/run.sh disk --commands 100000 --threads 4
set -euo pipefail
cd "$(dirname "$0")/.."
# The repackaged jar is only rebuilt when it is missing: a change in another module alone would leave it stale.
rm -f bench/target/jinlin-bench.jar bench/target/jinlin-bench.jar.original
mvn -B -q -Pbench -DskipTests install
exec java -Xmx2g -jar bench/target/jinlin-bench.jar "$@"
