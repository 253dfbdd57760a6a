/*
 * rank.c: the ranking data beside the FTS5 index (see rank.h).  A section's
 * tokens are counted with the same tokenizer FTS5 indexes it with; a batch
 * of sections is gathered in memory (each token's df and its best sections
 * so far, at most RANK_K) and merged into the rank_term table when the
 * transaction commits, or sooner when the batch holds too much: merging is
 * the same whenever it happens, since every token keeps its best RANK_K.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rank.h"
#include "tokenizer.h"
#include "util.h"

/* A batch flushes early past this many candidate entries (16 bytes each). */
#define RANK_BATCH_ENTRIES	(4u << 20)

/* One token counted in one section. */
struct rank_count {
	uint32_t	off;		/* in the arena */
	uint32_t	len;
	uint32_t	hash;
	uint32_t	tt;
	uint32_t	tb;
	bool		used;
};

/* The tokens of one section, an open-addressing table over an arena;
 * used lists the slots in use, for resetting and walking them. */
struct rank_section {
	struct rank_count	*slots;
	size_t			 cap;
	size_t			 n;
	uint32_t		*used;
	struct buf		 arena;
	int			 col;		/* 0 title, 1 body */
	uint32_t		 colpos;	/* positions in the column so far */
	uint32_t		 positions;
};

/* A candidate for a token's champion list, kept small. */
struct rank_cand {
	uint32_t	id;
	uint16_t	tt;
	uint16_t	tb;
	uint32_t	len;
	float		impact;
	float		avgdl;		/* the average length impact was under */
};

static uint32_t
rank_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static double
rank_avgdl(const struct rank_stats *s)
{
	return s->rows > 0 && s->positions > 0 ?
	    (double)s->positions / (double)s->rows : 1.0;
}

double
rank_bm25(double tf, double len, const struct rank_stats *s)
{
	double avgdl = rank_avgdl(s);

	return tf * (RANK_K1 + 1.0) / (tf + RANK_K1 * (1.0 - RANK_B +
	    RANK_B * len / avgdl));
}

double
rank_excluded(const struct rank_term *t, const struct rank_stats *s)
{
	double now = rank_avgdl(s), r, v = t->excl_max;

	if (v <= 0.0 || now <= t->excl_avgdl)
		return v;
	r = t->excl_avgdl / now;
	return (RANK_K1 + 1.0) / (1.0 - r + r * (RANK_K1 + 1.0) / v);
}

/* Notes that a section scoring v under average length a was left out
 * (v rounded up a little: some impacts were floats). */
static void
rank_exclude(double *max, double *avgdl, double v, double a)
{
	v *= 1.00001;
	if (v > *max)
		*max = v;
	if (*avgdl == 0.0 || a < *avgdl)
		*avgdl = a;
}

double
rank_idf(int64_t df, const struct rank_stats *s)
{
	double idf = log(((double)s->rows - (double)df + 0.5) /
	    ((double)df + 0.5));

	return idf > 0.0 ? idf : 1e-6;
}

static int
rank_entry_cmp(const void *a, const void *b)
{
	const struct rank_entry *x = a, *y = b;

	if (x->impact != y->impact)
		return x->impact > y->impact ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

void
rank_impacts(struct rank_entry *v, size_t n, const struct rank_stats *s)
{
	for (size_t i = 0; i < n; i++)
		v[i].impact = rank_bm25(rank_tf(v[i].tt, v[i].tb), v[i].len, s);
	qsort(v, n, sizeof *v, rank_entry_cmp);
}

/* Counting a section's tokens. */

static void
rank_section_reset(struct rank_section *sec)
{
	for (size_t i = 0; i < sec->n; i++)
		sec->slots[sec->used[i]].used = false;
	sec->n = 0;
	sec->arena.len = 0;
	sec->col = 0;
	sec->colpos = sec->positions = 0;
}

static void
rank_section_grow(struct rank_section *sec)
{
	struct rank_count *old = sec->slots;
	size_t oldcap = sec->cap;

	sec->cap = sec->cap ? sec->cap * 2 : 256;
	sec->slots = xcalloc(sec->cap, sizeof *sec->slots);
	sec->used = xreallocarray(sec->used, sec->cap / 2, sizeof *sec->used);
	sec->n = 0;
	for (size_t i = 0; i < oldcap; i++) {
		size_t j;

		if (!old[i].used)
			continue;
		for (j = old[i].hash & (sec->cap - 1); sec->slots[j].used;
		    j = (j + 1) & (sec->cap - 1))
			;
		sec->slots[j] = old[i];
		sec->used[sec->n++] = (uint32_t)j;
	}
	free(old);
}

/* The tokenizer's callback: one more occurrence of tok in sec->col. */
static int
rank_section_cb(void *ctx, int flags, const char *tok, int len, int start,
    int end)
{
	struct rank_section *sec = ctx;
	uint32_t h = rank_hash(tok, (size_t)len);
	struct rank_count *c;
	size_t j;

	(void)start;
	(void)end;
	/* Positions as FTS5 counts them (its column sizes). */
	if (!(flags & TOKENIZER_COLOCATED) || sec->colpos == 0) {
		sec->colpos++;
		sec->positions++;
	}
	if ((sec->n + 1) * 2 > sec->cap)
		rank_section_grow(sec);
	for (j = h & (sec->cap - 1);; j = (j + 1) & (sec->cap - 1)) {
		c = &sec->slots[j];
		if (!c->used)
			break;
		if (c->hash == h && c->len == (uint32_t)len &&
		    memcmp(sec->arena.data + c->off, tok, (size_t)len) == 0)
			goto found;
	}
	c->used = true;
	c->hash = h;
	c->off = (uint32_t)sec->arena.len;
	c->len = (uint32_t)len;
	c->tt = c->tb = 0;
	buf_add(&sec->arena, tok, (size_t)len);
	sec->used[sec->n++] = (uint32_t)j;
found:
	if (sec->col == 0)
		c->tt++;
	else
		c->tb++;
	return 0;
}

/* Counts the tokens of a title and a body into sec (reset first). */
static void
rank_section_count(struct rank_section *sec, const char *title,
    const char *body, size_t bodylen)
{
	rank_section_reset(sec);
	tokenizer_run(title, strlen(title), TOKENIZER_DOCUMENT, rank_section_cb,
	    sec);
	sec->col = 1;
	sec->colpos = 0;
	tokenizer_run(body, bodylen, TOKENIZER_DOCUMENT, rank_section_cb, sec);
}

static void
rank_section_free(struct rank_section *sec)
{
	free(sec->slots);
	free(sec->used);
	buf_free(&sec->arena);
	memset(sec, 0, sizeof *sec);
}

/* Encoding of champion lists: varints, id then counts, best first. */

static void
rank_put_varint(struct buf *b, uint64_t v)
{
	unsigned char tmp[10];
	size_t n = 0;

	do {
		tmp[n++] = (unsigned char)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
		v >>= 7;
	} while (v != 0);
	buf_add(b, tmp, n);
}

static bool
rank_get_varint(const unsigned char **p, const unsigned char *end,
    uint64_t *v)
{
	int shift = 0;

	*v = 0;
	while (*p < end && shift < 64) {
		unsigned char c = *(*p)++;

		*v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return true;
		shift += 7;
	}
	return false;
}

/*
 * A list's blob: a flag byte (1: the two doubles of what was left out
 * follow, in the machine's order), then per entry id, title count, body
 * count and length as varints.
 */
static void
rank_encode(struct buf *b, const struct rank_term *t)
{
	unsigned char flag = t->excl_max > 0.0;

	b->len = 0;
	buf_add(b, &flag, 1);
	if (flag) {
		buf_add(b, &t->excl_max, sizeof t->excl_max);
		buf_add(b, &t->excl_avgdl, sizeof t->excl_avgdl);
	}
	for (size_t i = 0; i < t->n; i++) {
		rank_put_varint(b, (uint64_t)t->champions[i].id);
		rank_put_varint(b, t->champions[i].tt);
		rank_put_varint(b, t->champions[i].tb);
		rank_put_varint(b, t->champions[i].len);
	}
}

/* Decodes a list into t; false (and nothing) when it is damaged. */
static bool
rank_decode(const void *blob, size_t size, struct rank_term *t)
{
	const unsigned char *p = blob, *end = p + size;
	struct rank_entry *v = NULL;
	size_t count = 0, cap = 0;
	uint64_t id, tt, tb, len;

	if (size < 1 || p[0] > 1 || (p[0] == 1 && size < 17))
		return false;
	if (*p++ == 1) {
		memcpy(&t->excl_max, p, sizeof t->excl_max);
		memcpy(&t->excl_avgdl, p + 8, sizeof t->excl_avgdl);
		p += 16;
	}
	while (p < end) {
		if (!rank_get_varint(&p, end, &id) ||
		    !rank_get_varint(&p, end, &tt) ||
		    !rank_get_varint(&p, end, &tb) ||
		    !rank_get_varint(&p, end, &len) || id > INT64_MAX ||
		    tt > UINT32_MAX || tb > UINT32_MAX || len > UINT32_MAX) {
			free(v);
			t->excl_max = t->excl_avgdl = 0.0;
			return false;
		}
		if (count == cap) {
			cap = cap ? cap * 2 : 64;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[count++] = (struct rank_entry){ (int64_t)id, (uint32_t)tt,
		    (uint32_t)tb, (uint32_t)len, 0.0 };
	}
	t->champions = v;
	t->n = count;
	return true;
}

/* Reading. */

int
rank_stats_read(struct store *st, struct rank_stats *out, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = store_cached(st, "SELECT rows, positions FROM rank_stats"
	    " WHERE id = 1", &stmt, cause)) != 0)
		return rc;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		out->rows = sqlite3_column_int64(stmt, 0);
		out->positions = sqlite3_column_int64(stmt, 1);
	}
	store_release(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(st, cause, "cannot read the search index");
	return 0;
}

static int
rank_stats_write(struct store *st, const struct rank_stats *s, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = store_cached(st, "UPDATE rank_stats SET rows = ?,"
	    " positions = ? WHERE id = 1", &stmt, cause)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, s->rows);
	sqlite3_bind_int64(stmt, 2, s->positions);
	rc = sqlite3_step(stmt);
	store_release(stmt);
	if (rc != SQLITE_DONE)
		return store_error(st, cause, "cannot index the briefing");
	return 0;
}

int
rank_term_read(struct store *st, const char *tok, size_t len,
    struct rank_term *out, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = store_cached(st, "SELECT df, champions FROM rank_term"
	    " WHERE token = ?", &stmt, cause)) != 0)
		return rc;
	sqlite3_bind_blob(stmt, 1, tok, (int)len, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		out->df = sqlite3_column_int64(stmt, 0);
		if (sqlite3_column_type(stmt, 1) == SQLITE_BLOB &&
		    !rank_decode(sqlite3_column_blob(stmt, 1),
		    (size_t)sqlite3_column_bytes(stmt, 1), out)) {
			store_release(stmt);
			return fail(cause, EX_DATAERR, "the search index is "
			    "damaged (run brief check --repair)");
		}
	}
	store_release(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(st, cause, "cannot read the search index");
	return 0;
}

void
rank_term_clear(struct rank_term *t)
{
	free(t->champions);
	memset(t, 0, sizeof *t);
}

static int
rank_term_write(struct store *st, const char *tok, size_t len, int64_t df,
    const struct buf *champions, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if (df <= 0) {
		rc = store_cached(st, "DELETE FROM rank_term WHERE token = ?",
		    &stmt, cause);
		if (rc != 0)
			return rc;
		sqlite3_bind_blob(stmt, 1, tok, (int)len, SQLITE_STATIC);
	} else {
		rc = store_cached(st, "INSERT INTO rank_term (token, df,"
		    " champions) VALUES (?1, ?2, ?3) ON CONFLICT (token) DO"
		    " UPDATE SET df = ?2, champions = ?3", &stmt, cause);
		if (rc != 0)
			return rc;
		sqlite3_bind_blob(stmt, 1, tok, (int)len, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 2, df);
		if (champions != NULL)
			sqlite3_bind_blob(stmt, 3, champions->data,
			    (int)champions->len, SQLITE_STATIC);
	}
	rc = sqlite3_step(stmt);
	store_release(stmt);
	if (rc != SQLITE_DONE)
		return store_error(st, cause, "cannot index the briefing");
	return 0;
}

/*
 * The batch: every token met since the last flush, with its df in the
 * batch and a min-heap of its best sections (at most RANK_K).  Tokens of
 * up to 8 bytes (bigrams, singles, short words) are kept in place.
 */
struct rank_acc {
	uint32_t		 hash;
	uint32_t		 len;
	union {
		char		 key[8];	/* len <= 8 */
		uint32_t	 off;		/* in the arena */
	}			 tok;
	uint32_t		 df;
	uint32_t		 nheap;
	uint32_t		 capheap;
	float			 floor;		/* heap[0].impact once full */
	struct rank_cand	*heap;
	double			 excl_max;	/* what the heap turned away */
	double			 excl_avgdl;
};

struct rank_batch {
	struct rank_acc		*accs;		/* in the order first met */
	size_t			 n;
	size_t			 capaccs;
	uint32_t		*slots;		/* hash: index + 1, 0 empty */
	size_t			 cap;
	struct buf		 arena;		/* tokens longer than 8 bytes */
	size_t			 entries;	/* heap entries, all tokens */
	struct rank_section	 sec;		/* the section being added */
	struct rank_stats	 base;		/* the library before the batch */
	struct rank_stats	 added;
};

static const char *
rank_acc_token(const struct rank_batch *b, const struct rank_acc *a)
{
	return a->len <= sizeof a->tok.key ? a->tok.key :
	    b->arena.data + a->tok.off;
}

static void
rank_batch_free(void *ctx)
{
	struct rank_batch *b = ctx;

	for (size_t i = 0; i < b->n; i++)
		free(b->accs[i].heap);
	free(b->accs);
	free(b->slots);
	buf_free(&b->arena);
	rank_section_free(&b->sec);
	free(b);
}

/* Empties the batch after a flush; what was added is now the library's. */
static void
rank_batch_reset(struct rank_batch *b)
{
	for (size_t i = 0; i < b->n; i++)
		free(b->accs[i].heap);
	b->n = 0;
	if (b->cap > 0)
		memset(b->slots, 0, b->cap * sizeof *b->slots);
	b->arena.len = 0;
	b->entries = 0;
	b->base.rows += b->added.rows;
	b->base.positions += b->added.positions;
	memset(&b->added, 0, sizeof b->added);
}

static void
rank_batch_grow(struct rank_batch *b)
{
	free(b->slots);
	b->cap = b->cap ? b->cap * 2 : 1 << 14;
	b->slots = xcalloc(b->cap, sizeof *b->slots);
	for (size_t i = 0; i < b->n; i++) {
		size_t j;

		for (j = b->accs[i].hash & (b->cap - 1); b->slots[j] != 0;
		    j = (j + 1) & (b->cap - 1))
			;
		b->slots[j] = (uint32_t)i + 1;
	}
}

/* The batch's entry for a token, made when new. */
static struct rank_acc *
rank_batch_term(struct rank_batch *b, const char *tok, uint32_t len,
    uint32_t h)
{
	struct rank_acc *a;
	size_t j;

	if ((b->n + 1) * 2 > b->cap)
		rank_batch_grow(b);
	for (j = h & (b->cap - 1); b->slots[j] != 0; j = (j + 1) & (b->cap - 1)) {
		a = &b->accs[b->slots[j] - 1];
		if (a->hash == h && a->len == len &&
		    memcmp(rank_acc_token(b, a), tok, len) == 0)
			return a;
	}
	if (b->n == b->capaccs) {
		b->capaccs = b->capaccs ? b->capaccs * 2 : 1 << 13;
		b->accs = xreallocarray(b->accs, b->capaccs, sizeof *b->accs);
	}
	a = &b->accs[b->n];
	memset(a, 0, sizeof *a);
	a->hash = h;
	a->len = len;
	if (len <= sizeof a->tok.key)
		memcpy(a->tok.key, tok, len);
	else {
		a->tok.off = (uint32_t)b->arena.len;
		buf_add(&b->arena, tok, len);
	}
	b->slots[j] = (uint32_t)++b->n;
	return a;
}

static void
rank_heap_sift(struct rank_cand *h, uint32_t n, uint32_t i)
{
	for (;;) {
		uint32_t l = 2 * i + 1, r = l + 1, m = i;
		struct rank_cand t;

		if (l < n && h[l].impact < h[m].impact)
			m = l;
		if (r < n && h[r].impact < h[m].impact)
			m = r;
		if (m == i)
			return;
		t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

/* Offers a section to a token's heap of its RANK_K best. */
static void
rank_heap_offer(struct rank_batch *b, struct rank_acc *a,
    const struct rank_cand *c)
{
	if (a->nheap == RANK_K && c->impact <= a->floor) {
		rank_exclude(&a->excl_max, &a->excl_avgdl, c->impact, c->avgdl);
		return;
	}
	if (a->nheap < RANK_K) {
		uint32_t i;

		if (a->nheap == a->capheap) {
			a->capheap = a->capheap ? a->capheap * 4 : 2;
			if (a->capheap > RANK_K)
				a->capheap = RANK_K;
			a->heap = xreallocarray(a->heap, a->capheap,
			    sizeof *a->heap);
		}
		for (i = a->nheap++; i > 0 &&
		    a->heap[(i - 1) / 2].impact > c->impact; i = (i - 1) / 2)
			a->heap[i] = a->heap[(i - 1) / 2];
		a->heap[i] = *c;
		b->entries++;
	} else {
		rank_exclude(&a->excl_max, &a->excl_avgdl, a->heap[0].impact,
		    a->heap[0].avgdl);
		a->heap[0] = *c;
		rank_heap_sift(a->heap, a->nheap, 0);
	}
	if (a->nheap == RANK_K)
		a->floor = a->heap[0].impact;
}

/* Counts a section's tokens and offers it to each token's heap. */
static void
rank_batch_add(struct rank_batch *b, int64_t id, const char *title,
    const char *body, size_t bodylen)
{
	struct rank_section *sec = &b->sec;
	struct rank_stats now;

	rank_section_count(sec, title, body, bodylen);
	b->added.rows++;
	b->added.positions += sec->positions;
	now.rows = b->base.rows + b->added.rows;
	now.positions = b->base.positions + b->added.positions;
	for (size_t i = 0; i < sec->n; i++) {
		const struct rank_count *c = &sec->slots[sec->used[i]];
		struct rank_acc *a = rank_batch_term(b, sec->arena.data + c->off,
		    c->len, c->hash);
		struct rank_cand cand;

		a->df++;
		cand.id = (uint32_t)id;
		cand.tt = (uint16_t)(c->tt > 0xffff ? 0xffff : c->tt);
		cand.tb = (uint16_t)(c->tb > 0xffff ? 0xffff : c->tb);
		cand.len = sec->positions;
		cand.impact = (float)rank_bm25(rank_tf(c->tt, c->tb),
		    sec->positions, &now);
		cand.avgdl = (float)rank_avgdl(&now);
		rank_heap_offer(b, a, &cand);
	}
}

/* Merges one token of the batch into rank_term: the best of its old list
 * and of the batch's heap, at most RANK_K, and what was left out. */
static int
rank_flush_term(struct store *st, struct rank_batch *b,
    const struct rank_acc *a, const struct rank_stats *s, struct buf *enc,
    char **cause)
{
	const char *tok = rank_acc_token(b, a);
	struct rank_term t;
	int rc;

	if ((rc = rank_term_read(st, tok, a->len, &t, cause)) != 0)
		return rc;
	t.champions = xreallocarray(t.champions, t.n + a->nheap,
	    sizeof *t.champions);
	for (uint32_t i = 0; i < a->nheap; i++)
		t.champions[t.n++] = (struct rank_entry){ a->heap[i].id,
		    a->heap[i].tt, a->heap[i].tb, a->heap[i].len, 0.0 };
	rank_impacts(t.champions, t.n, s);
	if (a->excl_max > 0.0)
		rank_exclude(&t.excl_max, &t.excl_avgdl, a->excl_max,
		    a->excl_avgdl);
	if (t.n > RANK_K) {
		rank_exclude(&t.excl_max, &t.excl_avgdl,
		    t.champions[RANK_K].impact, rank_avgdl(s));
		t.n = RANK_K;
	}
	t.df += a->df;
	rank_encode(enc, &t);
	rc = rank_term_write(st, tok, a->len, t.df, enc, cause);
	rank_term_clear(&t);
	return rc;
}

/* The batch whose tokens qsort is ordering (qsort has no context). */
static _Thread_local const struct rank_batch *rank_sorting;

/* Orders tokens as SQLite orders blobs: bytes, then length. */
static int
rank_acc_cmp(const void *x, const void *y)
{
	const struct rank_acc *a = &rank_sorting->accs[*(const uint32_t *)x];
	const struct rank_acc *b = &rank_sorting->accs[*(const uint32_t *)y];
	int d = memcmp(rank_acc_token(rank_sorting, a),
	    rank_acc_token(rank_sorting, b), a->len < b->len ? a->len : b->len);

	if (d != 0)
		return d;
	return (a->len > b->len) - (a->len < b->len);
}

/* Writes the batch into the tables and empties it (store_defer's flush). */
static int
rank_flush(struct store *st, void *ctx, char **cause)
{
	struct rank_batch *b = ctx;
	struct rank_stats s = { b->base.rows + b->added.rows,
	    b->base.positions + b->added.positions };
	struct buf enc = { 0 };
	uint32_t *order = xcalloc(b->n + 1, sizeof *order);
	int rc = rank_stats_write(st, &s, cause);

	/* In key order, so that the table's b-tree is written page by page. */
	for (size_t i = 0; i < b->n; i++)
		order[i] = (uint32_t)i;
	rank_sorting = b;
	qsort(order, b->n, sizeof *order, rank_acc_cmp);
	rank_sorting = NULL;
	for (size_t i = 0; i < b->n && rc == 0; i++)
		rc = rank_flush_term(st, b, &b->accs[order[i]], &s, &enc, cause);
	free(order);
	buf_free(&enc);
	rank_batch_reset(b);
	return rc;
}

/* The batch of the open transaction, started when there is none. */
static int
rank_batch_of(struct store *st, struct rank_batch **out, char **cause)
{
	struct rank_batch *b = store_deferred(st);
	int rc;

	if (b == NULL) {
		b = xcalloc(1, sizeof *b);
		if ((rc = rank_stats_read(st, &b->base, cause)) != 0) {
			rank_batch_free(b);
			return rc;
		}
		if (!store_defer(st, rank_flush, rank_batch_free, b)) {
			rank_batch_free(b);
			return fail(cause, EX_SOFTWARE,
			    "another change to the library is under way");
		}
	}
	*out = b;
	return 0;
}

int
rank_add_section(struct store *st, int64_t id, const char *title,
    const char *body, size_t bodylen, char **cause)
{
	struct rank_batch *b = NULL;
	int rc;

	if (id <= 0 || id > UINT32_MAX)
		return fail(cause, EX_SOFTWARE, "section id %lld out of range",
		    (long long)id);
	if ((rc = rank_batch_of(st, &b, cause)) != 0)
		return rc;
	rank_batch_add(b, id, title, body, bodylen);
	if (b->entries >= RANK_BATCH_ENTRIES)
		return rank_flush(st, b, cause);
	return 0;
}

int
rank_remove_section(struct store *st, int64_t id, const char *title,
    const char *body, size_t bodylen, char **cause)
{
	struct rank_section sec = { 0 };
	struct rank_stats s;
	struct buf enc = { 0 };
	int rc;

	if ((rc = rank_stats_read(st, &s, cause)) != 0)
		return rc;
	rank_section_count(&sec, title, body, bodylen);
	s.rows = s.rows > 0 ? s.rows - 1 : 0;
	s.positions = s.positions > sec.positions ? s.positions -
	    sec.positions : 0;
	rc = rank_stats_write(st, &s, cause);
	for (size_t i = 0; i < sec.cap && rc == 0; i++) {
		const struct rank_count *c = &sec.slots[i];
		const char *tok = sec.arena.data + c->off;
		struct rank_term t;
		size_t k = 0;

		if (!c->used)
			continue;
		if ((rc = rank_term_read(st, tok, c->len, &t, cause)) != 0)
			break;
		/* The rest of a champion list stays the best of what is left. */
		for (size_t j = 0; j < t.n; j++)
			if (t.champions[j].id != id)
				t.champions[k++] = t.champions[j];
		t.n = k;
		rank_encode(&enc, &t);
		rc = rank_term_write(st, tok, c->len, t.df - 1, &enc, cause);
		rank_term_clear(&t);
	}
	rank_section_free(&sec);
	buf_free(&enc);
	return rc;
}

int
rank_clear(struct store *st, char **cause)
{
	struct rank_batch *b = store_deferred(st);

	if (b != NULL)
		rank_batch_reset(b);
	if (sqlite3_exec(store_db(st), "DELETE FROM rank_term;"
	    " UPDATE rank_stats SET rows = 0, positions = 0", NULL, NULL,
	    NULL) != SQLITE_OK)
		return store_error(st, cause, "cannot rebuild the search index");
	if (b != NULL)
		memset(&b->base, 0, sizeof b->base);
	return 0;
}
