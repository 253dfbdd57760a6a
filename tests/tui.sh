#!/bin/sh
# tui.sh: drives the real brief binary in a private tmux server, like tmux's
# own regress tests: send keys, then poll capture-pane until the screen shows
# what is expected (never a fixed sleep).  Attributes are read cell by cell
# (tests/screen.py parses capture-pane -e): the selected row, each match,
# the current match.  A check that something is absent is made on a screen
# that has also shown what proves brief drew it, or after a round trip
# through the help overlay (sync), so it cannot pass on a half-drawn screen.
# A wait fails at once when brief has exited, and after one failed wait the
# others are short, so a broken terminal cannot hang the run.  TAP output.
#
# usage: sh tests/tui.sh path/to/brief

BRIEF=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/tap.sh"
need tmux python3
TMP=$(mktemp -d "${TMPDIR:-/tmp}/brief-tui.XXXXXX")
T=$TMP
SOCK=brief-test-$$
TMUX_CMD="tmux -u -L $SOCK -f /dev/null"
ESC=$(printf '\033')
RUNNING=0	# 1 while brief should be running in the pane
MISSED=0	# waits that failed so far

cleanup() {
	$TMUX_CMD kill-server 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# check DESCRIPTION COMMAND...: ok when the command succeeds; else its
# output (the reason) and the screen.
check() {
	desc=$1
	shift
	n=$((n + 1))
	if "$@" >"$TMP/why" 2>&1; then
		echo "ok $n - $desc"
		return 0
	fi
	failed=$((failed + 1))
	echo "not ok $n - $desc"
	sed 's/^/# /' "$TMP/why"
	echo "# screen:"
	screen | sed 's/^/#  /'
	return 0
}

screen() {
	$TMUX_CMD capture-pane -p -t brief 2>/dev/null
}

screen_e() {
	$TMUX_CMD capture-pane -p -e -t brief 2>/dev/null
}

# A failed wait: after the first the others are short; after many the
# terminal is not answering and the run stops.
missed() {
	MISSED=$((MISSED + 1))
	echo "# waited in vain: $1"
	if [ $MISSED -gt 8 ]; then
		echo "Bail out! $MISSED waits failed: the terminal does not answer"
		exit 1
	fi
}

# poll TEST ARG...: runs TEST until it succeeds, 10 s at most (2 s after a
# failed wait); fails at once when brief exited while it should run.
poll() {
	i=0
	limit=$([ $MISSED -eq 0 ] && echo 200 || echo 40)
	while ! "$@"; do
		if [ $RUNNING -eq 1 ] && screen | grep -q 'EXIT=[0-9]'; then
			RUNNING=0
			missed "brief exited: $*"
			return 1
		fi
		i=$((i + 1))
		if [ $i -ge $limit ]; then
			missed "$*"
			return 1
		fi
		sleep 0.05
	done
}

shows() { screen | grep -qF -- "$1"; }
last_line_is() { [ "$(screen | tail -1)" = "$1" ]; }
lacks() { ! screen | grep -qF -- "$1"; }

# wait_for TEXT: polls until the screen shows TEXT.  Waiting for EXIT=
# means brief is expected to exit.
wait_for() {
	case $1 in EXIT=*) RUNNING=0 ;; esac
	poll shows "$1"
}

# wait_gone TEXT: polls until the screen no longer shows TEXT.
wait_gone() {
	poll lacks "$1"
}

# cells CMD ARG...: tests/screen.py on the last snapshot ($TMP/snap).
cells() {
	python3 "$HERE/screen.py" "$@" <"$TMP/snap"
}

snap_cells() {
	screen_e >"$TMP/snap"
	cells "$@" >"$TMP/cells" 2>&1
}

# wait_cells CMD ARG...: polls until screen.py CMD passes on the screen; the
# passing screen stays in $TMP/snap for more checks on the same cells.
wait_cells() {
	poll snap_cells "$@" || { cat "$TMP/cells"; return 1; }
}

keys() {
	$TMUX_CMD send-keys -t brief "$@"
}

# A round trip through the help overlay: once it has closed again, brief
# has handled every key sent before and redrawn the screen.
sync_ui() {
	keys '?'
	wait_for 'this help' || return 1
	keys q
	wait_gone 'this help'
}

# A shell in a pane of W x H columns, in the temporary directory.
start_shell() {
	RUNNING=0
	$TMUX_CMD kill-session -t brief 2>/dev/null
	$TMUX_CMD new-session -d -s brief -x "$1" -y "$2" -c "$TMP" \
	    "env PS1='tui\$ ' LANG=C.UTF-8 sh"
	$TMUX_CMD resize-window -t brief -x "$1" -y "$2" 2>/dev/null
	wait_for 'tui$'
}

# run_brief DB [ENV...]: starts brief in the pane (its pid in brief.pid),
# then the shell prints "EXIT=status".  The typed line itself does not
# contain "EXIT=".
run_brief() {
	db=$1
	shift
	keys "clear; sh -c 'echo \$\$ >brief.pid; exec env $* BRIEF_DB=\"$db\" \"$BRIEF\"'; echo EXIT''=\$?" Enter
	RUNNING=1
}

# The terminal is back in line mode with echo: a command typed into the
# shell runs and prints (what it prints differs from what was typed).
tty_sane() {
	rm -f "$TMP/stty.out"
	keys "stty -a >stty.out; echo STTY-''DONE" Enter
	wait_for 'STTY-DONE' || return 1
	grep -qw icanon "$TMP/stty.out" && ! grep -qw -- -icanon "$TMP/stty.out" &&
	    ! grep -qw -- -echo "$TMP/stty.out"
}

DB=$TMP/lib.db
SEL=fg=black,bg=cyan			# THEME_SELECTED in colour
MATCH=fg=black,bg=yellow		# THEME_MATCH
CURRENT=bold,fg=black,bg=green		# THEME_MATCH_CURRENT

# One server for the whole run; a session that keeps it alive.
$TMUX_CMD new-session -d -s keep -x 80 -y 24 "exec sleep 100000" 2>/dev/null
if ! $TMUX_CMD has-session -t keep 2>/dev/null; then
	echo "Bail out! cannot start tmux"
	exit 1
fi
$TMUX_CMD set-option -g status off
$TMUX_CMD set-option -g set-clipboard on
plan 104

# 1-9: the first screen at three sizes; q restores the terminal.
for size in 40x12 80x24 200x50; do
	w=${size%x*}
	h=${size#*x}
	start_shell "$w" "$h"
	run_brief "$DB" TERM=xterm-256color
	check "$size first screen shows the outline and section I." \
	    wait_for 'I. 초불확실성'
	check "$size outline pane is drawn" wait_for 'Outline'
	check "$size borders stay in their columns" wait_cells borders
	keys q
	check "$size q exits 0" wait_for 'EXIT=0'
done
check "after q the terminal echoes and reads lines again" tty_sane

# Three terminal types: the selected row, and only it, in the selection's
# attributes (colour, or reverse where the terminal has no colours).
for term in xterm-256color screen-256color vt100; do
	start_shell 80 24
	run_brief "$DB" TERM=$term
	sel=$SEL
	[ $term = vt100 ] && sel=reverse
	check "TERM=$term first screen" wait_for '┌ Outline'
	check "TERM=$term the selected row is drawn $sel" \
	    wait_cells attrs 'I. 초불확실성' "$sel" --box 0
	check "TERM=$term ... and the row below it plain" \
	    cells attrs 'II. 기술 경쟁' plain --box 0
	keys j
	check "TERM=$term j moves the selection down" \
	    wait_cells attrs 'II. 기술 경쟁' "$sel" --box 0
	check "TERM=$term ... and the row above is plain again" \
	    cells attrs 'I. 초불확실성' plain --box 0
	keys q
	check "TERM=$term q exits 0" wait_for 'EXIT=0'
done

# Drilling down V. -> 1. -> 3): expand, drill, expand, drill, down twice.
start_shell 100 30
run_brief "$DB" TERM=xterm-256color
wait_for 'I. 초불확실성'
keys G
wait_for '┌ V. 한미일'
keys Enter
wait_for '▾V.'
keys Enter
wait_for '› 1. 미일'
keys Enter
wait_for '1) 반도체'
keys Enter
wait_for '┌ 1) 반도체'
keys j
wait_for '┌ 2) 사이버'
keys j
check "drilling V. 1. 3) shows Framework Agreement" \
    wait_for 'Framework Agreement'
check "breadcrumb names 3) 우주" wait_for '› 3) 우주'
check "drilled screen keeps its borders" wait_cells borders

# Search a two-syllable Korean word; open the hit; every match is
# highlighted, the first one as the current match; n steps through them.
keys /
wait_for '┌ Search'
keys 반도체
check "search lists hits as you type" wait_for 'Search "반도체":'
check "search lists section 1) 반도체" wait_for '5.1.1'
keys Enter
check "Enter leaves the prompt for the list" wait_gone '/반도체'
keys Enter
check "Enter opens the hit" wait_gone '┌ Search'
check "every match is highlighted, the first as the current one" \
    wait_cells matches 반도체 "$MATCH" "$CURRENT" --box 1 --current-nth 1
first=$(screen | head -1)
# Section 1) 반도체 holds K matches (its heading and text), all on screen.
K=$(BRIEF_DB=$DB "$BRIEF" show 5.1.1 --width 0 | grep -o 반도체 | wc -l)
k=1
while [ $k -lt "$K" ]; do
	keys n
	k=$((k + 1))
	wait_cells matches 반도체 "$MATCH" "$CURRENT" --box 1 \
	    --current-nth $k || break
done
check "n makes each of the $K matches current in turn" \
    sh -c "[ $k -eq $K ] && [ \"\$($TMUX_CMD capture-pane -p -t brief | head -1)\" = '$first' ]"
keys n
check "n after the last match moves on to the next section with matches" \
    poll sh -c "[ \"\$($TMUX_CMD capture-pane -p -t brief | head -1)\" != '$first' ]"
check "the matches there are highlighted, the first as the current one" \
    wait_cells matches 반도체 "$MATCH" "$CURRENT" --box 1 --current-nth 1
keys Escape
check "Esc clears the highlights" wait_cells attrs 반도체 plain --box 1
screen >"$TMP/before-help"
keys '?'
check "? shows the help" wait_for 'this help'
keys q
check "q closes the help" wait_gone 'this help'
check "... leaving the screen as it was under it" \
    poll sh -c "$TMUX_CMD capture-pane -p -t brief | cmp -s - '$TMP/before-help'"

# Export the current section, then again (asks before overwriting).
keys e
check "e asks for a file name" wait_for 'Export to:'
keys Enter
check "export reports success" wait_for ' exported '
check "export wrote the file" sh -c "ls '$TMP' | grep -q '^japan-tech-competition-.*\.txt$'"
keys e
wait_for 'Export to:'
keys Enter
check "export asks before overwriting" wait_for 'overwrite? (y/n)'
keys y
check "overwrite reports success" wait_for ' exported '
keys e
wait_for 'Export to:'
keys Enter
wait_for 'overwrite? (y/n)'
keys n
check "n keeps the file" wait_for 'not exported'

# Resize 120 -> 50 -> 120 columns.
$TMUX_CMD resize-window -t brief -x 120 -y 30
check "120 columns: two panes" wait_for '┐┌'
check "120 columns: borders aligned" wait_cells borders
$TMUX_CMD resize-window -t brief -x 50 -y 30
check "50 columns: one pane at a time" wait_gone '┐┌'
check "50 columns: borders aligned" wait_cells borders
$TMUX_CMD resize-window -t brief -x 120 -y 30
check "back to 120 columns: two panes" wait_for '┐┌'
check "back to 120 columns: borders aligned" wait_cells borders
$TMUX_CMD resize-window -t brief -x 30 -y 8
check "30x8 asks for a bigger terminal" wait_for 'brief needs at least 40x10'
$TMUX_CMD resize-window -t brief -x 100 -y 30
check "a usable size draws the panes again" wait_for '┐┌'

# Too small: keys do not reach a prompt that cannot be seen; Esc cancels it.
# Z, typed once the prompt is visible again, shows what the prompt holds.
keys e
wait_for 'Export to:'
prompt=$(screen | grep -o 'Export to: [^ ]*')
$TMUX_CMD resize-window -t brief -x 30 -y 8
wait_for 'brief needs at least 40x10'
keys x Enter
$TMUX_CMD resize-window -t brief -x 100 -y 30
wait_for 'Export to: japan'
keys Z
check "too small: Enter does not accept the hidden prompt, nor is text typed into it" \
    wait_for "${prompt}Z"
keys BSpace
wait_gone 'txtZ'
$TMUX_CMD resize-window -t brief -x 30 -y 8
wait_for 'brief needs at least 40x10'
keys Escape
$TMUX_CMD resize-window -t brief -x 100 -y 30
wait_for '┐┌'
check "too small: Esc cancels the prompt" wait_gone 'Export to:'
$TMUX_CMD resize-window -t brief -x 30 -y 8
wait_for 'brief needs at least 40x10'
keys q
check "too small: q exits 0" wait_for 'EXIT=0'

# NO_COLOR: selection in reverse, matches in bold and underline (the current
# one reversed too), and no colour anywhere on those screens.
start_shell 100 30
run_brief "$DB" TERM=xterm-256color NO_COLOR=1
check "NO_COLOR the selected row is reverse" \
    wait_cells attrs 'I. 초불확실성' reverse --box 0
check "NO_COLOR ... the row below it plain" \
    cells attrs 'II. 기술 경쟁' plain --box 0
check "NO_COLOR ... and no colour on that screen" cells uncoloured
keys /
wait_for '┌ Search'
keys 우주
wait_for 'Search "우주":'
keys Enter
wait_gone '/우주'
keys Enter
wait_gone '┌ Search'
check "NO_COLOR matches are bold and underlined, the current one reversed" \
    wait_cells matches 우주 bold,underline bold,reverse,underline --box 1 \
    --current-nth 1
check "NO_COLOR ... and no colour on that screen" cells uncoloured
keys q
wait_for 'EXIT=0'

# Leaving the search gives the focus back: after / Esc from the results,
# and after a search without hits, j moves in the outline again.
start_shell 100 30
run_brief "$DB" TERM=xterm-256color
wait_for 'I. 초불확실성'
keys /
wait_for '┌ Search'
keys 일본
wait_for 'Search "일본":'
keys Enter
wait_gone '/일본'
keys /
poll last_line_is /
keys Escape
wait_gone '┌ Search'
keys j
check "/ Esc from the results: j moves in the outline" \
    wait_for '┌ II. 기술 경쟁-경제안보 연계'
keys /
wait_for '┌ Search'
keys 일본
wait_for 'Search "일본":'
keys Enter
wait_gone '/일본'
keys / xqzv
wait_for 'Search "xqzv":'
keys Enter
check "a search without hits says so" wait_for 'no matches for xqzv'
keys j
check "... and j moves in the outline again" \
    wait_for '┌ III. 기술-산업정책 연계'
keys q
wait_for 'EXIT=0'

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
wait_for 'Library'
keys G
check "a briefing's row lists its sections before it is opened" \
    wait_for '▸ Escapes'
keys Enter
wait_for '▾'
keys G
check "escape fixture is shown" wait_for 'ESCAPE-FIXTURE'
check "zero-width spaces draw nothing" wait_for '│ ZEROWIDTH가나다가나다'
check "the screen is drawn in full (help opens and closes)" sync_ui
check "pane title unchanged" \
    test "$($TMUX_CMD display-message -p -t brief '#{pane_title}')" = brief-test-title
check "no clipboard set through OSC 52" \
    test -z "$($TMUX_CMD list-buffers 2>/dev/null)"
check "no red leaks from content: the text after it is plain" \
    wait_cells attrs 'red' plain --box 1
check "... and nothing on the screen is red" \
    sh -c "! grep -q '$ESC\[31m' '$TMP/snap'"
check "escape screen keeps its borders" cells borders
keys q
wait_for 'EXIT=0'

# Ctrl-Z suspends brief to the shell; fg brings it back, redrawn.
start_shell 80 24
run_brief "$DB" TERM=xterm-256color
wait_for 'I. 초불확실성'
keys C-z
check "Ctrl-Z suspends to the shell" wait_for 'EXIT=14'
keys clear Enter
wait_gone 'I. 초불확실성'
keys fg Enter
RUNNING=1
check "fg redraws the screen" wait_for 'I. 초불확실성'
check "... with its borders" wait_cells borders
keys q
check "... and q then exits" wait_for 'tui$'

# The mouse: a click selects an outline row, the wheel scrolls the text.
start_shell 100 30
run_brief "$DB" TERM=xterm-256color
wait_for 'I. 초불확실성'
row=$(screen | grep -n 'III\. 기술-산업정책' | head -1 | cut -d: -f1)
keys -l "${ESC}[<0;6;${row}M${ESC}[<0;6;${row}m"
check "a click on an outline row opens that section" \
    wait_for '┌ III. 기술-산업정책 연계'
check "... and selects it" wait_cells attrs 'III. 기술-산업정책' "$SEL" --box 0
first=$(screen | sed -n 4p)
keys -l "${ESC}[<65;60;10M${ESC}[<65;60;10M${ESC}[<65;60;10M"
check "the wheel scrolls the text" wait_gone "$first"
keys q
wait_for 'EXIT=0'

# A library of 200 briefings (after the bundled one), imported in one call:
# the outline reads their records a chunk at a time, so the end of the list
# and search hits far into it must still show the right briefing.
MDB=$TMP/many.db
mkdir "$TMP/many"
i=1
while [ $i -le 200 ]; do
	m=$(printf '%03d' $i)
	printf -- '---\ntitle: Briefing %s\n---\n# Summary %s\n\nBody of briefing %s, word%s.\n\n# Details %s\n\nMore text.\n' \
	    "$m" "$m" "$m" "$m" "$m" >"$TMP/many/b$m.md"
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
check "200 briefings: borders aligned at the end" wait_cells borders
keys k
check "200 briefings: k moves to the one before" \
    wait_for '▶▸Briefing 199'
keys g g
check "200 briefings: gg is back on the first row" \
    poll sh -c "$TMUX_CMD capture-pane -p -t brief | sed -n 3p | grep -q '^│▶'"
check "... and the end of the list is no longer drawn" lacks '▸Briefing 185'
keys q
wait_for 'EXIT=0'
start_shell 80 24
run_brief "$MDB" TERM=xterm-256color
wait_for '▸Briefing 002'
keys / word200
wait_for 'Search "word200": 1 hit'
keys Enter
wait_gone '/word200'
keys Enter
check "200 briefings: a hit in the last briefing opens it" \
    wait_for 'brief › Briefing 200 › Summary 200'
check "... with the cursor on its section" wait_for '▶   Summary 200'
check "... under its expanded briefing" wait_for '▾Briefing 200'
check "... and borders aligned" wait_cells borders
keys / word100
wait_for 'Search "word100": 1 hit'
keys Enter
wait_gone '/word100'
keys Enter
check "200 briefings: a hit in a middle briefing opens it" \
    wait_for 'brief › Briefing 100 › Summary 100'
check "... with the cursor on its section" wait_for '▶   Summary 100'
keys q
wait_for 'EXIT=0'

# kill -TERM restores the terminal.
start_shell 80 24
run_brief "$DB" TERM=xterm-256color
wait_for 'I. 초불확실성'
kill -TERM "$(cat "$TMP/brief.pid")" 2>/dev/null
check "kill -TERM exits with 143" wait_for 'EXIT=143'
check "the shell prompt is back" wait_for 'tui$'
check "the terminal echoes and reads lines again" tty_sane

done_testing
