/*
 * import-text.c: the body of a plain text briefing file, including text
 * extracted from PDFs (DESIGN.md section 4).  A first pass learns the shape of
 * the text (typical line width, whether it looks like PDF output); a second
 * reflows its lines into paragraphs and finds numbered headings.  The driver
 * is import.c.
 */
#include <ctype.h>
#include <string.h>

#include "import-internal.h"
#include "text.h"

/* Line widths above this count as this (the histogram's last bucket). */
#define IMPORT_WIDTH_MAX	1023
/* The typical line width is this percentile of the line widths. */
#define IMPORT_TYPICAL_PCT	80
/* A full line is at least this wide (small files have too few lines). */
#define IMPORT_TYPICAL_MIN	60
/* A line is short below this percentage of the typical width. */
#define IMPORT_SHORT_PCT	85
/* Lines of text extracted from a PDF are never wider than this. */
#define IMPORT_PDF_WIDTH	160
/* A heading is never wider than this. */
#define IMPORT_HEADING_MAX	120

/* What the first pass learns about a plain text body. */
struct import_shape {
	int	pdf;		/* a blank line after (nearly) every line */
	int	typical;	/* typical display width of a full line */
};

/* Display width of a trimmed line, clamped for the histogram. */
static int
import_width(const char *s, size_t n)
{
	int	w = text_width(s, n);

	return w > IMPORT_WIDTH_MAX ? IMPORT_WIDTH_MAX : w;
}

/* True when a line of width w is clearly shorter than a full line. */
static int
import_short(const struct import_shape *sh, int w)
{
	return (long)w * 100 < (long)sh->typical * IMPORT_SHORT_PCT;
}

/*
 * The first pass over a plain text body: the typical width of a full line
 * (a high percentile of the line widths, so that short last lines and
 * headings do not count), and whether the text has the shape of text
 * extracted from a PDF: a blank line after most lines, and many lines full
 * and of a page's width (one paragraph per line, blank lines between, is
 * not a PDF: its line widths vary and are often long).
 */
static void
import_text_shape(const char *s, size_t n, struct import_shape *sh)
{
	struct import_iter	 it = { s, s + n, 0 };
	size_t			 hist[IMPORT_WIDTH_MAX + 1] = { 0 };
	size_t			 lines = 0, followed = 0, full = 0, seen = 0;
	const char		*line;
	size_t			 len;
	int			 w, prev = 0;

	while (import_next_line(&it, &line, &len)) {
		import_trim(&line, &len);
		if (len == 0) {
			followed += prev;
			prev = 0;
			continue;
		}
		hist[import_width(line, len)]++;
		lines++;
		prev = 1;
	}
	sh->typical = 0;
	for (w = 0; w <= IMPORT_WIDTH_MAX; w++) {
		seen += hist[w];
		if (seen * 100 >= lines * IMPORT_TYPICAL_PCT) {
			sh->typical = w;
			break;
		}
	}
	if (sh->typical < IMPORT_TYPICAL_MIN)
		sh->typical = IMPORT_TYPICAL_MIN;
	for (w = 0; w <= IMPORT_WIDTH_MAX; w++) {
		if (!import_short(sh, w))
			full += hist[w];
	}
	sh->pdf = lines >= 3 && followed * 4 >= lines * 3 && full * 3 >= lines &&
	    sh->typical <= IMPORT_PDF_WIDTH;
}

/*
 * True when the line (trimmed) ends a sentence: '.', '?' or '!' (or their
 * full-width forms), possibly followed by closing quotes and brackets.
 */
static int
import_ends_sentence(const char *s, size_t n)
{
	static const char *const closers[] = {
		")", "]", "\"", "'", "\xe2\x80\x9d" /* ” */,
		"\xe2\x80\x99" /* ’ */, "\xe3\x80\x8d" /* 」 */,
		"\xe3\x80\x8f" /* 』 */, "\xef\xbc\x89" /* ） */,
		"\xe3\x80\x8b" /* 》 */, "\xe3\x80\x89" /* 〉 */,
	};
	static const char *const enders[] = {
		".", "?", "!", "\xe3\x80\x82" /* 。 */,
		"\xef\xbc\x9f" /* ？ */, "\xef\xbc\x81" /* ！ */,
	};
	size_t	i, l;
	int	again = 1;

	while (again) {
		again = 0;
		for (i = 0; i < sizeof closers / sizeof closers[0]; i++) {
			l = strlen(closers[i]);
			if (n > l && memcmp(s + n - l, closers[i], l) == 0) {
				n -= l;
				again = 1;
			}
		}
	}
	for (i = 0; i < sizeof enders / sizeof enders[0]; i++) {
		l = strlen(enders[i]);
		if (n >= l && memcmp(s + n - l, enders[i], l) == 0)
			return 1;
	}
	return 0;
}

/*
 * Recognises a heading at the start of a (trimmed) line: "I." to "X." is
 * level 1, "1." to "99." level 2, "1)" to "99)" level 3, each followed by a
 * space and a title that does not end in a full stop.  "(1)" and "2022년"
 * are not headings.  Stores the label's length in *llen.
 */
static int
import_text_heading(const char *s, size_t n, size_t *llen)
{
	static const char *const roman[] = {
		"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"
	};
	size_t	i = 0, k;
	int	level = 0;

	while (i < n && (s[i] == 'I' || s[i] == 'V' || s[i] == 'X'))
		i++;
	if (i > 0 && i < n && s[i] == '.') {
		for (k = 0; k < sizeof roman / sizeof roman[0]; k++) {
			if (strlen(roman[k]) == i && memcmp(s, roman[k], i) == 0)
				level = 1;
		}
	} else if (i == 0) {
		while (i < n && i < 3 && isdigit((unsigned char)s[i]))
			i++;
		if (i > 0 && i <= 2 && s[0] != '0' && i < n)
			level = s[i] == '.' ? 2 : s[i] == ')' ? 3 : 0;
	}
	if (level == 0 || i + 2 >= n || s[i + 1] != ' ' || s[n - 1] == '.')
		return 0;
	*llen = i + 1;
	return level;
}

/* State of the second pass over a plain text body. */
struct import_text {
	struct import_ctx	*ctx;
	struct import_shape	 shape;
	int			 block_start;	/* after a blank line (not PDF) */
	int			 seen;		/* a line with text was seen */
};

/* Handles a heading line if it is one; returns 1 when it was. */
static int
import_text_try_heading(struct import_text *tx, const char *t, size_t tn,
    int w)
{
	struct import_ctx	*ctx = tx->ctx;
	char			 label[8];
	size_t			 llen;
	int			 level, midword;

	if (!import_short(&tx->shape, w) || w > IMPORT_HEADING_MAX)
		return 0;
	/* In PDF text, a line that continues a word is no heading. */
	midword = ctx->para.len > 0 && !ctx->space;
	if (tx->shape.pdf ? midword : !tx->block_start)
		return 0;
	if ((level = import_text_heading(t, tn, &llen)) == 0)
		return 0;
	memcpy(label, t, llen);
	label[llen] = '\0';
	import_heading(ctx, level, label, t + llen, tn - llen);
	tx->seen = 1;
	return 1;
}

/* One line of a plain text body. */
static void
import_text_line(struct import_text *tx, const char *s, size_t n)
{
	struct import_ctx	*ctx = tx->ctx;
	const char		*t = s;
	size_t			 tn = n;
	int			 w;

	if (tx->shape.pdf && n > 0 && s[0] == ' ') {
		s++;	/* a page starts with one space */
		n--;
	}
	import_trim(&t, &tn);
	if (tn == 0) {
		/* PDF text: blank lines and page artefacts mean nothing. */
		if (!tx->shape.pdf) {
			import_para_end(ctx);
			tx->block_start = 1;
		}
		return;
	}
	w = text_width(t, tn);
	if (import_text_try_heading(tx, t, tn, w)) {
		tx->block_start = 1;
		return;
	}
	if (!tx->seen && ctx->doc->n_sections == 0 &&
	    import_short(&tx->shape, w)) {
		ctx->first_line = import_nfc(t, tn);	/* the byline? */
		tx->seen = 1;
		return;
	}
	tx->seen = 1;
	tx->block_start = 0;
	if (tx->shape.pdf) {
		/* A line ending in a space ends a word; otherwise the next
		 * line goes on with the same word. */
		import_para_text(ctx, s, n);
		if (import_short(&tx->shape, w) && import_ends_sentence(t, tn))
			import_para_end(ctx);
	} else {
		ctx->space = 1;
		import_para_text(ctx, t, tn);
	}
}

/* A plain text body: two passes, the shape of the text and then its lines. */
void
import_text(struct import_ctx *ctx, const char *s, size_t n)
{
	struct import_text	 tx = { ctx, { 0, 0 }, 1, 0 };
	struct import_iter	 it = { s, s + n, 0 };
	const char		*line;
	size_t			 len;

	import_text_shape(s, n, &tx.shape);
	while (import_next_line(&it, &line, &len))
		import_text_line(&tx, line, len);
	import_para_end(ctx);
}
