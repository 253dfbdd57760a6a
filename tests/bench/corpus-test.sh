#!/bin/sh
# brief-corpus: the same seed gives the same bytes, and what it writes
# imports as briefings with outlines (TAP).  Usage: corpus-test.sh CORPUS BRIEF
set -u
corpus=$1 brief=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM HUP

n=0
ok() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}

echo 1..7
"$corpus" 3 "$tmp/a" 42 && "$corpus" 3 "$tmp/b" 42
ok $? "1.1 brief-corpus 3 DIR 42 runs twice"
cmp -s "$tmp/a/b00002.txt" "$tmp/b/b00002.txt" &&
    cmp -s "$tmp/a/queries.tsv" "$tmp/b/queries.tsv" &&
    [ "$(cat "$tmp/a"/* | cksum)" = "$(cat "$tmp/b"/* | cksum)" ]
ok $? "1.2 the same seed gives the same bytes"
"$corpus" 3 "$tmp/c" 43 && ! cmp -s "$tmp/a/b00001.txt" "$tmp/c/b00001.txt"
ok $? "1.3 another seed gives another corpus"
size=$(wc -c <"$tmp/a/b00001.txt")
[ "$size" -gt 20000 ] && [ "$size" -lt 45000 ]
ok $? "1.4 a briefing is about 30 KB ($size bytes)"
[ "$(wc -l <"$tmp/a/queries.tsv")" -ge 1000 ] &&
    ! grep -qv '^[a-z0-9]*	[^	]*$' "$tmp/a/queries.tsv"
ok $? "1.5 queries.tsv: at least 1,000 CLASS<TAB>QUERY lines"

export BRIEF_DB="$tmp/lib.db"
"$brief" import "$tmp"/a/b*.txt >"$tmp/out" 2>&1
ok $? "2.1 the briefings import"
"$brief" outline b00001 >"$tmp/outline" 2>&1 &&
    grep -q '	I\. ' "$tmp/outline" && grep -q '	  1\. ' "$tmp/outline" &&
    grep -q '	    1) ' "$tmp/outline"
ok $? "2.2 their outlines have I., 1. and 1) levels"
