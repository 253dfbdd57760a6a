/*
 * view-results.c: the search results pane (see view-results.h).  The hits
 * come from search_run with a limit; display paths are asked for only when
 * a row is first drawn.
 */
#include <stdlib.h>
#include <string.h>

#include "outline.h"
#include "query.h"
#include "search.h"
#include "text.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/view-outline.h"
#include "ui/view-reader.h"
#include "ui/view-results.h"
#include "util.h"

#define RSV_LIMIT	200

struct rsv {
	struct search_results	 res;
	struct query		*q;		/* what res answers */
	char			**paths;	/* per hit, when drawn */
	struct list		 list;
	int			 h;
	long			 opened;	/* hit opened last, or -1 */
};

static void
rsv_clear(struct rsv *rs)
{
	for (size_t i = 0; i < rs->res.n; i++)
		free(rs->paths[i]);
	free(rs->paths);
	search_results_free(&rs->res);
	memset(&rs->res, 0, sizeof rs->res);
	query_free(rs->q);
	rs->q = NULL;
	rs->paths = NULL;
	rs->opened = -1;
	list_set_count(&rs->list, 0);
}

int
rsv_update(struct ui *ui, const char *query)
{
	struct rsv *rs = ui->rsv;
	char *cause = NULL;
	int cols = ui->cols * 2 / 3;

	struct search_opts so = { RSV_LIMIT, cols > 20 ? cols : 20, 0, NULL };

	rsv_clear(rs);
	rs->q = query_parse(query, strlen(query));
	if (search_run(ui->st, rs->q, &so, &rs->res, &cause) != 0) {
		ui_failed(ui, "cannot search", cause);
		memset(&rs->res, 0, sizeof rs->res);
	}
	rs->paths = xcalloc(rs->res.n + 1, sizeof *rs->paths);
	list_set_count(&rs->list, rs->res.n);
	list_select(&rs->list, 0, rs->h);
	return REDRAW_RESULTS | REDRAW_STATUS;
}

size_t
rsv_count(struct ui *ui)
{
	return ui->rsv->res.n;
}

/* Opens hit i at its first (dir > 0) or last match. */
static int
rsv_open_hit(struct ui *ui, size_t i, int dir)
{
	struct rsv *rs = ui->rsv;
	const struct section *s = &rs->res.hits[i].section;
	int flags;

	rs->opened = (long)i;
	ui->searching = false;
	query_free(ui->query);
	ui->query = NULL;
	flags = olv_select(ui, s->briefing_id, s->id);
	ui->query = query_ref(rs->q);
	rdv_query_changed(ui);
	if (!rdv_goto_match(ui, dir))
		ui_message(ui, false, "the match is in this section's title");
	return flags | ui_focus(ui, PANE_READER) | REDRAW_ALL;
}

int
rsv_open(struct ui *ui)
{
	struct rsv *rs = ui->rsv;

	if (rs->res.n == 0)
		return REDRAW_NONE;
	return rsv_open_hit(ui, rs->list.cur, 1);
}

int
rsv_step(struct ui *ui, int dir)
{
	struct rsv *rs = ui->rsv;
	long next;

	if (rs->res.n == 0 || rs->opened < 0) {
		ui_message(ui, true, "no search yet: press / to search");
		return REDRAW_STATUS;
	}
	next = rs->opened + dir;
	if (next < 0 || next >= (long)rs->res.n) {
		next = next < 0 ? (long)rs->res.n - 1 : 0;
		ui_message(ui, false, dir > 0 ? "search wrapped to the top" :
		    "search wrapped to the bottom");
	}
	list_select(&rs->list, (size_t)next, rs->h);
	return rsv_open_hit(ui, (size_t)next, dir);
}

static void
rsv_init(struct ui *ui)
{
	ui->rsv = xcalloc(1, sizeof *ui->rsv);
	ui->rsv->opened = -1;
	ui->rsv->h = 10;
}

static void
rsv_free(struct ui *ui)
{
	if (ui->rsv == NULL)
		return;
	rsv_clear(ui->rsv);
	free(ui->rsv);
	ui->rsv = NULL;
}

/* Draws s truncated to cols columns, then padding. */
static void
rsv_cell(int y, int x, int cols, const char *s, enum theme_role role)
{
	char *cut = text_truncate(s, strlen(s), cols, NULL);

	draw_line(y, x, cols, cut, role);
	free(cut);
}

/* One hit: path, title, and the snippet with its matches. */
static void
rsv_draw_row(struct ui *ui, size_t i, int y, int x, int w)
{
	struct rsv *rs = ui->rsv;
	struct search_hit *hit = &rs->res.hits[i];
	struct draw_span spans[SEARCH_MARKS];
	enum theme_role role = THEME_NORMAL;
	int pw = w / 5 > 24 ? 24 : w / 5, tw = w / 4, used;
	char *title;

	if (i == rs->list.cur)
		role = ui->focus == PANE_RESULTS ? THEME_SELECTED :
		    THEME_SELECTED_IDLE;
	if (rs->paths[i] == NULL)
		rs->paths[i] = outline_display_path(ui->st, &hit->section);
	draw_fill(y, x, 1, role);
	rsv_cell(y, x + 1, pw, rs->paths[i], role);
	title = section_heading(&hit->section);
	draw_fill(y, x + 1 + pw, 1, role);
	rsv_cell(y, x + 2 + pw, tw, title, role);
	free(title);
	draw_fill(y, x + 2 + pw + tw, 1, role);
	x += 3 + pw + tw;
	w -= 3 + pw + tw;
	for (size_t k = 0; k < hit->n_marks && k < SEARCH_MARKS; k++) {
		spans[k].start = hit->marks[k].start;
		spans[k].end = hit->marks[k].end;
		spans[k].role = THEME_MATCH;
	}
	used = draw_text(y, x, w, hit->snippet, strlen(hit->snippet), role,
	    spans, hit->n_marks, 0);
	draw_fill(y, x + used, w - used, role);
}

static void
rsv_draw(struct ui *ui, const struct rect *r)
{
	struct rsv *rs = ui->rsv;
	char *title;

	if (rs->q == NULL || rs->q->input[0] == '\0')
		title = xstrdup("Search");
	else
		title = xasprintf("Search \"%s\": %zu%s hit%s%s", rs->q->input,
		    rs->res.n, rs->res.more ? "+" : "", rs->res.n == 1 ? "" :
		    "s", rs->res.n > 1 && !rs->res.ranked ?
		    ", in reading order (too many to rank)" : "");
	draw_box(r, title, ui->focus == PANE_RESULTS);
	free(title);
	rs->h = r->h - 2;
	list_select(&rs->list, rs->list.cur, rs->h);
	for (int y = 0; y < rs->h; y++) {
		size_t i = rs->list.top + (size_t)y;

		if (i < rs->res.n)
			rsv_draw_row(ui, i, r->y + 1 + y, r->x + 1, r->w - 2);
		else if (y == 0 && rs->q != NULL && rs->q->input[0] != '\0')
			draw_line(r->y + 1, r->x + 1, r->w - 2, " no matches",
			    THEME_SUBSECTION);
		else
			draw_fill(r->y + 1 + y, r->x + 1, r->w - 2,
			    THEME_NORMAL);
	}
}

static int
rsv_action(struct ui *ui, enum action a)
{
	struct rsv *rs = ui->rsv;

	if (list_action(&rs->list, a, rs->h))
		return REDRAW_RESULTS | REDRAW_STATUS;
	if (a == ACTION_OPEN)
		return rsv_open(ui);
	return REDRAW_PASS;
}

static int
rsv_mouse(struct ui *ui, const struct rect *r, int y, int x, int button)
{
	struct rsv *rs = ui->rsv;
	size_t row;

	(void)x;
	if (button == UI_WHEEL_UP || button == UI_WHEEL_DOWN) {
		list_scroll(&rs->list, button == UI_WHEEL_UP ? -3 : 3, rs->h);
		return REDRAW_RESULTS;
	}
	if (!list_row_at(&rs->list, y - r->y - 1, rs->h, &row))
		return REDRAW_NONE;
	if (row == rs->list.cur && ui->focus == PANE_RESULTS)
		return rsv_open(ui);
	list_select(&rs->list, row, rs->h);
	return REDRAW_RESULTS | ui_focus(ui, PANE_RESULTS);
}

const struct view rsv_view = {
	.name = "results",
	.init = rsv_init,
	.free = rsv_free,
	.draw = rsv_draw,
	.action = rsv_action,
	.mouse = rsv_mouse,
};
