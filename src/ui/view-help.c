/*
 * view-help.c: the help overlay (see view-help.h).  One row per action of
 * the keymap, so every key is listed and nothing else.
 */
#include <stdlib.h>

#include "ui/draw.h"
#include "ui/list.h"
#include "ui/view-help.h"
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

/* A box in the middle of r, as large as the table or r allows. */
static void
hlv_draw(struct ui *ui, const struct rect *r)
{
	struct hlv *hl = ui->hlv;
	struct rect box;
	int kw = 12;

	box.w = r->w < 64 ? r->w : 64;
	box.h = r->h < ACTION__COUNT + 2 ? r->h : ACTION__COUNT + 2;
	box.y = r->y + (r->h - box.h) / 2;
	box.x = r->x + (r->w - box.w) / 2;
	draw_box(&box, "Keys (q or Esc closes)", true);
	hl->h = box.h - 2;
	list_scroll(&hl->list, 0, hl->h);
	for (int y = 0; y < hl->h; y++) {
		enum action a = (enum action)(hl->list.top + (size_t)y);
		int row = box.y + 1 + y, x = box.x + 1, w = box.w - 2;

		if ((size_t)a >= hl->list.n) {
			draw_fill(row, x, w, THEME_NORMAL);
			continue;
		}
		draw_fill(row, x, 1, THEME_NORMAL);
		draw_line(row, x + 1, kw, keymap_keys(a), THEME_HINT_KEY);
		draw_line(row, x + 1 + kw, w - 1 - kw, keymap_help(a),
		    THEME_NORMAL);
	}
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
	case ACTION_HELP:
	case ACTION_CANCEL:
	case ACTION_QUIT:
		hl->open = false;
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
