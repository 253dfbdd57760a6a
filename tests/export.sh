#!/bin/sh
# Export tests: every section of the bundled briefing in both formats at
# several widths, checked word by word against the library itself (read
# with SQLite, not through brief); the Markdown round trip; and failures
# that must leave no file behind.  Prints TAP.
# Usage: sh export.sh BRIEF
set -u

BRIEF=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
T=$(mktemp -d "${TMPDIR:-/tmp}/brief-export.XXXXXX")
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT INT TERM
export BRIEF_DB="$T/lib.db" LC_ALL=C.UTF-8

. "$(dirname "$0")/tap.sh"
need python3
plan 18

"$BRIEF" outline >"$T/outline" 2>"$T/err"
ok $? "1.1 the bundled briefing is in the library"

# 2. Every section, both formats, several widths: the words of the section
# and its sub-sections, in order, and no line wider than asked.
python3 - "$BRIEF" "$BRIEF_DB" "$T" >"$T/report" 2>"$T/err" <<'PY'
import sqlite3, subprocess, sys, unicodedata
brief, db, tmp = sys.argv[1:4]
con = sqlite3.connect(db)
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in 'WF' else
               0 if unicodedata.combining(c) else 1 for c in s)
def expected(path):
    words = []
    for sid, label, title in con.execute(
            "SELECT id, label, title FROM section WHERE path = ? OR path LIKE ? "
            "ORDER BY seq", (path, path + '.%')):
        words += (label + ' ' + title).split()
        for (text,) in con.execute(
                "SELECT text FROM paragraph WHERE section_id = ? ORDER BY ord", (sid,)):
            words += text.split()
    return words
title, byline = con.execute("SELECT title, byline FROM briefing").fetchone()
bad = 0
runs = 0
for (path,) in con.execute("SELECT path FROM section ORDER BY seq").fetchall():
    for fmt in ('text', 'markdown'):
        for w in (0, 24, 40, 63, 80, 120):
            out = subprocess.run([brief, 'export', path, '-o', '-', '--format', fmt,
                                  '--width', str(w)], capture_output=True, text=True)
            runs += 1
            lines = out.stdout.split('\n')
            if out.returncode != 0 or not out.stdout.endswith('\n'):
                print('# %s %s %d: exit %d' % (path, fmt, w, out.returncode)); bad += 1; continue
            cite = ' '.join(lines[:lines.index('')])
            if title not in cite or byline not in cite:
                print('# %s %s: no citation of the briefing first' % (path, fmt)); bad += 1
            body = [l for l in lines[lines.index(''):] if l and not set(l) <= set('=-')]
            got = []
            for l in body:
                if fmt == 'markdown':
                    l = l.lstrip('#').strip()
                    l = l[1:] if l.startswith('\\') else l
                got += l.split()
            # A line may break after a hyphen or between Japanese characters,
            # so compare the text without white space, and the words at width 0.
            want = expected(path)
            if ''.join(got) != ''.join(want) or (w == 0 and got != want):
                print('# %s %s %d: words differ' % (path, fmt, w)); bad += 1
            if w:
                for l in lines:
                    if (width(l) > w and ' ' in l.strip() and not set(l) <= set('=-')
                            and not l.startswith('#')):
                        print('# %s %d too wide: %s' % (path, w, l)); bad += 1
            if any(ord(c) < 32 and c != '\n' for c in out.stdout):
                print('# %s: control character' % path); bad += 1
            if unicodedata.normalize('NFC', out.stdout) != out.stdout:
                print('# %s: not NFC' % path); bad += 1
print('runs', runs)
sys.exit(1 if bad else 0)
PY
ok $? "2.1 every section in text and Markdown at widths 0..120: same words, in order, within the width ($(grep runs "$T/report" | cut -d' ' -f2) exports)"
grep '^#' "$T/report" | head -5

# 3. Markdown round trip: import the exported Markdown, compare outlines.
"$BRIEF" export 5 --format markdown -o "$T/five.md" 2>"$T/err"
ok $? "3.1 export 5 as Markdown to a file"
"$BRIEF" import "$T/five.md" >"$T/out" 2>"$T/err"
ok $? "3.2 the exported Markdown imports"
"$BRIEF" outline five | cut -f2 | sed 's/^ *//' >"$T/round" 2>"$T/err"
grep -E '^5(\.|	)' "$T/outline" | cut -f2 | sed 's/^ *//' >"$T/want"
ok $(cmp -s "$T/want" "$T/round"; echo $?) "3.3 ... with the same outline"
"$BRIEF" show five:1 --width 0 | grep -v '^[=-]*$' | tr -s ' \n' '\n\n' >"$T/round-words"
"$BRIEF" show 5 --width 0 2>/dev/null | grep -v '^[=-]*$' | tr -s ' \n' '\n\n' >"$T/want-words" ||
	"$BRIEF" show japan-tech-competition:5 --width 0 | grep -v '^[=-]*$' | tr -s ' \n' '\n\n' >"$T/want-words"
ok $(cmp -s "$T/want-words" "$T/round-words"; echo $?) "3.4 ... and the same words"

# 4. Safe writing.
S=japan-tech-competition:5.1.3
"$BRIEF" export $S -o "$T/space.txt" 2>"$T/err"
ok $? "4.1 export to a new file"
cp "$T/space.txt" "$T/space.orig"
echo mine >"$T/keep.txt"
"$BRIEF" export $S -o "$T/keep.txt" 2>"$T/err"; rc=$?
ok $([ $rc -eq 73 ] && grep -q 'exists' "$T/err" && [ "$(cat "$T/keep.txt")" = mine ]; echo $?) \
	"4.2 an existing file is kept without --force (73)"
"$BRIEF" export $S -o "$T/keep.txt" --force 2>"$T/err"
ok $(cmp -s "$T/keep.txt" "$T/space.orig"; echo $?) "4.3 --force replaces it"
"$BRIEF" export $S -o "$T/no/such/dir/x.txt" 2>"$T/err"; rc=$?
ok $([ $rc -eq 73 ] && grep -q 'x.txt' "$T/err"; echo $?) "4.4 a missing directory: 73, naming the file"
"$BRIEF" export $S -o "$T/space.txt/x.txt" 2>"$T/err"; rc=$?
ok $([ $rc -eq 73 ]; echo $?) "4.5 a file where a directory should be: 73"
"$BRIEF" export $S -o /dev/full 2>"$T/err"; rc=$?
ok $([ $rc -eq 74 ] && grep -qi 'space' "$T/err"; echo $?) "4.6 a full disk (/dev/full): 74, saying why"
"$BRIEF" export $S -o - >/dev/full 2>"$T/err"; rc=$?
ok $([ $rc -eq 74 ]; echo $?) "4.7 stdout on a full disk: 74"
# A directory brief cannot write to: without write permission, or, for
# root (who may write anywhere, and is how CI runs), a read-only tmpfs
# mounted there in a mount namespace of its own.
mkdir "$T/ro"
if [ "$(id -u)" -ne 0 ]; then
	chmod 0555 "$T/ro"
	ro_run() { "$@"; }
else
	ro_run() {
		unshare -m sh -c 'mount -t tmpfs -o ro,size=64k tmpfs "$0" &&
		    exec "$@"' "$T/ro" "$@"
	}
fi
ro_run "$BRIEF" export $S -o "$T/ro/x.txt" 2>"$T/err"; rc=$?
ok $([ $rc -eq 73 ] && grep -q 'x.txt' "$T/err" &&
	grep -qi -e 'permission denied' -e 'read-only file system' "$T/err" &&
	[ -z "$(ls -A "$T/ro")" ]; echo $?) \
	"4.8 a directory brief cannot write to: 73, naming the file and why"
ok $([ -z "$(find "$T" -name '.brief-export-*')" ]; echo $?) "4.9 no temporary file is left behind"
"$BRIEF" export $S </dev/null | head -1 >"$T/out"
ok $(grep -q '일본의 기술 경쟁 전략' "$T/out"; echo $?) "4.10 no -o into a pipe writes to stdout"
(cd "$T" && "$BRIEF" export nosuch 2>"$T/err"); rc=$?
ok $([ $rc -eq 65 ]; echo $?) "4.11 an unknown section: 65"
"$BRIEF" export $S --format pdf -o - 2>"$T/err"; rc=$?
ok $([ $rc -eq 64 ]; echo $?) "4.12 an unknown format: 64"

done_testing
