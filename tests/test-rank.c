/*
 * test-rank.c: the first page from champion lists (rank.c, search-top.c)
 * against FTS5's own bm25 over every hit, the definition brief ranks by.
 * A library of 900 generated sections is imported briefing by briefing
 * (so champion lists are merged, and tokens become common, across many
 * transactions); then for single tokens, Korean words (phrases of bigrams),
 * phrases of two words, Latin words and two-word queries, the page brief
 * returns must be FTS5's `ORDER BY bm25(section_fts, 5.0, 1.0), rowid`,
 * score for score.  Then some sections are taken out of the index and the
 * pages checked again.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "library-write.h"
#include "query.h"
#include "rank.h"
#include "search.h"
#include "tap.h"
#include "util.h"

#define BRIEFINGS	45
#define SECTIONS	20	/* per briefing */
#define WORDS		300

static unsigned long long seed = 42;

static unsigned
rnd(unsigned n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((seed >> 33) % n);
}

/* A Zipf-like pick: small indexes are much more likely. */
static unsigned
zipf(unsigned n)
{
	double u = (rnd(1000000) + 1) / 1000001.0;

	return (unsigned)(pow(u, 3.0) * n);
}

static const char *const syllables[] = {
	"가", "나", "다", "라", "마", "바", "사", "아", "자", "차", "카",
	"타", "파", "하", "경", "제", "안", "보", "기", "술", "반", "도",
	"체", "일", "본", "협", "력", "정", "책", "산",
};

static char *words[WORDS];

static void
make_words(void)
{
	for (int i = 0; i < WORDS; i++) {
		struct buf b = { 0 };
		int n = 1 + (int)rnd(4);

		if (i % 10 == 9) {
			static const char *latin[] = { "tsmc", "AI", "chip",
			    "quantum", "Rapidus", "space", "cyber", "NATO" };

			buf_addstr(&b, latin[(i / 10) % 8]);
			if (i >= 80)
				buf_printf(&b, "%d", i);
		} else
			for (int k = 0; k < n; k++)
				buf_addstr(&b, syllables[zipf(30)]);
		words[i] = buf_take(&b);
	}
}

/* A run of words; with a particle now and then, as Korean text has. */
static char *
make_text(int nwords)
{
	struct buf b = { 0 };

	for (int i = 0; i < nwords; i++) {
		if (i > 0)
			buf_addc(&b, ' ');
		buf_addstr(&b, words[zipf(WORDS)]);
		if (rnd(5) == 0)
			buf_addstr(&b, rnd(2) ? "의" : "는");
	}
	buf_addc(&b, '.');
	return buf_take(&b);
}

static void
make_doc(struct doc *d, int k)
{
	memset(d, 0, sizeof *d);
	d->title = xasprintf("Briefing %d", k);
	d->sections = xcalloc(SECTIONS, sizeof *d->sections);
	d->n_sections = SECTIONS;
	for (int i = 0; i < SECTIONS; i++) {
		struct doc_section *s = &d->sections[i];

		s->depth = i == 0 ? 1 : 1 + (int)rnd(2);
		s->label = xstrdup("");
		s->title = make_text(1 + (int)rnd(3));
		/* Some sections are a heading with no text of their own. */
		s->n_paras = rnd(8) == 0 ? 0 : 1 + rnd(3);
		s->paras = xcalloc(s->n_paras + 1, sizeof *s->paras);
		for (size_t j = 0; j < s->n_paras; j++)
			s->paras[j] = make_text(10 + (int)rnd(50));
	}
}

/* FTS5's bm25 of every hit, best first: the exact first k ids. */
static size_t
exact(struct store *st, const char *match, size_t k, int64_t *ids,
    double *scores)
{
	sqlite3_stmt *stmt;
	size_t n = 0;

	sqlite3_prepare_v2(store_db(st), "SELECT rowid, bm25(section_fts, 5.0,"
	    " 1.0) FROM section_fts WHERE section_fts MATCH ? ORDER BY"
	    " bm25(section_fts, 5.0, 1.0), rowid LIMIT ?", -1, &stmt, NULL);
	sqlite3_bind_text(stmt, 1, match, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, (sqlite3_int64)k);
	while (sqlite3_step(stmt) == SQLITE_ROW && n < k) {
		ids[n] = sqlite3_column_int64(stmt, 0);
		scores[n++] = sqlite3_column_double(stmt, 1);
	}
	sqlite3_finalize(stmt);
	return n;
}

/* FTS5's bm25 of one section for match (0 when it does not match). */
static double
score_of(struct store *st, const char *match, int64_t id)
{
	sqlite3_stmt *stmt;
	double s = 0.0;

	sqlite3_prepare_v2(store_db(st), "SELECT bm25(section_fts, 5.0, 1.0)"
	    " FROM section_fts WHERE section_fts MATCH ? AND rowid = ?", -1,
	    &stmt, NULL);
	sqlite3_bind_text(stmt, 1, match, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, id);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		s = sqlite3_column_double(stmt, 0);
	sqlite3_finalize(stmt);
	return s;
}

/*
 * Whether brief's first k hits for input are FTS5's: the same scores in
 * the same order (equal within rounding), hence the same sections but for
 * ties.  *common says whether every term's rarest token is in more than
 * RANK_K sections, so that its champion list is not all of them.
 */
/* Pages that came from scoring every hit, not from the lists. */
static size_t nscored;

static bool
same_page(struct store *st, const char *input, size_t k, bool *common)
{
	struct search_opts so = { k, 60, 0, NULL };
	struct query *q = query_parse(input, strlen(input));
	struct search_results res;
	int64_t ids[256];
	double want[256];
	char *cause = NULL;
	size_t n;
	bool same;

	*common = true;
	for (size_t i = 0; i < q->n; i++) {
		const struct query_term *t = &q->v[i];
		int64_t rarest = INT64_MAX;

		for (size_t j = 0; j < t->ntok; j++) {
			size_t from = j ? t->tokend[j - 1] : 0;
			struct rank_term rt;

			rank_term_read(st, t->tok + from, t->tokend[j] - from,
			    &rt, NULL);
			if (rt.df < rarest)
				rarest = rt.df;
			rank_term_clear(&rt);
		}
		*common = *common && rarest >= RANK_K;
	}
	n = exact(st, q->match, k, ids, want);
	if (search_run(st, q, &so, &res, &cause) != 0) {
		printf("# %s: %s\n", input, cause);
		free(cause);
		query_free(q);
		return false;
	}
	same = res.n == n;
	nscored += res.scored && *common;
	for (size_t i = 0; i < res.n && same; i++) {
		double got = score_of(st, q->match, res.hits[i].section.id);

		if (fabs(got - want[i]) > 1e-9 * (fabs(want[i]) + 1.0)) {
			printf("# '%s' hit %zu: section %lld scores %.12g, "
			    "FTS5's %zu. is %lld at %.12g\n", input, i,
			    (long long)res.hits[i].section.id, got, i,
			    (long long)ids[i], want[i]);
			same = false;
		}
	}
	if (res.n != n)
		printf("# '%s': %zu hits, FTS5 %zu\n", input, res.n, n);
	search_results_free(&res);
	query_free(q);
	return same;
}

/* Runs one class of queries; returns how many disagreed. */
static int
check_class(struct store *st, char **inputs, size_t n, size_t *ncommon)
{
	int bad = 0;

	*ncommon = 0;
	for (size_t i = 0; i < n; i++) {
		bool common;

		for (size_t k = 10; k <= 50; k += 40) {
			if (!same_page(st, inputs[i], k, &common))
				bad++;
		}
		*ncommon += common;
	}
	return bad;
}

/* The query classes: single syllables, bigrams, words, phrases, pairs. */
static size_t
make_queries(char ***out)
{
	char **v = xcalloc(400, sizeof *v);
	size_t n = 0;

	for (int i = 0; i < 30 && n < 400; i += 3)
		v[n++] = xstrdup(syllables[i]);
	for (int i = 0; i < 30; i++)
		v[n++] = xasprintf("%s%s", syllables[rnd(8)], syllables[rnd(8)]);
	for (int i = 0; i < 60; i++)
		v[n++] = xstrdup(words[zipf(WORDS / 2)]);
	for (int i = 0; i < 30; i++)
		v[n++] = xasprintf("\"%s %s\"", words[zipf(20)], words[zipf(20)]);
	for (int i = 0; i < 30; i++)
		v[n++] = xasprintf("%s%s", words[zipf(20)], words[zipf(20)]);
	for (int i = 0; i < 20; i++)
		v[n++] = xasprintf("%s %s", syllables[rnd(10)],
		    syllables[10 + rnd(10)]);
	*out = v;
	return n;
}

/* Takes the sections of the first briefing out of the index. */
static int
unindex_first(struct store *st)
{
	sqlite3_stmt *stmt;
	char *cause = NULL;
	int rc = 0, count = 0;

	if (store_begin(st, &cause) != 0)
		return -1;
	sqlite3_prepare_v2(store_db(st), "SELECT id, title FROM section WHERE"
	    " briefing_id = 1", -1, &stmt, NULL);
	while (rc == 0 && sqlite3_step(stmt) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(stmt, 0);
		char **paras;
		size_t np;

		outline_paragraphs(st, id, &paras, &np, &cause);
		rc = search_unindex_section(st, id, (const char *)
		    sqlite3_column_text(stmt, 1), paras, np, &cause);
		for (size_t i = 0; i < np; i++)
			free(paras[i]);
		free(paras);
		count++;
	}
	sqlite3_finalize(stmt);
	if (rc == 0)
		rc = store_commit(st, &cause);
	if (rc != 0) {
		printf("# %s\n", cause);
		store_rollback(st);
	}
	free(cause);
	return rc == 0 ? count : -1;
}

int
main(void)
{
	char dir[] = "/tmp/brief-test-rank.XXXXXX", *path, *cause = NULL;
	struct store *st;
	char **queries;
	size_t nq, ncommon;
	int bad;

	printf("1..12\n");
	if (mkdtemp(dir) == NULL)
		return 1;
	path = xasprintf("%s/lib.db", dir);
	make_words();
	ok(store_open(path, 0, &st, &cause) == 0, "1.1 a new library");
	for (int k = 0; k < BRIEFINGS; k++) {
		struct import_result r;
		struct doc d;
		char name[32], sum[32];

		make_doc(&d, k);
		snprintf(name, sizeof name, "b%02d.txt", k);
		snprintf(sum, sizeof sum, "sum%02d", k);
		if (library_add(st, &d, name, sum, &r, &cause) != 0) {
			printf("Bail out! %s\n", cause);
			return 1;
		}
		free(r.slug);
		doc_free(&d);
	}
	nq = make_queries(&queries);
	bad = check_class(st, queries, nq, &ncommon);
	is_int(bad, 0, "2.1 %zu queries, first 10 and 50 hits: brief's pages "
	    "are FTS5's bm25 over every hit", nq);
	ok(ncommon > nq / 2, "2.2 ... %zu of them with terms in more sections "
	    "than a champion list holds", ncommon);
	/* Phrases of two common words are sparse: scoring them is fair. */
	ok(nscored < ncommon, "2.3 ... the lists settled %zu of their %zu "
	    "pages", 2 * ncommon - nscored, 2 * ncommon);
	ok(unindex_first(st) == SECTIONS, "3.1 a briefing's sections taken out "
	    "of the index");
	bad = check_class(st, queries, nq, &ncommon);
	is_int(bad, 0, "3.2 the pages are still FTS5's");
	ok(ncommon > nq / 2, "3.3 ... %zu of them with common terms", ncommon);
	/* A library of an older brief: no ranking data until it is upgraded. */
	sqlite3_exec(store_db(st), "DELETE FROM rank_term; UPDATE rank_stats SET"
	    " version = 0", NULL, NULL, NULL);
	ok(search_outdated(st), "4.1 a library without ranking data is "
	    "outdated");
	bad = check_class(st, queries, nq, &ncommon);
	is_int(bad, 0, "4.2 its pages are still FTS5's, scored hit by hit");
	{
		bool done = false;

		ok(search_upgrade(st, &done, &cause) == 0 && done &&
		    !search_outdated(st), "4.3 search_upgrade rebuilds it");
	}
	bad = check_class(st, queries, nq, &ncommon);
	is_int(bad, 0, "4.4 the pages after the upgrade are FTS5's");
	ok(ncommon > nq / 2, "4.5 ... %zu of them with common terms", ncommon);
	for (size_t i = 0; i < nq; i++)
		free(queries[i]);
	free(queries);
	store_close(st);
	unlink(path);
	free(path);
	for (int i = 0; i < WORDS; i++)
		free(words[i]);
	{
		char *wal = xasprintf("%s/lib.db-wal", dir), *shm =
		    xasprintf("%s/lib.db-shm", dir);

		unlink(wal);
		unlink(shm);
		free(wal);
		free(shm);
	}
	rmdir(dir);
	return tap_failed ? 1 : 0;
}
