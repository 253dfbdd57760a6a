/*
 * keymap.c: the one table of keys, actions and help texts (see keymap.h).
 * Indexed by action; the static_assert keeps it complete.
 */
#include <assert.h>
#include <curses.h>

#include "ui/keymap.h"

#define KEYMAP_MAX_KEYS	5

struct keymap_entry {
	int		 keys[KEYMAP_MAX_KEYS];	/* 0 ends the list */
	const char	*names;
	const char	*help;
	const char	*hint;		/* word in the status line, or NULL */
};

static const struct keymap_entry keymap_table[] = {
	[ACTION_DOWN] = { { 'j', KEYMAP_FN(KEY_DOWN), KEYMAP_CTRL('n') },
	    "j ↓", "move down; scroll the text" },
	[ACTION_UP] = { { 'k', KEYMAP_FN(KEY_UP), KEYMAP_CTRL('p') },
	    "k ↑", "move up; scroll the text" },
	[ACTION_OPEN] = { { '\r', '\n', 'l', KEYMAP_FN(KEY_RIGHT),
	    KEYMAP_FN(KEY_ENTER) },
	    "Enter l →", "open: expand, drill down, read", "open" },
	[ACTION_BACK] = { { 'h', KEYMAP_FN(KEY_LEFT) },
	    "h ←", "collapse, or go to the parent" },
	[ACTION_PANE] = { { '\t', KEYMAP_FN(KEY_BTAB) },
	    "Tab", "switch between outline and text", "pane" },
	[ACTION_PAGE_DOWN] = { { ' ', KEYMAP_FN(KEY_NPAGE), KEYMAP_CTRL('f') },
	    "Space PgDn", "next page" },
	[ACTION_PAGE_UP] = { { 'b', KEYMAP_FN(KEY_PPAGE), KEYMAP_CTRL('b') },
	    "b PgUp", "previous page" },
	[ACTION_TOP] = { { 'g', KEYMAP_FN(KEY_HOME) },
	    "g Home", "go to the top" },
	[ACTION_BOTTOM] = { { 'G', KEYMAP_FN(KEY_END) },
	    "G End", "go to the bottom" },
	[ACTION_PREV_SECTION] = { { '[' },
	    "[", "previous section in reading order" },
	[ACTION_NEXT_SECTION] = { { ']' },
	    "]", "next section in reading order" },
	[ACTION_SEARCH] = { { '/' },
	    "/", "search (results update as you type)", "search" },
	[ACTION_NEXT_MATCH] = { { 'n' },
	    "n", "next match (on to the next section)" },
	[ACTION_PREV_MATCH] = { { 'N' },
	    "N", "previous match" },
	[ACTION_CANCEL] = { { 27 },
	    "Esc", "cancel; back to where you were" },
	[ACTION_EXPORT] = { { 'e' },
	    "e", "export the current section to a file", "export" },
	[ACTION_ZOOM] = { { 'z' },
	    "z", "text full width (again: both panes)" },
	[ACTION_HELP] = { { '?', KEYMAP_FN(KEY_F(1)) },
	    "?", "this help", "help" },
	[ACTION_REDRAW] = { { KEYMAP_CTRL('l') },
	    "Ctrl-L", "redraw the screen" },
	[ACTION_QUIT] = { { 'q' },
	    "q", "quit", "quit" },
};

static_assert(sizeof keymap_table / sizeof keymap_table[0] == ACTION__COUNT,
    "every action needs keys and help in keymap_table");

enum action
keymap_lookup(int key)
{
	for (int a = 0; a < ACTION__COUNT; a++) {
		for (int i = 0; i < KEYMAP_MAX_KEYS; i++) {
			if (keymap_table[a].keys[i] == 0)
				break;
			if (keymap_table[a].keys[i] == key)
				return (enum action)a;
		}
	}
	return ACTION_NONE;
}

const char *
keymap_keys(enum action a)
{
	if (a < 0 || a >= ACTION__COUNT)
		return "";
	return keymap_table[a].names;
}

const char *
keymap_hint(enum action a)
{
	if (a < 0 || a >= ACTION__COUNT)
		return NULL;
	return keymap_table[a].hint;
}

const char *
keymap_help(enum action a)
{
	if (a < 0 || a >= ACTION__COUNT)
		return "";
	return keymap_table[a].help;
}
