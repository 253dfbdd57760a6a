/*
 * ui.h: what the panes of the terminal UI share (DESIGN.md section 5): the
 * state of one session, the screen layout, redraw flags and the view table
 * every pane fills in (like tmux's window_buffer_mode).  The main loop is in
 * app.c; each pane is a view-*.c file with its own header.
 *
 * Handlers never draw: they change state and return what to redraw as a
 * bitmask of enum redraw; the main loop draws.
 */
#ifndef BRIEF_UI_UI_H
#define BRIEF_UI_UI_H

#include <stdbool.h>
#include <stdio.h>
#include <wchar.h>

#include "cli.h"
#include "store.h"
#include "ui/keymap.h"

/* What an action changed; the main loop redraws just that. */
enum redraw {
	REDRAW_NONE = 0,
	REDRAW_OUTLINE = 0x01,
	REDRAW_READER = 0x02,
	REDRAW_RESULTS = 0x04,
	REDRAW_STATUS = 0x08,	/* breadcrumb, status line, prompt */
	REDRAW_LAYOUT = 0x10,	/* sizes changed: clear and draw it all */
	REDRAW_ALL = 0x1f,
	REDRAW_PASS = 0x100,	/* not handled: try the global keys */
};

struct rect {
	int	y;
	int	x;
	int	h;
	int	w;
};

enum pane {
	PANE_OUTLINE,
	PANE_READER,
	PANE_RESULTS,
};

/* Where each part of the screen is; recomputed on resize. */
struct layout {
	bool		too_small;
	bool		single;		/* one pane at a time */
	struct rect	crumb;
	struct rect	status;
	struct rect	outline;	/* w == 0 when hidden */
	struct rect	reader;
	struct rect	results;
};

struct olv;
struct rdv;
struct rsv;
struct hlv;
struct prv;
struct query;

/* One session of the UI.  The views own their parts; app.c owns this. */
struct ui {
	struct store			*st;
	const struct cli_options	*opt;
	int				 rows;
	int				 cols;
	struct layout			 lay;
	bool				 zoom;		/* reader full width */
	bool				 searching;	/* results replace panes */
	enum pane			 focus;
	enum pane			 back_focus;	/* before results */
	bool				 quit;
	char				*message;	/* status line, or NULL */
	bool				 message_error;
	struct query			*query;		/* highlighted in the reader */
	char				*export_path;	/* awaiting y/n */

	struct olv			*olv;
	struct rdv			*rdv;
	struct rsv			*rsv;
	struct hlv			*hlv;
	struct prv			*prv;
};

/*
 * A pane.  draw paints the whole rectangle (borders, text and padding);
 * action handles a key the keymap resolved and returns redraw flags, or
 * REDRAW_PASS; mouse gets a click or wheel event inside the rectangle.
 */
struct view {
	const char	*name;
	void		 (*init)(struct ui *);
	void		 (*free)(struct ui *);
	void		 (*draw)(struct ui *, const struct rect *);
	int		 (*action)(struct ui *, enum action);
	int		 (*mouse)(struct ui *, const struct rect *, int y, int x,
			     int button);
};

/* Mouse buttons as views see them. */
enum {
	UI_CLICK = 1,
	UI_WHEEL_UP,
	UI_WHEEL_DOWN,
};

/* Sets the status line message (printf format); cleared by the next key. */
void ui_message(struct ui *ui, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Reports a failed model call in the status line and frees cause. */
void ui_failed(struct ui *ui, const char *what, char *cause);

/* Moves the focus to a pane (showing it when one pane fits at a time). */
int ui_focus(struct ui *ui, enum pane pane);

#endif
