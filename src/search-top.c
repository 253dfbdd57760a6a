/*
 * search-top.c: the first page of a search from champion lists (rank.h),
 * the threshold algorithm: each term's rarest token lists the sections it
 * scores best in; walking the lists best first, every section met is
 * scored exactly from its text, and the walk stops as soon as the page's
 * lowest score beats the most that any section not yet met could score
 * (the sum, over terms, of idf times the impact of the next entry in that
 * term's list: a phrase or a rarer token scores at most what its rarest
 * token does).  A term of one token needs no text at all: its list holds
 * the counts bm25 needs.
 */
#include <stdlib.h>
#include <string.h>

#include "search-internal.h"
#include "util.h"

/* The page so far: a min-heap of the best limit sections by score. */
struct top_heap {
	struct search_found	*v;
	size_t			 n;
	size_t			 cap;
};

/* Whether a ranks below b on the page: a lower score, or a later id. */
static bool
top_below(const struct search_found *a, const struct search_found *b)
{
	if (a->score != b->score)
		return a->score < b->score;
	return a->id > b->id;
}

static void
top_swap(struct search_found *a, struct search_found *b)
{
	struct search_found t = *a;

	*a = *b;
	*b = t;
}

static void
top_sift_down(struct top_heap *h, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;

		if (l < h->n && top_below(&h->v[l], &h->v[m]))
			m = l;
		if (r < h->n && top_below(&h->v[r], &h->v[m]))
			m = r;
		if (m == i)
			return;
		top_swap(&h->v[i], &h->v[m]);
		i = m;
	}
}

/* Offers f to the page; takes it over (or frees its text). */
static void
top_offer(struct top_heap *h, struct search_found *f)
{
	size_t i;

	if (h->n < h->cap) {
		h->v[h->n] = *f;
		for (i = h->n++; i > 0 && top_below(&h->v[i],
		    &h->v[(i - 1) / 2]); i = (i - 1) / 2)
			top_swap(&h->v[i], &h->v[(i - 1) / 2]);
		return;
	}
	if (!top_below(&h->v[0], f)) {
		search_found_free(f, 1);
		return;
	}
	search_found_free(&h->v[0], 1);
	h->v[0] = *f;
	top_sift_down(h, 0);
}

/* The score of a section with text t and len positions; 0 when some term
 * is not in it (every term must match). */
static double
top_score(const struct search_plan *p, const struct search_text *t,
    uint32_t len)
{
	size_t nt = p->q->n, tt[QUERY_TERMS_MAX] = { 0 };
	size_t tb[QUERY_TERMS_MAX] = { 0 };
	double score = 0.0;

	query_count(p->q, t->title, strlen(t->title), tt);
	for (size_t i = 0; i < t->n; i++)
		query_count(p->q, t->paras[i], strlen(t->paras[i]), tb);
	for (size_t i = 0; i < nt; i++) {
		if (tt[i] + tb[i] == 0)
			return 0.0;
		score += p->terms[i].idf * rank_bm25(rank_tf((uint32_t)tt[i],
		    (uint32_t)tb[i]), len, &p->stats);
	}
	return score;
}

/*
 * The most a section not yet met can score: for each term, the next entry
 * of its list, or a section left out of the list, whichever is more.
 */
static double
top_threshold(const struct search_plan *p, const size_t *pos)
{
	double sum = 0.0;

	for (size_t i = 0; i < p->q->n; i++) {
		const struct rank_term *l = &p->terms[i].list;
		double bound = rank_excluded(l, &p->stats);

		if (pos[i] < l->n && l->champions[pos[i]].impact > bound)
			bound = l->champions[pos[i]].impact;
		sum += p->terms[i].idf * bound;
	}
	return sum;
}

/* Whether the page is settled: full, and nothing unseen can beat it. */
static bool
top_settled(const struct search_plan *p, const struct top_heap *h,
    const size_t *pos)
{
	return h->n == h->cap && h->v[0].score >= top_threshold(p, pos);
}

/* A set of section ids already met, open addressing. */
struct top_seen {
	int64_t	*v;
	size_t	 cap;
};

/* Marks id; false when it was marked already. */
static bool
top_mark(struct top_seen *s, int64_t id)
{
	size_t j = (size_t)((uint64_t)id * 0x9e3779b97f4a7c15ULL >> 40) &
	    (s->cap - 1);

	for (; s->v[j] != 0; j = (j + 1) & (s->cap - 1))
		if (s->v[j] == id)
			return false;
	s->v[j] = id;
	return true;
}

/* A query of one token: its champion list is the page, counts and all. */
static void
top_single(struct search_plan *p, struct top_heap *h)
{
	const struct rank_term *l = &p->terms[0].list;

	for (size_t i = 0; i < l->n; i++) {
		struct search_found f = { l->champions[i].id,
		    p->terms[0].idf * l->champions[i].impact, false, { 0 } };

		top_offer(h, &f);
	}
}

/*
 * Walks the lists round robin; each section met once is read and scored.
 * Returns whether the page is certain (stopped by the threshold, or every
 * section that can match was met).
 */
static int
top_walk(struct store *st, struct search_plan *p, struct top_heap *h,
    bool *certain, char **cause)
{
	size_t nt = p->q->n, pos[QUERY_TERMS_MAX] = { 0 }, total = 0;
	struct top_seen seen;
	bool moved = true;
	int rc = 0;

	for (size_t i = 0; i < nt; i++)
		total += p->terms[i].list.n;
	for (seen.cap = 64; seen.cap < total * 2; seen.cap *= 2)
		;
	seen.v = xcalloc(seen.cap, sizeof *seen.v);
	*certain = false;
	while (rc == 0 && moved) {
		moved = false;
		for (size_t i = 0; i < nt && rc == 0; i++) {
			const struct rank_term *l = &p->terms[i].list;
			const struct rank_entry *e;
			struct search_found f;

			if (top_settled(p, h, pos)) {
				*certain = true;
				goto out;
			}
			if (pos[i] >= l->n)
				continue;
			e = &l->champions[pos[i]++];
			moved = true;
			if (!top_mark(&seen, e->id))
				continue;
			memset(&f, 0, sizeof f);
			f.id = e->id;
			if ((rc = search_text_read(st, e->id, &f.text,
			    cause)) != 0)
				break;
			f.has_text = true;
			f.score = top_score(p, &f.text, e->len);
			if (f.score > 0.0)
				top_offer(h, &f);
			else
				search_found_free(&f, 1);
		}
	}
	/*
	 * The lists ran out: every section that can match was met when one
	 * of them left nothing out; else what was left out must not beat the
	 * page.
	 */
	*certain = top_settled(p, h, pos);
	for (size_t i = 0; i < nt; i++)
		if (rank_excluded(&p->terms[i].list, &p->stats) == 0.0)
			*certain = true;
out:
	free(seen.v);
	return rc;
}

static int
top_cmp(const void *a, const void *b)
{
	const struct search_found *x = a, *y = b;

	if (top_below(x, y))
		return 1;
	return top_below(y, x) ? -1 : 0;
}

int
search_top(struct store *st, struct search_plan *p, size_t limit,
    struct search_found **out, size_t *n, bool *more, bool *certain,
    char **cause)
{
	struct top_heap h = { xcalloc(limit + 1, sizeof *h.v), 0, limit + 1 };
	bool one = p->q->n == 1 && p->q->v[0].ntok == 1;
	int rc = 0;

	for (size_t i = 0; i < p->q->n; i++)
		rank_impacts(p->terms[i].list.champions, p->terms[i].list.n,
		    &p->stats);
	if (one) {
		const struct rank_term *l = &p->terms[0].list;

		top_single(p, &h);
		*certain = rank_excluded(l, &p->stats) == 0.0 || (h.n == h.cap &&
		    h.v[0].score >= p->terms[0].idf * rank_excluded(l,
		    &p->stats));
	} else
		rc = top_walk(st, p, &h, certain, cause);
	if (rc != 0) {
		search_found_free(h.v, h.n);
		return rc;
	}
	qsort(h.v, h.n, sizeof *h.v, top_cmp);
	/* One more than the page was kept, to know that there is more. */
	*more = h.n > limit || (one && p->terms[0].df > (int64_t)limit);
	if (h.n > limit) {
		search_found_free(&h.v[limit], h.n - limit);
		h.n = limit;
	}
	*out = h.v;
	*n = h.n;
	return 0;
}
