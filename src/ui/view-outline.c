/*
 * view-outline.c: the outline pane (see view-outline.h).  The tree is kept
 * as each briefing's sections in reading order plus an "open" flag per
 * section; the visible rows are recomputed from them when something is
 * expanded or collapsed.  The briefings' own records are read in chunks of
 * OLV_CHUNK as rows need them (olv_briefing), so that the first screen of a
 * large library reads one chunk, not the whole list.
 */
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/view-outline.h"
#include "ui/view-reader.h"

/* Briefing records read at a time: more than a screenful of rows. */
#define OLV_CHUNK 64

struct olv_brief {
	struct section	*secs;
	size_t		 n;
	bool		*open;		/* per section: children shown */
	bool		 loaded;
	bool		 expanded;	/* the briefing's row is open */
};

/* A visible row: a briefing (s == -1) or one of its sections. */
struct olv_row {
	size_t	b;
	long	s;
};

struct olv {
	struct briefing		**chunks;	/* per OLV_CHUNK briefings, or NULL
						   until olv_briefing reads it */
	size_t			 nb;
	struct olv_brief	*briefs;
	bool			 multi;		/* briefings are roots */
	struct olv_row		*rows;
	struct list		 list;
	int			 h;		/* rows shown, for paging */
};

/* The number of briefings in chunk c (the last one may be short). */
static size_t
olv_chunk_len(const struct olv *o, size_t c)
{
	size_t off = c * OLV_CHUNK;

	return o->nb - off < OLV_CHUNK ? o->nb - off : OLV_CHUNK;
}

/*
 * Briefing b's record, read with the rest of its chunk the first time one
 * of them is needed.  Never NULL: what cannot be read (an error, or a
 * library that shrank since it was counted) is left as a placeholder with
 * id 0 and title "?", after saying so.  Stays valid until olv_free.
 */
static const struct briefing *
olv_briefing(struct ui *ui, size_t b)
{
	struct olv *o = ui->olv;
	size_t c = b / OLV_CHUNK, len = olv_chunk_len(o, c), n = 0;
	struct briefing *v = NULL;
	char *cause = NULL;

	if (o->chunks[c] != NULL)
		return &o->chunks[c][b % OLV_CHUNK];
	if (library_list_range(ui->st, c * OLV_CHUNK, len, &v, &n,
	    &cause) != 0) {
		ui_failed(ui, "cannot list the briefings", cause);
		v = NULL;
		n = 0;
	}
	if (n < len) {
		v = xreallocarray(v, len, sizeof *v);
		memset(v + n, 0, (len - n) * sizeof *v);
		for (size_t i = n; i < len; i++) {
			v[i].slug = xstrdup("");
			v[i].title = xstrdup("?");
		}
	}
	o->chunks[c] = v;
	return &v[b % OLV_CHUNK];
}

/* Reads a briefing's sections the first time they are needed. */
static bool
olv_load(struct ui *ui, size_t b)
{
	struct olv_brief *ob = &ui->olv->briefs[b];
	char *cause = NULL;

	if (ob->loaded)
		return true;
	if (outline_list(ui->st, olv_briefing(ui, b)->id, &ob->secs, &ob->n,
	    &cause) != 0) {
		ui_failed(ui, "cannot read the outline", cause);
		return false;
	}
	ob->open = xcalloc(ob->n + 1, sizeof *ob->open);
	ob->loaded = true;
	return true;
}

/* The index of section s's parent in its briefing, or -1. */
static long
olv_parent(const struct olv_brief *ob, long s)
{
	for (long j = s - 1; j >= 0; j--) {
		if (ob->secs[j].depth < ob->secs[s].depth)
			return j;
	}
	return -1;
}

/* Recomputes the visible rows, keeping the cursor on (b, s) when shown. */
static void
olv_rebuild(struct olv *o, size_t b, long s)
{
	size_t n = 0, cur = 0;
	bool found = false;

	free(o->rows);
	o->rows = NULL;
	for (size_t i = 0; i < o->nb; i++) {
		struct olv_brief *ob = &o->briefs[i];
		int hide = 0;	/* depth under a closed section, or 0 */

		o->rows = xreallocarray(o->rows, n + 1 + ob->n,
		    sizeof *o->rows);
		if (o->multi)
			o->rows[n++] = (struct olv_row){ i, -1 };
		if ((o->multi && !ob->expanded) || !ob->loaded)
			continue;
		for (size_t j = 0; j < ob->n; j++) {
			const struct section *sec = &ob->secs[j];

			if (hide != 0 && sec->depth > hide)
				continue;
			hide = ob->open[j] ? 0 : sec->depth;
			o->rows[n++] = (struct olv_row){ i, (long)j };
		}
	}
	for (size_t r = 0; r < n && !found; r++) {
		if (o->rows[r].b == b && o->rows[r].s == s) {
			cur = r;
			found = true;
		}
	}
	list_set_count(&o->list, n);
	if (found)
		list_select(&o->list, cur, o->h);
}

/* Shows the row under the cursor in the reader. */
static int
olv_follow(struct ui *ui)
{
	struct olv *o = ui->olv;
	struct olv_row *row;

	if (o->list.n == 0)
		return REDRAW_OUTLINE;
	row = &o->rows[o->list.cur];
	/* A briefing's row lists its sections: read them on the way. */
	if (!olv_load(ui, row->b))
		return REDRAW_OUTLINE | REDRAW_STATUS;
	rdv_show(ui, olv_briefing(ui, row->b), o->briefs[row->b].secs,
	    o->briefs[row->b].n, row->s);
	return REDRAW_OUTLINE | REDRAW_READER | REDRAW_STATUS;
}

/* Opens every section above secs[s] so that it has a row. */
static void
olv_reveal(struct olv *o, size_t b, long s)
{
	struct olv_brief *ob = &o->briefs[b];

	ob->expanded = true;
	for (long p = s >= 0 ? olv_parent(ob, s) : -1; p >= 0;
	    p = olv_parent(ob, p))
		ob->open[p] = true;
}

/* Puts the cursor on (b, s), revealing it, and shows it. */
static int
olv_goto(struct ui *ui, size_t b, long s)
{
	struct olv *o = ui->olv;

	if (!olv_load(ui, b))
		return REDRAW_STATUS;
	olv_reveal(o, b, s);
	olv_rebuild(o, b, s);
	return olv_follow(ui);
}

static void
olv_init(struct ui *ui)
{
	struct olv *o = xcalloc(1, sizeof *o);
	char *cause = NULL;
	int count = 0;

	ui->olv = o;
	o->h = 10;
	if (library_count(ui->st, &count, &cause) != 0) {
		ui_failed(ui, "cannot list the briefings", cause);
		count = 0;
	}
	o->nb = (size_t)count;
	o->chunks = xcalloc(o->nb / OLV_CHUNK + 1, sizeof *o->chunks);
	o->briefs = xcalloc(o->nb + 1, sizeof *o->briefs);
	o->multi = o->nb > 1;
	if (o->nb == 0) {
		ui_message(ui, true, "the library is empty: brief import FILE");
		return;
	}
	/* Only the first briefing is read: the rest when expanded. */
	if (olv_load(ui, 0))
		olv_goto(ui, 0, o->briefs[0].n > 0 ? 0 : -1);
}

static void
olv_free(struct ui *ui)
{
	struct olv *o = ui->olv;

	if (o == NULL)
		return;
	for (size_t i = 0; i < o->nb; i++) {
		sections_free(o->briefs[i].secs, o->briefs[i].n);
		free(o->briefs[i].open);
	}
	free(o->briefs);
	for (size_t c = 0; c * OLV_CHUNK < o->nb; c++) {
		if (o->chunks[c] != NULL)
			briefings_free(o->chunks[c], olv_chunk_len(o, c));
	}
	free(o->chunks);
	free(o->rows);
	free(o);
	ui->olv = NULL;
}

/* The text of a row: indent, marker, label and title. */
static char *
olv_row_text(struct ui *ui, const struct olv_row *row)
{
	const struct olv *o = ui->olv;
	const struct olv_brief *ob = &o->briefs[row->b];
	const struct section *sec;
	const char *mark;
	char *heading, *text;
	int indent;

	if (row->s < 0) {
		mark = ob->expanded ? "▾" : "▸";
		return xasprintf("%s%s", mark, olv_briefing(ui, row->b)->title);
	}
	sec = &ob->secs[row->s];
	indent = 2 * (sec->depth - 1) + (o->multi ? 2 : 0);
	mark = sec->n_children == 0 ? " " : ob->open[row->s] ? "▾" : "▸";
	heading = section_heading(sec);
	text = xasprintf("%*s%s%s", indent, "", mark, heading);
	free(heading);
	return text;
}

static void
olv_draw(struct ui *ui, const struct rect *r)
{
	struct olv *o = ui->olv;
	bool focus = ui->focus == PANE_OUTLINE;
	int w = r->w - 2, y;

	draw_box(r, o->multi ? "Library" : "Outline", focus);
	o->h = r->h - 2;
	list_select(&o->list, o->list.cur, o->h);
	for (y = 0; y < o->h; y++) {
		size_t i = o->list.top + (size_t)y;
		enum theme_role role = THEME_NORMAL;
		char *text, *cut;
		int tw;

		if (i >= o->list.n) {
			draw_fill(r->y + 1 + y, r->x + 1, w, THEME_NORMAL);
			continue;
		}
		if (i == o->list.cur)
			role = focus ? THEME_SELECTED : THEME_SELECTED_IDLE;
		text = olv_row_text(ui, &o->rows[i]);
		cut = text_truncate(text, strlen(text), w - 1, &tw);
		draw_line(r->y + 1 + y, r->x + 1, 1, i == o->list.cur ?
		    "▶" : " ", THEME_CURRENT);
		draw_line(r->y + 1 + y, r->x + 2, w - 1, cut, role);
		free(cut);
		free(text);
	}
}

/* Enter: expand, then drill down into the first child, then read. */
static int
olv_open(struct ui *ui)
{
	struct olv *o = ui->olv;
	struct olv_row row = o->rows[o->list.cur];
	struct olv_brief *ob = &o->briefs[row.b];

	if (row.s < 0) {
		if (!ob->expanded) {
			if (!olv_load(ui, row.b))
				return REDRAW_STATUS;
			ob->expanded = true;
			olv_rebuild(o, row.b, row.s);
			return REDRAW_OUTLINE;
		}
		if (ob->n > 0)
			return olv_goto(ui, row.b, 0);
		return ui_focus(ui, PANE_READER);
	}
	if (ob->secs[row.s].n_children > 0) {
		if (!ob->open[row.s]) {
			ob->open[row.s] = true;
			olv_rebuild(o, row.b, row.s);
			return REDRAW_OUTLINE;
		}
		return olv_goto(ui, row.b, row.s + 1);
	}
	return ui_focus(ui, PANE_READER);
}

/* h: collapse an open row, else go to the parent. */
static int
olv_back(struct ui *ui)
{
	struct olv *o = ui->olv;
	struct olv_row row = o->rows[o->list.cur];
	struct olv_brief *ob = &o->briefs[row.b];
	long p;

	if (row.s < 0) {
		if (!ob->expanded)
			return REDRAW_NONE;
		ob->expanded = false;
		olv_rebuild(o, row.b, row.s);
		return REDRAW_OUTLINE;
	}
	if (ob->secs[row.s].n_children > 0 && ob->open[row.s]) {
		ob->open[row.s] = false;
		olv_rebuild(o, row.b, row.s);
		return REDRAW_OUTLINE;
	}
	p = olv_parent(ob, row.s);
	if (p < 0 && !o->multi)
		return REDRAW_NONE;
	return olv_goto(ui, row.b, p);
}

static int
olv_action(struct ui *ui, enum action a)
{
	struct olv *o = ui->olv;

	if (o->list.n == 0)
		return REDRAW_PASS;
	if (list_action(&o->list, a, o->h))
		return olv_follow(ui);
	switch (a) {
	case ACTION_OPEN:
		return olv_open(ui);
	case ACTION_BACK:
		return olv_back(ui);
	case ACTION_PREV_SECTION:
		return olv_step(ui, -1);
	case ACTION_NEXT_SECTION:
		return olv_step(ui, 1);
	default:
		return REDRAW_PASS;
	}
}

static int
olv_mouse(struct ui *ui, const struct rect *r, int y, int x, int button)
{
	struct olv *o = ui->olv;
	size_t row;

	(void)x;
	if (button == UI_WHEEL_UP || button == UI_WHEEL_DOWN) {
		list_scroll(&o->list, button == UI_WHEEL_UP ? -3 : 3, o->h);
		return olv_follow(ui);
	}
	if (!list_row_at(&o->list, y - r->y - 1, o->h, &row))
		return ui_focus(ui, PANE_OUTLINE);
	list_select(&o->list, row, o->h);
	return olv_follow(ui) | ui_focus(ui, PANE_OUTLINE);
}

const struct view olv_view = {
	.name = "outline",
	.init = olv_init,
	.free = olv_free,
	.draw = olv_draw,
	.action = olv_action,
	.mouse = olv_mouse,
};

int
olv_select(struct ui *ui, int64_t briefing_id, int64_t section_id)
{
	struct olv *o = ui->olv;
	char *cause = NULL;
	size_t b;
	int rc;

	/* The briefing's place in the list, not a walk through all of it. */
	if ((rc = library_position(ui->st, briefing_id, &b, &cause)) != 0 &&
	    rc != EX_DATAERR) {
		ui_failed(ui, "cannot find the briefing", cause);
		return REDRAW_STATUS;
	}
	free(cause);
	/* One imported since the outline was read has no row. */
	if (rc == 0 && b < o->nb && olv_briefing(ui, b)->id == briefing_id) {
		if (!olv_load(ui, b))
			return REDRAW_STATUS;
		for (size_t s = 0; s < o->briefs[b].n; s++) {
			if (o->briefs[b].secs[s].id == section_id)
				return olv_goto(ui, b, (long)s);
		}
	}
	ui_message(ui, true, "that section is no longer in the library");
	return REDRAW_STATUS;
}

int
olv_step(struct ui *ui, int dir)
{
	struct olv *o = ui->olv;
	struct olv_row row;
	size_t b;
	long s;

	if (o->list.n == 0)
		return REDRAW_NONE;
	row = o->rows[o->list.cur];
	b = row.b;
	s = row.s + dir;
	if (s >= 0 && (size_t)s < o->briefs[b].n)
		return olv_goto(ui, b, s);
	if (dir < 0 && s == -1 && o->multi)
		return olv_goto(ui, b, -1);
	/* Past either end of this briefing: on to the neighbour. */
	if ((dir > 0 && b + 1 >= o->nb) || (dir < 0 && b == 0)) {
		ui_message(ui, false, dir > 0 ? "the last section" :
		    "the first section");
		return REDRAW_STATUS;
	}
	b = dir > 0 ? b + 1 : b - 1;
	if (!olv_load(ui, b))
		return REDRAW_STATUS;
	if (dir > 0)
		return olv_goto(ui, b, o->multi || o->briefs[b].n == 0 ? -1 : 0);
	return olv_goto(ui, b, (long)o->briefs[b].n - 1);
}

bool
olv_current(struct ui *ui, const struct briefing **b, const struct section **s)
{
	struct olv *o = ui->olv;
	struct olv_row *row;

	if (o == NULL || o->list.n == 0)
		return false;
	row = &o->rows[o->list.cur];
	*b = olv_briefing(ui, row->b);
	*s = row->s < 0 ? NULL : &o->briefs[row->b].secs[row->s];
	return true;
}

/* Appends " › V. title" of s and of its ancestors, outermost first. */
static void
olv_crumb_section(const struct olv_brief *ob, long s, struct buf *out)
{
	long p = olv_parent(ob, s);
	char *heading;

	if (p >= 0)
		olv_crumb_section(ob, p, out);
	heading = section_heading(&ob->secs[s]);
	buf_printf(out, " › %s", heading);
	free(heading);
}

void
olv_crumbs(struct ui *ui, struct buf *out)
{
	struct olv *o = ui->olv;
	struct olv_row *row;

	buf_addstr(out, " brief");
	if (o == NULL || o->list.n == 0)
		return;
	row = &o->rows[o->list.cur];
	buf_printf(out, " › %s", olv_briefing(ui, row->b)->title);
	if (row->s >= 0)
		olv_crumb_section(&o->briefs[row->b], row->s, out);
}
