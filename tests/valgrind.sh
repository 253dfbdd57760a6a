#!/bin/sh
# Runs the command line under valgrind: for the reading commands, an import,
# a search and an export, brief's own exit status and output must be what
# the command promises, and valgrind must report no memory error and no
# leak (its report goes to a file of its own, apart from brief's stderr).
# A crash or an abort under valgrind is a failure.  Prints TAP.
# Usage: sh valgrind.sh BRIEF
set -u

BRIEF=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
T=$(mktemp -d "${TMPDIR:-/tmp}/brief-vg.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export BRIEF_DB="$T/lib.db" LC_ALL=C.UTF-8
. "$(dirname "$0")/tap.sh"
need valgrind

vg() {		# vg WANT_STATUS DESCRIPTION ARGS...: status in $rc
	want=$1 desc=$2
	shift 2
	rm -f "$T/vg.log"
	valgrind -q --leak-check=full --show-leak-kinds=definite,indirect \
	    --errors-for-leak-kinds=definite,indirect --error-exitcode=99 \
	    --log-file="$T/vg.log" "$BRIEF" "$@" >"$T/out" 2>"$T/err" </dev/null
	rc=$?
	if [ "$rc" -ne "$want" ] || [ -s "$T/vg.log" ]; then
		[ "$rc" -ne "$want" ] && echo "# exit status $rc, want $want"
		[ -s "$T/vg.log" ] && sed 's/^/#   valgrind: /' "$T/vg.log" | head -20
		return 1
	fi
	return 0
}
has() { grep -q -- "$1" "$T/$2"; }

plan 8
printf '# Note\n\nSome *text* with `code`.\n' >"$T/note.md"
vg 0 1 outline && has '^5.1.3	    3) 우주$' out
ok $? "1 brief outline (first run: imports the bundled briefing)"
vg 0 2 show 5 && [ "$(head -1 "$T/out")" = "V. 한미일 관계의 디지털 지정학" ] &&
    has '^1) 반도체' out
ok $? "2 brief show 5"
vg 0 3 list && [ "$(cut -f1,2 "$T/out")" = "japan-tech-competition	11" ]
ok $? "3 brief list"
vg 0 4 search 반도체 && has '^5\.1\.1	1) 반도체	.*\[반도체\]' out
ok $? "4 brief search 반도체"
vg 1 5 search 없는말쌈 && [ ! -s "$T/out" ]
ok $? "5 brief search with no hit: exit 1, nothing printed"
vg 0 6 export 5.1.3 --format markdown -o "$T/x.md" &&
    grep -q '^# .*3) 우주' "$T/x.md" && grep -q 'Framework Agreement' "$T/x.md"
ok $? "6 brief export 5.1.3 as Markdown"
vg 0 7 import "$T/note.md" && has 'note' out
ok $? "7 brief import a Markdown file"
vg 65 8 show nosuch && has '^brief: ' err
ok $? "8 brief show an unknown section: 65 and a message"
done_testing
