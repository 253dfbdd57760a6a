#!/bin/sh
# tui.sh: drives the real brief binary in a private tmux server, like tmux's
# own regress tests: send keys, then poll capture-pane until the screen shows
# what is expected (never a fixed sleep).  TAP output.
#
# usage: sh tests/tui.sh path/to/brief

BRIEF=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TMP=$(mktemp -d "${TMPDIR:-/tmp}/brief-tui.XXXXXX")
SOCK=brief-test-$$
TMUX_CMD="tmux -u -L $SOCK -f /dev/null"
N=0
FAILED=0
ESC=$(printf '\033')

cleanup() {
	$TMUX_CMD kill-server 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

ok() {
	N=$((N + 1))
	echo "ok $N - $1"
}

not_ok() {
	N=$((N + 1))
	FAILED=$((FAILED + 1))
	echo "not ok $N - $1"
	echo "# screen:"
	screen | sed 's/^/#  /'
}

check() {
	# check DESCRIPTION COMMAND...: ok when the command succeeds.
	desc=$1
	shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}

screen() {
	$TMUX_CMD capture-pane -p -t brief 2>/dev/null
}

screen_e() {
	$TMUX_CMD capture-pane -p -e -t brief 2>/dev/null
}

# wait_for TEXT [SECONDS]: polls the screen until it contains TEXT.
wait_for() {
	i=0
	limit=$(( ${2:-15} * 20 ))
	while [ $i -lt $limit ]; do
		if screen | grep -qF -- "$1"; then
			return 0
		fi
		i=$((i + 1))
		sleep 0.05
	done
	return 1
}

# wait_gone TEXT [SECONDS]: polls until the screen no longer shows TEXT.
wait_gone() {
	i=0
	limit=$(( ${2:-15} * 20 ))
	while [ $i -lt $limit ]; do
		if ! screen | grep -qF -- "$1"; then
			return 0
		fi
		i=$((i + 1))
		sleep 0.05
	done
	return 1
}

keys() {
	$TMUX_CMD send-keys -t brief "$@"
}

# A shell in a pane of W x H columns, in the temporary directory.
start_shell() {
	$TMUX_CMD kill-session -t brief 2>/dev/null
	$TMUX_CMD new-session -d -s brief -x "$1" -y "$2" -c "$TMP" \
	    "env PS1='tui\$ ' LANG=C.UTF-8 sh"
	$TMUX_CMD resize-window -t brief -x "$1" -y "$2" 2>/dev/null
	wait_for 'tui$' 10
}

# run_brief DB [ENV...]: starts brief in the pane, then "EXIT=status".
run_brief() {
	db=$1
	shift
	keys "clear; env $* BRIEF_DB='$db' '$BRIEF'; echo EXIT=\$?" Enter
}

# Every row between a pane's top and bottom edge has its vertical borders in
# the same display columns as the corners (wide characters count two).
borders_aligned() {
	command -v python3 >/dev/null 2>&1 || return 0
	screen | python3 -c '
import sys, unicodedata
def cols(line, chars):
    out, col = [], 0
    for ch in line:
        if ch in chars:
            out.append(col)
        if unicodedata.combining(ch):
            continue
        col += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return out
rows = sys.stdin.read().split("\n")
tops = [i for i, r in enumerate(rows) if "\u250c" in r]
if not tops:
    sys.exit(1)
top = tops[0]
corners = cols(rows[top], "\u250c\u2510")
bottom = next((i for i in range(top + 1, len(rows)) if "\u2514" in rows[i]), None)
if bottom is None or cols(rows[bottom], "\u2514\u2518") != corners:
    sys.exit(1)
for r in rows[top + 1:bottom]:
    if cols(r, "\u2502") != corners:
        print("# misaligned:", r)
        sys.exit(1)
'
}

DB=$TMP/lib.db

# One server for the whole run; a session that keeps it alive.
i=0
while ! $TMUX_CMD has-session -t keep 2>/dev/null; do
	i=$((i + 1))
	if [ $i -gt 5 ]; then
		echo "1..0 # SKIP cannot start tmux"
		exit 0
	fi
	$TMUX_CMD new-session -d -s keep -x 80 -y 24 "exec sleep 100000" \
	    2>/dev/null
done
$TMUX_CMD set-option -g status off
$TMUX_CMD set-option -g set-clipboard on

# 1-9: the first screen at three sizes and three terminal types.
for size in 40x12 80x24 200x50; do
	w=${size%x*}
	h=${size#*x}
	start_shell "$w" "$h"
	run_brief "$DB" TERM=xterm-256color
	check "$size first screen shows the outline and section I." \
	    wait_for 'I. 초불확실성'
	check "$size outline pane is drawn" wait_for 'Outline'
	check "$size borders stay in their columns" borders_aligned
	keys q
	wait_for 'EXIT=0' >/dev/null
done

for term in xterm-256color screen-256color vt100; do
	start_shell 80 24
	run_brief "$DB" TERM=$term
	check "TERM=$term first screen" wait_for '┌ Outline'
	check "TERM=$term selection is visible (reverse or colour)" \
	    sh -c "$TMUX_CMD capture-pane -p -e -t brief | grep -q '$ESC\[[0-9;]*[47][0-9]*m'"
	keys q
	check "TERM=$term q exits 0" wait_for 'EXIT=0'
done

# Drilling down V. -> 1. -> 3): expand, drill, expand, drill, down twice.
start_shell 100 30
run_brief "$DB" TERM=xterm-256color
wait_for 'I. 초불확실성' >/dev/null
keys G Enter
wait_for '▾V.' >/dev/null
keys Enter
wait_for '› 1. 미일' >/dev/null
keys Enter
wait_for '1) 반도체' >/dev/null
keys Enter j j
check "drilling V. 1. 3) shows Framework Agreement" \
    wait_for 'Framework Agreement'
check "breadcrumb names 3) 우주" wait_for '› 3) 우주'
check "drilled screen keeps its borders" borders_aligned

# Search a two-syllable Korean word.
keys /
wait_for '┌ Search' >/dev/null
keys 반도체
check "search lists hits as you type" wait_for 'Search "반도체":'
check "search lists section 1) 반도체" wait_for '5.1.1'
keys Enter Enter
check "Enter opens the hit" wait_gone '┌ Search'
check "the match is highlighted" \
    sh -c "$TMUX_CMD capture-pane -p -e -t brief | grep -q '$ESC\[[0-9;]*m반도체'"
first=$(screen | head -1)
i=0
while [ $i -lt 30 ] && [ "$(screen | head -1)" = "$first" ]; do
	keys n
	sleep 0.1
	i=$((i + 1))
done
check "n moves on to the next section with matches" \
    test "$(screen | head -1)" != "$first"
check "the match there is highlighted" \
    sh -c "$TMUX_CMD capture-pane -p -e -t brief | grep -q '$ESC\[[0-9;]*m반도체'"
keys Escape
keys '?'
check "? shows the help" wait_for 'this help'
keys q
check "q closes the help" wait_gone 'this help'

# Export the current section, then again (asks before overwriting).
keys e
check "e asks for a file name" wait_for 'Export to:'
keys Enter
check "export reports success" wait_for 'exported'
check "export wrote the file" sh -c "ls '$TMP' | grep -q '^japan-tech-competition-.*\.txt$'"
keys e Enter
check "export asks before overwriting" wait_for 'overwrite? (y/n)'
keys y
check "overwrite reports success" wait_for 'exported'
keys e Enter
wait_for 'overwrite? (y/n)' >/dev/null
keys n
check "n keeps the file" wait_for 'not exported'

# Resize 120 -> 50 -> 120 columns.
$TMUX_CMD resize-window -t brief -x 120 -y 30
check "120 columns: two panes" wait_for '┐┌'
check "120 columns: borders aligned" borders_aligned
$TMUX_CMD resize-window -t brief -x 50 -y 30
check "50 columns: one pane at a time" wait_gone '┐┌'
check "50 columns: borders aligned" borders_aligned
$TMUX_CMD resize-window -t brief -x 120 -y 30
check "back to 120 columns: two panes" wait_for '┐┌'
check "back to 120 columns: borders aligned" borders_aligned
$TMUX_CMD resize-window -t brief -x 30 -y 8
check "30x8 asks for a bigger terminal" wait_for 'brief needs at least 40x10'
$TMUX_CMD resize-window -t brief -x 100 -y 30
check "a usable size draws the panes again" wait_for '┐┌'

# Too small: keys do not reach a prompt that cannot be seen; Esc cancels it.
keys e
wait_for 'Export to:' >/dev/null
$TMUX_CMD resize-window -t brief -x 30 -y 8
wait_for 'brief needs at least 40x10' >/dev/null
keys x Enter
$TMUX_CMD resize-window -t brief -x 100 -y 30
check "too small: Enter does not accept the hidden prompt" \
    wait_for 'Export to: japan'
check "too small: nor is text typed into it" \
    sh -c "! $TMUX_CMD capture-pane -p -t brief | grep -q 'txtx'"
$TMUX_CMD resize-window -t brief -x 30 -y 8
wait_for 'brief needs at least 40x10' >/dev/null
keys Escape
$TMUX_CMD resize-window -t brief -x 100 -y 30
wait_for '┐┌' >/dev/null
check "too small: Esc cancels the prompt" wait_gone 'Export to:'
$TMUX_CMD resize-window -t brief -x 30 -y 8
wait_for 'brief needs at least 40x10' >/dev/null
keys q
check "too small: q exits 0" wait_for 'EXIT=0'

# NO_COLOR: matches in bold and underline, selection in reverse.
start_shell 100 30
run_brief "$DB" TERM=xterm-256color NO_COLOR=1
wait_for 'I. 초불확실성' >/dev/null
check "NO_COLOR selection is reverse" \
    sh -c "$TMUX_CMD capture-pane -p -e -t brief | grep -q '$ESC\[[0-9;]*7m'"
keys / 우주
wait_for 'Search "우주":' >/dev/null
keys Enter Enter
wait_gone '┌ Search' >/dev/null
check "NO_COLOR match is underlined" \
    sh -c "$TMUX_CMD capture-pane -p -e -t brief | grep -q '$ESC\[[0-9;]*4[0-9;]*m'"
check "NO_COLOR uses no colours" \
    sh -c "! $TMUX_CMD capture-pane -p -e -t brief | grep -q '$ESC\[3[0-7]m'"
keys q
wait_for 'EXIT=0' >/dev/null

# Leaving the search gives the focus back: after / Esc from the results,
# and after a search without hits, j moves in the outline again.
start_shell 100 30
run_brief "$DB" TERM=xterm-256color
wait_for 'I. 초불확실성' >/dev/null
keys /
wait_for '┌ Search' >/dev/null
keys 일본
wait_for 'Search "일본":' >/dev/null
keys Enter /
keys Escape
wait_gone '┌ Search' >/dev/null
keys j
check "/ Esc from the results: j moves in the outline" \
    wait_for '┌ II. 기술 경쟁-경제안보 연계'
keys /
wait_for '┌ Search' >/dev/null
keys 일본
wait_for 'Search "일본":' >/dev/null
keys Enter / xqzv
wait_for 'Search "xqzv":' >/dev/null
keys Enter
check "a search without hits says so" wait_for 'no matches for xqzv'
keys j
check "... and j moves in the outline again" \
    wait_for '┌ III. 기술-산업정책 연계'
keys q
wait_for 'EXIT=0' >/dev/null

# A briefing full of escape sequences changes nothing in the terminal.
EDB=$TMP/escapes.db
ZW=$(printf '\342\200\213')
{
	printf '# Escapes\n\nESCAPE-FIXTURE \033]0;pwned-title\007 title, \033[31mred\033[0m, \033]52;c;aGFja2Vk\007 clipboard, \033[2J clear.\n\n'
	# Zero-width spaces (U+200B) take no column: words run together.
	printf 'ZERO%sWIDTH%s' "$ZW" "$ZW"
	i=0
	while [ $i -lt 40 ]; do
		printf '가나다%s' "$ZW"
		i=$((i + 1))
	done
	printf '\n'
} >"$TMP/escapes.md"
BRIEF_DB=$EDB "$BRIEF" import "$TMP/escapes.md" >/dev/null 2>&1
start_shell 100 30
$TMUX_CMD select-pane -t brief -T brief-test-title
run_brief "$EDB" TERM=xterm-256color
wait_for 'Library' >/dev/null
keys G
check "a briefing's row lists its sections before it is opened" \
    wait_for '▸ Escapes'
keys Enter
wait_for '▾' >/dev/null
keys G
check "escape fixture is shown" wait_for 'ESCAPE-FIXTURE'
check "zero-width spaces draw nothing" wait_for '│ ZEROWIDTH가나다가나다'
check "pane title unchanged" \
    test "$($TMUX_CMD display-message -p -t brief '#{pane_title}')" = brief-test-title
check "no clipboard set through OSC 52" \
    test -z "$($TMUX_CMD list-buffers 2>/dev/null)"
check "no red leaks from content" \
    sh -c "! $TMUX_CMD capture-pane -p -e -t brief | grep -q '$ESC\[31m'"
check "escape screen keeps its borders" borders_aligned
keys q
wait_for 'EXIT=0' >/dev/null

# Ctrl-Z suspends brief to the shell; fg brings it back, redrawn.
start_shell 80 24
run_brief "$DB" TERM=xterm-256color
wait_for 'I. 초불확실성' >/dev/null
keys C-z
check "Ctrl-Z suspends to the shell" wait_for 'EXIT=14'
keys clear Enter
wait_gone 'I. 초불확실성' >/dev/null
keys fg Enter
check "fg redraws the screen" wait_for 'I. 초불확실성'
check "... with its borders" borders_aligned
keys q
wait_for 'tui$' >/dev/null

# The mouse: a click selects an outline row, the wheel scrolls the text.
start_shell 100 30
run_brief "$DB" TERM=xterm-256color
wait_for 'I. 초불확실성' >/dev/null
row=$(screen | grep -n 'III\. 기술-산업정책' | head -1 | cut -d: -f1)
keys -l "${ESC}[<0;6;${row}M${ESC}[<0;6;${row}m"
check "a click on an outline row opens that section" \
    wait_for '┌ III. 기술-산업정책 연계'
first=$(screen | sed -n 4p)
keys -l "${ESC}[<65;60;10M${ESC}[<65;60;10M${ESC}[<65;60;10M"
check "the wheel scrolls the text" wait_gone "$first"
keys q
wait_for 'EXIT=0' >/dev/null

# A library of 200 briefings (after the bundled one), imported in one call:
# the outline reads their records a chunk at a time, so the end of the list
# and search hits far into it must still show the right briefing.
MDB=$TMP/many.db
mkdir "$TMP/many"
i=1
while [ $i -le 200 ]; do
	n=$(printf '%03d' $i)
	printf -- '---\ntitle: Briefing %s\n---\n# Summary %s\n\nBody of briefing %s, word%s.\n\n# Details %s\n\nMore text.\n' \
	    "$n" "$n" "$n" "$n" "$n" >"$TMP/many/b$n.md"
	i=$((i + 1))
done
BRIEF_DB=$MDB "$BRIEF" import "$TMP"/many/*.md >/dev/null 2>&1
start_shell 80 24
run_brief "$MDB" TERM=xterm-256color
check "200 briefings: the first screen lists the first ones" \
    wait_for '▸Briefing 002'
keys G
check "200 briefings: G reaches the last briefing's row" \
    wait_for '▶▸Briefing 200'
check "200 briefings: its title is in the breadcrumb" \
    wait_for 'brief › Briefing 200'
check "200 briefings: rows before it are drawn" wait_for '▸Briefing 185'
check "200 briefings: borders aligned at the end" borders_aligned
keys k
check "200 briefings: k moves to the one before" \
    wait_for '▶▸Briefing 199'
keys g g
wait_gone '▸Briefing 185' >/dev/null
check "200 briefings: gg is back on the first row" \
    sh -c "$TMUX_CMD capture-pane -p -t brief | sed -n 3p | grep -q '^│▶'"
keys q
wait_for 'EXIT=0' >/dev/null
start_shell 80 24
run_brief "$MDB" TERM=xterm-256color
wait_for '▸Briefing 002' >/dev/null
keys / word200
wait_for 'Search "word200": 1 hit' >/dev/null
keys Enter Enter
check "200 briefings: a hit in the last briefing opens it" \
    wait_for 'brief › Briefing 200 › Summary 200'
check "... with the cursor on its section" wait_for '▶   Summary 200'
check "... under its expanded briefing" wait_for '▾Briefing 200'
check "... and borders aligned" borders_aligned
keys / word100
wait_for 'Search "word100": 1 hit' >/dev/null
keys Enter Enter
check "200 briefings: a hit in a middle briefing opens it" \
    wait_for 'brief › Briefing 100 › Summary 100'
check "... with the cursor on its section" wait_for '▶   Summary 100'
keys q
wait_for 'EXIT=0' >/dev/null

# kill -TERM restores the terminal.
start_shell 80 24
run_brief "$DB" TERM=xterm-256color
wait_for 'I. 초불확실성' >/dev/null
pid=$(pgrep -P "$($TMUX_CMD display-message -p -t brief '#{pane_pid}')" | head -1)
kill -TERM "$pid" 2>/dev/null
check "kill -TERM exits with 143" wait_for 'EXIT=143'
keys "stty -a >stty.out; echo STTY-DONE" Enter
wait_for 'STTY-DONE' >/dev/null
wait_for 'tui$' >/dev/null
check "the shell prompt is back" sh -c "$TMUX_CMD capture-pane -p -t brief | grep -q 'tui\\$'"
check "the terminal echoes and reads lines again" \
    sh -c "grep -qw icanon '$TMP/stty.out' && ! grep -qw -- -icanon '$TMP/stty.out' && ! grep -qw -- -echo '$TMP/stty.out'"

echo "1..$N"
[ $FAILED -eq 0 ]
