/*
 * test-query.c: query_parse's MATCH expressions and terms, query_find's
 * byte ranges in the original (unfolded) text, and fold.c agreeing with
 * folding a whole string at once.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <uninorm.h>

#include "fold.h"
#include "query.h"
#include "tap.h"
#include "util.h"

#define L ((size_t)-1)

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

/* len (size_t)-1 means strlen(input). */
static void
check_build(const char *input, size_t len, const char *want, const char *name)
{
	struct query	*q;

	q = query_parse(input, len == (size_t)-1 ? strlen(input) : len);
	is_str(q->match, want, "%s", name);
	query_free(q);
}

static void
test_build(void)
{
	check_build("semi*", L, "\"semi\"*", "1.1 prefix");
	check_build("일본 경제안보", L, "\"일본\" \"경제안보\"",
	    "1.2 words are ANDed");
	check_build("\"기술 경쟁\" x", L, "\"기술 경쟁\" \"x\"",
	    "1.3 quoted phrase");
	check_build("\"a b\"*", L, "\"a b\"*", "1.4 phrase prefix");
	check_build("경제*", L, "\"경제\"", "1.5 no prefix on Hangul");
	check_build("AND OR NOT", L, "\"AND\" \"OR\" \"NOT\"",
	    "1.6 operators are words");
	check_build("NEAR(a b)", L, "\"NEAR(a\" \"b)\"",
	    "1.7 NEAR and parentheses are text");
	check_build("a\"b", L, "\"a\" \"b\"", "1.8 a quote ends a word");
	check_build("\"a", L, "\"a\"", "1.9 unclosed phrase");
	check_build("a\xff" "b", 3, "\"a\" \"b\"",
	    "1.10 an invalid byte is a space");
	check_build("a\tb\x1b", L, "\"a\" \"b\"",
	    "1.11 controls are spaces");
	check_build("", L, NULL, "1.12 empty");
	check_build(" \t\"\"\"* - ( ) : ^", L, NULL,
	    "1.13 only punctuation: nothing to search");
	check_build("a\0b", 3, "\"a\" \"b\"", "1.14 NUL is a space");
	check_build("일본\xe3\x80\x80경제", L, "\"일본\" \"경제\"",
	    "1.15 ideographic space separates");
	check_build("TSMC를", L, "\"TSMC를\"",
	    "1.16 a mixed word stays one term");
}

static void
test_terms(void)
{
	struct query	 *q;
	const char		*s;
	char			*d, big[80 * 4];
	size_t			 i;

	s = "TSMC를 Ｓｅｍｉ* \"기술  경쟁\"";
	is_int((q = query_parse(s, strlen(s)))->n, 3,
	    "2.1 three terms");
	is_str(q->v[0].text, "tsmc를", "2.2 folded term");
	ok(!q->v[0].prefix, "2.3 not a prefix");
	is_str(q->v[1].text, "semi", "2.4 full-width folded, star removed");
	ok(q->v[1].prefix, "2.5 prefix");
	is_str(q->v[2].text, "기술  경쟁", "2.6 phrase as one term");
	query_free(q);

	d = nfd("일본");
	is_int((q = query_parse(d, strlen(d)))->n, 1, "2.7 NFD term");
	is_str(q->v[0].text, "일본", "2.8 NFD folds to NFC");
	query_free(q);
	free(d);

	is_int((q = query_parse("- ( )", 5))->n, 0, "2.9 nothing to search");
	query_free(q);

	for (i = 0; i < 80; i++)
		memcpy(big + 4 * i, "가 ", 4);
	is_int((q = query_parse(big, sizeof big))->n, 64, "2.10 at most 64 terms");
	query_free(q);
}

/* The matches of input in text as "start-end" pairs. */
static char *
find(const char *input, const char *text)
{
	struct query	 *q;
	struct query_match	 m[16];
	struct buf		 b = { NULL, 0, 0 };
	size_t			 n, i;

	q = query_parse(input, strlen(input));
	n = query_find(q, text, strlen(text), m, 16);
	buf_add(&b, "", 0);
	for (i = 0; i < n && i < 16; i++)
		buf_printf(&b, "%s%zu-%zu", i ? " " : "", m[i].start,
		    m[i].end);
	query_free(q);
	return buf_take(&b);
}

static void
check_find(const char *input, const char *text, const char *want,
    const char *name)
{
	char	*got = find(input, text);

	is_str(got, want, "%s", name);
	free(got);
}

static void
test_find(void)
{
	struct query	 *q;
	struct query_match	 m[2];
	char			*s, *t;

	check_find("일본", "일본의 경제", "0-6", "3.1 word start");
	check_find("안보", "경제안보는", "6-12", "3.2 inside a compound");
	check_find("성", "초불확실성의", "12-15", "3.3 one syllable");
	check_find("초불확실성", "초불확실성의", "0-15", "3.4 five syllables");
	check_find("일본", "본일", "", "3.5 no false positive");
	check_find("하하", "하하하", "0-6 3-9", "3.6 overlapping occurrences");
	check_find("\"기술 경쟁\"", "기술 경쟁력", "0-13", "3.7 phrase");
	check_find("\"경쟁 기술\"", "기술 경쟁", "", "3.8 phrase order");
	check_find("tsmc", "TSMC를 Tsmc tsmcx", "0-4 8-12",
	    "3.9 case-insensitive whole words");
	check_find("semi*", "Semiconductors, semi", "0-14 16-20",
	    "3.10 prefix matches the whole word");
	check_find("경제 일본", "일본의 경제, 일본", "0-6 10-16 18-24",
	    "3.11 all terms, sorted by position");
	check_find("tsmc", "ＴＳＭＣ를", "0-12", "3.12 full-width text");
	check_find("ＴＳＭＣ를", "tsmc를", "0-7", "3.13 full-width query");
	s = nfd("일본의");
	check_find("일본", s, "0-18", "3.14 NFD text: bytes of the jamo");
	t = nfd("본의");
	check_find(t, s, "9-24", "3.15 NFD query in NFD text");
	free(t);
	free(s);
	check_find("주", "㈜ 회사", "0-3", "3.16 compatibility character");
	check_find("strasse", "Die Straße", "4-11", "3.17 ß folds to ss");
	check_find("ガ", "ｶﾞｽ", "0-6", "3.18 half-width kana with mark");
	check_find("x", "", "", "3.19 empty text");

	q = query_parse("가", 3);
	is_int(query_find(q, "가 가 가", 11, m, 2), 3,
	    "3.20 returns the count beyond max");
	is_int(m[1].start, 4, "3.21 first max matches in order");
	is_int(query_find(q, "가", 3, NULL, 0), 1, "3.22 max 0");
	query_free(q);
}

/*
 * Characters that compose, decompose, fold or combine across neighbours:
 * folding segment by segment must give what folding everything at once does.
 */
static const char *fold_pool[] = {
	"a", "A", "e", "\xcc\x81", "\xcc\x88", "\xcc\xa3", "가", "각",
	"\xe1\x84\x80", "\xe1\x85\xa1", "\xe1\x86\xa8", "ㄱ", "ㅏ", "ㄳ",
	"か", "\xe3\x82\x99", "ｶ", "ﾞ", "ﾟ", "゛", "ß", "ẞ", "İ", "ﬁ", "㈜",
	"Ω", "Ω", "K", "Å", "ς", "Σ", "\xcd\x85", "日", "丽", "①", "½",
	"ǅ", "\xe0\xad\x87", "\xe0\xac\xbe", "\xe0\xbd\xb3", " ", "-",
	"\xef\xbf\xa0", "ﾡ", "\xf0\x9d\x90\x80", "\xe2\x84\xab", "\xed\x9e\xa3",
};

/*
 * NFKC and full case folding of s as a whole, except that ① stays itself
 * (fold.h): it goes through as a private-use character, which folding
 * leaves alone and which combines with nothing.
 */
static uint8_t *
fold_oracle(const char *s, size_t len, size_t *outlen)
{
	struct buf in = { 0 }, out = { 0 };
	uint8_t *r;
	size_t n;

	for (size_t i = 0; i < len; i++) {
		if (i + 3 <= len && memcmp(s + i, "①", 3) == 0) {
			buf_add(&in, "\xee\x80\x80", 3);
			i += 2;
		} else
			buf_addc(&in, s[i]);
	}
	r = u8_casefold((const uint8_t *)in.data, in.len, NULL, UNINORM_NFKC,
	    NULL, &n);
	for (size_t i = 0; i < n; i++) {
		if (i + 3 <= n && memcmp(r + i, "\xee\x80\x80", 3) == 0) {
			buf_add(&out, "①", 3);
			i += 2;
		} else
			buf_addc(&out, (char)r[i]);
	}
	free(r);
	buf_free(&in);
	*outlen = out.len;
	return (uint8_t *)buf_take(&out);
}

static void
fold_is(const char *in, const char *want, const char *name)
{
	size_t len;
	char *got = fold_string(in, strlen(in), &len);

	is_str(got, want, "%s", name);
	free(got);
}

static void
test_fold(void)
{
	char	 s[256], *got;
	uint8_t	*want;
	size_t	 i, j, k, len, glen, wlen;
	int	 bad = 0;

	srand(3);
	for (i = 0; i < 20000; i++) {
		len = 0;
		k = 1 + (size_t)rand() % 8;
		for (j = 0; j < k; j++) {
			const char *p = fold_pool[rand() %
			    (int)(sizeof fold_pool / sizeof *fold_pool)];
			memcpy(s + len, p, strlen(p));
			len += strlen(p);
		}
		got = fold_string(s, len, &glen);
		want = fold_oracle(s, len, &wlen);
		if (glen != wlen || memcmp(got, want, glen) != 0) {
			if (bad++ < 5)
				printf("# fold \"%.*s\": \"%s\" != \"%.*s\"\n",
				    (int)len, s, got, (int)wlen, want);
		}
		free(got);
		free(want);
	}
	ok(bad == 0, "4.1 20000 random strings fold as a whole does");
	fold_is("ＡＢＣ", "abc", "4.2 full-width Latin folds to abc");
	fold_is("Straße", "strasse", "4.3 full case folding");
	fold_is("HeLLo 한국", "hello 한국", "4.4 ASCII and Hangul fast path");
	fold_is("\xef\xac\x81" "x", "fix", "4.5 ligature fi");
	fold_is("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab", "한",
	    "4.6 decomposed Hangul composes");
	fold_is("ÉCOLE", "école", "4.7 accented capitals");
	fold_is("①항 ⑵ ㉠ ❸", "①항 ⑵ ㉠ ❸",
	    "4.8 enclosed numerals stay themselves");
	fold_is("㈜ ½", "(주) 1⁄2", "4.9 other compatibility characters fold");
}

/* Whether matches a[0..n) and b[0..n) are the same. */
static bool
same_matches(const struct query_match *a, const struct query_match *b,
    size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i].start != b[i].start || a[i].end != b[i].end ||
		    a[i].term != b[i].term)
			return false;
	return true;
}

/*
 * query_find_first against query_find on every line of the bundled
 * briefing and words taken from it.  With a span as long as the line it
 * must find every match query_find finds, in the same order; with a small
 * span (windows are cut often) the matches it returns are the first ones
 * query_find returns, each of them, and at least the first.
 */
static void
test_find_first(void)
{
	static const char *extra[] = { "TSMC", "일본", "\"기술 경쟁\"", "semi*",
	    "ソニー", "2+2", "성", "Rapidus 반도체", "의", "기술 일본" };
#define NEXTRA (sizeof extra / sizeof *extra)
	struct query_match all[256], first[256];
	char line[4096], words[64][64];
	size_t nw = 0, checks = 0, several = 0;
	int bad_whole = 0, bad_window = 0;
	FILE *fp = fopen("../assets/japan-tech-competition.txt", "r");

	if (fp == NULL) {
		ok(0, "5.1 the bundled briefing is readable");
		ok(0, "5.2 # no bundled briefing");
		return;
	}
	while (fgets(line, sizeof line, fp) != NULL) {
		char *w = strtok(line, " \n");

		for (int k = 0; w != NULL && nw < 64; k++, w = strtok(NULL, " \n"))
			if (k % 7 == 3 && strlen(w) < 64)
				snprintf(words[nw++], 64, "%s", w);
	}
	rewind(fp);
	while (fgets(line, sizeof line, fp) != NULL) {
		size_t len = strcspn(line, "\n");

		for (size_t i = 0; i < nw + NEXTRA; i++) {
			const char *in = i < nw ? words[i] : extra[i - nw];
			struct query *q;
			size_t na, nf, nk;

			if ((q = query_parse(in, strlen(in)))->n == 0) {
				query_free(q);
				continue;
			}
			na = query_find(q, line, len, all, 256);
			nf = query_find_first(q, line, len, len, first, 256);
			checks++;
			several += na > 1;
			if (nf != na || !same_matches(all, first,
			    na < 256 ? na : 256)) {
				if (bad_whole++ < 3)
					printf("# '%s' in '%.*s': %zu vs %zu "
					    "matches\n", in, (int)len, line, na,
					    nf);
			}
			nf = query_find_first(q, line, len, 8, first, 256);
			nk = nf < 256 ? nf : 256;
			if ((na == 0) != (nf == 0) || nf > na ||
			    !same_matches(all, first, nk)) {
				if (bad_window++ < 3)
					printf("# '%s' in '%.*s', span 8: %zu "
					    "vs %zu\n", in, (int)len, line, na,
					    nf);
			}
			query_free(q);
		}
	}
	fclose(fp);
	ok(bad_whole == 0 && checks > 1000 && several > 100,
	    "5.1 query_find_first over a whole line finds every match "
	    "query_find finds (%zu queries, %zu with several matches)",
	    checks, several);
	ok(bad_window == 0 && checks > 1000, "5.2 with a small span, the "
	    "first matches query_find finds, each one (%zu checks)", checks);
}

int
main(void)
{
	tap_plan(59);
	test_build();
	test_terms();
	test_find();
	test_fold();
	test_find_first();
	return tap_done();
}
