/*
 * query.c: user input to FTS5 MATCH expressions, and match positions for
 * highlighting (query.h).  Both sides tokenize through tokenizer_run, so a
 * term is found in a paragraph exactly where the FTS5 index finds it; FTS5's
 * highlight() cannot do that because it skips colocated tokens.
 */
#include <ctype.h>
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

char *
query_build(const char *input, size_t len)
{
	struct query_span	 sp[QUERY_TERMS_MAX];
	struct buf		 b = { NULL, 0, 0 };
	size_t			 n, i, j, slen;
	char			*s;

	s = query_sanitize(input, len, &slen);
	n = query_split(s, slen, sp);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(&b, ' ');
		buf_addc(&b, '"');
		for (j = sp[i].off; j < sp[i].off + sp[i].len; j++) {
			if (s[j] == '"')
				buf_addc(&b, '"');
			buf_addc(&b, s[j]);
		}
		buf_addc(&b, '"');
		if (sp[i].prefix)
			buf_addc(&b, '*');
	}
	free(s);
	return n == 0 ? NULL : buf_take(&b);
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

size_t
query_terms(const char *input, size_t len, struct query_terms *q)
{
	struct query_span	 sp[QUERY_TERMS_MAX];
	struct query_term	*t;
	size_t			 n, i, slen;
	char			*s;

	s = query_sanitize(input, len, &slen);
	n = query_split(s, slen, sp);
	q->v = n > 0 ? xcalloc(n, sizeof *q->v) : NULL;
	q->n = n;
	for (i = 0; i < n; i++) {
		t = &q->v[i];
		t->text = fold_string(s + sp[i].off, sp[i].len, NULL);
		t->prefix = sp[i].prefix;
		tokenizer_run(s + sp[i].off, sp[i].len, TOKENIZER_QUERY,
		    query_collect_cb, t);
	}
	free(s);
	return n;
}

void
query_terms_free(struct query_terms *q)
{
	size_t	i;

	for (i = 0; i < q->n; i++) {
		free(q->v[i].text);
		free(q->v[i].tok);
		free(q->v[i].tokend);
	}
	free(q->v);
	q->v = NULL;
	q->n = 0;
}

/*
 * Whether folding can only lower-case text's ASCII: everything else in it
 * is a Hangul syllable, kana, a CJK ideograph or punctuation, which NFKC
 * and case folding leave alone and which nothing else in the text can turn
 * into (full-width and half-width forms, enclosed and compatibility
 * characters, conjoining jamo, superscripts are not in the list).  There a
 * term's first token must stand in the text as bytes.
 */
static bool
query_folds_verbatim(const char *text, size_t len)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t i = 0;
	uint32_t c;

	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		i += fold_decode(p + i, len - i, &c);
		if (!((c >= 0xac00 && c <= 0xd7a3) ||
		    (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) ||
		    c == 0x30fc || (c >= 0x4e00 && c <= 0x9fff) ||
		    (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x2010 && c <= 0x2027) ||
		    (c >= 0x2030 && c <= 0x205e) || (c >= 0x3001 && c <= 0x3003) ||
		    (c >= 0x3008 && c <= 0x3011) || c == 0x30fb || c == 0x00b7 ||
		    c == 0x22c5))
			return false;
	}
	return true;
}

/* Where tok (folded: lower-case ASCII, or CJK) first stands in text, ASCII
 * compared without case; len when nowhere. */
static size_t
query_bytes_at(const char *text, size_t len, const char *tok, size_t n)
{
	const char *hit;

	if (n == 0 || n > len)
		return n == 0 ? 0 : len;
	if ((unsigned char)tok[0] >= 0x80) {
		hit = memmem(text, len, tok, n);
		return hit != NULL ? (size_t)(hit - text) : len;
	}
	for (size_t at = 0; at + n <= len; at++) {
		size_t i;

		for (i = 0; i < n; i++) {
			unsigned char c = (unsigned char)text[at + i];

			if (c >= 'A' && c <= 'Z')
				c += 'a' - 'A';
			if (c != (unsigned char)tok[i])
				break;
		}
		if (i == n)
			return at;
	}
	return len;
}

/* The first place at or after from where a term's first token stands. */
static size_t
query_candidate(const struct query_terms *q, const char *text, size_t len,
    size_t from)
{
	size_t first = len;

	for (size_t i = 0; i < q->n; i++) {
		const struct query_term *t = &q->v[i];
		size_t at;

		if (t->ntok == 0)
			continue;
		at = from + query_bytes_at(text + from, len - from, t->tok,
		    t->tokend[0]);
		if (at < first)
			first = at;
	}
	return first;
}

size_t
query_find_first(const struct query_terms *q, const char *text, size_t len,
    size_t span, struct query_match *out, size_t max)
{
	size_t from = 0, start, end, n;

	if (!query_folds_verbatim(text, len))
		return query_find(q, text, len, out, max);
	while ((start = query_candidate(q, text, len, from)) < len) {
		/* A word starts before its first letter: back up to it. */
		while (start > from && isalnum((unsigned char)text[start - 1]))
			start--;
		end = start + span < len ? start + span : len;
		while (end < len && text[end] != ' ')
			end++;
		n = query_find(q, text + start, end - start, out, max);
		if (n > 0) {
			for (size_t i = 0; i < n && i < max; i++) {
				out[i].start += start;
				out[i].end += start;
			}
			return n;
		}
		from = end;
	}
	return 0;
}

/* The paragraph's tokens as the index has them, with positions. */
struct query_doctok {
	size_t	pos;
	size_t	start;
	size_t	end;
	size_t	off;		/* the token's bytes in query_doc.text */
	size_t	len;
};

struct query_doc {
	struct query_doctok	*v;
	size_t			 n;
	size_t			 cap;
	struct buf		 text;
	size_t			*first;		/* first token at each position */
	size_t			 npos;
};

static int
query_doc_cb(void *ctx, int flags, const char *tok, int len, int start,
    int end)
{
	struct query_doc	*d = ctx;
	struct query_doctok	*t;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->v = xreallocarray(d->v, d->cap, sizeof *d->v);
	}
	t = &d->v[d->n++];
	if (!(flags & TOKENIZER_COLOCATED) || d->n == 1)
		d->npos++;
	t->pos = d->npos - 1;
	t->start = (size_t)start;
	t->end = (size_t)end;
	t->off = d->text.len;
	t->len = (size_t)len;
	buf_add(&d->text, tok, (size_t)len);
	return 0;
}

static void
query_doc_load(struct query_doc *d, const char *text, size_t len)
{
	size_t	i;

	memset(d, 0, sizeof *d);
	tokenizer_run(text, len, TOKENIZER_DOCUMENT, query_doc_cb, d);
	d->first = xcalloc(d->npos + 1, sizeof *d->first);
	for (i = d->n; i > 0; i--)
		d->first[d->v[i - 1].pos] = i - 1;
	d->first[d->npos] = d->n;
}

static void
query_doc_free(struct query_doc *d)
{
	free(d->v);
	free(d->first);
	buf_free(&d->text);
}

/* Does document token k equal token j of term t (as a prefix if asked)? */
static bool
query_tok_eq(const struct query_doc *d, size_t k, const struct query_term *t,
    size_t j, bool prefix)
{
	const struct query_doctok	*dt = &d->v[k];
	size_t				 from = j ? t->tokend[j - 1] : 0;
	size_t				 len = t->tokend[j] - from;

	if (prefix ? dt->len < len : dt->len != len)
		return false;
	return memcmp(d->text.data + dt->off, t->tok + from, len) == 0;
}

/*
 * Matches the rest of term t after its first token matched at position pos;
 * returns the end of the match or 0 when it does not match.
 */
static size_t
query_match_rest(const struct query_doc *d, size_t pos,
    const struct query_term *t, size_t end)
{
	size_t	j, k;
	bool	found;

	for (j = 1; j < t->ntok; j++) {
		if (pos + j >= d->npos)
			return 0;
		found = false;
		for (k = d->first[pos + j]; k < d->first[pos + j + 1]; k++) {
			if (query_tok_eq(d, k, t, j, t->prefix &&
			    j == t->ntok - 1)) {
				found = true;
				end = d->v[k].end;
				break;
			}
		}
		if (!found)
			return 0;
	}
	return end;
}

static int
query_match_cmp(const void *a, const void *b)
{
	const struct query_match	*x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return (x->term > y->term) - (x->term < y->term);
}

size_t
query_find(const struct query_terms *q, const char *text, size_t len,
    struct query_match *out, size_t max)
{
	struct query_doc		 d;
	const struct query_term		*t;
	struct query_match		*all = NULL;
	size_t				 i, k, end, n = 0, cap = 0;

	query_doc_load(&d, text, len);
	for (i = 0; i < q->n; i++) {
		t = &q->v[i];
		for (k = 0; t->ntok > 0 && k < d.n; k++) {
			if (!query_tok_eq(&d, k, t, 0, t->prefix &&
			    t->ntok == 1))
				continue;
			end = query_match_rest(&d, d.v[k].pos, t, d.v[k].end);
			if (end == 0)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 16;
				all = xreallocarray(all, cap, sizeof *all);
			}
			all[n].start = d.v[k].start;
			all[n].end = end;
			all[n++].term = i;
		}
	}
	query_doc_free(&d);
	if (n > 0) {
		qsort(all, n, sizeof *all, query_match_cmp);
		if (max > 0)
			memcpy(out, all, (n < max ? n : max) * sizeof *out);
	}
	free(all);
	return n;
}
