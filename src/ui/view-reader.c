/*
 * view-reader.c: the reader pane (see view-reader.h).  The text of a
 * section is a list of blocks (heading, paragraphs, blank lines, the list
 * of sub-sections); each block is wrapped the first time one of its lines
 * is needed at the current width.  The scroll position is a block and a
 * line in it, so nothing before or after the screen is ever measured.
 */
#include <stdlib.h>
#include <string.h>

#include "query.h"
#include "text.h"
#include "ui/draw.h"
#include "ui/view-outline.h"
#include "ui/view-reader.h"
#include "util.h"

#define RDV_SPANS	32	/* highlighted matches on one line */

enum rdv_kind {
	RDV_HEADING,
	RDV_TEXT,
	RDV_SUB,
	RDV_NOTE,
};

/* A match in a block: bytes [start, end) from the block's moff. */
struct rdv_match {
	size_t	start;
	size_t	end;
};

struct rdv_block {
	enum rdv_kind		 kind;
	char			*text;
	size_t			 len;
	int			 para;	/* paragraph for matches; -1 title */
	size_t			 moff;	/* where match offsets start in text */
	size_t			 before; /* bytes in earlier blocks */
	struct text_line	*lines;
	size_t			 nlines;
	int			 cols;	/* wrapped at; 0: not yet */
	size_t			 m_first; /* its matches in rdv.m */
	size_t			 m_n;
};

struct rdv {
	bool			 shown;
	int64_t			 bid;
	int64_t			 sid;	/* 0 for a briefing */
	char			*title;
	struct rdv_block	*blocks;
	size_t			 nb;
	size_t			 total;
	int			 cols;	/* wrap width */
	int			 h;	/* rows shown */
	size_t			 top_b;	/* first line shown: block, line */
	size_t			 top_l;
	struct rdv_match	*m;	/* matches of ui->query, block by block */
	size_t			 nm;
	long			 cur_m;	/* current match, or -1 */
};

/* The wrapped lines of a block at the current width. */
static void
rdv_wrap(struct rdv *rd, struct rdv_block *blk)
{
	if (blk->cols == rd->cols && blk->lines != NULL)
		return;
	free(blk->lines);
	blk->nlines = text_wrap(blk->text, blk->len, rd->cols, &blk->lines);
	if (blk->nlines == 0) {
		blk->lines = xreallocarray(blk->lines, 1, sizeof *blk->lines);
		blk->lines[0] = (struct text_line){ 0, 0, 0 };
		blk->nlines = 1;
	}
	blk->cols = rd->cols;
}

/* Moves (b, l) one line down; false at the end. */
static bool
rdv_next(struct rdv *rd, size_t *b, size_t *l)
{
	rdv_wrap(rd, &rd->blocks[*b]);
	if (*l + 1 < rd->blocks[*b].nlines) {
		(*l)++;
		return true;
	}
	if (*b + 1 >= rd->nb)
		return false;
	(*b)++;
	*l = 0;
	return true;
}

/* Moves (b, l) one line up; false at the top. */
static bool
rdv_prev(struct rdv *rd, size_t *b, size_t *l)
{
	if (*l > 0) {
		(*l)--;
		return true;
	}
	if (*b == 0)
		return false;
	(*b)--;
	rdv_wrap(rd, &rd->blocks[*b]);
	*l = rd->blocks[*b].nlines - 1;
	return true;
}

/* The number of lines from the top of the screen down, at most h. */
static int
rdv_lines_shown(struct rdv *rd)
{
	size_t b = rd->top_b, l = rd->top_l;
	int n = 1;

	if (rd->nb == 0)
		return 0;
	while (n < rd->h && rdv_next(rd, &b, &l))
		n++;
	return n;
}

/* Keeps the screen full: the last line goes no higher than the bottom. */
static void
rdv_clamp(struct rdv *rd)
{
	int shown;

	if (rd->nb == 0)
		return;
	rdv_wrap(rd, &rd->blocks[rd->top_b]);
	if (rd->top_l >= rd->blocks[rd->top_b].nlines)
		rd->top_l = rd->blocks[rd->top_b].nlines - 1;
	for (shown = rdv_lines_shown(rd); shown < rd->h; shown++) {
		if (!rdv_prev(rd, &rd->top_b, &rd->top_l))
			break;
	}
}

static void
rdv_scroll(struct rdv *rd, long delta)
{
	for (; delta > 0; delta--) {
		if (!rdv_next(rd, &rd->top_b, &rd->top_l))
			break;
	}
	for (; delta < 0; delta++) {
		if (!rdv_prev(rd, &rd->top_b, &rd->top_l))
			break;
	}
	rdv_clamp(rd);
}

/* Changes the wrap width, keeping the top line's text at the top. */
static void
rdv_set_cols(struct rdv *rd, int cols)
{
	struct rdv_block *blk;
	size_t off = 0;

	if (cols == rd->cols)
		return;
	if (rd->nb > 0 && rd->blocks[rd->top_b].lines != NULL &&
	    rd->blocks[rd->top_b].cols == rd->cols)
		off = rd->blocks[rd->top_b].lines[rd->top_l].off;
	rd->cols = cols;
	if (rd->nb == 0)
		return;
	blk = &rd->blocks[rd->top_b];
	rdv_wrap(rd, blk);
	rd->top_l = 0;
	while (rd->top_l + 1 < blk->nlines && blk->lines[rd->top_l + 1].off <=
	    off)
		rd->top_l++;
}

static void
rdv_clear(struct rdv *rd)
{
	for (size_t i = 0; i < rd->nb; i++) {
		free(rd->blocks[i].text);
		free(rd->blocks[i].lines);
	}
	free(rd->blocks);
	free(rd->title);
	free(rd->m);
	rd->blocks = NULL;
	rd->title = NULL;
	rd->m = NULL;
	rd->nb = rd->nm = rd->total = 0;
	rd->top_b = rd->top_l = 0;
	rd->cur_m = -1;
	rd->shown = false;
}

/* Appends a block; text is taken over. */
static struct rdv_block *
rdv_add(struct rdv *rd, enum rdv_kind kind, char *text, int para)
{
	struct rdv_block *blk;

	rd->blocks = xreallocarray(rd->blocks, rd->nb + 1, sizeof *rd->blocks);
	blk = &rd->blocks[rd->nb++];
	memset(blk, 0, sizeof *blk);
	blk->kind = kind;
	blk->text = text;
	blk->len = strlen(text);
	blk->para = para;
	blk->before = rd->total;
	rd->total += blk->len + 1;
	return blk;
}

/* The list of sections under secs[idx] (the top level for idx -1). */
static void
rdv_add_children(struct rdv *rd, const struct section *secs, size_t n,
    long idx)
{
	int depth = idx < 0 ? 0 : secs[idx].depth;
	bool first = true;
	char *heading;

	for (size_t j = (size_t)(idx + 1); j < n && secs[j].depth > depth;
	    j++) {
		if (secs[j].depth != depth + 1)
			continue;
		if (first)
			rdv_add(rd, RDV_TEXT, xstrdup(""), -2);
		first = false;
		heading = section_heading(&secs[j]);
		rdv_add(rd, RDV_SUB, xasprintf("▸ %s", heading), -2);
		free(heading);
	}
}

/* Heading and paragraphs of one section. */
static void
rdv_add_section(struct ui *ui, struct rdv *rd, const struct section *s)
{
	struct rdv_block *blk;
	char **paras = NULL, *cause = NULL;
	size_t np = 0;

	blk = rdv_add(rd, RDV_HEADING, section_heading(s), -1);
	/* Matches in the title: their offsets start after "V. ". */
	blk->moff = blk->len - strlen(s->title);
	if (outline_paragraphs(ui->st, s->id, &paras, &np, &cause) != 0) {
		ui_failed(ui, "cannot read the section", cause);
		return;
	}
	for (size_t i = 0; i < np; i++) {
		rdv_add(rd, RDV_TEXT, xstrdup(""), -2);
		rdv_add(rd, RDV_TEXT, paras[i], (int)i);
	}
	free(paras);
}

/* Appends the matches of q in one block to rd->m. */
static void
rdv_block_matches(struct rdv *rd, struct rdv_block *blk, const struct query *q)
{
	struct query_match *m;
	size_t n;

	blk->m_first = rd->nm;
	blk->m_n = 0;
	if (blk->para == -2)
		return;
	n = query_find_all(q, blk->text + blk->moff, blk->len - blk->moff, &m);
	if (n == 0)
		return;
	rd->m = xreallocarray(rd->m, rd->nm + n, sizeof *rd->m);
	for (size_t i = 0; i < n; i++) {
		rd->m[rd->nm].start = m[i].start;
		rd->m[rd->nm++].end = m[i].end;
	}
	blk->m_n = n;
	free(m);
}

/* Finds the matches of ui->query in the text shown (no re-reading). */
static void
rdv_load_matches(struct ui *ui, struct rdv *rd)
{
	free(rd->m);
	rd->m = NULL;
	rd->nm = 0;
	rd->cur_m = -1;
	for (size_t i = 0; i < rd->nb; i++) {
		rd->blocks[i].m_first = 0;
		rd->blocks[i].m_n = 0;
		if (!query_empty(ui->query) && rd->sid != 0)
			rdv_block_matches(rd, &rd->blocks[i], ui->query);
	}
}

void
rdv_show(struct ui *ui, const struct briefing *b, const struct section *secs,
    size_t n, long idx)
{
	struct rdv *rd = ui->rdv;
	int64_t sid = idx < 0 ? 0 : secs[idx].id;

	if (rd->shown && rd->bid == b->id && rd->sid == sid)
		return;
	rdv_clear(rd);
	rd->shown = true;
	rd->bid = b->id;
	rd->sid = sid;
	if (idx < 0) {
		rd->title = xstrdup(b->title);
		rdv_add(rd, RDV_HEADING, xstrdup(b->title), -2);
		if (b->byline != NULL && b->byline[0] != '\0')
			rdv_add(rd, RDV_NOTE, xstrdup(b->byline), -2);
	} else {
		rd->title = section_heading(&secs[idx]);
		rdv_add_section(ui, rd, &secs[idx]);
	}
	rdv_add_children(rd, secs, n, idx);
	rdv_load_matches(ui, rd);
}

static void
rdv_init(struct ui *ui)
{
	ui->rdv = xcalloc(1, sizeof *ui->rdv);
	ui->rdv->cur_m = -1;
	ui->rdv->h = 10;
	ui->rdv->cols = 40;
}

static void
rdv_free(struct ui *ui)
{
	if (ui->rdv == NULL)
		return;
	rdv_clear(ui->rdv);
	free(ui->rdv);
	ui->rdv = NULL;
}

/* The matches of a block that touch one of its lines, as spans. */
static size_t
rdv_spans(const struct rdv *rd, const struct rdv_block *blk,
    const struct text_line *line, struct draw_span *spans)
{
	size_t n = 0;

	for (size_t k = blk->m_first; k < blk->m_first + blk->m_n &&
	    n < RDV_SPANS; k++) {
		size_t s = rd->m[k].start + blk->moff;
		size_t e = rd->m[k].end + blk->moff;

		if (e <= line->off || s >= line->off + line->len)
			continue;
		spans[n].start = s;
		spans[n].end = e;
		spans[n++].role = (long)k == rd->cur_m ? THEME_MATCH_CURRENT :
		    THEME_MATCH;
	}
	return n;
}

static const enum theme_role rdv_roles[] = {
	[RDV_HEADING] = THEME_HEADING,
	[RDV_TEXT] = THEME_NORMAL,
	[RDV_SUB] = THEME_SUBSECTION,
	[RDV_NOTE] = THEME_SUBSECTION,
};

/* One line of the text at screen row y. */
static void
rdv_draw_line(struct rdv *rd, struct rdv_block *blk, size_t l, int y, int x,
    int w)
{
	struct draw_span spans[RDV_SPANS];
	const struct text_line *line = &blk->lines[l];
	size_t ns = rdv_spans(rd, blk, line, spans);
	int used;

	draw_fill(y, x, 1, THEME_NORMAL);
	used = 1 + draw_text(y, x + 1, w - 1, blk->text + line->off, line->len,
	    rdv_roles[blk->kind], spans, ns, line->off);
	draw_fill(y, x + used, w - used, THEME_NORMAL);
}

static void
rdv_draw(struct ui *ui, const struct rect *r)
{
	struct rdv *rd = ui->rdv;
	size_t b = rd->top_b, l = rd->top_l;
	int w = r->w - 2, y = 0;
	bool more = rd->nb > 0;

	draw_box(r, rd->title, ui->focus == PANE_READER);
	rd->h = r->h - 2;
	rdv_set_cols(rd, w - 2 > 1 ? w - 2 : 1);
	rdv_clamp(rd);
	b = rd->top_b;
	l = rd->top_l;
	for (y = 0; y < rd->h; y++) {
		if (!more) {
			draw_fill(r->y + 1 + y, r->x + 1, w, THEME_NORMAL);
			continue;
		}
		rdv_wrap(rd, &rd->blocks[b]);
		rdv_draw_line(rd, &rd->blocks[b], l, r->y + 1 + y, r->x + 1,
		    w);
		more = rdv_next(rd, &b, &l);
	}
}

/* Scrolls to match k unless it is on the screen already. */
static void
rdv_reveal(struct rdv *rd, size_t k)
{
	size_t b, l = 0, tb = rd->top_b, tl = rd->top_l, pos;
	struct rdv_block *blk = NULL;

	for (b = 0; b < rd->nb; b++) {
		blk = &rd->blocks[b];
		if (k >= blk->m_first && k < blk->m_first + blk->m_n)
			break;
	}
	if (b == rd->nb)
		return;
	rdv_wrap(rd, blk);
	pos = rd->m[k].start + blk->moff;
	while (l + 1 < blk->nlines && blk->lines[l + 1].off <= pos)
		l++;
	for (int y = 0; y < rd->h; y++) {
		if (tb == b && tl == l)
			return;
		if (!rdv_next(rd, &tb, &tl))
			break;
	}
	rd->top_b = b;
	rd->top_l = l;
	rdv_scroll(rd, -(rd->h / 3));
}

void
rdv_query_changed(struct ui *ui)
{
	rdv_load_matches(ui, ui->rdv);
}

bool
rdv_goto_match(struct ui *ui, int dir)
{
	struct rdv *rd = ui->rdv;

	if (rd->nm == 0)
		return false;
	rd->cur_m = dir > 0 ? 0 : (long)rd->nm - 1;
	rdv_reveal(rd, (size_t)rd->cur_m);
	return true;
}

bool
rdv_step_match(struct ui *ui, int dir)
{
	struct rdv *rd = ui->rdv;
	long next;

	if (rd->nm == 0)
		return false;
	if (rd->cur_m < 0)
		return rdv_goto_match(ui, dir);
	next = rd->cur_m + dir;
	if (next < 0 || next >= (long)rd->nm)
		return false;
	rd->cur_m = next;
	rdv_reveal(rd, (size_t)next);
	return true;
}

int
rdv_percent(struct ui *ui)
{
	struct rdv *rd = ui->rdv;
	size_t b = rd->top_b, l = rd->top_l;
	const struct rdv_block *blk;
	size_t at;

	if (rd->nb == 0 || rd->total == 0)
		return 100;
	/* How much of the text lies above the first line not shown. */
	for (int n = 0; n < rd->h; n++) {
		if (!rdv_next(rd, &b, &l))
			return 100;
	}
	blk = &rd->blocks[b];
	rdv_wrap(rd, &rd->blocks[b]);
	at = blk->before + blk->lines[l].off;
	return (int)(at * 100 / rd->total);
}

static int
rdv_action(struct ui *ui, enum action a)
{
	struct rdv *rd = ui->rdv;
	long page = rd->h > 2 ? rd->h - 2 : 1;

	switch (a) {
	case ACTION_DOWN:
		rdv_scroll(rd, 1);
		break;
	case ACTION_UP:
		rdv_scroll(rd, -1);
		break;
	case ACTION_PAGE_DOWN:
		rdv_scroll(rd, page);
		break;
	case ACTION_PAGE_UP:
		rdv_scroll(rd, -page);
		break;
	case ACTION_TOP:
		rd->top_b = rd->top_l = 0;
		break;
	case ACTION_BOTTOM:
		if (rd->nb > 0) {
			rd->top_b = rd->nb - 1;
			rdv_wrap(rd, &rd->blocks[rd->top_b]);
			rd->top_l = rd->blocks[rd->top_b].nlines - 1;
			rdv_clamp(rd);
		}
		break;
	case ACTION_BACK:
		return ui_focus(ui, PANE_OUTLINE);
	case ACTION_PREV_SECTION:
		return olv_step(ui, -1);
	case ACTION_NEXT_SECTION:
	case ACTION_OPEN:
		return olv_step(ui, 1);
	default:
		return REDRAW_PASS;
	}
	return REDRAW_READER | REDRAW_STATUS;
}

static int
rdv_mouse(struct ui *ui, const struct rect *r, int y, int x, int button)
{
	(void)r;
	(void)y;
	(void)x;
	if (button == UI_WHEEL_UP || button == UI_WHEEL_DOWN) {
		rdv_scroll(ui->rdv, button == UI_WHEEL_UP ? -3 : 3);
		return REDRAW_READER | REDRAW_STATUS;
	}
	return ui_focus(ui, PANE_READER);
}

const struct view rdv_view = {
	.name = "reader",
	.init = rdv_init,
	.free = rdv_free,
	.draw = rdv_draw,
	.action = rdv_action,
	.mouse = rdv_mouse,
};
