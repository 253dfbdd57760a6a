/*
 * search.c: full-text search over the library.  Keeps the FTS5 index of
 * sections (tokenizer.c) up to date, runs a query (query.c makes any input
 * safe) for the first page of hits, and makes snippets and match positions
 * itself: FTS5's snippet() re-tokenizes whole sections and highlight() skips
 * colocated tokens (DESIGN.md sections 3 and 7).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"
#include "search.h"
#include "text.h"
#include "util.h"

/* Up to this many hits are ranked with bm25; past it, reading order. */
#define SEARCH_RANK_MAX 2000

/* Bytes after a first match that a snippet can show, and more. */
#define SEARCH_SPAN 1024

/* Title matches weigh this much more than body matches in bm25. */
#define SEARCH_TITLE_WEIGHT "5.0"

int
search_index_section(struct store *st, int64_t section_id, const char *title,
    char *const *paras, size_t n, char **cause)
{
	struct buf body = { 0 };
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = store_cached(st, "INSERT INTO section_fts (rowid, title, body)"
	    " VALUES (?, ?, ?)", &stmt, cause)) != 0)
		return rc;
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(&body, '\n');
		buf_addstr(&body, paras[i]);
	}
	sqlite3_bind_int64(stmt, 1, section_id);
	sqlite3_bind_text(stmt, 2, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, body.data ? body.data : "", (int)body.len,
	    SQLITE_STATIC);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		rc = store_error(st, cause, "cannot index the briefing");
	store_release(stmt);
	buf_free(&body);
	return rc;
}

static void
search_id_row(sqlite3_stmt *stmt, void *row)
{
	*(int64_t *)row = sqlite3_column_int64(stmt, 0);
}

/* Collects the rowids of one query's rows in [lo, hi], at most max. */
static int
search_collect_ids(struct store *st, const char *sql, const char *match,
    int64_t lo, int64_t hi, size_t max, int64_t **ids, size_t *n,
    char **cause)
{
	sqlite3_stmt *stmt;
	void *v;
	int rc;

	if ((rc = store_cached(st, sql, &stmt, cause)) != 0)
		return rc;
	sqlite3_bind_text(stmt, 1, match, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, (sqlite3_int64)max);
	sqlite3_bind_int64(stmt, 3, lo);
	sqlite3_bind_int64(stmt, 4, hi);
	rc = store_collect(st, stmt, sizeof **ids, search_id_row, &v, n,
	    "cannot search", cause);
	*ids = v;
	if (rc != 0) {
		free(*ids);
		*ids = NULL;
		*n = 0;
	}
	return rc;
}

/*
 * The ids of the first limit + 1 matching sections with ids in [lo, hi],
 * in the order shown.  The first pass reads hits in reading order and
 * stops past SEARCH_RANK_MAX: with more than that, scoring every hit would
 * cost more than a first page may, and the page is the start of this pass.
 * With fewer, a second pass orders them by bm25.
 */
static int
search_ids(struct store *st, const char *match, int64_t lo, int64_t hi,
    size_t limit, bool *ranked, int64_t **ids, size_t *n, char **cause)
{
	int rc;

	rc = search_collect_ids(st, "SELECT rowid FROM section_fts"
	    " WHERE section_fts MATCH ?1 AND rowid BETWEEN ?3 AND ?4"
	    " ORDER BY rowid LIMIT ?2", match, lo, hi, SEARCH_RANK_MAX + 1,
	    ids, n, cause);
	*ranked = rc == 0 && *n <= SEARCH_RANK_MAX;
	if (rc != 0 || !*ranked || *n <= 1) {
		if (rc == 0 && *n > limit + 1)
			*n = limit + 1;
		return rc;
	}
	free(*ids);
	return search_collect_ids(st, "SELECT rowid FROM section_fts"
	    " WHERE section_fts MATCH ?1 AND rowid BETWEEN ?3 AND ?4"
	    " ORDER BY bm25(section_fts, " SEARCH_TITLE_WEIGHT ", 1.0), rowid"
	    " LIMIT ?2", match, lo, hi, limit + 1, ids, n, cause);
}

/*
 * The start of a snippet that shows about lead columns before byte at.
 * Only the last few bytes before it can matter (a column takes at most four
 * bytes, or a little more with combining marks), so the clusters of that
 * window are measured and the last lead columns kept, moved forward to a
 * word start when one is near.
 */
static size_t
search_snippet_start(const char *text, size_t at, int lead)
{
	size_t offs[512], n = 0, off, i, b;
	int w[512], sum = 0;

	if (lead > 64)
		lead = 64;
	off = at > (size_t)lead * 6 ? at - (size_t)lead * 6 : 0;
	while (off > 0 && (text[off] & 0xc0) == 0x80)
		off++;
	while (off < at && n < 512) {
		size_t clen;

		w[n] = text_cluster(text + off, at - off, &clen);
		offs[n++] = off;
		off += clen;
	}
	if (n == 0)
		return at;
	for (i = n; i > 0 && sum + w[i - 1] <= lead; i--)
		sum += w[i - 1];
	if (i == 0 && offs[0] == 0)
		return 0;
	b = i < n ? offs[i] : at;
	/* Cut at a space in the first third of the lead, if any. */
	for (size_t j = i; j < n && j < i + (size_t)lead / 3; j++) {
		if (text[offs[j]] == ' ') {
			b = j + 1 < n ? offs[j + 1] : at;
			break;
		}
	}
	return b;
}

/* Fills hit's snippet: about cols columns of text around its first match. */
static void
search_snippet(struct search_hit *hit, const char *text, size_t len,
    const struct query_match *m, size_t nm, int cols)
{
	static const char ellipsis[] = "…";
	size_t b = nm > 0 ? search_snippet_start(text, m[0].start, cols / 3) : 0;
	size_t e, pre = b > 0 ? strlen(ellipsis) : 0;
	int budget = cols - (b > 0), width;
	struct buf out = { 0 };

	e = b + text_fit(text + b, len - b, budget, &width);
	if (e < len) {
		/* Leave room for the closing ellipsis, at a space if near. */
		e = b + text_fit(text + b, len - b, budget - 1, &width);
		for (size_t j = e; j > b && e - j < 24; j--)
			if (text[j - 1] == ' ') {
				e = j - 1;
				break;
			}
	}
	if (b > 0)
		buf_addstr(&out, ellipsis);
	buf_add(&out, text + b, e - b);
	if (e < len)
		buf_addstr(&out, ellipsis);
	hit->snippet = buf_take(&out);
	hit->n_marks = 0;
	for (size_t i = 0; i < nm && hit->n_marks < SEARCH_MARKS; i++) {
		size_t s = m[i].start < b ? b : m[i].start;
		size_t t = m[i].end > e ? e : m[i].end;

		if (s >= t)
			continue;
		hit->marks[hit->n_marks].start = s - b + pre;
		hit->marks[hit->n_marks++].end = t - b + pre;
	}
}

/* Makes the hit for section id: the section, and a snippet from its first
 * paragraph that matches (or from the title). */
static int
search_hit_make(struct store *st, int64_t id, const struct query *q,
    int cols, struct search_hit *hit, char **cause)
{
	struct query_match m[SEARCH_MARKS * 4];
	char **paras;
	size_t np, nm = 0;
	int rc;

	memset(hit, 0, sizeof *hit);
	hit->paragraph = -1;
	if ((rc = outline_get(st, id, &hit->section, cause)) != 0)
		return rc;
	if ((rc = outline_paragraphs(st, id, &paras, &np, cause)) != 0)
		return rc;
	for (size_t i = 0; i < np; i++) {
		size_t len = strlen(paras[i]);

		if (hit->snippet == NULL && (nm = query_find_first(q,
		    paras[i], len, SEARCH_SPAN, m, sizeof m / sizeof m[0])) > 0) {
			hit->paragraph = (int)i;
			search_snippet(hit, paras[i], strlen(paras[i]), m,
			    nm < sizeof m / sizeof m[0] ? nm :
			    sizeof m / sizeof m[0], cols);
		}
		free(paras[i]);
	}
	free(paras);
	if (hit->snippet == NULL) {
		const char *t = hit->section.title;

		nm = query_find(q, t, strlen(t), m, sizeof m / sizeof m[0]);
		search_snippet(hit, t, strlen(t), m, nm < sizeof m / sizeof m[0] ?
		    nm : sizeof m / sizeof m[0], cols);
	}
	return 0;
}

int
search_run(struct store *st, const struct query *q,
    const struct search_opts *opt, struct search_results *res, char **cause)
{
	int64_t *ids = NULL, lo = 1, hi = INT64_MAX;
	size_t nids = 0;
	bool began;
	int rc = 0;

	memset(res, 0, sizeof *res);
	if (query_empty(q))
		return 0;
	began = store_read_begin(st);
	if (opt->within != NULL)
		rc = outline_id_range(st, opt->within, &lo, &hi, cause);
	else if (opt->briefing_id != 0)
		rc = outline_briefing_id_range(st, opt->briefing_id, &lo, &hi,
		    cause);
	if (rc == 0)
		rc = search_ids(st, q->match, lo, hi, opt->limit, &res->ranked,
		    &ids, &nids, cause);
	if (rc == 0 && nids > opt->limit) {
		res->more = true;
		nids = opt->limit;
	}
	if (rc == 0)
		res->hits = xcalloc(nids, sizeof *res->hits);
	for (size_t i = 0; i < nids && rc == 0; i++) {
		rc = search_hit_make(st, ids[i], q, opt->snippet_cols,
		    &res->hits[i], cause);
		res->n = i + 1;
	}
	store_read_end(st, began);
	free(ids);
	if (rc != 0)
		search_results_free(res);
	return rc;
}

void
search_results_free(struct search_results *res)
{
	for (size_t i = 0; i < res->n; i++) {
		section_clear(&res->hits[i].section);
		free(res->hits[i].snippet);
	}
	free(res->hits);
	memset(res, 0, sizeof *res);
}
