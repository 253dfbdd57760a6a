/*
 * app.c: the terminal UI's main loop (DESIGN.md section 5): setting up and
 * restoring the terminal, reading keys and mouse events, turning them into
 * actions for the focused pane (or the global keys below), and redrawing
 * what the actions say changed.  The panes are in view-*.c; the search
 * prompt is glued to the results here, the export key in export-prompt.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curses.h>

#include "query.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/export-prompt.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/view-help.h"
#include "ui/view-outline.h"
#include "ui/view-prompt.h"
#include "ui/view-reader.h"
#include "ui/view-results.h"
#include "ui/term.h"
#include "ui/view-status.h"
#include "util.h"

#define APP_MIN_COLS	40
#define APP_MIN_ROWS	10
#define APP_WIDE_COLS	80

/* In init order: the reader before the outline, which shows its row. */
static const struct view *const app_views[] = {
	&rdv_view, &rsv_view, &hlv_view, &prv_view, &stv_view, &olv_view,
};

int
app_check_terminal(void)
{
	const char *why;

	if ((why = term_check()) == NULL)
		return 0;
	fprintf(stderr, "brief: no terminal to draw on: %s\n", why);
	fputs("brief: the subcommands work without one: brief list, outline, "
	    "show, search, export, import (see brief --help)\n", stderr);
	return EX_USAGE;
}

void
ui_message(struct ui *ui, bool error, const char *fmt, ...)
{
	va_list ap;

	free(ui->message);
	va_start(ap, fmt);
	ui->message = xvasprintf(fmt, ap);
	va_end(ap);
	ui->message_error = error;
}

void
ui_failed(struct ui *ui, const char *what, char *cause)
{
	ui_message(ui, true, "%s: %s", what, cause != NULL ? cause :
	    "unknown error");
	free(cause);
}

int
ui_focus(struct ui *ui, enum pane pane)
{
	if (ui->focus == pane)
		return REDRAW_NONE;
	ui->focus = pane;
	if (ui->lay.single)
		return REDRAW_LAYOUT;
	return REDRAW_OUTLINE | REDRAW_READER | REDRAW_RESULTS | REDRAW_STATUS;
}

/* Where everything goes for the current size, focus and zoom. */
static void
app_layout(struct ui *ui)
{
	struct layout *lay = &ui->lay;
	struct rect body;
	int ow;

	ui->rows = LINES;
	ui->cols = COLS;
	memset(lay, 0, sizeof *lay);
	lay->too_small = ui->cols < APP_MIN_COLS || ui->rows < APP_MIN_ROWS;
	lay->crumb = (struct rect){ 0, 0, 1, ui->cols };
	lay->status = (struct rect){ ui->rows - 1, 0, 1, ui->cols };
	body = (struct rect){ 1, 0, ui->rows - 2, ui->cols };
	lay->results = body;
	lay->single = ui->cols < APP_WIDE_COLS || ui->zoom;
	if (lay->single) {
		if (ui->focus == PANE_OUTLINE)
			lay->outline = body;
		else
			lay->reader = body;
		return;
	}
	ow = ui->cols * 3 / 8;
	ow = ow < 24 ? 24 : ow > 48 ? 48 : ow;
	lay->outline = (struct rect){ 1, 0, body.h, ow };
	lay->reader = (struct rect){ 1, ow, body.h, ui->cols - ow };
}

/* The clear message of a terminal too small to use. */
static void
app_draw_small(struct ui *ui)
{
	char *l1 = xasprintf("brief needs at least %dx%d;", APP_MIN_COLS,
	    APP_MIN_ROWS);
	char *l2 = xasprintf("this terminal is %dx%d", ui->cols, ui->rows);
	char *all = xasprintf("%s %s", l1, l2);
	int y = ui->rows / 2, len = (int)strlen(all);

	erase();
	if (len <= ui->cols)
		draw_text(y, (ui->cols - len) / 2, ui->cols, all, strlen(all),
		    THEME_NORMAL, NULL, 0, 0);
	else {
		len = (int)strlen(l1);
		draw_text(y > 0 ? y - 1 : 0, len < ui->cols ? (ui->cols -
		    len) / 2 : 0, ui->cols, l1, strlen(l1), THEME_NORMAL, NULL,
		    0, 0);
		len = (int)strlen(l2);
		draw_text(y, len < ui->cols ? (ui->cols - len) / 2 : 0,
		    ui->cols, l2, strlen(l2), THEME_NORMAL, NULL, 0, 0);
	}
	free(all);
	free(l2);
	free(l1);
}

/* Draws what flags name into the curses buffer (not yet the terminal). */
static void
app_draw(struct ui *ui, int flags)
{
	struct layout *lay = &ui->lay;

	if (flags & REDRAW_LAYOUT) {
		app_layout(ui);
		erase();
		flags = REDRAW_ALL;
	}
	if (lay->too_small) {
		curs_set(0);
		app_draw_small(ui);
		return;
	}
	if (ui->searching) {
		if (flags & REDRAW_RESULTS)
			rsv_view.draw(ui, &lay->results);
	} else {
		if ((flags & REDRAW_OUTLINE) && lay->outline.w > 0)
			olv_view.draw(ui, &lay->outline);
		if ((flags & REDRAW_READER) && lay->reader.w > 0)
			rdv_view.draw(ui, &lay->reader);
	}
	if (flags & REDRAW_STATUS)
		stv_view.draw(ui, &lay->status);
	if (hlv_active(ui))
		hlv_view.draw(ui, &(struct rect){ 1, 0, ui->rows - 2,
		    ui->cols });
	if (prv_active(ui)) {
		prv_view.draw(ui, &lay->status);
		curs_set(1);
	} else
		curs_set(0);
}

static int
app_search_change(struct ui *ui, const char *text)
{
	return rsv_update(ui, text);
}

/* Hides the results and gives the focus back to the pane it came from. */
static int
app_search_leave(struct ui *ui)
{
	ui->searching = false;
	if (ui->focus == PANE_RESULTS)
		ui->focus = ui->back_focus;
	return REDRAW_LAYOUT;
}

static int
app_search_accept(struct ui *ui, const char *text)
{
	if (rsv_count(ui) > 0) {
		ui->focus = PANE_RESULTS;
		return REDRAW_ALL;
	}
	if (text[0] != '\0')
		ui_message(ui, true, "no matches for %s", text);
	return app_search_leave(ui);
}

static int
app_search_cancel(struct ui *ui)
{
	return app_search_leave(ui);
}

static const struct prompt_def app_search_prompt = {
	.label = "/",
	.history = true,
	.change = app_search_change,
	.accept = app_search_accept,
	.cancel = app_search_cancel,
};

/* /: the results replace the panes; the focus returns where it was. */
static int
app_search_start(struct ui *ui)
{
	if (!ui->searching)
		ui->back_focus = ui->focus;
	ui->searching = true;
	rsv_update(ui, "");
	return REDRAW_LAYOUT | prv_open(ui, &app_search_prompt, NULL, NULL);
}

/* n and N: the next match here, else in the next section with hits. */
static int
app_match(struct ui *ui, int dir)
{
	if (ui->query == NULL) {
		ui_message(ui, true, "no search yet: press / to search");
		return REDRAW_STATUS;
	}
	if (rdv_step_match(ui, dir))
		return REDRAW_READER | REDRAW_STATUS;
	return rsv_step(ui, dir);
}

/* Esc: leave the results, else clear the highlights, else unzoom. */
static int
app_cancel(struct ui *ui)
{
	if (ui->searching)
		return app_search_leave(ui);
	if (ui->query != NULL) {
		query_free(ui->query);
		ui->query = NULL;
		rdv_query_changed(ui);
		return REDRAW_READER | REDRAW_STATUS;
	}
	if (ui->zoom) {
		ui->zoom = false;
		return REDRAW_LAYOUT;
	}
	return REDRAW_NONE;
}

/* The keys that mean the same in every pane. */
static int
app_global(struct ui *ui, enum action a)
{
	switch (a) {
	case ACTION_PANE:
		if (ui->searching)
			return REDRAW_NONE;
		return ui_focus(ui, ui->focus == PANE_OUTLINE ? PANE_READER :
		    PANE_OUTLINE);
	case ACTION_SEARCH:
		return app_search_start(ui);
	case ACTION_NEXT_MATCH:
		return app_match(ui, 1);
	case ACTION_PREV_MATCH:
		return app_match(ui, -1);
	case ACTION_CANCEL:
		return app_cancel(ui);
	case ACTION_EXPORT:
		return export_prompt_start(ui);
	case ACTION_ZOOM:
		ui->zoom = !ui->zoom;
		if (ui->zoom && !ui->searching)
			ui->focus = PANE_READER;
		return REDRAW_LAYOUT;
	case ACTION_HELP:
		return hlv_open(ui);
	case ACTION_REDRAW:
		clearok(curscr, TRUE);
		return REDRAW_LAYOUT;
	case ACTION_QUIT:
		ui->quit = true;
		return REDRAW_NONE;
	default:
		return REDRAW_NONE;
	}
}

/* The pane a mouse event at (y, x) belongs to, or NULL. */
static const struct view *
app_mouse_view(struct ui *ui, int y, int x, const struct rect **r)
{
	const struct rect *rs[] = { &ui->lay.results, &ui->lay.outline,
	    &ui->lay.reader };
	const struct view *vs[] = { &rsv_view, &olv_view, &rdv_view };

	for (size_t i = ui->searching ? 0 : 1; i < 3; i++) {
		if (y >= rs[i]->y && y < rs[i]->y + rs[i]->h && x >= rs[i]->x &&
		    x < rs[i]->x + rs[i]->w) {
			*r = rs[i];
			return vs[i];
		}
		if (ui->searching)
			break;
	}
	return NULL;
}

static int
app_mouse(struct ui *ui)
{
	const struct view *v;
	const struct rect *r;
	MEVENT ev;
	int button;

	if (getmouse(&ev) != OK || prv_active(ui) || hlv_active(ui) ||
	    ui->lay.too_small)
		return REDRAW_NONE;
	if (ev.bstate & BUTTON4_PRESSED)
		button = UI_WHEEL_UP;
	else if (ev.bstate & BUTTON5_PRESSED)
		button = UI_WHEEL_DOWN;
	else if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		button = UI_CLICK;
	else
		return REDRAW_NONE;
	if ((v = app_mouse_view(ui, ev.y, ev.x, &r)) == NULL)
		return REDRAW_NONE;
	return v->mouse(ui, r, ev.y, ev.x, button);
}

/*
 * A key while the terminal is too small to show anything but the message:
 * q quits, Esc cancels an open prompt, Ctrl-L redraws; nothing else acts
 * on what cannot be seen.
 */
static int
app_key_small(struct ui *ui, enum action a)
{
	switch (a) {
	case ACTION_QUIT:
	case ACTION_REDRAW:
		return app_global(ui, a);
	case ACTION_CANCEL:
		return prv_active(ui) ? prv_cancel(ui) : REDRAW_NONE;
	default:
		return REDRAW_NONE;
	}
}

/* One key from get_wch: to the prompt, the help, the pane, or global. */
static int
app_key(struct ui *ui, int rc, wint_t ch)
{
	bool fn = rc == KEY_CODE_YES;
	const struct view *v;
	enum action a;
	int flags = REDRAW_NONE;

	if (fn && ch == KEY_RESIZE)
		return REDRAW_LAYOUT;
	if (ui->message != NULL) {
		free(ui->message);
		ui->message = NULL;
		flags |= REDRAW_STATUS;
	}
	if (fn && ch == KEY_MOUSE)
		return flags | app_mouse(ui);
	a = keymap_lookup(fn ? KEYMAP_FN(ch) : (int)ch);
	if (ui->lay.too_small)
		return flags | app_key_small(ui, a);
	if (prv_active(ui))
		return flags | prv_key(ui, fn, ch);
	if (hlv_active(ui))
		return flags | hlv_view.action(ui, a);
	if (a == ACTION_NONE)
		return flags;
	if (ui->searching)
		v = &rsv_view;
	else
		v = ui->focus == PANE_OUTLINE ? &olv_view : &rdv_view;
	rc = v->action(ui, a);
	if (rc & REDRAW_PASS)
		rc = app_global(ui, a);
	return flags | rc;
}

/* Sets the terminal up for the UI; NULL when curses cannot. */
static SCREEN *
app_start(const struct cli_options *opt)
{
	const char *nc = getenv("NO_COLOR");
	SCREEN *scr;

	if ((scr = newterm(NULL, stdout, stdin)) == NULL)
		return NULL;
	set_term(scr);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(100);	/* arrow keys over ssh can arrive split */
	timeout(1000);
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	theme_init(!opt->no_color && (nc == NULL || nc[0] == '\0'));
	return scr;
}

static long
app_usec(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * 1000000L +
	    (b->tv_nsec - a->tv_nsec) / 1000;
}

/*
 * Reads keys until q or a signal.  With BRIEF_TRACE=FILE, the time each
 * key took (handling and drawing; then the terminal update) goes to FILE.
 */
static void
app_loop(struct ui *ui, FILE *trace)
{
	struct timespec t0, t1, t2;
	int flags = REDRAW_LAYOUT, rc;
	wint_t ch;

	while (!ui->quit && term_signal() == 0) {
		if (flags != REDRAW_NONE) {
			app_draw(ui, flags);
			wnoutrefresh(stdscr);
			doupdate();
		}
		flags = REDRAW_NONE;
		if ((rc = get_wch(&ch)) == ERR)
			continue;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		flags = app_key(ui, rc, ch);
		if (trace == NULL || flags == REDRAW_NONE)
			continue;
		app_draw(ui, flags);
		wnoutrefresh(stdscr);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		doupdate();
		clock_gettime(CLOCK_MONOTONIC, &t2);
		fprintf(trace, "key %s%u work %ld us update %ld us\n",
		    rc == KEY_CODE_YES ? "fn " : "", (unsigned)ch,
		    app_usec(&t0, &t1), app_usec(&t1, &t2));
		fflush(trace);
		flags = REDRAW_NONE;
	}
}

int
app_run(struct store *st, const struct cli_options *opt)
{
	struct ui ui = { .st = st, .opt = opt, .focus = PANE_READER };
	const char *tpath = getenv("BRIEF_TRACE");
	FILE *trace = NULL;
	SCREEN *scr;
	size_t i;

	term_locale();
	term_save();
	term_signals(false);
	draw_init(term_saved() && term_probe_ambiguous());
	if ((scr = app_start(opt)) == NULL) {
		term_signals(true);
		return cli_error(EX_SOFTWARE, "cannot start the terminal UI",
		    "curses failed");
	}
	if (tpath != NULL && tpath[0] != '\0')
		trace = fopen(tpath, "a");
	ui.focus = PANE_OUTLINE;
	for (i = 0; i < sizeof app_views / sizeof app_views[0]; i++) {
		if (app_views[i]->init != NULL)
			app_views[i]->init(&ui);
	}
	app_loop(&ui, trace);
	for (i = sizeof app_views / sizeof app_views[0]; i > 0; i--) {
		if (app_views[i - 1]->free != NULL)
			app_views[i - 1]->free(&ui);
	}
	endwin();
	delscreen(scr);
	term_signals(true);
	if (trace != NULL)
		fclose(trace);
	free(ui.message);
	free(ui.query);
	free(ui.export_path);
	return term_signal() != 0 ? 128 + term_signal() : 0;
}
