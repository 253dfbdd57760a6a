/*
 * view-help.c: the help overlay (see view-help.h).  One row per action of
 * the keymap, so every key is listed and nothing else.
 */
#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"
#include "ui/list.h"
#include "ui/view-help.h"
#include "text.h"
#include "util.h"

struct hlv {
	bool		open;
	struct list	list;		/* top is the first row shown */
	int		h;
};

int
hlv_open(struct ui *ui)
{
	ui->hlv->open = true;
	ui->hlv->list.top = 0;
	return REDRAW_ALL;
}

bool
hlv_active(struct ui *ui)
{
	return ui->hlv != NULL && ui->hlv->open;
}

static void
hlv_init(struct ui *ui)
{
	ui->hlv = xcalloc(1, sizeof *ui->hlv);
	ui->hlv->list.n = ACTION__COUNT;
}

static void
hlv_free(struct ui *ui)
{
	free(ui->hlv);
	ui->hlv = NULL;
}

/* One screen row of the help: a line of an action's wrapped help text. */
struct hlv_row {
	enum action	action;
	size_t		off;
	size_t		len;
	bool		first;		/* the action's first line shows its keys */
};

/* Wraps every action's help to cols columns; returns the rows (malloc'd). */
static struct hlv_row *
hlv_rows(int cols, size_t *n)
{
	struct hlv_row *rows = NULL;
	struct text_line *lines;

	*n = 0;
	for (int a = 0; a < ACTION__COUNT; a++) {
		const char *help = keymap_help((enum action)a);
		size_t nl = text_wrap(help, strlen(help), cols, &lines);

		rows = xreallocarray(rows, *n + nl, sizeof *rows);
		for (size_t i = 0; i < nl; i++) {
			rows[*n].action = (enum action)a;
			rows[*n].off = lines[i].off;
			rows[*n].len = lines[i].len;
			rows[(*n)++].first = i == 0;
		}
		free(lines);
	}
	return rows;
}

/* A box in the middle of r, as large as the table or r allows; help text
 * wraps under itself when the box is narrow. */
static void
hlv_draw(struct ui *ui, const struct rect *r)
{
	struct hlv *hl = ui->hlv;
	struct hlv_row *rows;
	struct rect box;
	int kw = 12;
	size_t n;

	box.w = r->w < 64 ? r->w : 64;
	rows = hlv_rows(box.w - 3 - kw, &n);
	box.h = r->h < (int)n + 2 ? r->h : (int)n + 2;
	box.y = r->y + (r->h - box.h) / 2;
	box.x = r->x + (r->w - box.w) / 2;
	draw_box(&box, "Keys (q or Esc closes)", true);
	hl->h = box.h - 2;
	hl->list.n = n;
	list_scroll(&hl->list, 0, hl->h);
	for (int y = 0; y < hl->h; y++) {
		size_t i = hl->list.top + (size_t)y;
		int row = box.y + 1 + y, x = box.x + 1, w = box.w - 2;
		const char *help;
		char *text;

		if (i >= n) {
			draw_fill(row, x, w, THEME_NORMAL);
			continue;
		}
		help = keymap_help(rows[i].action);
		text = xstrndup(help + rows[i].off, rows[i].len);
		draw_fill(row, x, 1, THEME_NORMAL);
		draw_line(row, x + 1, kw, rows[i].first ?
		    keymap_keys(rows[i].action) : "", THEME_HINT_KEY);
		draw_line(row, x + 1 + kw, w - 1 - kw, text, THEME_NORMAL);
		free(text);
	}
	free(rows);
}

static int
hlv_action(struct ui *ui, enum action a)
{
	struct hlv *hl = ui->hlv;
	long page = hl->h > 1 ? hl->h - 1 : 1;

	switch (a) {
	case ACTION_DOWN:
		list_scroll(&hl->list, 1, hl->h);
		break;
	case ACTION_UP:
		list_scroll(&hl->list, -1, hl->h);
		break;
	case ACTION_PAGE_DOWN:
		list_scroll(&hl->list, page, hl->h);
		break;
	case ACTION_PAGE_UP:
		list_scroll(&hl->list, -page, hl->h);
		break;
	case ACTION_TOP:
		list_scroll(&hl->list, -(long)hl->list.n, hl->h);
		break;
	case ACTION_BOTTOM:
		list_scroll(&hl->list, (long)hl->list.n, hl->h);
		break;
	case ACTION_HELP:
	case ACTION_CANCEL:
	case ACTION_QUIT:
		/*
		 * The overlay's border may have split a wide character of the
		 * panes under it, which the terminal then erased whole, while
		 * curses still counts its first half as drawn: repaint it all.
		 */
		hl->open = false;
		clearok(curscr, TRUE);
		return REDRAW_ALL;
	default:
		return REDRAW_NONE;
	}
	return REDRAW_ALL;
}

const struct view hlv_view = {
	.name = "help",
	.init = hlv_init,
	.free = hlv_free,
	.draw = hlv_draw,
	.action = hlv_action,
};
