/*
 * test-tokenizer.c: the FTS5 tokenizer "brief" and query_parse's MATCH expressions, through a
 * real FTS5 table: Korean substrings, kana and kanji, Latin case and
 * prefixes, NFD and full-width input, hostile and random queries, and
 * FTS5 hits and query_find against an independent oracle (oracle.c).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>
#include <uninorm.h>

#include "oracle.h"
#include "query.h"
#include "tap.h"
#include "tokenizer.h"
#include "util.h"

static const char *rows[] = {
	/* 1 */ "일본의 기술 경쟁 전략",
	"일본의 경제안보 정책은 초불확실성의 시대에 대응한다.",
	/* 2 */ "TSMC를 통한 반도체 협력",
	"Semiconductor supply chains: TSMC and Samsung.",
	/* 3 */ "ソニーグループ",
	"日本電気(NEC)とソニーグループの技術競争。",
	/* 4 */ "본일",
	"본일 행사는 취소되었다.",
	/* 5 */ "한국경제안보는",
	"기술경쟁과 기술 혁신",
	/* 6 */ "NFD", NULL,		/* body: "분산 문서" decomposed */
};
#define NROWS (sizeof rows / sizeof *rows / 2)

static char *
nfd(const char *s)
{
	size_t	 n;
	uint8_t	*r;
	char	*out;

	r = u8_normalize(UNINORM_NFD, (const uint8_t *)s, strlen(s), NULL, &n);
	out = xstrndup((const char *)r, n);
	free(r);
	return out;
}

static sqlite3 *
open_db(void)
{
	sqlite3		*db;
	sqlite3_stmt	*st;
	char		*body;
	size_t		 i;

	if (sqlite3_open(":memory:", &db) != SQLITE_OK)
		return NULL;
	ok(tokenizer_register(db) == SQLITE_OK, "1.1 tokenizer registers");
	ok(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(title, body, "
	    "tokenize='brief', detail=full)", NULL, NULL, NULL) == SQLITE_OK,
	    "1.2 fts5 table with tokenize='brief'");
	ok(sqlite3_exec(db, "CREATE VIRTUAL TABLE bad USING fts5(x, "
	    "tokenize='brief extra')", NULL, NULL, NULL) != SQLITE_OK,
	    "1.3 tokenizer arguments are refused");
	sqlite3_prepare_v2(db, "INSERT INTO t(rowid, title, body) "
	    "VALUES (?, ?, ?)", -1, &st, NULL);
	for (i = 0; i < NROWS; i++) {
		body = rows[2 * i + 1] ? xstrdup(rows[2 * i + 1]) :
		    nfd("분산 문서");
		sqlite3_bind_int64(st, 1, (sqlite3_int64)i + 1);
		sqlite3_bind_text(st, 2, rows[2 * i], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, body, -1, SQLITE_TRANSIENT);
		sqlite3_step(st);
		sqlite3_reset(st);
		free(body);
	}
	sqlite3_finalize(st);
	return db;
}

/*
 * Runs a MATCH for input; returns the rowids as "1,3", "" for none, "NULL"
 * when query_parse has nothing to search, or "ERROR: ..." (malloc'd).
 */
static char *
search(sqlite3 *db, const char *input, size_t len)
{
	struct buf	 b = { NULL, 0, 0 };
	sqlite3_stmt	*st;
	struct query	*pq = query_parse(input, len);
	const char	*q = pq->match;
	int		 rc;

	if (q == NULL) {
		query_free(pq);
		return xstrdup("NULL");
	}
	sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ? "
	    "ORDER BY rowid", -1, &st, NULL);
	sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
	buf_add(&b, "", 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		buf_printf(&b, "%s%lld", b.len ? "," : "",
		    (long long)sqlite3_column_int64(st, 0));
	if (rc != SQLITE_DONE) {
		buf_free(&b);
		buf_printf(&b, "ERROR: %s: %s", q, sqlite3_errmsg(db));
	}
	sqlite3_finalize(st);
	query_free(pq);
	return buf_take(&b);
}

static void
check(sqlite3 *db, const char *input, const char *want, const char *name)
{
	char	*got = search(db, input, strlen(input));

	is_str(got, want, "%s: %s", name, input);
	free(got);
}

struct render {
	struct buf	b;
};

static int
render_cb(void *ctx, int flags, const char *tok, int len, int start, int end)
{
	struct buf	*b = ctx;

	buf_printf(b, "%s%s%.*s@%d-%d", b->len ? " " : "",
	    (flags & TOKENIZER_COLOCATED) ? "+" : "", len, tok, start, end);
	return 0;
}

/* The tokens of s as "tok@start-end", colocated ones marked with +. */
static char *
render(const char *s, int mode)
{
	struct buf	b = { NULL, 0, 0 };

	buf_add(&b, "", 0);
	tokenizer_run(s, strlen(s), mode, render_cb, &b);
	return buf_take(&b);
}

static void
check_tokens(const char *s, int mode, const char *want, const char *name)
{
	char	*got = render(s, mode);

	is_str(got, want, "%s", name);
	free(got);
}

static void
test_tokens(void)
{
	check_tokens("경제안보", TOKENIZER_DOCUMENT,
	    "경제@0-6 +경@0-3 제안@3-9 +제@3-6 안보@6-12 +안@6-9 보@9-12",
	    "2.1 document: bigrams, colocated singles, last single");
	check_tokens("경제안보", TOKENIZER_QUERY,
	    "경제@0-6 제안@3-9 안보@6-12", "2.2 query: bigrams only");
	check_tokens("성", TOKENIZER_QUERY, "성@0-3",
	    "2.3 query: one syllable is a single");
	check_tokens("기술, 경쟁", TOKENIZER_QUERY,
	    "기술@0-6 술@3-6 경쟁@8-14",
	    "2.4 query phrase: a run's last single only before more tokens");
	check_tokens("기술 경쟁", TOKENIZER_QUERY,
	    "기술@0-6 술경@3-10 경쟁@7-13",
	    "2.4a query phrase of Korean words: a joint bigram across the "
	    "space instead of the single");
	check_tokens("금융위원회 위원장", TOKENIZER_DOCUMENT,
	    "금융@0-6 +금@0-3 융위@3-9 +융@3-6 위원@6-12 +위@6-9 원회@9-15 "
	    "+원@9-12 회@12-15 +회위@12-19 위원@16-22 +위@16-19 원장@19-25 "
	    "+원@19-22 장@22-25",
	    "2.4b document: Korean words separated by a space get the joint "
	    "bigram, colocated");
	check_tokens("경제, 안보 AI 반도체", TOKENIZER_DOCUMENT,
	    "경제@0-6 +경@0-3 제@3-6 안보@8-14 +안@8-11 보@11-14 ai@15-17 "
	    "반도@18-24 +반@18-21 도체@21-27 +도@21-24 체@24-27",
	    "2.4c no joint across punctuation or other scripts");
	check_tokens("TSMC를, Straße!", TOKENIZER_DOCUMENT,
	    "tsmc@0-4 를@4-7 strasse@9-16",
	    "2.5 Latin words folded, then Hangul; punctuation emits nothing");
	check_tokens("ＴＳＭＣ", TOKENIZER_DOCUMENT, "tsmc@0-12",
	    "2.6 full-width folds to ASCII, offsets into the original");
	check_tokens("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab\xea\xb5\xad",
	    TOKENIZER_DOCUMENT, "한국@0-12 +한@0-9 국@9-12",
	    "2.7 conjoining jamo compose to syllables");
	check_tokens("a\xff\xfe" "b\xc3", TOKENIZER_DOCUMENT, "a@0-1 b@3-4",
	    "2.8 invalid UTF-8 separates and is skipped");
	check_tokens("", TOKENIZER_DOCUMENT, "", "2.9 empty text");
}

static void
test_search(sqlite3 *db)
{
	char	*s;

	check(db, "일본", "1", "3.1 two syllables at a word's start");
	check(db, "본일", "4", "3.2 no false positive from reversed order");
	check(db, "안보", "1,5", "3.3 two syllables inside a compound");
	check(db, "경제안보", "1,5", "3.4 four syllables inside a word");
	check(db, "성", "1", "3.5 one syllable");
	check(db, "초불확실성", "1", "3.6 five syllables before a particle");
	check(db, "\"기술 경쟁\"", "1,5", "3.7 phrase (spacing-insensitive)");
	check(db, "\"경쟁 기술\"", "", "3.8 phrase order matters");
	check(db, "\"반도체 협력\"", "2", "3.9 phrase of two runs");
	check(db, "TSMC", "2", "3.10 English");
	check(db, "tsmc", "2", "3.11 lower case");
	check(db, "Tsmc", "2", "3.12 mixed case");
	check(db, "ＴＳＭＣ", "2", "3.13 full-width");
	check(db, "Semi*", "2", "3.14 prefix");
	check(db, "semi", "", "3.15 no prefix without *");
	check(db, "TSMC를", "2", "3.16 Latin word and particle");
	check(db, "를", "2", "3.17 particle after a Latin word");
	check(db, "ソニー", "3", "3.18 katakana");
	check(db, "ｿﾆｰ", "3", "3.19 half-width katakana");
	check(db, "日本", "3", "3.20 kanji");
	check(db, "日本電気", "3", "3.21 kanji compound");
	check(db, "電", "3", "3.22 one kanji");
	check(db, "nec", "3", "3.23 Latin inside Japanese");
	check(db, "일본 성", "1", "3.24 implicit AND");
	check(db, "일본 TSMC", "", "3.25 implicit AND, no row has both");
	s = nfd("일본");
	check(db, s, "1", "3.26 decomposed (NFD) query");
	free(s);
	check(db, "문서", "6", "3.27 decomposed (NFD) document");
	check(db, "분산 문서", "6", "3.28 decomposed document, two words");
	check(db, "AND", "2", "3.29 AND is a word");
	check(db, "title:TSMC", "", "3.30 a colon is not a column filter");
}

static void
hostile(sqlite3 *db, const char *input, size_t len, const char *name)
{
	char	*got = search(db, input, len);

	ok(strncmp(got, "ERROR", 5) != 0, "%s", name);
	if (strncmp(got, "ERROR", 5) == 0)
		printf("#   %s\n", got);
	free(got);
}

static void
test_hostile(sqlite3 *db)
{
	static const char *inputs[] = {
		"\"", "\"\"", "AND", "OR", "NOT", "NEAR(", "NEAR(a b, 2)",
		"*", "**", "-", "(", ")", "a:b", " ", "", "^a", "a OR b",
		"\"\"\"", "a\"\"b", "\"a b", "{a b}: c", "a*b*", "+", "'",
		"\\", "NOT 일본", "일본*", "\"일본\"*", "\xef\xbc\x82",
	};
	size_t	 i, j, len;
	char	*buf, *got, name[64];
	int	 bad = 0;

	for (i = 0; i < sizeof inputs / sizeof *inputs; i++) {
		snprintf(name, sizeof name, "4.%zu hostile query", i + 1);
		hostile(db, inputs[i], strlen(inputs[i]), name);
	}
	srand(42);
	buf = xmalloc(10240);
	for (i = 0; i < 10240; i++)
		buf[i] = " \"*():-^abcAB"[rand() % 13];
	hostile(db, buf, 10240, "4.50 10 KB of query syntax");
	for (i = 0; i < 1000; i++) {
		len = (size_t)(rand() % 64);
		for (j = 0; j < len; j++)
			buf[j] = (char)(rand() % 256);
		got = search(db, buf, len);
		if (strncmp(got, "ERROR", 5) == 0 && bad++ == 0)
			printf("#   %s\n", got);
		free(got);
	}
	ok(bad == 0, "4.51 1000 random byte strings: no FTS5 error");
	free(buf);
}

/* Checks each token's offsets: inside the text, in order. */
struct bounds {
	int	len;
	int	last;
	int	bad;
};

static int
bounds_cb(void *ctx, int flags, const char *tok, int len, int start, int end)
{
	struct bounds	*b = ctx;

	(void)flags;
	if (tok == NULL || len <= 0 || start < 0 || end <= start ||
	    end > b->len || start < b->last)
		b->bad++;
	b->last = start;
	return 0;
}

static void
test_random_text(void)
{
	static const char	*pool[] = { "가", "a", "Z", " ", "\xff", "\xcc",
	    "\xcc\x81", "\xe1\x85\xa1", "ｶ", "ﾞ", "日", ".", "\xed\xa0\x80",
	    "\xf4\x90\x80\x80", "\xe0\x80\x80", "\0", "ß", "㈜" };
	struct bounds		 b;
	char			 s[512];
	size_t			 i, j, len;
	int			 mode, bad = 0;

	srand(11);
	for (i = 0; i < 2000; i++) {
		for (len = 0, j = rand() % 100; j > 0; j--) {
			const char *p = pool[rand() % 18];
			size_t l = *p ? strlen(p) : 1;

			memcpy(s + len, p, l);
			len += l;
		}
		for (mode = 0; mode < 2; mode++) {
			b.len = (int)len;
			b.last = b.bad = 0;
			tokenizer_run(s, len, mode, bounds_cb, &b);
			bad += b.bad;
		}
	}
	is_int(bad, 0, "4.52 random text: token offsets inside, in order");
}

/* Does the oracle (oracle.c) say input finds a row of this title and body? */
static int
oracle_finds(const char *input, const char *title, const char *body)
{
	struct oracle_query q;
	struct oracle_text t, b;
	int hit;

	oracle_query_parse(&q, input, strlen(input));
	oracle_text_read(&t, title, strlen(title));
	oracle_text_read(&b, body, strlen(body));
	hit = oracle_matches(&q, &t, &b);
	oracle_text_free(&t);
	oracle_text_free(&b);
	oracle_query_free(&q);
	return hit;
}

/* Whether query_find finds every term of input in title or body. */
static int
query_find_finds(const char *input, const char *title, const char *body)
{
	struct query *q = query_parse(input, strlen(input)), one = { .n = 1 };
	struct query_match m[1];
	int all = q->n > 0;

	for (size_t i = 0; i < q->n && all; i++) {
		one.v = &q->v[i];
		all = query_find(&one, title, strlen(title), m, 1) > 0 ||
		    query_find(&one, body, strlen(body), m, 1) > 0;
	}
	query_free(q);
	return all;
}

/*
 * Random queries cut from the rows' text (some quoted, some with *), and
 * the words of the rows with digits and one-letter words added: the rows
 * FTS5 returns are those the oracle (oracle.c, independent of brief's
 * tokenizer and matcher) says match, and query_find, which highlights,
 * finds every term in exactly those rows.
 */
static void
test_agree(sqlite3 *db)
{
	static const char *words[] = {
		"2019년", "2019", "년", "4월", "a", "x", "5", "5G", "G7", "2+2",
		"NEC", "(NEC)", "日本電気(NEC)", "TSMC를", "TSMC 를", "\"기술경쟁\"",
		"\"경쟁과 기술\"", "경제 안보", "경제안보", "보는", "ー", "ソニー",
		"ｿﾆｰｸﾞﾙｰﾌﾟ", "semi*", "sem*", "s*", "samsung.", "chains:",
		"Straße", "STRASSE", "일본의 기술", "\"일본의 기술\"*", "의",
	};
	static const char *extra[][2] = {
		{ "2019년 4월 2+2", "a x 5 5G G7 회담" },
		{ "Straße", "ｿﾆｰｸﾞﾙｰﾌﾟ" },
	};
	char want[256], qf[256], *got, input[64], *body;
	const char *src;
	size_t i, r, len, off, nwords = sizeof words / sizeof *words;
	int bad = 0, badqf = 0;
	sqlite3_stmt *ins;

	sqlite3_prepare_v2(db, "INSERT INTO t(rowid, title, body) VALUES (?, ?, ?)",
	    -1, &ins, NULL);
	for (i = 0; i < 2; i++) {
		sqlite3_bind_int64(ins, 1, (sqlite3_int64)(NROWS + i + 1));
		sqlite3_bind_text(ins, 2, extra[i][0], -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 3, extra[i][1], -1, SQLITE_STATIC);
		sqlite3_step(ins);
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	srand(7);
	for (i = 0; i < 2000 + nwords; i++) {
		if (i < nwords)
			snprintf(input, sizeof input, "%s", words[i]);
		else {
			src = rows[2 * (rand() % NROWS) + 1 - (rand() % 2)];
			if (src == NULL)
				src = "분산 문서";
			len = strlen(src);
			off = (size_t)rand() % len;
			while (off > 0 && (src[off] & 0xC0) == 0x80)
				off--;
			snprintf(input, sizeof input, "%s%.*s%s",
			    rand() % 2 ? "\"" : "", 1 + rand() % 12, src + off,
			    rand() % 3 ? "" : "*");
		}
		want[0] = qf[0] = '\0';
		for (r = 0; r < NROWS + 2; r++) {
			const char *title = r < NROWS ? rows[2 * r] :
			    extra[r - NROWS][0];

			body = r >= NROWS ? xstrdup(extra[r - NROWS][1]) :
			    rows[2 * r + 1] ? xstrdup(rows[2 * r + 1]) :
			    nfd("분산 문서");
			if (oracle_finds(input, title, body))
				snprintf(want + strlen(want), sizeof want -
				    strlen(want), "%s%zu", want[0] ? "," : "",
				    r + 1);
			if (query_find_finds(input, title, body))
				snprintf(qf + strlen(qf), sizeof qf -
				    strlen(qf), "%s%zu", qf[0] ? "," : "", r + 1);
			free(body);
		}
		got = search(db, input, strlen(input));
		if (strcmp(got, "NULL") == 0)
			got[0] = '\0';
		if (strcmp(got, want) != 0 && bad++ < 5)
			printf("# %s: fts5 %s, oracle %s\n", input, got, want);
		if (strcmp(qf, want) != 0 && badqf++ < 5)
			printf("# %s: query_find %s, oracle %s\n", input, qf,
			    want);
		free(got);
	}
	ok(bad == 0, "5.1 %zu queries: FTS5 hits == the oracle's", i);
	ok(badqf == 0, "5.2 ... and query_find finds the terms in those rows");
}

int
main(void)
{
	sqlite3	*db;

	tap_plan(79);
	test_tokens();
	if ((db = open_db()) == NULL) {
		ok(0, "open an in-memory database");
		return tap_done();
	}
	test_search(db);
	test_hostile(db);
	test_random_text();
	test_agree(db);
	sqlite3_close(db);
	return tap_done();
}
