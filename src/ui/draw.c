/*
 * draw.c: text and frames on the screen (see draw.h).  Everything the UI
 * shows goes through draw_cluster, which is where content is made harmless.
 */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <curses.h>

#include "text.h"
#include "ui/draw.h"

#define DRAW_REPLACEMENT	0xfffd

/* Set once by draw_init, before the first frame. */
static bool draw_ambiguous;

/* The UI's own ambiguous glyphs and their one-column stand-ins. */
static const struct {
	wchar_t	c;
	wchar_t	ascii;
} draw_own[] = {
	{ 0x2500, '-' }, { 0x2502, '|' }, { 0x250c, '+' }, { 0x2510, '+' },
	{ 0x2514, '+' }, { 0x2518, '+' }, { 0x25b6, '>' }, { 0x2026, '.' },
};

void
draw_init(bool ambiguous_wide)
{
	draw_ambiguous = ambiguous_wide;
}

/* C0, DEL, C1 and the bidi controls: never sent to the terminal. */
static bool
draw_is_control(wchar_t c)
{
	return c < 0x20 || (c >= 0x7f && c < 0xa0) ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* The one-column stand-in for c when ambiguous characters are wide. */
static wchar_t
draw_substitute(wchar_t c)
{
	unsigned int sub;

	if (!draw_ambiguous)
		return c;
	for (size_t i = 0; i < sizeof draw_own / sizeof draw_own[0]; i++) {
		if (draw_own[i].c == c)
			return draw_own[i].ascii;
	}
	if ((sub = text_ambiguous_substitute((unsigned int)c)) != 0)
		return (wchar_t)sub;
	return c;
}

/* Puts one glyph (base and combining marks) in a cell. */
static void
draw_cell(int y, int x, const wchar_t *wc, attr_t attr)
{
	cchar_t cc;

	if (setcchar(&cc, wc, attr & ~A_COLOR, (short)PAIR_NUMBER(attr),
	    NULL) == OK)
		mvadd_wch(y, x, &cc);
}

/*
 * Draws one grapheme cluster that the layout measured as w columns.  Only a
 * base of positive width and its zero-width marks are sent; anything else
 * becomes U+FFFD, padded to w.  A cluster measured 0 (U+200B, U+FEFF) takes
 * no cell, so nothing is drawn for it.
 */
static void
draw_cluster(int y, int x, const char *s, size_t n, int w, attr_t attr)
{
	wchar_t wc[CCHARW_MAX + 1], c;
	mbstate_t ps;
	size_t off = 0, nwc = 0, r;
	int drawn = 0;
	bool bad = false;

	if (w <= 0)
		return;
	memset(&ps, 0, sizeof ps);
	while (off < n && !bad) {
		r = mbrtowc(&c, s + off, n - off, &ps);
		if (r == 0 || r > n - off || draw_is_control(c)) {
			bad = true;
			break;
		}
		off += r;
		if (nwc == 0) {
			drawn = wcwidth(c);
			if (drawn <= 0 || drawn > w)
				bad = true;
			else
				wc[nwc++] = draw_substitute(c);
		} else if (wcwidth(c) == 0 && nwc < CCHARW_MAX)
			wc[nwc++] = c;
	}
	if (bad || nwc == 0) {
		wc[0] = DRAW_REPLACEMENT;
		nwc = 1;
		drawn = 1;
		attr = theme_attr(THEME_CONTROL);
	}
	wc[nwc] = L'\0';
	draw_cell(y, x, wc, attr);
	for (; drawn < w; drawn++)
		mvaddch(y, x + drawn, ' ');
}

/* The role of byte off: the last span covering it, else role. */
static enum theme_role
draw_role_at(size_t off, enum theme_role role, const struct draw_span *spans,
    size_t nspans)
{
	for (size_t i = 0; i < nspans; i++) {
		if (off >= spans[i].start && off < spans[i].end)
			role = spans[i].role;
	}
	return role;
}

int
draw_text(int y, int x, int cols, const char *s, size_t n,
    enum theme_role role, const struct draw_span *spans, size_t nspans,
    size_t base)
{
	size_t off = 0, clen;
	int used = 0, w;

	while (off < n && used < cols) {
		w = text_cluster(s + off, n - off, &clen);
		if (clen == 0 || used + w > cols)
			break;
		draw_cluster(y, x + used, s + off, clen, w,
		    theme_attr(draw_role_at(base + off, role, spans, nspans)));
		used += w;
		off += clen;
	}
	return used;
}

void
draw_fill(int y, int x, int cols, enum theme_role role)
{
	attr_t attr = theme_attr(role);

	attr_set(attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
	for (int i = 0; i < cols; i++)
		mvaddch(y, x + i, ' ');
	attr_set(A_NORMAL, 0, NULL);
}

void
draw_line(int y, int x, int cols, const char *s, enum theme_role role)
{
	int used;

	used = draw_text(y, x, cols, s, strlen(s), role, NULL, 0, 0);
	draw_fill(y, x + used, cols - used, role);
}

/* A line-drawing glyph (its ASCII stand-in with ambiguous-wide terminals). */
static void
draw_glyph(int y, int x, wchar_t c, enum theme_role role)
{
	wchar_t wc[2] = { draw_substitute(c), L'\0' };

	draw_cell(y, x, wc, theme_attr(role));
}

void
draw_box(const struct rect *r, const char *title, bool focus)
{
	enum theme_role role = focus ? THEME_BORDER_FOCUS : THEME_BORDER;
	int right = r->x + r->w - 1, bottom = r->y + r->h - 1, x;
	char *t;
	int tw = 0;

	if (r->w < 2 || r->h < 2)
		return;
	draw_glyph(r->y, r->x, 0x250c, role);
	x = r->x + 1;
	if (title != NULL && r->w > 6) {
		t = text_truncate(title, strlen(title), r->w - 6, &tw);
		draw_glyph(r->y, x++, ' ', role);
		x += draw_text(r->y, x, tw, t, strlen(t), THEME_PANE_TITLE,
		    NULL, 0, 0);
		draw_glyph(r->y, x++, ' ', role);
		free(t);
	}
	for (; x < right; x++)
		draw_glyph(r->y, x, 0x2500, role);
	draw_glyph(r->y, right, 0x2510, role);
	for (int y = r->y + 1; y < bottom; y++) {
		draw_glyph(y, r->x, 0x2502, role);
		draw_glyph(y, right, 0x2502, role);
	}
	draw_glyph(bottom, r->x, 0x2514, role);
	for (x = r->x + 1; x < right; x++)
		draw_glyph(bottom, x, 0x2500, role);
	draw_glyph(bottom, right, 0x2518, role);
}
