/*
 * import.c: a briefing file to a struct doc, the driver of the import.
 * Checks and cleans the bytes, hands the front matter to import-front.c and
 * the body to import-text.c (plain text and PDF text) or import-markdown.c,
 * and completes the document.  Also the document builder those share:
 * the line iterator, paragraphs and headings.  The rules are DESIGN.md
 * section 4.
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
