/*
 * view-prompt.c: the line editor on the status line (see view-prompt.h).
 * The text is UTF-8; the cursor is a byte offset that moves by grapheme
 * clusters, so a Hangul syllable or an accented letter is one step.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "text.h"
#include "ui/draw.h"
#include "ui/view-prompt.h"
#include "util.h"

#define PRV_HISTORY	50

struct prv {
	const struct prompt_def	*def;
	char			*label;
	struct buf		 text;
	size_t			 cur;		/* byte offset of the cursor */
	char			*hist[PRV_HISTORY];
	size_t			 nhist;
	size_t			 hpos;		/* nhist: not in the history */
};

static void
prv_set_text(struct prv *p, const char *s)
{
	p->text.len = 0;
	buf_addstr(&p->text, s != NULL ? s : "");
	p->cur = p->text.len;
}

int
prv_open(struct ui *ui, const struct prompt_def *def, const char *label,
    const char *initial)
{
	struct prv *p = ui->prv;

	p->def = def;
	free(p->label);
	p->label = xstrdup(label != NULL ? label : def->label);
	prv_set_text(p, initial);
	p->hpos = p->nhist;
	return REDRAW_STATUS;
}

bool
prv_active(struct ui *ui)
{
	return ui->prv != NULL && ui->prv->def != NULL;
}

/* The offset of the cluster boundary before the cursor. */
static size_t
prv_prev(const struct prv *p)
{
	size_t off = 0, clen, last = 0;

	while (off < p->cur) {
		last = off;
		text_cluster(p->text.data + off, p->text.len - off, &clen);
		off += clen > 0 ? clen : 1;
	}
	return last;
}

/* The offset of the cluster boundary after the cursor. */
static size_t
prv_next(const struct prv *p)
{
	size_t clen;

	if (p->cur >= p->text.len)
		return p->text.len;
	text_cluster(p->text.data + p->cur, p->text.len - p->cur, &clen);
	return p->cur + (clen > 0 ? clen : 1);
}

/* Removes bytes [from, to) and puts the cursor at from. */
static void
prv_delete(struct prv *p, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(p->text.data + from, p->text.data + to, p->text.len - to + 1);
	p->text.len -= to - from;
	p->cur = from;
}

/* Inserts a character at the cursor. */
static void
prv_insert(struct prv *p, wint_t ch)
{
	char mb[MB_LEN_MAX];
	mbstate_t ps;
	size_t n, tail;

	memset(&ps, 0, sizeof ps);
	if ((n = wcrtomb(mb, (wchar_t)ch, &ps)) == (size_t)-1)
		return;
	tail = p->text.len - p->cur;
	buf_add(&p->text, mb, n);
	memmove(p->text.data + p->cur + n, p->text.data + p->cur, tail);
	memcpy(p->text.data + p->cur, mb, n);
	p->cur += n;
}

/* Ctrl-W: the spaces before the cursor, then the word before them. */
static void
prv_delete_word(struct prv *p)
{
	size_t from = p->cur;

	while (from > 0 && p->text.data[from - 1] == ' ')
		from--;
	while (from > 0 && p->text.data[from - 1] != ' ')
		from--;
	prv_delete(p, from, p->cur);
}

/* Up and down through the texts accepted before. */
static void
prv_history(struct prv *p, int dir)
{
	if (!p->def->history || p->nhist == 0)
		return;
	if (dir < 0 && p->hpos > 0)
		p->hpos--;
	else if (dir > 0 && p->hpos < p->nhist)
		p->hpos++;
	else
		return;
	prv_set_text(p, p->hpos < p->nhist ? p->hist[p->hpos] : "");
}

static void
prv_remember(struct prv *p, const char *text)
{
	if (!p->def->history || text[0] == '\0' || (p->nhist > 0 &&
	    strcmp(p->hist[p->nhist - 1], text) == 0))
		return;
	if (p->nhist == PRV_HISTORY) {
		free(p->hist[0]);
		memmove(p->hist, p->hist + 1, (PRV_HISTORY - 1) *
		    sizeof *p->hist);
		p->nhist--;
	}
	p->hist[p->nhist++] = xstrdup(text);
}

/* Closes the prompt and runs accept or cancel. */
static int
prv_finish(struct ui *ui, bool accept)
{
	struct prv *p = ui->prv;
	const struct prompt_def *def = p->def;
	char *text = xstrdup(p->text.len > 0 ? p->text.data : "");
	int flags;

	if (accept)
		prv_remember(p, text);
	p->def = NULL;
	flags = REDRAW_STATUS;
	if (accept && def->accept != NULL)
		flags |= def->accept(ui, text);
	else if (!accept && def->cancel != NULL)
		flags |= def->cancel(ui);
	free(text);
	return flags;
}

/* The editing keys; false when ch is not one of them. */
static bool
prv_edit(struct prv *p, bool fn, wint_t ch)
{
	if (fn) {
		switch (ch) {
		case KEY_LEFT: p->cur = prv_prev(p); return true;
		case KEY_RIGHT: p->cur = prv_next(p); return true;
		case KEY_HOME: p->cur = 0; return true;
		case KEY_END: p->cur = p->text.len; return true;
		case KEY_BACKSPACE: prv_delete(p, prv_prev(p), p->cur);
			return true;
		case KEY_DC: prv_delete(p, p->cur, prv_next(p)); return true;
		case KEY_UP: prv_history(p, -1); return true;
		case KEY_DOWN: prv_history(p, 1); return true;
		default: return false;
		}
	}
	switch (ch) {
	case KEYMAP_CTRL('a'): p->cur = 0; return true;
	case KEYMAP_CTRL('e'): p->cur = p->text.len; return true;
	case KEYMAP_CTRL('b'): p->cur = prv_prev(p); return true;
	case KEYMAP_CTRL('f'): p->cur = prv_next(p); return true;
	case KEYMAP_CTRL('h'): case 0x7f: prv_delete(p, prv_prev(p), p->cur);
		return true;
	case KEYMAP_CTRL('d'): prv_delete(p, p->cur, prv_next(p)); return true;
	case KEYMAP_CTRL('u'): prv_delete(p, 0, p->cur); return true;
	case KEYMAP_CTRL('k'): prv_delete(p, p->cur, p->text.len); return true;
	case KEYMAP_CTRL('w'): prv_delete_word(p); return true;
	default: return false;
	}
}

int
prv_cancel(struct ui *ui)
{
	if (!prv_active(ui))
		return REDRAW_NONE;
	return prv_finish(ui, false);
}

int
prv_key(struct ui *ui, bool fn, wint_t ch)
{
	struct prv *p = ui->prv;
	size_t before;

	if (p->def->single_key)
		return prv_finish(ui, !fn && (ch == 'y' || ch == 'Y'));
	if ((!fn && (ch == '\r' || ch == '\n')) || (fn && ch == KEY_ENTER))
		return prv_finish(ui, true);
	if (!fn && (ch == 27 || ch == KEYMAP_CTRL('g')))
		return prv_finish(ui, false);
	before = p->text.len;
	if (!prv_edit(p, fn, ch)) {
		if (fn || ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0))
			return REDRAW_NONE;
		prv_insert(p, ch);
	}
	if (p->def->change != NULL && (p->text.len != before ||
	    (fn && (ch == KEY_UP || ch == KEY_DOWN))))
		return REDRAW_STATUS | p->def->change(ui, p->text.len > 0 ?
		    p->text.data : "");
	return REDRAW_STATUS;
}

static void
prv_init(struct ui *ui)
{
	ui->prv = xcalloc(1, sizeof *ui->prv);
	buf_addstr(&ui->prv->text, "");
}

static void
prv_free(struct ui *ui)
{
	struct prv *p = ui->prv;

	if (p == NULL)
		return;
	for (size_t i = 0; i < p->nhist; i++)
		free(p->hist[i]);
	free(p->label);
	buf_free(&p->text);
	free(p);
	ui->prv = NULL;
}

/* Draws label and text, scrolled so that the cursor shows; places it. */
static void
prv_draw(struct ui *ui, const struct rect *r)
{
	struct prv *p = ui->prv;
	size_t start = 0, clen;
	int labelw, lw, room, col;

	lw = labelw = draw_text(r->y, r->x, r->w - 2, p->label, strlen(p->label),
	    THEME_HINT_KEY, NULL, 0, 0);
	room = r->w - lw - 1;
	col = text_width(p->text.data, p->cur);
	while (col >= room && start < p->cur) {
		col -= text_cluster(p->text.data + start, p->text.len - start,
		    &clen);
		start += clen > 0 ? clen : 1;
	}
	lw += draw_text(r->y, r->x + lw, room, p->text.data + start,
	    p->text.len - start, THEME_NORMAL, NULL, 0, 0);
	draw_fill(r->y, r->x + lw, r->w - lw, THEME_NORMAL);
	move(r->y, r->x + labelw + col);
}

const struct view prv_view = {
	.name = "prompt",
	.init = prv_init,
	.free = prv_free,
	.draw = prv_draw,
};
