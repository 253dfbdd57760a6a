#!/usr/bin/env python3
"""screen.py: reads a tmux pane as cells, for tests/tui.sh.

Reads `tmux capture-pane -p -e` on stdin: the text with SGR escape
sequences.  Every cell gets the attributes it is drawn with, as a set of
words: bold, dim, italic, underline, blink, reverse, fg=COLOUR, bg=COLOUR
(black red green yellow blue magenta cyan white, bright-*, or a number of
the 256-colour palette); "plain" is the empty set.  A box is a pane drawn
with a border, numbered from 0 left to right; its inside is the cells
between its border lines.

Commands (exit status 0 when the screen is as expected; 1 with a reason):
  attrs TEXT WANT [--box N] [--nth K]
      every cell of the K-th (default first) occurrence of TEXT has
      exactly the attributes WANT (comma-separated, or "plain")
  matches WORD MATCH CURRENT [--box N] [--current-nth K]
      every occurrence of WORD in the box is drawn with MATCH, one of them
      (the K-th, if given) with CURRENT; no other cell of the box has MATCH
      or CURRENT attributes
  uncoloured
      no cell has a colour
  borders
      every row between a box's top and bottom edge has its vertical
      borders in the columns of the corners (wide characters count two)
"""
import sys
import unicodedata

COLOURS = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white']
FLAGS = {1: 'bold', 2: 'dim', 3: 'italic', 4: 'underline', 5: 'blink', 7: 'reverse'}
OFF = {22: ('bold', 'dim'), 23: ('italic',), 24: ('underline',), 25: ('blink',),
       27: ('reverse',)}


def width(ch):
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in 'WF' else 1


def sgr(state, params):
    """Applies one SGR sequence's parameters to the attribute set."""
    nums = [int(p) if p else 0 for p in params.split(';')] if params else [0]
    i = 0
    while i < len(nums):
        p = nums[i]
        if p == 0:
            state.clear()
        elif p in FLAGS:
            state.add(FLAGS[p])
        elif p in OFF:
            state.difference_update(OFF[p])
        elif 30 <= p <= 37 or 40 <= p <= 47 or 90 <= p <= 97 or 100 <= p <= 107:
            key = 'fg' if p < 40 or 90 <= p <= 97 else 'bg'
            name = COLOURS[p % 10] if p < 90 else 'bright-' + COLOURS[p % 10]
            state.difference_update({a for a in state if a.startswith(key + '=')})
            state.add(key + '=' + name)
        elif p in (39, 49):
            key = 'fg' if p == 39 else 'bg'
            state.difference_update({a for a in state if a.startswith(key + '=')})
        elif p in (38, 48) and i + 2 < len(nums) and nums[i + 1] == 5:
            key = 'fg' if p == 38 else 'bg'
            state.difference_update({a for a in state if a.startswith(key + '=')})
            n = nums[i + 2]
            state.add(key + '=' + (COLOURS[n] if n < 8 else str(n)))
            i += 2
        i += 1


class Screen:
    """Rows of cells: (column, character, frozenset of attributes)."""

    def __init__(self, data):
        self.rows = []
        state = set()
        for line in data.split('\n'):
            cells, col, i = [], 0, 0
            while i < len(line):
                ch = line[i]
                if ch == '\033' and line[i + 1:i + 2] == '[':
                    j = i + 2
                    while j < len(line) and not line[j].isalpha():
                        j += 1
                    if j < len(line) and line[j] == 'm':
                        sgr(state, line[i + 2:j])
                    i = j + 1
                    continue
                w = width(ch)
                if w == 0 and cells:
                    c = cells[-1]
                    cells[-1] = (c[0], c[1] + ch, c[2])
                else:
                    cells.append((col, ch, frozenset(state)))
                col += w
                i += 1
            self.rows.append(cells)

    def boxes(self):
        """(top, bottom, left, right) of each bordered box, left to right."""
        out = []
        for y, row in enumerate(self.rows):
            for x, (col, ch, _) in enumerate(row):
                if ch != '\u250c':
                    continue
                right = next((c for c, k, _ in row[x + 1:] if k == '\u2510'), None)
                bottom = next((yy for yy in range(y + 1, len(self.rows))
                               if any(c == col and k == '\u2514'
                                      for c, k, _ in self.rows[yy])), None)
                if right is not None and bottom is not None:
                    out.append((y, bottom, col, right))
        return sorted(out, key=lambda b: b[2])

    def region(self, box):
        """Rows of the cells inside box (all cells without a box)."""
        if box is None:
            return list(enumerate(self.rows))
        boxes = self.boxes()
        if box >= len(boxes):
            raise SystemExit('# no box %d on the screen' % box)
        top, bottom, left, right = boxes[box]
        return [(y, [c for c in self.rows[y] if left < c[0] < right])
                for y in range(top + 1, bottom)]

    def find(self, text, box=None):
        """Every occurrence of text: a list of its cells."""
        found = []
        for _, cells in self.region(box):
            s = ''.join(c[1] for c in cells)
            # Combining characters were merged into their cell: map
            # string offsets back to cells.
            starts, off = [], 0
            for c in cells:
                starts.append(off)
                off += len(c[1])
            at = s.find(text)
            while at >= 0:
                if at in starts:
                    first = starts.index(at)
                    last = first
                    while last < len(cells) and starts[last] < at + len(text):
                        last += 1
                    found.append(cells[first:last])
                at = s.find(text, at + 1)
        return found


def spec(s):
    return frozenset() if s == 'plain' else frozenset(a for a in s.split(',') if a)


def show(attrs):
    return ','.join(sorted(attrs)) or 'plain'


def cmd_attrs(scr, args):
    text, want = args.pop(0), spec(args.pop(0))
    box, nth = opt(args, '--box'), opt(args, '--nth') or 1
    found = scr.find(text, box)
    if len(found) < nth:
        return 'no occurrence %d of "%s"' % (nth, text)
    bad = [c for c in found[nth - 1] if c[2] != want]
    if bad:
        return '"%s": cell "%s" at column %d is %s, want %s' % (
            text, bad[0][1], bad[0][0], show(bad[0][2]), show(want))
    return None


def cmd_matches(scr, args):
    word, match, current = args.pop(0), spec(args.pop(0)), spec(args.pop(0))
    box, nth = opt(args, '--box'), opt(args, '--current-nth')
    found = scr.find(word, box)
    if not found:
        return 'no "%s" on the screen' % word
    cur = []
    for k, cells in enumerate(found, 1):
        kinds = {c[2] for c in cells}
        if kinds == {current}:
            cur.append(k)
        elif kinds != {match}:
            return 'occurrence %d of "%s" is %s, want %s (or %s for the current)' % (
                k, word, ' '.join(show(a) for a in kinds), show(match), show(current))
    if len(cur) != 1 or (nth is not None and cur != [nth]):
        return 'current match: occurrence(s) %s of %d, want %s' % (
            cur, len(found), nth if nth is not None else 'one')
    inside = {id(c) for cells in found for c in cells}
    for y, cells in scr.region(box):
        for c in cells:
            if c[2] in (match, current) and id(c) not in inside and c[1] != ' ':
                return 'cell "%s" (row %d, column %d) is drawn as a match' % (
                    c[1], y + 1, c[0])
    return None


def cmd_uncoloured(scr, args):
    for y, row in enumerate(scr.rows):
        for col, ch, attrs in row:
            if any(a.startswith(('fg=', 'bg=')) for a in attrs):
                return 'cell "%s" (row %d, column %d) is %s' % (ch, y + 1, col, show(attrs))
    return None


def cmd_borders(scr, args):
    boxes = scr.boxes()
    if not boxes:
        return 'no box on the screen'
    for top, bottom, left, right in boxes:
        for y in range(top + 1, bottom):
            cols = {c[0] for c in scr.rows[y]
                    if c[1] == '\u2502' and left <= c[0] <= right}
            if cols != {left, right}:
                return 'row %d: borders not at columns %d and %d: %s' % (
                    y + 1, left, right, ''.join(c[1] for c in scr.rows[y]))
        last = {c[0] for c in scr.rows[bottom] if c[1] in '\u2518'}
        if right not in last:
            return 'bottom edge of the box at column %d is not closed at %d' % (left, right)
    return None


def opt(args, name):
    if name in args:
        i = args.index(name)
        value = int(args[i + 1])
        del args[i:i + 2]
        return value
    return None


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    scr = Screen(sys.stdin.read())
    cmds = {'attrs': cmd_attrs, 'matches': cmd_matches,
            'uncoloured': cmd_uncoloured, 'borders': cmd_borders}
    why = cmds[sys.argv[1]](scr, sys.argv[2:])
    if why:
        print('# ' + why)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
