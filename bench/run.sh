#!/bin/sh
# `npm run bench [-- options]`: builds the benchmark and the gateway with tsc (type-checked), then runs
# it. The build goes to node_modules/.cache/realtimekit-bench (BENCH_BUILD_DIR overrides), which git,
# ESLint and Prettier ignore; Node reads .js files there as CommonJS unless a package.json says
# otherwise (a package scope ends at node_modules), hence the one written below. The gateway reads its
# SDL from ../schema beside its src/, hence the link.
set -e
cd "$(dirname "$0")/.."
out="${BENCH_BUILD_DIR:-node_modules/.cache/realtimekit-bench}"
npx tsc -p bench/tsconfig.json --outDir "$out" --incremental --tsBuildInfoFile "$out/.tsbuildinfo"
printf '{ "type": "module" }\n' > "$out/package.json"
ln -sfn "$(pwd)/schema" "$out/schema"
exec node "$out/bench/run.js" "$@"
