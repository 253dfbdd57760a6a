/*
 * theme.h: colour roles of the terminal UI.  Each role has a colour pair
 * (from the terminal's palette, default background kept) and a monochrome
 * attribute used with NO_COLOR, --no-color, or a terminal without colours;
 * both still show selection (reverse) and matches (bold, underline).
 */
#ifndef BRIEF_UI_THEME_H
#define BRIEF_UI_THEME_H

#include <stdbool.h>
#include <curses.h>

/*       role           fg              bg           colour attr  mono attr */
#define THEME_ROLES(X)							\
	X(NORMAL,	-1,		-1,		A_NORMAL, A_NORMAL)	\
	X(BORDER,	COLOR_BLUE,	-1,		A_NORMAL, A_NORMAL)	\
	X(BORDER_FOCUS,	COLOR_CYAN,	-1,		A_BOLD,	  A_BOLD)	\
	X(PANE_TITLE,	COLOR_CYAN,	-1,		A_BOLD,	  A_BOLD)	\
	X(SELECTED,	COLOR_BLACK,	COLOR_CYAN,	A_NORMAL, A_REVERSE)	\
	X(SELECTED_IDLE, -1,		-1,		A_REVERSE, A_UNDERLINE)	\
	X(CURRENT,	COLOR_YELLOW,	-1,		A_BOLD,	  A_BOLD)	\
	X(HEADING,	COLOR_YELLOW,	-1,		A_BOLD,	  A_BOLD)	\
	X(SUBSECTION,	COLOR_CYAN,	-1,		A_NORMAL, A_DIM)	\
	X(MATCH,	COLOR_BLACK,	COLOR_YELLOW,	A_NORMAL, A_BOLD | A_UNDERLINE) \
	X(MATCH_CURRENT, COLOR_BLACK,	COLOR_GREEN,	A_BOLD,	  A_BOLD | A_UNDERLINE | A_REVERSE) \
	X(CRUMB,	-1,		-1,		A_BOLD,	  A_BOLD)	\
	X(STATUS,	-1,		-1,		A_NORMAL, A_NORMAL)	\
	X(HINT_KEY,	COLOR_CYAN,	-1,		A_BOLD,	  A_BOLD)	\
	X(MESSAGE,	COLOR_GREEN,	-1,		A_BOLD,	  A_BOLD)	\
	X(ERROR,	COLOR_RED,	-1,		A_BOLD,	  A_BOLD | A_REVERSE) \
	X(CONTROL,	COLOR_RED,	-1,		A_REVERSE, A_REVERSE)

enum theme_role {
#define THEME_ENUM(name, fg, bg, cattr, mattr) THEME_##name,
	THEME_ROLES(THEME_ENUM)
#undef THEME_ENUM
	THEME__COUNT
};

/* Sets up colour pairs after initscr; colour false means monochrome. */
void theme_init(bool colour);

/* The attributes (pair included) to draw a role with. */
attr_t theme_attr(enum theme_role role);

#endif
