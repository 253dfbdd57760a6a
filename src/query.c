/*
 * query.c: user input parsed once into an FTS5 MATCH expression and the
 * terms that query-find.c looks for in text (query.h).
 */
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "query.h"
#include "tokenizer.h"
#include "util.h"

/* A term in the sanitised input. */
struct query_span {
	size_t	off;
	size_t	len;
	bool	prefix;
};

/* Copies input with invalid UTF-8 and control characters made spaces. */
static char *
query_sanitize(const char *input, size_t len, size_t *outlen)
{
	const unsigned char	*p = (const unsigned char *)input;
	char			*out = xmalloc(len + 1);
	size_t			 i, l, o = 0;
	uint32_t		 c;

	for (i = 0; i < len; i += l) {
		l = fold_decode(p + i, len - i, &c);
		if (c == FOLD_INVALID || c < 0x20 || (c >= 0x7F && c <= 0x9F))
			out[o++] = ' ';
		else {
			memcpy(out + o, p + i, l);
			o += l;
		}
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

/* Length of the space character at s, or 0 when s does not start with one. */
static size_t
query_space(const char *s, size_t n)
{
	uint32_t	c;
	size_t		l;

	if (s[0] == ' ')
		return 1;
	l = fold_decode((const unsigned char *)s, n, &c);
	if (c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) ||
	    c == 0x202F || c == 0x205F)
		return l;
	return 0;
}

/* Counts a term's tokens and notes whether the last is an alphabetic word. */
struct query_count {
	size_t	n;
	bool	lastword;
};

static int
query_count_cb(void *ctx, int flags, const char *tok, int len, int start,
    int end)
{
	struct query_count	*qc = ctx;
	uint32_t		 c;

	(void)flags;
	(void)start;
	(void)end;
	fold_decode((const unsigned char *)tok, (size_t)len, &c);
	qc->n++;
	qc->lastword = fold_classify(c) == FOLD_WORD;
	return 0;
}

/* Fills *sp for s[off, off + len) and returns whether it is searchable. */
static bool
query_span_make(const char *s, size_t off, size_t len, bool star,
    struct query_span *sp)
{
	struct query_count	qc = { 0, false };

	if (len > QUERY_TERM_MAX) {
		len = QUERY_TERM_MAX;
		while (len > 0 && (s[off + len] & 0xC0) == 0x80)
			len--;
	}
	tokenizer_run(s + off, len, TOKENIZER_QUERY, query_count_cb, &qc);
	sp->off = off;
	sp->len = len;
	sp->prefix = star && qc.lastword;
	return qc.n > 0;
}

/*
 * Splits sanitised input into terms: "phrases" (an unclosed one runs to the
 * end) and words, either followed by * for a prefix.  Terms without tokens
 * are dropped.  Fills sp (QUERY_TERMS_MAX entries) and returns the count.
 */
static size_t
query_split(const char *s, size_t n, struct query_span *sp)
{
	size_t	i = 0, count = 0, start, end, l;
	bool	star;

	while (i < n && count < QUERY_TERMS_MAX) {
		if ((l = query_space(s + i, n - i)) != 0) {
			i += l;
			continue;
		}
		star = false;
		if (s[i] == '"') {
			start = ++i;
			while (i < n && s[i] != '"')
				i++;
			end = i;
			if (i < n)
				i++;
			for (; i < n && s[i] == '*'; i++)
				star = true;
		} else {
			start = i;
			while (i < n && s[i] != '"' &&
			    query_space(s + i, n - i) == 0)
				i++;
			for (end = i; end > start && s[end - 1] == '*'; end--)
				star = true;
		}
		if (query_span_make(s, start, end - start, star, &sp[count]))
			count++;
	}
	return count;
}

/* Collects a term's query tokens. */
static int
query_collect_cb(void *ctx, int flags, const char *tok, int len, int start,
    int end)
{
	struct query_term	*t = ctx;
	size_t			 at = t->ntok ? t->tokend[t->ntok - 1] : 0;

	(void)flags;
	(void)start;
	(void)end;
	t->tok = xreallocarray(t->tok, at + (size_t)len, 1);
	memcpy(t->tok + at, tok, (size_t)len);
	t->tokend = xreallocarray(t->tokend, t->ntok + 1, sizeof *t->tokend);
	t->tokend[t->ntok++] = at + (size_t)len;
	return 0;
}

/* The MATCH expression of the spans: each quoted, "" for a quote. */
static char *
query_match_string(const char *s, const struct query_span *sp, size_t n)
{
	struct buf	b = { NULL, 0, 0 };

	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(&b, ' ');
		buf_addc(&b, '"');
		for (size_t j = sp[i].off; j < sp[i].off + sp[i].len; j++) {
			if (s[j] == '"')
				buf_addc(&b, '"');
			buf_addc(&b, s[j]);
		}
		buf_addc(&b, '"');
		if (sp[i].prefix)
			buf_addc(&b, '*');
	}
	return buf_take(&b);
}

struct query *
query_parse(const char *input, size_t len)
{
	struct query_span	 sp[QUERY_TERMS_MAX];
	struct query		*q = xcalloc(1, sizeof *q);
	struct query_term	*t;
	size_t			 n, slen;
	char			*s;

	q->refs = 1;
	q->input = xstrndup(input, len);
	s = query_sanitize(input, len, &slen);
	n = query_split(s, slen, sp);
	q->v = n > 0 ? xcalloc(n, sizeof *q->v) : NULL;
	q->n = n;
	q->match = n > 0 ? query_match_string(s, sp, n) : NULL;
	for (size_t i = 0; i < n; i++) {
		t = &q->v[i];
		t->text = fold_string(s + sp[i].off, sp[i].len, NULL);
		t->prefix = sp[i].prefix;
		tokenizer_run(s + sp[i].off, sp[i].len, TOKENIZER_QUERY,
		    query_collect_cb, t);
	}
	free(s);
	return q;
}

bool
query_empty(const struct query *q)
{
	return q == NULL || q->n == 0;
}

struct query *
query_ref(struct query *q)
{
	if (q != NULL)
		q->refs++;
	return q;
}

void
query_free(struct query *q)
{
	if (q == NULL || --q->refs > 0)
		return;
	for (size_t i = 0; i < q->n; i++) {
		free(q->v[i].text);
		free(q->v[i].tok);
		free(q->v[i].tokend);
	}
	free(q->v);
	free(q->match);
	free(q->input);
	free(q);
}
