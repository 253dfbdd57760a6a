/*
 * keymap.h: the keys of the terminal UI.  One table maps keys to actions and
 * gives each action its help text, so the help screen (view-help.c) cannot
 * drift from what the keys do.
 */
#ifndef BRIEF_UI_KEYMAP_H
#define BRIEF_UI_KEYMAP_H

#include <stddef.h>

enum action {
	ACTION_NONE = -1,
	ACTION_DOWN,
	ACTION_UP,
	ACTION_OPEN,
	ACTION_BACK,
	ACTION_PANE,
	ACTION_PAGE_DOWN,
	ACTION_PAGE_UP,
	ACTION_TOP,
	ACTION_BOTTOM,
	ACTION_PREV_SECTION,
	ACTION_NEXT_SECTION,
	ACTION_SEARCH,
	ACTION_NEXT_MATCH,
	ACTION_PREV_MATCH,
	ACTION_CANCEL,
	ACTION_EXPORT,
	ACTION_ZOOM,
	ACTION_HELP,
	ACTION_REDRAW,
	ACTION_QUIT,
	ACTION__COUNT
};

/* The control character of a letter: KEYMAP_CTRL('l') is Ctrl-L. */
#define KEYMAP_CTRL(c)	((c) & 0x1f)

/* A function key (KEY_DOWN ...) as a key value, apart from characters. */
#define KEYMAP_FN(k)	((int)(k) + 0x110000)

/* The action bound to key (a character, or KEYMAP_FN of a curses key). */
enum action keymap_lookup(int key);

/* The keys of an action as the help shows them ("j ↓") and what it does. */
const char *keymap_keys(enum action a);
const char *keymap_help(enum action a);

/* A one-word hint for the status line ("search"), or NULL. */
const char *keymap_hint(enum action a);

#endif
