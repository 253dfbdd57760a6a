/*
 * search.c: full-text search over the library.  Keeps the FTS5 index of
 * sections (tokenizer.c) and the ranking data beside it (rank.c) up to
 * date, and plans a search: the first page comes from the champion lists
 * of each term's rarest token (search-top.c); a prefix, a search inside a
 * subtree, or a page the lists cannot settle is scored hit by hit with
 * FTS5's bm25.  Every page is ranked; titles weigh RANK_TITLE_WEIGHT times the
 * text.  Hits and snippets are search-hit.c's (README, "Searching").
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "outline.h"
#include "search-internal.h"
#include "util.h"

/* The body FTS5 indexes: the paragraphs joined by newlines. */
static void
search_body(struct buf *body, char *const *paras, size_t n)
{
	buf_add(body, "", 0);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(body, '\n');
		buf_addstr(body, paras[i]);
	}
}

/* Runs the FTS5 insert (or, with a command, its 'delete') for one row. */
static int
search_fts_row(struct store *st, const char *sql, int64_t id,
    const char *title, const struct buf *body, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = store_cached(st, sql, &stmt, cause)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, body->data, (int)body->len, SQLITE_STATIC);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		rc = store_error(st, cause, "cannot index the briefing");
	store_release(stmt);
	return rc;
}

int
search_index_section(struct store *st, int64_t section_id, const char *title,
    char *const *paras, size_t n, char **cause)
{
	struct buf body = { 0 };
	int rc;

	search_body(&body, paras, n);
	rc = search_fts_row(st, "INSERT INTO section_fts (rowid, title, body)"
	    " VALUES (?, ?, ?)", section_id, title, &body, cause);
	if (rc == 0)
		rc = rank_add_section(st, section_id, title, body.data, body.len,
		    cause);
	buf_free(&body);
	return rc;
}

int
search_unindex_section(struct store *st, int64_t section_id,
    const char *title, char *const *paras, size_t n, char **cause)
{
	struct buf body = { 0 };
	int rc;

	search_body(&body, paras, n);
	/* A contentless table forgets a row only given the same text. */
	rc = search_fts_row(st, "INSERT INTO section_fts (section_fts, rowid,"
	    " title, body) VALUES ('delete', ?, ?, ?)", section_id, title,
	    &body, cause);
	if (rc == 0)
		rc = rank_remove_section(st, section_id, title, body.data,
		    body.len, cause);
	buf_free(&body);
	return rc;
}

/* Whether the ranking data is complete for this version of brief. */
static int
search_ready(struct store *st, bool *ready, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	*ready = false;
	if ((rc = store_cached(st, "SELECT version FROM rank_stats WHERE id = 1",
	    &stmt, cause)) != 0)
		return rc;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*ready = sqlite3_column_int(stmt, 0) == RANK_VERSION;
	store_release(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(st, cause, "cannot read the search index");
	return 0;
}

int
search_reindex(struct store *st, char **cause)
{
	struct search_text t;
	sqlite3_stmt *ids;
	int rc;

	if (sqlite3_exec(store_db(st), "INSERT INTO section_fts (section_fts)"
	    " VALUES ('delete-all')", NULL, NULL, NULL) != SQLITE_OK)
		return store_error(st, cause, "cannot rebuild the search index");
	if ((rc = rank_clear(st, cause)) != 0 ||
	    (rc = store_prepare(st, "SELECT id FROM section ORDER BY id", &ids,
	    cause)) != 0)
		return rc;
	while (rc == 0 && sqlite3_step(ids) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(ids, 0);

		if ((rc = search_text_read(st, id, &t, cause)) != 0)
			break;
		rc = search_index_section(st, id, t.title, t.paras, t.n, cause);
		search_text_clear(&t);
	}
	sqlite3_finalize(ids);
	if (rc == 0 && sqlite3_exec(store_db(st), "UPDATE rank_stats SET"
	    " version = " RANK_VERSION_SQL " WHERE id = 1", NULL, NULL,
	    NULL) != SQLITE_OK)
		rc = store_error(st, cause, "cannot rebuild the search index");
	return rc;
}

bool
search_outdated(struct store *st)
{
	bool ready;

	return !store_readonly(st) && search_ready(st, &ready, NULL) == 0 &&
	    !ready;
}

int
search_upgrade(struct store *st, bool *upgraded, char **cause)
{
	bool ready;
	int rc;

	*upgraded = false;
	if ((rc = search_ready(st, &ready, cause)) != 0 || ready ||
	    store_readonly(st))
		return rc;
	if ((rc = store_begin(st, cause)) != 0)
		return rc;
	/* Another brief may have done it while this one waited. */
	if ((rc = search_ready(st, &ready, cause)) == 0 && !ready)
		rc = search_reindex(st, cause);
	if (rc == 0 && (rc = store_commit(st, cause)) == 0) {
		*upgraded = !ready;
		return 0;
	}
	store_rollback(st);
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
 * Every hit scored by FTS5's bm25, the first limit + 1 kept: exact for any
 * query, quick when the hits are few or the scope small.
 */
static int
search_scored(struct store *st, const struct query *q, int64_t lo,
    int64_t hi, size_t limit, struct search_found **out, size_t *n,
    char **cause)
{
	int64_t *ids = NULL;
	int rc;

	rc = search_collect_ids(st, "SELECT rowid FROM section_fts"
	    " WHERE section_fts MATCH ?1 AND rowid BETWEEN ?3 AND ?4"
	    " ORDER BY bm25(section_fts, " RANK_TITLE_WEIGHT_SQL ", 1.0), rowid"
	    " LIMIT ?2", q->match, lo, hi, limit + 1, &ids, n, cause);
	*out = xcalloc(*n + 1, sizeof **out);
	for (size_t i = 0; i < *n; i++)
		(*out)[i].id = ids[i];
	free(ids);
	return rc;
}

/*
 * What the index knows of each term: its rarest token's df and champion
 * list.  *plan_ok is false when a term cannot be planned (a prefix);
 * *empty when some token is in no section at all (no hits).
 */
static int
search_plan_terms(struct store *st, struct search_plan *p, bool *plan_ok,
    bool *empty, char **cause)
{
	int rc;

	*plan_ok = true;
	*empty = false;
	for (size_t i = 0; i < p->q->n && *plan_ok && !*empty; i++) {
		const struct query_term *t = &p->q->v[i];
		struct search_term_plan *tp = &p->terms[i];

		if (t->prefix || t->ntok == 0) {
			*plan_ok = false;
			break;
		}
		tp->df = INT64_MAX;
		for (size_t j = 0; j < t->ntok; j++) {
			size_t from = j ? t->tokend[j - 1] : 0;
			struct rank_term rt;

			if ((rc = rank_term_read(st, t->tok + from,
			    t->tokend[j] - from, &rt, cause)) != 0)
				return rc;
			if (rt.df < tp->df) {
				rank_term_clear(&tp->list);
				tp->list = rt;
				tp->df = rt.df;
				tp->driver = j;
			} else
				rank_term_clear(&rt);
		}
		*empty = tp->df == 0;
		/* A phrase is in no more sections than its rarest token. */
		tp->idf = rank_idf(tp->df, &p->stats);
	}
	return 0;
}

/*
 * The first page of q in [lo, hi]: from champion lists when the whole
 * library is searched, else (or when they cannot settle it) by scoring
 * every hit.
 */
static int
search_page(struct store *st, const struct query *q,
    const struct search_opts *opt, int64_t lo, int64_t hi,
    struct search_found **out, size_t *n, bool *more, bool *scored,
    char **cause)
{
	struct search_plan p = { q, { 0, 0 }, NULL };
	bool ready, plan_ok = false, empty = false, certain = false;
	int rc;

	*out = NULL;
	*n = 0;
	*more = false;
	if ((rc = search_ready(st, &ready, cause)) != 0)
		return rc;
	if (ready && opt->within == NULL && opt->briefing_id == 0 &&
	    opt->limit < RANK_K) {
		p.terms = xcalloc(q->n, sizeof *p.terms);
		if ((rc = rank_stats_read(st, &p.stats, cause)) == 0)
			rc = search_plan_terms(st, &p, &plan_ok, &empty, cause);
		if (rc == 0 && plan_ok && !empty)
			rc = search_top(st, &p, opt->limit, out, n, more,
			    &certain, cause);
		for (size_t i = 0; i < q->n; i++)
			rank_term_clear(&p.terms[i].list);
		free(p.terms);
		if (rc != 0 || empty || certain)
			return rc;
		search_found_free(*out, *n);
		free(*out);
	}
	*scored = true;
	if ((rc = search_scored(st, q, lo, hi, opt->limit, out, n,
	    cause)) != 0)
		return rc;
	if (*n > opt->limit) {
		*more = true;
		*n = opt->limit;
	}
	return 0;
}

int
search_run(struct store *st, const struct query *q,
    const struct search_opts *opt, struct search_results *res, char **cause)
{
	struct search_found *found = NULL;
	int64_t lo = 1, hi = INT64_MAX;
	size_t nfound = 0;
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
		rc = search_page(st, q, opt, lo, hi, &found, &nfound,
		    &res->more, &res->scored, cause);
	res->ranked = true;
	if (rc == 0)
		res->hits = xcalloc(nfound + 1, sizeof *res->hits);
	for (size_t i = 0; i < nfound && rc == 0; i++) {
		rc = search_hit_make(st, &found[i], q, opt->snippet_cols,
		    &res->hits[i], cause);
		res->n = i + 1;
	}
	store_read_end(st, began);
	search_found_free(found, nfound);
	free(found);
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
