#!/bin/sh
# Runs the command line under valgrind: no memory errors and no leaks for
# the reading commands, an import, a search and an export.  Prints TAP.
# Usage: sh valgrind.sh BRIEF
set -u

BRIEF=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
if ! command -v valgrind >/dev/null 2>&1; then
	echo "1..0 # SKIP valgrind is not installed"
	exit 0
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/brief-vg.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export BRIEF_DB="$T/lib.db" LC_ALL=C.UTF-8
n=0
failed=0

vg() {		# vg DESCRIPTION ARGS...
	desc=$1
	shift
	n=$((n + 1))
	valgrind -q --leak-check=full --show-leak-kinds=definite,indirect \
	    --errors-for-leak-kinds=definite,indirect --error-exitcode=99 \
	    "$BRIEF" "$@" >"$T/out" 2>"$T/err" </dev/null
	if [ $? -eq 99 ]; then
		echo "not ok $n - $desc"
		sed 's/^/#   /' "$T/err" | head -20
		failed=$((failed + 1))
	else
		echo "ok $n - $desc"
	fi
}

printf '# Note\n\nSome *text* with `code`.\n' >"$T/note.md"
vg "1 brief outline (first run: imports the bundled briefing)" outline
vg "2 brief show 5" show 5
vg "3 brief list" list
vg "4 brief search 반도체" search 반도체
vg "5 brief search with no hit" search 없는말쌈
vg "6 brief export 5.1.3 as Markdown" export 5.1.3 --format markdown -o "$T/x.md"
vg "7 brief import a Markdown file" import "$T/note.md"
vg "8 brief show an unknown section" show nosuch
echo "1..$n"
[ $failed -eq 0 ]
