/*
 * test-search.c: search over the bundled briefing against an independent
 * oracle (oracle.c: libunistring and the rules of README "Searching", none
 * of brief's folding, tokenizing or matching code).  For every distinct word
 * of the text (runs of one script), every one- and two-character substring
 * of its Korean, Japanese and Chinese words, phrases of two adjacent words,
 * Latin words in upper case, full width and by prefix, and decomposed (NFD)
 * Korean words, the sections search returns are exactly those the oracle
 * says match.  Also snippets, match positions, and hostile input.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <uninorm.h>

#include "library-write.h"
#include "oracle.h"
#include "outline.h"
#include "query.h"
#include "search.h"
#include "tap.h"
#include "text.h"
#include "util.h"

#define MAXSEC 64

struct corpus {
	struct store		*st;
	size_t			 n;
	int64_t			 ids[MAXSEC];
	struct oracle_text	 title[MAXSEC];	/* as the oracle reads them */
	struct oracle_text	 body[MAXSEC];	/* paragraphs, one per line */
};

static void
corpus_load(struct corpus *c)
{
	struct section *v;
	size_t n, np;
	char **paras, *cause = NULL;

	if (outline_list(c->st, 1, &v, &n, &cause) != 0 || n > MAXSEC) {
		printf("Bail out! cannot list sections: %s\n", cause);
		exit(1);
	}
	for (size_t i = 0; i < n; i++) {
		struct buf b = { 0 };

		buf_add(&b, "", 0);
		outline_paragraphs(c->st, v[i].id, &paras, &np, &cause);
		for (size_t j = 0; j < np; j++) {
			buf_printf(&b, "%s%s", j ? "\n" : "", paras[j]);
			free(paras[j]);
		}
		free(paras);
		c->ids[i] = v[i].id;
		oracle_text_read(&c->title[i], v[i].title, strlen(v[i].title));
		oracle_text_read(&c->body[i], b.data, b.len);
		buf_free(&b);
	}
	c->n = n;
	sections_free(v, n);
}

/* Parses input and runs the search for its first limit hits. */
static int
run(struct store *st, const char *input, size_t limit,
    struct search_results *res, char **cause)
{
	struct search_opts so = { limit, 60, 0, NULL };
	struct query *q = query_parse(input, strlen(input));
	int rc = search_run(st, q, &so, res, cause);

	query_free(q);
	return rc;
}

/* The sections search finds, as a bit set over the corpus order. */
static unsigned long long
found(struct corpus *c, const char *query)
{
	struct search_results res;
	unsigned long long set = 0;
	char *cause = NULL;

	if (run(c->st, query, 1000, &res, &cause) != 0) {
		printf("# search '%s' failed: %s\n", query, cause);
		free(cause);
		return ~0ULL;
	}
	for (size_t i = 0; i < res.n; i++)
		for (size_t j = 0; j < c->n; j++)
			if (res.hits[i].section.id == c->ids[j])
				set |= 1ULL << j;
	search_results_free(&res);
	return set;
}

/* The sections the oracle says the query finds. */
static unsigned long long
expected(struct corpus *c, const char *query)
{
	struct oracle_query q;
	unsigned long long set = 0;

	oracle_query_parse(&q, query, strlen(query));
	for (size_t j = 0; j < c->n; j++)
		if (oracle_matches(&q, &c->title[j], &c->body[j]))
			set |= 1ULL << j;
	oracle_query_free(&q);
	return set;
}

/* Compares search with the oracle for one query; reports the first few
 * differences.  Returns whether they agree. */
static bool
agree(struct corpus *c, const char *query, int *reported)
{
	unsigned long long got = found(c, query), want = expected(c, query);

	if (got == want)
		return true;
	if ((*reported)++ < 5)
		printf("# '%s': search %#llx, oracle %#llx\n", query, got, want);
	return false;
}

/* A set of distinct strings. */
struct words {
	char	**v;
	size_t	  n;
	bool	 *cjk;
};

static void
words_add(struct words *w, const char *s, size_t len, bool cjk)
{
	for (size_t i = 0; i < w->n; i++)
		if (strlen(w->v[i]) == len && memcmp(w->v[i], s, len) == 0)
			return;
	w->v = xreallocarray(w->v, w->n + 1, sizeof *w->v);
	w->cjk = xreallocarray(w->cjk, w->n + 1, sizeof *w->cjk);
	w->v[w->n] = xstrndup(s, len);
	w->cjk[w->n++] = cjk;
}

static void
words_free(struct words *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->v[i]);
	free(w->v);
	free(w->cjk);
}

/* The run of CJK units starting at unit i, as a string; *end is past it. */
static char *
cjk_run(const struct oracle_text *t, size_t i, size_t *end)
{
	struct buf b = { 0 };
	size_t j;

	buf_add(&b, "", 0);
	for (j = i; j < t->n && t->v[j].kind == ORACLE_CJK &&
	    t->v[j].run == t->v[i].run; j++)
		buf_addstr(&b, t->v[j].text);
	*end = j;
	return buf_take(&b);
}

/*
 * The words of a text (alphabetic words and runs of Korean, Japanese or
 * Chinese), every one- and two-character substring of the runs, and "a b"
 * for two runs with only separators between them.
 */
static void
words_of(const struct oracle_text *t, struct words *w, struct words *subs,
    struct words *pairs)
{
	char *prev = NULL;

	for (size_t i = 0, end; i < t->n; i = end) {
		char *r;

		if (t->v[i].kind == ORACLE_WORD) {
			words_add(w, t->v[i].text, strlen(t->v[i].text), false);
			free(prev);
			prev = NULL;
			end = i + 1;
			continue;
		}
		r = cjk_run(t, i, &end);
		words_add(w, r, strlen(r), true);
		for (size_t k = i; k < end; k++) {
			char *two = xasprintf("%s%s", t->v[k].text,
			    k + 1 < end ? t->v[k + 1].text : "");

			words_add(subs, t->v[k].text, strlen(t->v[k].text), true);
			words_add(subs, two, strlen(two), true);
			free(two);
		}
		if (prev != NULL) {
			char *p = xasprintf("\"%s %s\"", prev, r);

			words_add(pairs, p, strlen(p), true);
			free(p);
		}
		free(prev);
		prev = r;
	}
	free(prev);
}

/* s with its ASCII letters in upper case. */
static char *
upper(const char *s)
{
	char *q = xstrdup(s);

	for (char *p = q; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return q;
}

/* s with its printable ASCII in full width (U+FF01..U+FF5E). */
static char *
full_width(const char *s)
{
	struct buf fw = { 0 };

	for (const char *p = s; *p; p++) {
		unsigned int ch = (unsigned char)*p;

		if (ch > 0x20 && ch < 0x7f) {
			ch += 0xFEE0;
			buf_addc(&fw, (char)(0xE0 | ch >> 12));
			buf_addc(&fw, (char)(0x80 | ((ch >> 6) & 0x3f)));
			buf_addc(&fw, (char)(0x80 | (ch & 0x3f)));
		} else
			buf_addc(&fw, *p);
	}
	return buf_take(&fw);
}

static char *
nfd(const char *s)
{
	size_t len;
	uint8_t *d = u8_normalize(UNINORM_NFD, (const uint8_t *)s, strlen(s),
	    NULL, &len);
	char *r = xstrndup((const char *)d, len);

	free(d);
	return r;
}

static void
test_oracle(struct corpus *c)
{
	struct words w = { 0 }, pairs = { 0 }, subs = { 0 };
	int bad[8] = { 0 }, rep[8] = { 0 };
	size_t nlatin = 0, nprefix = 0, ndigit = 0, none = 0;

	/* Title and body are separate columns: no phrase spans them. */
	for (size_t j = 0; j < c->n; j++) {
		words_of(&c->title[j], &w, &subs, &pairs);
		words_of(&c->body[j], &w, &subs, &pairs);
	}
	for (size_t i = 0; i < w.n; i++) {
		const char *s = w.v[i];
		char *q;

		bad[0] += !agree(c, s, &rep[0]);
		if (w.cjk[i]) {
			q = nfd(s);
			bad[5] += !agree(c, q, &rep[5]);
			free(q);
			continue;
		}
		nlatin++;
		ndigit += isdigit((unsigned char)s[0]) != 0;
		none += strlen(s) == 1;
		q = upper(s);
		bad[2] += !agree(c, q, &rep[2]);
		free(q);
		q = full_width(s);
		bad[6] += !agree(c, q, &rep[6]);
		free(q);
		if (strlen(s) >= 4 && isalpha((unsigned char)s[0])) {
			q = xasprintf("%.3s*", s);
			bad[3] += !agree(c, q, &rep[3]);
			nprefix++;
			free(q);
		}
	}
	for (size_t i = 0; i < subs.n; i++)
		bad[1] += !agree(c, subs.v[i], &rep[1]);
	for (size_t i = 0; i < pairs.n; i++) {
		/* "a b" as a phrase, and ab written together. */
		char *together = xstrndup(pairs.v[i] + 1,
		    strlen(pairs.v[i]) - 2), *sp = strchr(together, ' ');

		bad[4] += !agree(c, pairs.v[i], &rep[4]);
		memmove(sp, sp + 1, strlen(sp));
		bad[7] += !agree(c, together, &rep[7]);
		free(together);
	}
	is_int(bad[0], 0, "1.1 every distinct word (%zu) finds exactly the "
	    "sections that contain it", w.n);
	is_int(bad[1], 0, "1.2 every one- and two-character substring (%zu) of "
	    "the Korean, Japanese and Chinese words", subs.n);
	is_int(bad[2], 0, "1.3 Latin words in upper case (%zu)", nlatin);
	is_int(bad[3], 0, "1.4 Latin prefixes with * (%zu)", nprefix);
	is_int(bad[4], 0, "1.5 quoted phrases of two adjacent words (%zu)",
	    pairs.n);
	is_int(bad[5], 0, "1.6 decomposed (NFD) Korean words");
	is_int(bad[6], 0, "1.7 full-width Latin words");
	is_int(bad[7], 0, "1.9 the same two words written together (%zu): "
	    "Korean finds them spaced too", pairs.n);
	ok(w.n > 1000 && subs.n > 1000 && pairs.n > 500 && ndigit > 10 &&
	    none > 3, "1.8 the oracle covers enough of the text (%zu words, "
	    "%zu with digits, %zu of one letter)", w.n, ndigit, none);
	words_free(&w);
	words_free(&pairs);
	words_free(&subs);
}

static void
test_snippets(struct corpus *c)
{
	struct search_results res;
	struct query_match *m;
	struct query *q;
	struct oracle_query oq;
	struct section s;
	char *cause = NULL, **paras = NULL;
	size_t n, np = 0, occurrences = 0;
	bool marks_ok = true, narrow = true;

	ok(run(c->st, "반도체", 50, &res, &cause) == 0 && res.n > 0,
	    "2.1 search 반도체 finds sections");
	ok(res.ranked, "2.2 a small library is ranked by bm25");
	for (size_t i = 0; i < res.n; i++) {
		const struct search_hit *h = &res.hits[i];

		if (text_width(h->snippet, strlen(h->snippet)) > 60)
			narrow = false;
		if (h->n_marks == 0)
			marks_ok = false;
		for (size_t k = 0; k < h->n_marks; k++)
			if (strncmp(h->snippet + h->marks[k].start, "반도체",
			    h->marks[k].end - h->marks[k].start) != 0)
				marks_ok = false;
	}
	ok(marks_ok, "2.3 every snippet marks the matched word exactly");
	ok(narrow, "2.4 no snippet is wider than asked (60 columns)");
	search_results_free(&res);

	ok(outline_resolve(c->st, "5.1.3", &s, &cause) == 0 &&
	    outline_paragraphs(c->st, s.id, &paras, &np, &cause) == 0,
	    "2.5 section 5.1.3 and its paragraphs");
	q = query_parse("우주", strlen("우주"));
	n = query_find_all(q, s.title, strlen(s.title), &m);
	ok(n > 0, "2.6 ... 우주 matches in its title");
	free(m);
	for (size_t i = 0; i < np; i++) {
		n += query_find_all(q, paras[i], strlen(paras[i]), &m);
		free(m);
		free(paras[i]);
	}
	free(paras);
	query_free(q);
	oracle_query_parse(&oq, "우주", strlen("우주"));
	for (size_t j = 0; j < c->n; j++)
		for (size_t p = 0; c->ids[j] == s.id && p < c->body[j].n +
		    c->title[j].n; p++)
			occurrences += p < c->title[j].n ?
			    oracle_term_at(&c->title[j], &oq.v[0], p) :
			    oracle_term_at(&c->body[j], &oq.v[0],
			    p - c->title[j].n);
	oracle_query_free(&oq);
	is_int(n, occurrences, "2.7 ... one match for every occurrence");
	section_clear(&s);

	ok(run(c->st, "없는말쌈", 50, &res, &cause) == 0 &&
	    res.n == 0, "2.8 a word that is not there finds nothing");
	search_results_free(&res);
}

static void
test_hostile(struct corpus *c)
{
	static const char *inputs[] = {
		"\"", "\"\"", "AND", "OR", "NOT", "NEAR(", "NEAR(a b", "*", "-",
		"(", ")", "a:b", " ", "", "\"unterminated 일본", "일본 OR",
		"title:일본", "^일본", "일본*", "**", "\\", "'", ";DROP TABLE x",
		"\xff\xfe", "\xe1\x84", "일\x00본", "\033[31m",
	};
	struct search_results res;
	char *cause = NULL, buf[10241];
	unsigned int seed = 7;
	bool fine = true;

	for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		if (run(c->st, inputs[i], 50, &res, &cause) != 0) {
			printf("# '%s': %s\n", inputs[i], cause);
			free(cause);
			fine = false;
			continue;
		}
		search_results_free(&res);
	}
	ok(fine, "3.1 operators, quotes and punctuation are just text");
	for (int round = 0; round < 300 && fine; round++) {
		size_t len = (size_t)(rand_r(&seed) % 64);

		for (size_t i = 0; i < len; i++)
			buf[i] = (char)(rand_r(&seed) % 255 + 1);
		buf[len] = '\0';
		if (run(c->st, buf, 50, &res, &cause) != 0) {
			free(cause);
			fine = false;
		} else
			search_results_free(&res);
	}
	ok(fine, "3.2 300 random byte strings are valid searches");
	for (size_t i = 0; i < sizeof buf - 1; i++)
		buf[i] = "일본 경제 \"안보 OR *"[i % 20];
	buf[sizeof buf - 1] = '\0';
	ok(run(c->st, buf, 50, &res, &cause) == 0,
	    "3.3 10 KB of query text is a valid search");
	search_results_free(&res);
}

int
main(void)
{
	char dir[] = "/tmp/brief-test-search.XXXXXX", *path, *cause = NULL,
	    *warning;
	struct import_result r;
	struct corpus c = { 0 };

	if (mkdtemp(dir) == NULL)
		return 1;
	path = xasprintf("%s/lib.db", dir);
	if (store_open(path, 0, &c.st, &cause) != 0 ||
	    library_import(c.st, "../assets/japan-tech-competition.txt", &r,
	    &warning, &cause) != 0) {
		printf("Bail out! %s\n", cause);
		return 1;
	}
	free(r.slug);
	free(warning);
	tap_plan(20);
	corpus_load(&c);
	test_oracle(&c);
	test_snippets(&c);
	test_hostile(&c);
	for (size_t j = 0; j < c.n; j++) {
		oracle_text_free(&c.title[j]);
		oracle_text_free(&c.body[j]);
	}
	store_close(c.st);
	unlink(path);
	free(path);
	path = xasprintf("%s/lib.db-wal", dir);
	unlink(path);
	free(path);
	path = xasprintf("%s/lib.db-shm", dir);
	unlink(path);
	free(path);
	rmdir(dir);
	return tap_done();
}
