/*
 * import.c: a briefing file to a struct doc.  Checks and cleans the bytes,
 * splits off the front matter, reflows plain text (including text extracted
 * from PDFs) and finds its headings, resolves topics.  Markdown bodies are
 * import-markdown.c's.  The rules are DESIGN.md section 4.
 *
 * The file is first cleaned line by line (text_sanitize, CRs dropped) into
 * one buffer, so that replacements can be counted with their line number;
 * everything after works on that buffer, one line at a time, and normalises
 * each paragraph to NFC once it is complete.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unistr.h>

#include "import-internal.h"
#include "text.h"
#include "util.h"

/* Binary detection looks at this much of the file. */
#define IMPORT_SNIFF		8192
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

/* Returns the next line of the cleaned text in *s and *n; 0 at the end. */
int
import_next_line(struct import_iter *it, const char **s, size_t *n)
{
	const char	*nl;

	if (it->p >= it->end)
		return 0;
	nl = memchr(it->p, '\n', it->end - it->p);
	if (nl == NULL)
		nl = it->end;
	*s = it->p;
	*n = nl - it->p;
	it->p = nl < it->end ? nl + 1 : nl;
	it->lineno++;
	return 1;
}

/* Drops leading and trailing spaces. */
void
import_trim(const char **s, size_t *n)
{
	while (*n > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

/* NFC copy of s (never NULL). */
char *
import_nfc(const char *s, size_t n)
{
	size_t	 outlen;
	char	*out;

	out = text_nfc(s, n, &outlen);
	if (out == NULL)
		out = xstrndup(s, n);
	return out;
}

/* The array the next paragraph goes to: the preface or the last section. */
static void
import_push_para(struct import_ctx *ctx, char *p)
{
	struct doc	*doc = ctx->doc;
	char		***v;
	size_t		*n;

	if (doc->n_sections == 0) {
		v = &doc->preface;
		n = &doc->n_preface;
	} else {
		v = &doc->sections[doc->n_sections - 1].paras;
		n = &doc->sections[doc->n_sections - 1].n_paras;
	}
	if (*n == ctx->cap_paras) {
		ctx->cap_paras = ctx->cap_paras ? ctx->cap_paras * 2 : 8;
		*v = xreallocarray(*v, ctx->cap_paras, sizeof **v);
	}
	(*v)[(*n)++] = p;
}

/*
 * Adds text to the current paragraph.  Runs of spaces become one space, and
 * only between words: leading and trailing spaces are never stored, and a
 * space at the end of one call joins the next call's first word.
 */
void
import_para_text(struct import_ctx *ctx, const char *s, size_t n)
{
	size_t	i = 0, j;

	while (i < n) {
		if (s[i] == ' ') {
			ctx->space = 1;
			i++;
			continue;
		}
		j = i;
		while (j < n && s[j] != ' ')
			j++;
		if (ctx->space && ctx->para.len > 0)
			buf_addc(&ctx->para, ' ');
		ctx->space = 0;
		buf_add(&ctx->para, s + i, j - i);
		i = j;
	}
}

/* Ends the current paragraph (if any) and stores it as NFC. */
void
import_para_end(struct import_ctx *ctx)
{
	if (ctx->para.len > 0) {
		import_push_para(ctx, import_nfc(ctx->para.data, ctx->para.len));
		ctx->para.len = 0;
		ctx->para.data[0] = '\0';
	}
	ctx->space = 0;
}

/* Stores a line as a paragraph of its own, spaces kept (code blocks). */
void
import_para_verbatim(struct import_ctx *ctx, const char *s, size_t n)
{
	import_para_end(ctx);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n > 0)
		import_push_para(ctx, import_nfc(s, n));
}

/*
 * Decides what the short first line of a plain text was: the byline (when a
 * heading follows and the front matter has none), nothing (when it repeats
 * the front matter's byline), or else the first paragraph of the preface.
 */
static void
import_first_line(struct import_ctx *ctx, int heading)
{
	struct doc	*doc = ctx->doc;
	char		*line = ctx->first_line;

	if (line == NULL)
		return;
	ctx->first_line = NULL;
	if (doc->byline == NULL && heading) {
		doc->byline = line;
		return;
	}
	if (doc->byline != NULL && strcmp(doc->byline, line) == 0) {
		free(line);
		return;
	}
	doc->preface = xreallocarray(doc->preface, doc->n_preface + 1,
	    sizeof *doc->preface);
	memmove(doc->preface + 1, doc->preface,
	    doc->n_preface * sizeof *doc->preface);
	doc->preface[0] = line;
	doc->n_preface++;
	ctx->cap_paras = doc->n_preface;
}

/*
 * Starts a section.  level is the heading's level in the source (1 to 6);
 * its depth is one more than that of the nearest open heading of a smaller
 * level, so skipped levels do not leave gaps in the tree.
 */
void
import_heading(struct import_ctx *ctx, int level, const char *label,
    const char *title, size_t titlelen)
{
	struct doc		*doc = ctx->doc;
	struct doc_section	*sec;

	import_para_end(ctx);
	if (doc->n_sections == 0)
		import_first_line(ctx, 1);
	while (ctx->n_levels > 0 && ctx->levels[ctx->n_levels - 1] >= level)
		ctx->n_levels--;
	if (ctx->n_levels == IMPORT_MAX_DEPTH)
		ctx->n_levels--;
	ctx->levels[ctx->n_levels++] = level;

	if (doc->n_sections == ctx->cap_sections) {
		ctx->cap_sections = ctx->cap_sections ? ctx->cap_sections * 2 : 16;
		doc->sections = xreallocarray(doc->sections, ctx->cap_sections,
		    sizeof *doc->sections);
	}
	sec = &doc->sections[doc->n_sections++];
	memset(sec, 0, sizeof *sec);
	sec->depth = ctx->n_levels;
	sec->label = xstrdup(label);
	import_trim(&title, &titlelen);
	sec->title = import_nfc(title, titlelen);
	ctx->cap_paras = 0;
}

/* The line number of byte off of s. */
static size_t
import_line_of(const char *s, size_t off)
{
	size_t	line = 1;
	const char *p = s, *end = s + off;

	while ((p = memchr(p, '\n', end - p)) != NULL) {
		line++;
		p++;
	}
	return line;
}

/*
 * Rejects what is not text: NUL bytes in the first block, or a first block
 * that is mostly not UTF-8 (a legacy encoding or binary data).  Some invalid
 * bytes are allowed; they are replaced later and counted.
 */
static int
import_check_binary(const char *s, size_t n, char **cause)
{
	size_t		 i = 0, lim = n < IMPORT_SNIFF ? n : IMPORT_SNIFF;
	size_t		 bad = 0, first_bad = 0;
	const char	*nul;
	ucs4_t		 uc;
	int		 r;

	if ((nul = memchr(s, '\0', lim)) != NULL) {
		return fail(cause, EX_DATAERR, "binary data at line %zu",
		    import_line_of(s, nul - s));
	}
	while (i < lim) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		r = u8_mbtoucr(&uc, (const uint8_t *)s + i, n - i);
		if (r > 0) {
			i += r;
			continue;
		}
		if (bad++ == 0)
			first_bad = i;
		i++;
	}
	if (bad * 10 > lim) {
		return fail(cause, EX_DATAERR, "not valid UTF-8 at line %zu",
		    import_line_of(s, first_bad));
	}
	return 0;
}

/* True when s holds nothing but whitespace. */
static int
import_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!isspace((unsigned char)s[i]))
			return 0;
	}
	return 1;
}

/*
 * Copies s to out line by line, without CRs before newlines, each line
 * sanitised; counts the replacements and notes the first line with one.
 */
static void
import_clean(const char *s, size_t n, struct buf *out, struct doc *doc)
{
	const char	*p = s, *end = s + n, *nl;
	size_t		 len, i, outlen, nrep, lineno = 0;
	char		*clean;

	while (p < end) {
		lineno++;
		if ((nl = memchr(p, '\n', end - p)) == NULL)
			nl = end;
		len = nl - p;
		if (len > 0 && p[len - 1] == '\r')
			len--;
		for (i = 0; i < len; i++) {
			if ((unsigned char)p[i] < 0x20 ||
			    (unsigned char)p[i] > 0x7e)
				break;
		}
		if (i == len)
			buf_add(out, p, len);
		else {
			nrep = 0;
			clean = text_sanitize(p, len, false, &outlen, &nrep);
			buf_add(out, clean, outlen);
			free(clean);
			if (nrep > 0 && doc->n_replaced == 0)
				doc->first_replaced_line = lineno;
			doc->n_replaced += nrep;
		}
		buf_addc(out, '\n');
		p = nl + 1;
	}
}

/* True when a line (CR and trailing spaces allowed) is "---", or "..." to end. */
static int
import_fm_fence(const char *s, size_t n, int closing)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
		n--;
	if (n != 3)
		return 0;
	return memcmp(s, "---", 3) == 0 ||
	    (closing && memcmp(s, "...", 3) == 0);
}

int
import_front_matter_end(const char *data, size_t len, size_t *body)
{
	const char	*p = data, *end = data + len, *nl;
	int		 first = 1;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end) {
		if ((nl = memchr(p, '\n', end - p)) == NULL)
			nl = end;
		if (!import_fm_fence(p, nl - p, !first)) {
			if (first)
				return 0;
		} else if (!first) {
			*body = nl < end ? (size_t)(nl + 1 - data) : len;
			return 1;
		}
		first = 0;
		p = nl + 1;
	}
	return 0;
}

/* Removes one pair of matching quotes around a front matter value. */
static void
import_unquote(const char **s, size_t *n)
{
	if (*n >= 2 && (**s == '"' || **s == '\'') && (*s)[*n - 1] == **s) {
		(*s)++;
		*n -= 2;
	}
}

/* One "KEY = name" (or "KEY: name") line of the topics block. */
static void
import_fm_topic(struct import_ctx *ctx, const char *s, size_t n)
{
	const char		*sep, *name;
	size_t			 klen, nlen;
	struct import_topic	*t;

	import_trim(&s, &n);
	if (n >= 2 && s[0] == '-' && s[1] == ' ') {
		s += 2;
		n -= 2;
	}
	if ((sep = memchr(s, '=', n)) == NULL &&
	    (sep = memchr(s, ':', n)) == NULL)
		return;
	klen = sep - s;
	name = sep + 1;
	nlen = n - klen - 1;
	import_trim(&s, &klen);
	import_trim(&name, &nlen);
	import_unquote(&name, &nlen);
	if (klen == 0 || nlen == 0)
		return;
	ctx->topics = xreallocarray(ctx->topics, ctx->n_topics + 1,
	    sizeof *ctx->topics);
	t = &ctx->topics[ctx->n_topics++];
	t->key = xstrndup(s, klen);
	t->name = import_nfc(name, nlen);
}

/* Stores one front matter key: in meta always, in doc when brief knows it. */
static void
import_fm_key(struct import_ctx *ctx, const char *key, size_t klen,
    const char *val, size_t vlen, const struct buf *block, size_t *cap)
{
	struct doc	*doc = ctx->doc;
	struct buf	 v = { NULL, 0, 0 };
	char		**field = NULL;

	if (doc->n_meta == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		doc->meta = xreallocarray(doc->meta, *cap, sizeof *doc->meta);
	}
	buf_add(&v, val, vlen);
	if (block->len > 0) {
		if (vlen > 0)
			buf_addc(&v, '\n');
		buf_add(&v, block->data, block->len);
	}
	doc->meta[doc->n_meta].key = xstrndup(key, klen);
	doc->meta[doc->n_meta].value = import_nfc(v.data, v.len);
	doc->n_meta++;
	buf_free(&v);

	if (klen == 5 && memcmp(key, "title", 5) == 0)
		field = &doc->title;
	else if (klen == 6 && memcmp(key, "byline", 6) == 0)
		field = &doc->byline;
	else if (klen == 4 && memcmp(key, "date", 4) == 0)
		field = &doc->date;
	else if (klen == 6 && memcmp(key, "source", 6) == 0)
		field = &doc->source;
	import_unquote(&val, &vlen);
	if (field != NULL && vlen > 0) {
		free(*field);
		*field = import_nfc(val, vlen);
	}
}

/*
 * Parses the front matter lines: "key: value" lines at the left margin, each
 * followed by any indented (or "- ") lines, which are kept as its raw value.
 * The topics block is read as "KEY = name" lines.  Other lines are ignored,
 * so that no YAML brief does not understand can break an import.
 */
static void
import_front_matter(struct import_ctx *ctx, const char *s, size_t n)
{
	struct import_iter	 it = { s, s + n, 0 };
	struct buf		 block = { NULL, 0, 0 };
	const char		*line, *key = NULL, *val = NULL, *colon;
	size_t			 len, klen = 0, vlen = 0, cap = 0;

	while (import_next_line(&it, &line, &len)) {
		if (len > 0 && (line[0] == ' ' || line[0] == '-')) {
			if (key == NULL)
				continue;
			if (block.len > 0)
				buf_addc(&block, '\n');
			buf_add(&block, line, len);
			if (klen == 6 && memcmp(key, "topics", 6) == 0)
				import_fm_topic(ctx, line, len);
			continue;
		}
		if (len == 0 || line[0] == '#' ||
		    (colon = memchr(line, ':', len)) == NULL)
			continue;
		if (key != NULL)
			import_fm_key(ctx, key, klen, val, vlen, &block, &cap);
		block.len = 0;
		key = line;
		klen = colon - line;
		val = colon + 1;
		vlen = len - klen - 1;
		import_trim(&key, &klen);
		import_trim(&val, &vlen);
		if (klen == 0)
			key = NULL;
	}
	if (key != NULL)
		import_fm_key(ctx, key, klen, val, vlen, &block, &cap);
	buf_free(&block);
}

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
static void
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

/*
 * The section a topics key names: a top-level label without its dot ("II"),
 * or else an ordinal path ("5.1.3"); -1 when there is none.
 */
static long
import_topic_section(const struct doc *doc, const char *key)
{
	size_t		 klen = strlen(key), i, llen;
	const char	*p = key;
	char		*end;
	unsigned long	 ord;
	long		 cur = -1;
	int		 depth = 0;

	if (klen > 1 && key[klen - 1] == '.')
		klen--;
	for (i = 0; i < doc->n_sections; i++) {
		llen = strlen(doc->sections[i].label);
		if (llen > 0)
			llen--;		/* "II." without its dot */
		if (doc->sections[i].depth == 1 && llen == klen &&
		    strncasecmp(doc->sections[i].label, key, klen) == 0)
			return (long)i;
	}
	for (;;) {
		if (!isdigit((unsigned char)*p))
			return -1;
		ord = strtoul(p, &end, 10);
		depth++;
		for (i = cur + 1; i < doc->n_sections; i++) {
			if (doc->sections[i].depth < depth)
				return -1;
			if (doc->sections[i].depth == depth && --ord == 0)
				break;
		}
		if (i == doc->n_sections || ord != 0)
			return -1;
		cur = (long)i;
		if (*end == '\0' || (*end == '.' && end[1] == '\0'))
			return cur;
		if (*end != '.')
			return -1;
		p = end + 1;
	}
}

/* Gives sections their topics; keys that name no section are ignored. */
static void
import_topics(struct import_ctx *ctx)
{
	struct doc_section	*sec;
	long			 i;

	for (size_t t = 0; t < ctx->n_topics; t++) {
		if ((i = import_topic_section(ctx->doc, ctx->topics[t].key)) < 0)
			continue;
		sec = &ctx->doc->sections[i];
		if (sec->topic == NULL)
			sec->topic = xstrdup(ctx->topics[t].name);
	}
}

/* The file name without directory and extension, for a title. */
static char *
import_name_title(const char *name)
{
	const char	*base, *dot;
	size_t		 n;

	if (name == NULL || *name == '\0')
		return xstrdup("untitled");
	base = strrchr(name, '/');
	base = base != NULL ? base + 1 : name;
	dot = strrchr(base, '.');
	n = dot != NULL && dot != base ? (size_t)(dot - base) : strlen(base);
	if (n == 0)
		return xstrdup("untitled");
	return import_nfc(base, n);
}

/*
 * Completes the document: the pending first line, one section holding all
 * the text when there was no heading at all, topics, the title.
 */
static int
import_finish(struct import_ctx *ctx, const char *name, char **cause)
{
	struct doc		*doc = ctx->doc;
	struct doc_section	*sec;

	import_para_end(ctx);
	import_first_line(ctx, 0);
	if (doc->title == NULL)
		doc->title = import_name_title(name);
	if (doc->n_sections == 0) {
		if (doc->n_preface == 0)
			return fail(cause, EX_DATAERR, "no text");
		sec = doc->sections = xcalloc(1, sizeof *doc->sections);
		doc->n_sections = 1;
		sec->depth = 1;
		sec->label = xstrdup("");
		sec->title = xstrdup(doc->title);
		sec->paras = doc->preface;
		sec->n_paras = doc->n_preface;
		doc->preface = NULL;
		doc->n_preface = 0;
	}
	import_topics(ctx);
	return 0;
}

/* True for the names that mean Markdown: .md and .markdown. */
static int
import_is_markdown(const char *name)
{
	size_t	n = name != NULL ? strlen(name) : 0;

	return (n > 3 && strcasecmp(name + n - 3, ".md") == 0) ||
	    (n > 9 && strcasecmp(name + n - 9, ".markdown") == 0);
}

int
import_parse(const char *name, const char *data, size_t len,
    enum import_format format, struct doc *doc, char **cause)
{
	struct import_ctx	 ctx;
	struct buf		 clean = { NULL, 0, 0 };
	size_t			 body = 0, fm, fm_end;
	int			 rc;

	memset(doc, 0, sizeof *doc);
	memset(&ctx, 0, sizeof ctx);
	ctx.doc = doc;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (import_blank(data, len))
		return fail(cause, EX_DATAERR, "empty file");
	if ((rc = import_check_binary(data, len, cause)) != 0)
		return rc;

	import_clean(data, len, &clean, doc);
	if (import_front_matter_end(clean.data, clean.len, &body)) {
		/* The lines between the fences: body ends the closing one. */
		fm = (const char *)memchr(clean.data, '\n', body) -
		    clean.data + 1;
		fm_end = body - 1;
		while (fm_end > fm && clean.data[fm_end - 1] != '\n')
			fm_end--;
		import_front_matter(&ctx, clean.data + fm, fm_end - fm);
	}
	if (format == IMPORT_AUTO)
		format = import_is_markdown(name) ? IMPORT_MARKDOWN : IMPORT_TEXT;
	if (format == IMPORT_MARKDOWN)
		import_markdown(&ctx, clean.data + body, clean.len - body);
	else
		import_text(&ctx, clean.data + body, clean.len - body);
	rc = import_finish(&ctx, name, cause);

	buf_free(&clean);
	buf_free(&ctx.para);
	free(ctx.first_line);
	for (size_t i = 0; i < ctx.n_topics; i++) {
		free(ctx.topics[i].key);
		free(ctx.topics[i].name);
	}
	free(ctx.topics);
	if (rc != 0)
		doc_free(doc);
	return rc;
}

void
doc_free(struct doc *doc)
{
	size_t	i, j;

	free(doc->title);
	free(doc->byline);
	free(doc->date);
	free(doc->source);
	for (i = 0; i < doc->n_meta; i++) {
		free(doc->meta[i].key);
		free(doc->meta[i].value);
	}
	free(doc->meta);
	for (i = 0; i < doc->n_preface; i++)
		free(doc->preface[i]);
	free(doc->preface);
	for (i = 0; i < doc->n_sections; i++) {
		free(doc->sections[i].label);
		free(doc->sections[i].title);
		free(doc->sections[i].topic);
		for (j = 0; j < doc->sections[i].n_paras; j++)
			free(doc->sections[i].paras[j]);
		free(doc->sections[i].paras);
	}
	free(doc->sections);
	memset(doc, 0, sizeof *doc);
}
