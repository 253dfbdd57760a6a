#!/bin/sh
# grow.sh: grows the corpus of a fuzz target with a real libFuzzer run.
# Builds the target with clang (-fsanitize=fuzzer,address,undefined), runs it
# for SECONDS starting from the kept corpus and the built-in seeds, then
# minimises the union back into tests/fuzz/corpus/TARGET/ with -merge=1.
# Inputs are at most 4 KB, so a corpus stays at a few hundred KB.  The
# suite replays the kept corpus through driver.c (tests/fuzz/meson.build).
# Usage: sh tests/fuzz/grow.sh BUILDDIR TARGET [SECONDS]
#   BUILDDIR is a configured meson build (for config.h and the driver build
#   of the target, which writes the seeds); TARGET is import, wrap, query
#   or path.
set -eu

build=$(cd "$1" && pwd)
target=$2
seconds=${3:-180}
src=$(cd "$(dirname "$0")/../.." && pwd)
corpus=$src/tests/fuzz/corpus/$target
work=$(mktemp -d "${TMPDIR:-/tmp}/brief-grow.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

lib=$(ls "$src"/src/*.c | grep -v -e '/main\.c$' -e '/cli[.-]')
clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
    -D_GNU_SOURCE -I"$build" -I"$src/src" -I"$src" \
    "$src/tests/fuzz/fuzz-$target.c" $lib -lsqlite3 -lunistring \
    -o "$work/fuzz-$target"

mkdir -p "$corpus" "$work/seeds" "$work/new"
ninja -C "$build" "tests/fuzz/fuzz-$target" >/dev/null
"$build/tests/fuzz/fuzz-$target" -w "$work/seeds"
cp "$corpus"/* "$work/new/" 2>/dev/null || true
(cd "$work" && ./"fuzz-$target" -max_len=4096 -max_total_time="$seconds" \
    -print_final_stats=1 new seeds) >"$work/run.log" 2>&1 || {
	tail -40 "$work/run.log"
	echo "grow: fuzz-$target failed; the crashing input is in the log" >&2
	exit 1
}
grep -E 'stat::number_of_executed_units|cov:' "$work/run.log" | tail -2
mkdir "$work/min"
(cd "$work" && ./"fuzz-$target" -merge=1 -max_len=4096 min new seeds) \
    >"$work/merge.log" 2>&1
# Keep names stable across runs: name each input by its content's hash.
rm -f "$corpus"/*
for f in "$work"/min/*; do
	cp "$f" "$corpus/$(sha1sum "$f" | cut -c1-16)"
done
echo "grow: $target: $(ls "$corpus" | wc -l) inputs, $(du -sk "$corpus" | cut -f1) KB"
