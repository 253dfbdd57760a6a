/*
 * theme.c: colour roles (see theme.h for the table).
 */
#include <curses.h>

#include "ui/theme.h"

struct theme_entry {
	short	fg;
	short	bg;
	attr_t	colour;
	attr_t	mono;
};

static const struct theme_entry theme_table[] = {
#define THEME_ENTRY(name, fg, bg, cattr, mattr) \
	[THEME_##name] = { fg, bg, cattr, mattr },
	THEME_ROLES(THEME_ENTRY)
#undef THEME_ENTRY
};

/* Set once by theme_init, before anything is drawn. */
static bool theme_colour;

void
theme_init(bool colour)
{
	bool dflt;

	theme_colour = false;
	if (!colour || !has_colors() || start_color() == ERR || COLORS < 8 ||
	    COLOR_PAIRS <= THEME__COUNT)
		return;
	dflt = use_default_colors() == OK;
	for (int i = 0; i < THEME__COUNT; i++) {
		short fg = theme_table[i].fg, bg = theme_table[i].bg;

		/* Without default colours, -1 means white on black. */
		if (!dflt && fg < 0)
			fg = COLOR_WHITE;
		if (!dflt && bg < 0)
			bg = COLOR_BLACK;
		init_pair((short)(i + 1), fg, bg);
	}
	theme_colour = true;
}

attr_t
theme_attr(enum theme_role role)
{
	if (!theme_colour)
		return theme_table[role].mono;
	return theme_table[role].colour | (attr_t)COLOR_PAIR(role + 1);
}
