/*
 * text-wrap.c: text_wrap, greedy line wrapping of a paragraph on top of
 * UAX #14 (libunistring's u8_possible_linebreaks), with the keep-all rules
 * that keep Korean words whole (see text.h and DESIGN.md section 5, "Text").
 * Widths are text.c's.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>

#include <unictype.h>
#include <unilbrk.h>

#include "text.h"
#include "text-internal.h"
#include "util.h"

/* True for Hangul syllables and jamo (conjoining, compatibility, extended). */
static int
text_is_hangul(ucs4_t c)
{
	return text_is_syllable(c) ||
	    (c >= 0x1100 && c <= 0x11ff) ||
	    (c >= 0x3130 && c <= 0x318f) ||
	    (c >= 0xa960 && c <= 0xa97f) ||
	    (c >= 0xd7b0 && c <= 0xd7ff) ||
	    (c >= 0xffa0 && c <= 0xffdc);
}

/* The state of one text_wrap: the current line and its last break. */
struct text_wrapper {
	const uint8_t		*s;
	char			*brk;	/* UAX #14 opportunities, per byte */
	size_t			 limit;	/* columns, SIZE_MAX for no limit */

	struct text_line	*lines;
	size_t			 nlines;
	size_t			 cap;

	size_t			 cum;	/* width from the paragraph start */
	size_t			 start;	/* where the current line starts */
	size_t			 start_w;
	size_t			 end;	/* after its last non-space cluster */
	size_t			 end_w;

	int			 have_bp;
	size_t			 bp;	/* the last break: next line start */
	size_t			 bp_w;
	size_t			 bp_end;	/* and this line's end */
	size_t			 bp_end_w;
};

/* Adds the line [start, end) and starts the next one at next. */
static void
text_wrap_emit(struct text_wrapper *w, size_t end, size_t end_w,
    size_t next, size_t next_w)
{
	struct text_line *l;
	size_t width = end_w - w->start_w;

	if (w->nlines == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 8;
		w->lines = xreallocarray(w->lines, w->cap, sizeof *w->lines);
	}
	l = &w->lines[w->nlines++];
	l->off = w->start;
	l->len = end - w->start;
	l->width = width > INT_MAX ? INT_MAX : (int)width;

	w->start = w->end = next;
	w->start_w = w->end_w = next_w;
	w->have_bp = 0;
}

/*
 * Whether the line may break before the cluster at i (first code point c)
 * that follows a cluster starting with prev.  Keep-all: UAX #14 allows a
 * break between any two Hangul syllables, and between a syllable and a digit
 * or letter ("2023년", "AI를"); none of these is taken, so Korean words stay
 * whole.  Breaks between kanji and kana stay allowed, as Japanese needs.
 * libunistring also offers a break between a full stop or comma and a letter
 * ("U.|S.", "file.|txt"), which UAX #14 rule LB29 forbids: not taken either.
 */
static int
text_wrap_allowed(const struct text_wrapper *w, size_t i, ucs4_t prev,
    ucs4_t c)
{
	if (w->brk[i] != UC_BREAK_POSSIBLE && w->brk[i] != UC_BREAK_HYPHENATION)
		return 0;
	if (text_is_hangul(prev) && uc_is_alnum(c))
		return 0;
	if (text_is_hangul(c) && uc_is_alnum(prev))
		return 0;
	if ((prev == '.' || prev == ',' || prev == ':' || prev == ';') &&
	    uc_is_alpha(c))
		return 0;
	return 1;
}

/*
 * The cluster at i does not fit: ends the line at the last break, or else
 * right here (a word wider than the line), or drops leading spaces.  Returns
 * 0 when the line is empty: the cluster is wider than the line and goes
 * alone.
 */
static int
text_wrap_overflow(struct text_wrapper *w, size_t i)
{
	size_t end = w->end, end_w = w->end_w;

	if (w->have_bp) {
		text_wrap_emit(w, w->bp_end, w->bp_end_w, w->bp, w->bp_w);
		if (end > w->start) {
			w->end = end;
			w->end_w = end_w;
		}
		return 1;
	}
	if (w->end > w->start) {
		text_wrap_emit(w, w->end, w->end_w, i, w->cum);
		return 1;
	}
	if (i > w->start) {
		w->start = w->end = i;
		w->start_w = w->end_w = w->cum;
		return 1;
	}
	return 0;
}

/*
 * Greedy wrapping in one pass.  Spaces hang past the margin and are dropped
 * at a break; after a break at the last opportunity, the cluster that did
 * not fit is looked at again on the new line.
 */
size_t
text_wrap(const char *s, size_t n, int cols, struct text_line **lines)
{
	struct text_wrapper w = { 0 };
	size_t i = 0, clen;
	ucs4_t c, prev = 0;
	int cw;

	w.s = (const uint8_t *)s;
	w.limit = cols > 0 ? (size_t)cols : SIZE_MAX;
	w.brk = xmalloc(n);
	if (n > 0)
		u8_possible_linebreaks(w.s, n, "UTF-8", w.brk);
	while (i < n) {
		cw = text_next(w.s + i, n - i, &clen, &c);
		if (w.brk[i] == UC_BREAK_MANDATORY ||
		    w.brk[i] == UC_BREAK_CR_BEFORE_LF) {
			text_wrap_emit(&w, w.end, w.end_w, i + clen, w.cum);
			i += clen;
			prev = 0;
			continue;
		}
		if (i > w.start && w.end > w.start &&
		    text_wrap_allowed(&w, i, prev, c)) {
			w.have_bp = 1;
			w.bp = i;
			w.bp_w = w.cum;
			w.bp_end = w.end;
			w.bp_end_w = w.end_w;
		}
		if (c != ' ' && w.cum + cw - w.start_w > w.limit &&
		    text_wrap_overflow(&w, i))
			continue;
		w.cum += cw;
		i += clen;
		if (c != ' ') {
			w.end = i;
			w.end_w = w.cum;
		}
		prev = c;
	}
	text_wrap_emit(&w, w.end, w.end_w, n, w.cum);
	free(w.brk);
	*lines = w.lines;
	return w.nlines;
}
