/*
 * test-search.c: search over the bundled briefing against a brute-force
 * oracle.  For every distinct word of the text (runs of one script), every
 * one- and two-character substring of its Korean, Japanese and Chinese
 * words, and phrases of two adjacent words, the sections search returns are
 * exactly those whose folded (NFKC, case-folded) text contains it.  Also NFD
 * and full-width queries, snippets, match positions, and hostile input.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <uninorm.h>

#include "fold.h"
#include "library-write.h"
#include "outline.h"
#include "query.h"
#include "search.h"
#include "tap.h"
#include "text.h"
#include "util.h"

#define MAXSEC 64

struct corpus {
	struct store	*st;
	size_t		 n;
	int64_t		 ids[MAXSEC];
	char		*folded[MAXSEC];	/* title \n paragraphs, folded */
	char		*title[MAXSEC];		/* the title, folded */
	char		*body[MAXSEC];		/* the paragraphs, folded */
	char		*joined[MAXSEC];	/* folded, without the spaces between
						   two Hangul syllables */
	char		*squeezed[MAXSEC];	/* title \1 body without separators */
	int		*runs[MAXSEC];		/* the run of each squeezed byte */
};

/* Whether the character that ends at end (after s) is a Hangul syllable. */
static bool
last_syllable(const char *s, const char *end)
{
	const char *p = end;
	uint32_t c;

	do
		p--;
	while (p > s && ((unsigned char)*p & 0xc0) == 0x80);
	fold_decode((const unsigned char *)p, (size_t)(end - p), &c);
	return c >= 0xac00 && c <= 0xd7a3;
}

static bool
is_syllable_at(const char *s, size_t n, size_t at, size_t *len)
{
	uint32_t c;

	*len = fold_decode((const unsigned char *)s + at, n - at, &c);
	return c >= 0xac00 && c <= 0xd7a3;
}

/*
 * Folded text as spacing-insensitive Korean search sees it: the spaces
 * between two Hangul syllables go ("금융위원회 위원장" reads as
 * "금융위원회위원장"); every other character stays.
 */
static char *
join_korean(const char *s)
{
	struct buf b = { 0 };
	size_t n = strlen(s), i = 0, l;
	bool after_syllable = false;

	buf_add(&b, "", 0);
	while (i < n) {
		if (s[i] == ' ' && after_syllable) {
			size_t j = i;

			while (j < n && s[j] == ' ')
				j++;
			if (j < n && is_syllable_at(s, n, j, &l)) {
				i = j;
				continue;
			}
		}
		after_syllable = is_syllable_at(s, n, i, &l);
		buf_add(&b, s + i, l);
		i += l;
	}
	return buf_take(&b);
}

/*
 * The folded text without separators, as FTS5 positions see it, and for
 * each byte the run (of one script, between separators) it belongs to.
 */
static char *
squeeze(const char *s, int **runs)
{
	struct buf b = { 0 };
	size_t n = strlen(s), off = 0;
	enum fold_class prev = FOLD_SEP;
	int run = 0, *r = NULL;

	while (off < n) {
		uint32_t c;
		size_t len = fold_decode((const unsigned char *)s + off,
		    n - off, &c);
		enum fold_class k = fold_classify(c);

		if (k == FOLD_MARK)
			k = prev;
		if (k != prev)
			run++;
		if (k != FOLD_SEP) {
			r = xreallocarray(r, b.len + len, sizeof *r);
			for (size_t i = 0; i < len; i++)
				r[b.len + i] = run;
			buf_add(&b, s + off, len);
		}
		prev = k;
		off += len;
	}
	if (runs != NULL)
		*runs = r;
	else
		free(r);
	return buf_take(&b);
}

static void
corpus_load(struct corpus *c)
{
	struct section *v;
	size_t n, np, len;
	char **paras, *cause = NULL;

	if (outline_list(c->st, 1, &v, &n, &cause) != 0 || n > MAXSEC) {
		printf("Bail out! cannot list sections: %s\n", cause);
		exit(1);
	}
	for (size_t i = 0; i < n; i++) {
		struct buf b = { 0 };

		buf_addstr(&b, v[i].title);
		outline_paragraphs(c->st, v[i].id, &paras, &np, &cause);
		for (size_t j = 0; j < np; j++) {
			buf_printf(&b, "\n%s", paras[j]);
			free(paras[j]);
		}
		free(paras);
		c->ids[i] = v[i].id;
		c->folded[i] = fold_string(b.data, b.len, &len);
		c->title[i] = fold_string(v[i].title, strlen(v[i].title), &len);
		c->body[i] = xstrdup(c->folded[i] + strlen(c->title[i]));
		c->squeezed[i] = squeeze(c->folded[i], &c->runs[i]);
		c->joined[i] = join_korean(c->folded[i]);
		buf_free(&b);
	}
	c->n = n;
	sections_free(v, n);
}

/* Whether word (folded) stands in text as a whole alphabetic word. */
static bool
has_word(const char *text, const char *word)
{
	size_t wl = strlen(word);

	for (const char *p = text; (p = strstr(p, word)) != NULL; p++) {
		unsigned char before = p > text ? (unsigned char)p[-1] : ' ';
		unsigned char after = (unsigned char)p[wl];

		if (!(before < 0x80 && (before == '_' || isalnum(before))) &&
		    !(after < 0x80 && (after == '_' || isalnum(after))))
			return true;
	}
	return false;
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

struct words {
	char	**v;
	size_t	  n;
	bool	 *cjk;
};

static void
words_add(struct words *w, const char *s, size_t len, bool cjk)
{
	w->v = xreallocarray(w->v, w->n + 1, sizeof *w->v);
	w->cjk = xreallocarray(w->cjk, w->n + 1, sizeof *w->cjk);
	w->v[w->n] = xstrndup(s, len);
	w->cjk[w->n++] = cjk;
}

/* Splits folded text into runs of one class: alphabetic words and CJK runs.
 * With pairs, adds "a b" for two CJK runs separated by separators only. */
static void
words_of(const char *s, struct words *w, struct words *pairs)
{
	size_t n = strlen(s), off = 0, start = 0, prev_start = 0, prev_len = 0;
	enum fold_class cur = FOLD_SEP;
	bool prev_cjk = false;

	while (off <= n) {
		uint32_t c = ' ';
		size_t len = off < n ? fold_decode((const unsigned char *)s + off,
		    n - off, &c) : 1;
		enum fold_class k = off < n ? fold_classify(c) : FOLD_SEP;

		if (k == FOLD_MARK)
			k = cur;
		if (k != cur) {
			if (cur == FOLD_WORD || cur == FOLD_CJK) {
				words_add(w, s + start, off - start,
				    cur == FOLD_CJK);
				if (pairs && cur == FOLD_CJK && prev_cjk) {
					char *p = xasprintf("%.*s %.*s",
					    (int)prev_len, s + prev_start,
					    (int)(off - start), s + start);

					words_add(pairs, p, strlen(p), true);
					free(p);
				}
				prev_cjk = cur == FOLD_CJK;
				prev_start = start;
				prev_len = off - start;
			}
			if (k == FOLD_WORD && cur == FOLD_CJK)
				prev_cjk = false;
			start = off;
			cur = k;
		}
		off += len;
	}
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
words_unique(struct words *w)
{
	size_t k = 0;

	/* Keep the cjk flag with its word: recompute after sorting. */
	qsort(w->v, w->n, sizeof *w->v, cmpstr);
	for (size_t i = 0; i < w->n; i++) {
		if (k > 0 && strcmp(w->v[k - 1], w->v[i]) == 0) {
			free(w->v[i]);
			continue;
		}
		w->v[k++] = w->v[i];
	}
	w->n = k;
	for (size_t i = 0; i < k; i++) {
		uint32_t c;

		fold_decode((const unsigned char *)w->v[i], strlen(w->v[i]), &c);
		w->cjk[i] = fold_classify(c) == FOLD_CJK;
	}
}

static void
words_free(struct words *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->v[i]);
	free(w->v);
	free(w->cjk);
}

/*
 * SUBSTRING: a CJK key inside the text, spaces between Hangul syllables
 * ignored; WORD, PREFIX: a Latin word; SQUEEZED: the phrase "a b" of two
 * runs with only separators between (key "a\tb"); JOINED: the phrase "a b"
 * of Korean words, which reads like "ab" written together (key "ab").
 */
enum match { SUBSTRING, WORD, PREFIX, SQUEEZED, JOINED };

/*
 * Whether the phrase "a b" (key is a, a tab, b) stands in the squeezed
 * text: a inside one run, b inside one run, b right after a.
 */
static bool
phrase_in(const char *text, const int *runs, const char *key)
{
	const char *tab = strchr(key, '\t');
	size_t la = (size_t)(tab - key), lb = strlen(tab + 1);
	char *ab = xasprintf("%.*s%s", (int)la, key, tab + 1);
	bool hit = false;

	for (const char *p = text; !hit && (p = strstr(p, ab)) != NULL; p++) {
		size_t at = (size_t)(p - text);

		hit = runs[at] == runs[at + la - 1] &&
		    runs[at + la] == runs[at + la + lb - 1];
	}
	free(ab);
	return hit;
}

static unsigned long long
expected(struct corpus *c, const char *key, enum match how)
{
	unsigned long long set = 0;

	for (size_t j = 0; j < c->n; j++) {
		bool hit = false;

		switch (how) {
		case SUBSTRING:
			hit = strstr(c->joined[j], key) != NULL;
			break;
		case WORD:
			hit = has_word(c->folded[j], key);
			break;
		case PREFIX: {
			const char *t = c->folded[j];

			for (const char *p = t; (p = strstr(p, key)); p++)
				if (p == t || !isalnum((unsigned char)p[-1])) {
					hit = true;
					break;
				}
			break;
		}
		case SQUEEZED:
			hit = phrase_in(c->squeezed[j], c->runs[j], key);
			break;
		case JOINED:
			hit = strstr(c->joined[j], key) != NULL;
			break;
		}
		if (hit)
			set |= 1ULL << j;
	}
	return set;
}

/* Compares search with the oracle for one query; reports the first few
 * differences.  Returns whether they agree. */
static bool
agree(struct corpus *c, const char *query, unsigned long long want,
    int *reported)
{
	unsigned long long got = found(c, query);

	if (got == want)
		return true;
	if ((*reported)++ < 5)
		printf("# '%s': search %#llx, oracle %#llx\n", query, got, want);
	return false;
}

/* Every substring of one or two characters of the CJK words. */
static void
short_substrings(const struct words *w, struct words *out)
{
	for (size_t i = 0; i < w->n; i++) {
		const char *s = w->v[i];
		size_t n = strlen(s), a = 0;

		if (!w->cjk[i])
			continue;
		while (a < n) {
			uint32_t c;
			size_t l1 = fold_decode((const unsigned char *)s + a,
			    n - a, &c), l2 = 0;

			words_add(out, s + a, l1, true);
			if (a + l1 < n) {
				l2 = fold_decode((const unsigned char *)s + a + l1,
				    n - a - l1, &c);
				words_add(out, s + a, l1 + l2, true);
			}
			a += l1;
		}
	}
	words_unique(out);
}

static void
test_oracle(struct corpus *c)
{
	struct words w = { 0 }, pairs = { 0 }, subs = { 0 };
	int bad[8] = { 0 }, rep[8] = { 0 };
	size_t nlatin = 0, nprefix = 0, njoined = 0;

	/* Title and body are separate columns: no phrase spans them. */
	for (size_t j = 0; j < c->n; j++) {
		words_of(c->title[j], &w, &pairs);
		words_of(c->body[j], &w, &pairs);
	}
	words_unique(&w);
	words_unique(&pairs);
	short_substrings(&w, &subs);
	for (size_t i = 0; i < w.n; i++) {
		const char *s = w.v[i];
		enum match how = w.cjk[i] ? SUBSTRING : WORD;
		unsigned long long want = expected(c, s, how);
		char *q;

		bad[0] += !agree(c, s, want, &rep[0]);
		if (w.cjk[i]) {
			size_t len;
			char *nfd = (char *)u8_normalize(UNINORM_NFD,
			    (const uint8_t *)s, strlen(s), NULL, &len);

			q = xstrndup(nfd, len);
			bad[5] += !agree(c, q, want, &rep[5]);
			free(q);
			free(nfd);
			continue;
		}
		nlatin++;
		q = xstrdup(s);
		for (char *p = q; *p; p++)
			*p = (char)toupper((unsigned char)*p);
		bad[2] += !agree(c, q, want, &rep[2]);
		free(q);
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
		bad[6] += !agree(c, fw.data, want, &rep[6]);
		buf_free(&fw);
		if (strlen(s) >= 4 && isalpha((unsigned char)s[0])) {
			char *key = xstrndup(s, 3);

			q = xasprintf("%s*", key);
			bad[3] += !agree(c, q, expected(c, key, PREFIX), &rep[3]);
			nprefix++;
			free(q);
			free(key);
		}
	}
	for (size_t i = 0; i < subs.n; i++)
		bad[1] += !agree(c, subs.v[i], expected(c, subs.v[i], SUBSTRING),
		    &rep[1]);
	for (size_t i = 0; i < pairs.n; i++) {
		char *key = xstrdup(pairs.v[i]), *q = xasprintf("\"%s\"",
		    pairs.v[i]);

		char *sp = strchr(key, ' ');
		size_t l;
		bool korean = is_syllable_at(key, strlen(key), (size_t)(sp + 1 -
		    key), &l) && sp > key && last_syllable(key, sp);

		if (korean)
			memmove(sp, sp + 1, strlen(sp));
		else
			*sp = '\t';
		bad[4] += !agree(c, q, expected(c, key, korean ? JOINED :
		    SQUEEZED), &rep[4]);
		if (korean) {
			/* Written together, the pair finds it spaced too. */
			bad[7] += !agree(c, key, expected(c, key, JOINED),
			    &rep[7]);
			njoined++;
		}
		free(key);
		free(q);
	}
	is_int(bad[0], 0, "1.1 every distinct word (%zu) finds exactly the "
	    "sections that contain it", w.n);
	is_int(bad[1], 0, "1.2 every one- and two-character substring (%zu) of "
	    "the Korean, Japanese and Chinese words", subs.n);
	is_int(bad[2], 0, "1.3 Latin words in upper case (%zu)", nlatin);
	is_int(bad[3], 0, "1.4 Latin prefixes with * (%zu)", nprefix);
	is_int(bad[4], 0, "1.5 quoted phrases of two adjacent words (%zu)",
	    pairs.n);
	is_int(bad[5], 0, "1.6 decomposed (NFD) Korean words find the same "
	    "sections as NFC");
	is_int(bad[6], 0, "1.7 full-width Latin words find the same sections "
	    "as ASCII");
	ok(w.n > 1000 && subs.n > 1000 && pairs.n > 500,
	    "1.8 the oracle covers enough of the text");
	is_int(bad[7], 0, "1.9 two adjacent Korean words written together "
	    "(%zu) find exactly the sections with them spaced or together",
	    njoined);
	ok(njoined > 500, "1.10 ... for enough pairs");
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
	for (size_t j = 0; j < c->n; j++)
		if (c->ids[j] == s.id)
			for (const char *p = c->folded[j];
			    (p = strstr(p, "우주")) != NULL; p++)
				occurrences++;
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
	corpus_load(&c);
	test_oracle(&c);
	test_snippets(&c);
	test_hostile(&c);
	for (size_t j = 0; j < c.n; j++) {
		free(c.folded[j]);
		free(c.title[j]);
		free(c.body[j]);
		free(c.squeezed[j]);
		free(c.runs[j]);
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
