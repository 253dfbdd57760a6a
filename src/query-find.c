/*
 * query-find.c: where the terms of a query stand in a text, exactly as the
 * FTS5 index matches them (query.h).  The text is tokenized with
 * tokenizer_run as the index tokenizes it, and each term's query tokens are
 * matched position by position; FTS5's highlight() cannot do this because it
 * skips colocated tokens.  Tokens stream through a window of as many
 * positions as the longest term, so memory does not grow with the text.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "query.h"
#include "tokenizer.h"
#include "util.h"

/* Tokens one position of a document holds: a bigram and its single, or a
 * word; room for a few more. */
#define QUERY_POS_TOKENS 4

/* A document token kept in the window. */
struct query_tok {
	size_t	start;
	size_t	end;
	size_t	len;
	char	text[256 + 8];
};

struct query_pos {
	struct query_tok	tok[QUERY_POS_TOKENS];
	size_t			n;
};

/* The matcher: the terms, a window of the last width positions, the
 * matches found so far. */
struct query_stream {
	const struct query		*q;
	struct query_pos		*win;
	size_t				 width;
	size_t				 npos;	/* positions seen */
	struct query_match		*m;
	size_t				 n;
	size_t				 cap;
};

/* Does document token dt equal token j of term t (as a prefix if asked)? */
static bool
query_tok_eq(const struct query_tok *dt, const struct query_term *t,
    size_t j, bool prefix)
{
	size_t from = j ? t->tokend[j - 1] : 0, len = t->tokend[j] - from;

	if (prefix ? dt->len < len : dt->len != len)
		return false;
	return memcmp(dt->text, t->tok + from, len) == 0;
}

/* The token of position pos that equals token j of t, or NULL. */
static const struct query_tok *
query_at(const struct query_stream *qs, size_t pos, const struct query_term *t,
    size_t j)
{
	const struct query_pos *p = &qs->win[pos % qs->width];
	bool prefix = t->prefix && j == t->ntok - 1;

	for (size_t k = 0; k < p->n; k++)
		if (query_tok_eq(&p->tok[k], t, j, prefix))
			return &p->tok[k];
	return NULL;
}

/* Records the matches of every term that start at position pos. */
static void
query_match_at(struct query_stream *qs, size_t pos)
{
	for (size_t i = 0; i < qs->q->n; i++) {
		const struct query_term *t = &qs->q->v[i];
		const struct query_tok *first, *last = NULL;
		size_t j;

		if (t->ntok == 0 || pos + t->ntok > qs->npos ||
		    (first = query_at(qs, pos, t, 0)) == NULL)
			continue;
		last = first;
		for (j = 1; j < t->ntok; j++)
			if ((last = query_at(qs, pos + j, t, j)) == NULL)
				break;
		if (j < t->ntok)
			continue;
		if (qs->n == qs->cap) {
			qs->cap = qs->cap ? qs->cap * 2 : 16;
			qs->m = xreallocarray(qs->m, qs->cap, sizeof *qs->m);
		}
		qs->m[qs->n].start = first->start;
		qs->m[qs->n].end = last->end;
		qs->m[qs->n++].term = i;
	}
}

/* Takes one document token; a new position first settles the matches that
 * start where the window is about to forget. */
static int
query_stream_cb(void *ctx, int flags, const char *tok, int len, int start,
    int end)
{
	struct query_stream *qs = ctx;
	struct query_pos *p;
	struct query_tok *t;

	if (!(flags & TOKENIZER_COLOCATED) || qs->npos == 0) {
		if (qs->npos >= qs->width)
			query_match_at(qs, qs->npos - qs->width);
		qs->win[qs->npos % qs->width].n = 0;
		qs->npos++;
	}
	p = &qs->win[(qs->npos - 1) % qs->width];
	if (p->n == QUERY_POS_TOKENS || (size_t)len > sizeof t->text)
		return 0;
	t = &p->tok[p->n++];
	t->start = (size_t)start;
	t->end = (size_t)end;
	t->len = (size_t)len;
	memcpy(t->text, tok, (size_t)len);
	return 0;
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
query_find_all(const struct query *q, const char *text, size_t len,
    struct query_match **out)
{
	struct query_stream qs = { .q = q, .width = 1 };

	for (size_t i = 0; i < q->n; i++)
		if (q->v[i].ntok > qs.width)
			qs.width = q->v[i].ntok;
	qs.win = xcalloc(qs.width, sizeof *qs.win);
	tokenizer_run(text, len, TOKENIZER_DOCUMENT, query_stream_cb, &qs);
	for (size_t pos = qs.npos > qs.width ? qs.npos - qs.width : 0;
	    pos < qs.npos; pos++)
		query_match_at(&qs, pos);
	free(qs.win);
	if (qs.n > 1)
		qsort(qs.m, qs.n, sizeof *qs.m, query_match_cmp);
	*out = qs.m;
	return qs.n;
}

size_t
query_find(const struct query *q, const char *text, size_t len,
    struct query_match *out, size_t max)
{
	struct query_match *all;
	size_t n = query_find_all(q, text, len, &all);

	if (n > 0 && max > 0)
		memcpy(out, all, (n < max ? n : max) * sizeof *out);
	free(all);
	return n;
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
query_candidate(const struct query *q, const char *text, size_t len,
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
query_find_first(const struct query *q, const char *text, size_t len,
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


/* The syllables of a term made only of Hangul syllables and spaces, in
 * UTF-8 without the spaces; false for any other term. */
static bool
query_hangul_term(const struct query_term *t, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)t->text;
	size_t n = strlen(t->text), i = 0;
	uint32_t c;

	out->len = 0;
	if (t->prefix)
		return false;
	while (i < n) {
		size_t l = fold_decode(p + i, n - i, &c);

		if (c == ' ') {
			i++;
			continue;
		}
		if (c < 0xac00 || c > 0xd7a3)
			return false;
		buf_add(out, p + i, l);
		i += l;
	}
	return out->len > 0;
}

/*
 * Occurrences of the syllables s (3 bytes each) in text, where spaces may
 * stand between two syllables (the joint bigrams of tokenizer.c).
 */
static size_t
query_count_hangul(const char *s, size_t n, const char *text, size_t len)
{
	const char *p = text, *end = text + len, *hit;
	size_t count = 0;

	while ((hit = memmem(p, (size_t)(end - p), s, 3)) != NULL) {
		const char *q = hit + 3;
		size_t k = 3;

		while (k < n) {
			const char *r = q;

			while (r < end && *r == ' ')
				r++;
			if (end - r < 3 || memcmp(r, s + k, 3) != 0)
				break;
			q = r + 3;
			k += 3;
		}
		count += k == n;
		p = hit + 3;
	}
	return count;
}

void
query_count(const struct query *q, const char *text, size_t len,
    size_t *counts)
{
	struct query_match *m;
	struct buf syl = { 0 };
	bool verbatim = query_folds_verbatim(text, len), rest = false;
	size_t n;

	for (size_t i = 0; i < q->n; i++) {
		if (verbatim && query_hangul_term(&q->v[i], &syl))
			counts[i] += query_count_hangul(syl.data, syl.len, text,
			    len);
		else
			rest = true;
	}
	if (rest) {
		n = query_find_all(q, text, len, &m);
		for (size_t i = 0; i < n; i++)
			if (!verbatim || !query_hangul_term(&q->v[m[i].term],
			    &syl))
				counts[m[i].term]++;
		free(m);
	}
	buf_free(&syl);
}
