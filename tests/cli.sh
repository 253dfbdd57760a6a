#!/bin/sh
# Command-line tests: the contract of DESIGN.md section 2 and bad input on
# purpose, driving the real binary.  Prints TAP.
# Usage: sh cli.sh BRIEF
set -u

BRIEF=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
T=$(mktemp -d "${TMPDIR:-/tmp}/brief-cli.XXXXXX")
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT INT TERM
export BRIEF_DB="$T/lib.db" XDG_DATA_HOME="$T/xdg" LC_ALL=C.UTF-8
unset NO_COLOR

. "$(dirname "$0")/tap.sh"
need python3 sqlite3 /usr/bin/time
plan 42
run() {		# run ARGS...: exit status in $rc, output in $T/out, $T/err
	"$BRIEF" "$@" >"$T/out" 2>"$T/err" </dev/null
	rc=$?
}
has() { grep -q -- "$1" "$T/$2"; }
is() { [ "$1" = "$2" ]; }

# 1. First run: the bundled briefing is imported without set-up.
run list
ok $(is $rc 0; echo $?) "1.1 list exits 0 on a new library"
printf 'japan-tech-competition\t11\t일본의 기술 경쟁 전략\n' >"$T/want"
ok $(cmp -s "$T/want" "$T/out"; echo $?) "1.2 list prints SLUG TAB SECTIONS TAB TITLE"
run outline
ok $(is "$(cut -f1 "$T/out" | tr '\n' ' ')" \
	"1 2 3 4 5 5.1 5.1.1 5.1.2 5.1.3 5.1.4 5.2 "; echo $?) "1.3 outline paths"
cat >"$T/want" <<'OUT'
1	I. 초불확실성 시대 기술 경쟁의 부상과 일본
2	II. 기술 경쟁-경제안보 연계
3	III. 기술-산업정책 연계
4	IV. 기술 경쟁과 기술 혁신 전략의 재편
5	V. 한미일 관계의 디지털 지정학
5.1	  1. 미일 협력
5.1.1	    1) 반도체
5.1.2	    2) 사이버
5.1.3	    3) 우주
5.1.4	    4) 양자 컴퓨터
5.2	  2. 한미일 협력: 심화와 확대 사이의 균형
OUT
ok $(cmp -s "$T/want" "$T/out"; echo $?) "1.4 outline: labels, titles, indentation"
run outline japan-tech-competition
ok $(cmp -s "$T/want" "$T/out"; echo $?) "1.5 outline BRIEFING"
run outline nosuch
ok $(is $rc 65 && has japan-tech-competition err; echo $?) "1.6 outline of an unknown briefing lists the known ones"

# 2. show: sections by path, topic and BRIEFING:PATH.
run show security
ok $(is $rc 0 && head -1 "$T/out" | grep -q '^II. 기술 경쟁-경제안보 연계$'; echo $?) \
	"2.1 show security prints section II."
run show 2
cp "$T/out" "$T/by-path"
run show japan-tech-competition:2
ok $(cmp -s "$T/out" "$T/by-path"; echo $?) "2.2 show BRIEFING:PATH is show PATH"
run show 5.1.3
ok $(is $rc 0 && has 'Framework Agreement' out && ! has '양자 컴퓨터' out; echo $?) \
	"2.3 show 5.1.3 is the space section alone"
run show 5
ok $(has '^1) 반도체' out && has '^2. 한미일 협력' out; echo $?) "2.4 show 5 includes its sub-sections"
run show securty
ok $(is $rc 65 && has 'security' err; echo $?) "2.5 an unknown topic suggests a close one"
run show 9
ok $(is $rc 65 && grep -q '^brief: ' "$T/err"; echo $?) "2.6 an unknown path is an error on stderr"
run show 5.1.3 --width 0
ok $(is "$(grep -c . "$T/out")" 3 && is "$(sed -n 4p "$T/out" | cut -c1-9)" "일본은" &&
	has '데 있다. 또한' out; echo $?) "2.7 --width 0: one paragraph per line"

# 3. Width: no line wider than N unless it is a single word.
bad=0
for w in 20 27 33 40 52 61 80 97 120; do
	"$BRIEF" show 5 --width $w >"$T/w" 2>&1 || bad=1
	python3 - "$w" "$T/w" <<'PY' || bad=1
import sys, unicodedata
w = int(sys.argv[1])
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in 'WF' else
               0 if unicodedata.combining(c) else 1 for c in s)
for line in open(sys.argv[2], encoding='utf-8'):
    line = line.rstrip('\n')
    if width(line) > w and ' ' in line and not set(line) <= set('=-'):
        print('# too wide at', w, ':', line); sys.exit(1)
PY
done
ok $bad "3.1 show --width N for N in 20..120 keeps every line within N"

# 4. Usage and errors.
run --help
ok $(is $rc 0 && has 'brief search' out; echo $?) "4.1 --help to stdout, exit 0"
run --version
ok $(is $rc 0 && has '^brief [0-9]' out; echo $?) "4.2 --version"
run frobnicate
ok $(is $rc 64 && has '^brief: frobnicate: ' err; echo $?) "4.3 an unknown command is a usage error"
run show
ok $(is $rc 64; echo $?) "4.4 show without SECTION is a usage error"
run list --limit 3
ok $(is $rc 64; echo $?) "4.5 an option of another command is a usage error"
run show 1 --width abc
ok $(is $rc 64; echo $?) "4.6 --width must be a number"
"$BRIEF" list </dev/null >/dev/full 2>"$T/err"; rc=$?
ok $(is $rc 74 && has 'cannot write' err; echo $?) "4.7 a full stdout is an I/O error"
TERM=dumb "$BRIEF" </dev/null >"$T/out" 2>"$T/err"; rc=$?
ok $(is $rc 64 && has 'search' err && has 'export' err; echo $?) \
	"4.8 without a terminal the UI refuses and names the subcommands"

# 5. Import: bad input on purpose.  The library must be unchanged after each.
run list; cp "$T/out" "$T/before"
unchanged() { "$BRIEF" list >"$T/now" 2>&1 && cmp -s "$T/before" "$T/now"; }
run import "$T/missing.txt"
ok $(is $rc 66 && unchanged; echo $?) "5.1 a missing file: 66, library unchanged"
mkdir "$T/dir"
run import "$T/dir"
ok $(is $rc 66 && has 'directory' err && unchanged; echo $?) "5.2 a directory: 66"
: >"$T/empty.txt"
run import "$T/empty.txt"
ok $(is $rc 65 && unchanged; echo $?) "5.3 an empty file: 65"
head -c 4096 /dev/urandom >"$T/binary.txt"; printf '\0\0\0' >>"$T/binary.txt"
run import "$T/binary.txt"
ok $(is $rc 65 && unchanged; echo $?) "5.4 a binary file: 65"
printf 'I. 제목\n\n첫 줄\n둘째\0줄\n' >"$T/nul.txt"
run import "$T/nul.txt"
ok $(is $rc 65 && has 'binary data at line 4' err && unchanged; echo $?) \
	"5.5 a NUL byte in the first block: a binary file, refused (65) naming its line"
printf '# 제목\n\n좋은 \377\376 텍스트\n' >"$T/bad-utf8.md"
run import "$T/bad-utf8.md"
ok $(is $rc 0 && has 'replaced 2 invalid' err && has 'line 3' err &&
	"$BRIEF" show bad-utf8:1 --width 0 | grep -qx '좋은 �� 텍스트'; echo $?) \
	"5.6 invalid UTF-8 is replaced by U+FFFD, one per byte, and reported with its line"
printf '# Escapes\n\nA \033]0;pwned\007 title \033[31mred\033[0m and \033]52;c;aGk=\007 clip\n' >"$T/esc.md"
run import "$T/esc.md"
"$BRIEF" show esc:1 >"$T/out" 2>&1
ok $(! grep -q "$(printf '\033')" "$T/out" && has 'red' out; echo $?) \
	"5.7 escape sequences are stored and printed inert"
head -c 20000000 /dev/zero | tr '\0' 'a' >"$T/huge.txt"
/usr/bin/time -f '%M' -o "$T/rss" "$BRIEF" import "$T/huge.txt" >"$T/out" 2>"$T/err"; rc=$?
ok $(is $rc 0 && [ "$(cat "$T/rss")" -lt 400000 ]; echo $?) \
	"5.8 a 20 MB single-line file imports with bounded memory ($(cat "$T/rss") KB)"
run import "$T/esc.md"
ok $(is $rc 0 && has 'already' out; echo $?) "5.9 re-importing the same file adds nothing"

printf '# One\n\nfirst file\n' >"$T/one.md"
printf '# Two\n\nsecond file\n' >"$T/two.md"
run import "$T/one.md" "$T/binary.txt" "$T/two.md"
ok $(is $rc 65 && has 'added as one' out && has 'added as two' out &&
	has 'binary.txt' err; echo $?) "5.10 a batch imports the good files and names the bad one"

printf 'Opening words prefaceword before any heading, long enough to be no byline.\n\nI. First\n\nBody.\n' >"$T/pre.txt"
run import "$T/pre.txt"
run outline pre
ok $(is "$(cut -f1 "$T/out" | tr '\n' ' ')" "0 1 " &&
	"$BRIEF" search prefaceword | grep -q '^pre:0	'; echo $?) \
	"5.11 text before the first heading is section 0, searchable"

# 6. Several briefings: paths need the slug, search prints it.
run show 1
ok $(is $rc 65 && has 'ambiguous' err; echo $?) "6.1 a bare path is ambiguous with several briefings"
run show japan-tech-competition:security
ok $(is $rc 0 && has '^II\.' out; echo $?) "6.2 BRIEFING:topic"

# 7. The library file itself.
head -c 8192 /dev/urandom >"$T/corrupt.db"
"$BRIEF" --db "$T/corrupt.db" list >"$T/out" 2>"$T/err"; rc=$?
ok $(is $rc 65 && has 'not a brief library' err; echo $?) "7.1 a corrupt library: a clear error"
sqlite3 "$T/other.db" 'CREATE TABLE t(x); INSERT INTO t VALUES (1);' 2>/dev/null
"$BRIEF" --db "$T/other.db" list >"$T/out" 2>"$T/err"; rc=$?
ok $(is $rc 65 && has 'not a brief library' err; echo $?) "7.2 another program's database is left alone"
"$BRIEF" --db "$T/ro.db" list >/dev/null 2>&1
chmod 0444 "$T/ro.db"
"$BRIEF" --db "$T/ro.db" outline >"$T/out" 2>"$T/err"; rc=$?
ok $(is $rc 0 && has '5.1.3' out; echo $?) "7.3 a read-only library can still be read"

# 7.4-7.6: another process holds the write lock (sqlite3, fed through a
# FIFO, keeps its transaction open until told to commit).  In WAL mode a
# reader is not blocked and sees the committed state; a second writer waits
# in the busy timeout (seen asleep in it) and lands once the lock is free.
LDB=$T/lock.db
"$BRIEF" --db "$LDB" list >/dev/null 2>&1
mkfifo "$T/sql"
sqlite3 "$LDB" <"$T/sql" >"$T/sql.out" 2>&1 &
sqlpid=$!
exec 3>"$T/sql"
echo "BEGIN EXCLUSIVE; UPDATE briefing SET title = 'uncommitted'; SELECT 'LOCKED';" >&3
poll() {	# poll COMMAND...: until it succeeds, 10 s at most
	i=0
	until "$@"; do
		i=$((i + 1))
		[ $i -gt 200 ] && return 1
		sleep 0.05
	done
}
asleep() {	# asleep PID: the process waits in a sleep (SQLite's busy handler)
	grep -q nanosleep "/proc/$1/wchan" 2>/dev/null ||
	    grep -qE '^(35|230) ' "/proc/$1/syscall" 2>/dev/null
}
poll grep -q LOCKED "$T/sql.out"
"$BRIEF" --db "$LDB" list >"$T/out" 2>"$T/err"; rc=$?
ok $(is $rc 0 && has '일본의 기술 경쟁 전략' out && ! has uncommitted out; echo $?) \
	"7.4 while another process holds the write lock, a reader reads the committed library"
printf '# Waited\n\nwritten after the lock\n' >"$T/waited.md"
"$BRIEF" --db "$LDB" import "$T/waited.md" >"$T/imp.out" 2>"$T/imp.err" &
imppid=$!
asleep_or_gone() { asleep "$1" || ! kill -0 "$1" 2>/dev/null; }
poll asleep_or_gone $imppid
kill -0 $imppid 2>/dev/null; waiting=$?
ok $waiting "7.5 a second writer waits for the lock instead of failing"
echo "COMMIT;" >&3
exec 3>&-
wait $sqlpid
wait $imppid; rc=$?
"$BRIEF" --db "$LDB" list >"$T/out" 2>"$T/err"
ok $(is $rc 0 && has 'added as waited' imp.out && has uncommitted out &&
	has '^waited	1	' out; echo $?) \
	"7.6 ... and imports once the lock is free, keeping the other's commit"
XDG_DATA_HOME="$T/xdg2" BRIEF_DB= "$BRIEF" list >"$T/out" 2>"$T/err"; rc=$?
ok $(is $rc 0 && [ -f "$T/xdg2/brief/library.db" ]; echo $?) "7.5 the default library lives under XDG_DATA_HOME"

done_testing
