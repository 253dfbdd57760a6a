/*
 * test-text.c: unit tests for the text layer (src/text.c): widths, keep-all
 * wrapping, truncation, normalisation, folding, sanitising.  Runs in the C
 * locale on purpose: the widths must not depend on the process's locale.
 *
 * An optional argument names the bundled briefing; by default it is looked up
 * as ../assets/japan-tech-competition.txt (the tests run in tests/).
 */
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <uninorm.h>
#include <unistr.h>

#include "tap.h"
#include "text.h"
#include "util.h"

#define BUNDLED "../assets/japan-tech-competition.txt"

/* A paragraph of Korean words separated by single spaces, no hyphens. */
static const char *korean =
    "일본 정부는 초불확실성 시대의 기술 경쟁에 대응하기 위해 경제안보 "
    "관점에서 반도체와 인공지능, 양자 컴퓨터 같은 첨단기술 분야의 "
    "경쟁력을 회복하려고 산업정책을 적극적으로 활용하고 있으며, 미국 및 "
    "한국과의 협력을 통해 공급망의 안정성을 높이려 한다. 2023년에는 "
    "AI를 포함한 핵심기술목록을 새로 정리하였고 연구개발투자확대방안도 "
    "함께 발표하였다. 이러한 흐름은 동맹과 협력의 디지털 지정학이라는 "
    "새로운 질서를 보여 준다.";

/* Wraps s and returns its lines joined with '|', for compact expectations. */
static char *
wrap_joined(const char *s, int cols)
{
	struct text_line *lines;
	struct buf b = { 0 };
	size_t i, n;

	n = text_wrap(s, strlen(s), cols, &lines);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(&b, '|');
		buf_add(&b, s + lines[i].off, lines[i].len);
	}
	free(lines);
	return buf_take(&b);
}

static bool
is_hangul(ucs4_t c)
{
	return (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff) ||
	    (c >= 0x3130 && c <= 0x318f);
}

static bool
is_wordish(ucs4_t c)
{
	return is_hangul(c) || (c < 0x80 && (c >= '0' && c <= '9')) ||
	    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The last code point of s[0..n). */
static ucs4_t
last_cp(const char *s, size_t n)
{
	const uint8_t *p;
	ucs4_t c = 0;

	p = u8_prev(&c, (const uint8_t *)s + n, (const uint8_t *)s);
	return p == NULL ? 0 : c;
}

static ucs4_t
first_cp(const char *s, size_t n)
{
	ucs4_t c = 0;

	if (n > 0)
		u8_mbtouc(&c, (const uint8_t *)s, n);
	return c;
}

/*
 * Checks the invariants of a wrap of s (n bytes) at cols: lines in order,
 * widths right and within cols (or one cluster), only spaces or one newline
 * between lines, no break inside a Korean word unless the word is wider than
 * the line, and nothing but trailing spaces after the last line.  Returns
 * NULL or what is wrong.
 */
static const char *
check_wrap(const char *s, size_t n, int cols, struct text_line *l,
    size_t count)
{
	static char why[256];
	size_t i, j, prev_end = 0, clen;
	int spaces, newlines, cw;

	if (count == 0)
		return "no lines";
	for (i = 0; i < count; i++) {
		if (l[i].off < prev_end || l[i].off + l[i].len > n)
			return "lines out of order";
		if (text_width(s + l[i].off, l[i].len) != l[i].width) {
			snprintf(why, sizeof why, "line %zu width wrong", i);
			return why;
		}
		text_cluster(s + l[i].off, l[i].len, &clen);
		if (l[i].width > cols && clen != l[i].len) {
			snprintf(why, sizeof why, "line %zu is %d wide", i,
			    l[i].width);
			return why;
		}
		spaces = newlines = 0;
		for (j = prev_end; j < l[i].off; j++) {
			if (s[j] == ' ')
				spaces++;
			else if (s[j] == '\n')
				newlines++;
			else if (i > 0) {
				snprintf(why, sizeof why,
				    "line %zu: dropped byte %zu", i, j);
				return why;
			}
		}
		if (i > 0 && spaces == 0 && newlines == 0) {
			ucs4_t a = last_cp(s + l[i - 1].off, l[i - 1].len);
			ucs4_t b = first_cp(s + l[i].off, l[i].len);

			cw = text_cluster(s + l[i].off, l[i].len, &clen);
			if ((is_hangul(a) || is_hangul(b)) && is_wordish(a) &&
			    is_wordish(b) && l[i - 1].width + cw <= cols) {
				snprintf(why, sizeof why,
				    "Korean word split before line %zu", i);
				return why;
			}
		}
		prev_end = l[i].off + l[i].len;
	}
	for (j = prev_end; j < n; j++) {
		if (s[j] != ' ')
			return "text lost at the end";
	}
	return NULL;
}

/* Wraps and checks; a failure is reported with the reason as a comment. */
static void
wrap_ok(const char *s, size_t n, int cols, const char *what)
{
	struct text_line *lines;
	const char *why;
	size_t count;

	count = text_wrap(s, n, cols, &lines);
	why = check_wrap(s, n, cols, lines, count);
	ok(why == NULL, "%s", what);
	if (why != NULL)
		printf("#   %s\n", why);
	free(lines);
}

static void
test_width(void)
{
	size_t clen;

	is_int(text_width("hello", 5), 5, "width 1.1 ASCII");
	is_int(text_width("한국어", 9), 6, "width 1.2 Hangul syllables are 2");
	is_int(text_width("日本語です", 15), 10, "width 1.3 kanji and kana are 2");
	is_int(text_width("AI 기술と日本 2023", 23), 18,
	    "width 1.4 mixed Korean, Japanese, Latin");
	is_int(text_width("‘’“”…·", 17), 6,
	    "width 1.5 ambiguous punctuation is 1");
	is_int(text_cluster("e\xcc\x81x", 4, &clen), 1,
	    "width 1.6 e + combining acute is one column");
	is_int(clen, 3, "width 1.7 ... and one cluster of 3 bytes");
	is_int(text_cluster("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab", 9, &clen),
	    2, "width 1.8 conjoining jamo 한 is 2 columns");
	is_int(clen, 9, "width 1.9 ... and one cluster");
	is_int(text_width("a\xe2\x80\x8b" "b", 5), 2,
	    "width 1.10 U+200B (format) counts 0");
	is_int(text_width("\xcc\x81", 2), 1,
	    "width 1.11 a lone combining mark counts 1");
	is_int(text_width("a\xff\xfe" "b", 4), 4,
	    "width 1.12 invalid bytes are one column each");
	is_int(text_cluster("\r\nx", 3, &clen), 1, "width 1.13 CR LF");
	is_int(clen, 2, "width 1.14 CR LF is one cluster");
	is_int(text_cluster("", 0, &clen), 0, "width 1.15 empty cluster");
	is_int(clen, 0, "width 1.16 empty cluster has no length");
	is_int(text_width("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", 8), 2,
	    "width 1.17 emoji with skin tone modifier is one wide cluster");
	is_int(text_width("ＡＢＣ", 9), 6, "width 1.18 full-width Latin is 2");
	is_int(text_width("\xef\xbd\xb1", 3), 1,
	    "width 1.19 half-width katakana is 1");
	is_int(text_width("한국어", 4), 3,
	    "width 1.20 a cut multi-byte character counts its bytes");
}

static void
test_wrap_basic(void)
{
	struct text_line *lines;
	char *s;
	size_t n;

	n = text_wrap("", 0, 10, &lines);
	ok(n == 1 && lines[0].off == 0 && lines[0].len == 0 &&
	    lines[0].width == 0, "wrap 2.1 empty paragraph is one empty line");
	free(lines);

	n = text_wrap("one two three", 13, 0, &lines);
	ok(n == 1 && lines[0].len == 13 && lines[0].width == 13,
	    "wrap 2.2 cols 0 means one line");
	free(lines);

	is_str(s = wrap_joined("the quick brown fox jumps", 10),
	    "the quick|brown fox|jumps", "wrap 2.3 Latin words at spaces");
	free(s);
	is_str(s = wrap_joined("일본의 기술 경쟁 전략", 8),
	    "일본의|기술|경쟁|전략", "wrap 2.4 keep-all Korean words");
	free(s);
	is_str(s = wrap_joined("초불확실성 시대", 11),
	    "초불확실성|시대", "wrap 2.5 keep-all Korean word fills the line");
	free(s);
	is_str(s = wrap_joined("aaa     bbb   ", 5), "aaa|bbb",
	    "wrap 2.6 spaces at the break and at the end are dropped");
	free(s);
	is_str(s = wrap_joined("abcdefghijklmnop", 5), "abcde|fghij|klmno|p",
	    "wrap 2.7 a long Latin word breaks at clusters");
	free(s);
	is_str(s = wrap_joined("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2),
	    "e\xcc\x81" "e\xcc\x81|e\xcc\x81",
	    "wrap 2.8 a combining mark stays with its letter");
	free(s);
	is_str(s = wrap_joined("한국어", 1), "한|국|어",
	    "wrap 2.9 a wide character wider than cols goes alone");
	free(s);
	is_str(s = wrap_joined("초불확실성시대", 5), "초불|확실|성시|대",
	    "wrap 2.10 a Korean word wider than the line breaks at clusters");
	free(s);
	is_str(s = wrap_joined("日本語のテキストです", 8),
	    "日本語の|テキスト|です", "wrap 2.11 Japanese breaks between kana");
	free(s);
	is_str(s = wrap_joined("러시아-우크라이나 전쟁", 8),
	    "러시아-|우크라이|나 전쟁", "wrap 2.12 break after a hyphen");
	free(s);
	is_str(s = wrap_joined("올해 2023년에는 AI를 본다", 10),
	    "올해|2023년에는|AI를 본다",
	    "wrap 2.13 digits and letters stay with Hangul");
	free(s);
	is_str(s = wrap_joined("one\ntwo three\r\nfour", 20),
	    "one|two three|four", "wrap 2.14 newlines are mandatory breaks");
	free(s);
	is_str(s = wrap_joined("a b\n", 20), "a b|",
	    "wrap 2.15 a final newline starts an empty line");
	free(s);
	is_str(s = wrap_joined(" aaaaaa", 3), " aa|aaa|a",
	    "wrap 2.16 a leading space never makes an empty line");
	free(s);
	is_str(s = wrap_joined("ab 한", 3), "ab|한",
	    "wrap 2.17 a wide character moves to the next line whole");
	free(s);
	is_str(s = wrap_joined("“Space”를 체결하였다", 10),
	    "“Space”를|체결하였다", "wrap 2.18 quotes stay with the word");
	free(s);
	is_str(s = wrap_joined("see U.S.A. and file.txt now", 12),
	    "see U.S.A.|and file.txt|now", "wrap 2.19 no break after a dot "
	    "before a letter (UAX #14 LB29)");
	free(s);
	is_str(s = wrap_joined("日本語。テスト", 9), "日本語。|テスト",
	    "wrap 2.20 break after an ideographic full stop");
	free(s);
	is_str(s = wrap_joined("日本語。テスト", 6), "日本|語。テ|スト",
	    "wrap 2.21 never a line starting with 。");
	free(s);
	n = text_wrap("abc def", 7, -3, &lines);
	ok(n == 1 && lines[0].len == 7, "wrap 2.22 negative cols: one line");
	free(lines);
	n = text_wrap("ab cd", 5, 2, &lines);
	ok(n == 2 && lines[1].off == 3 && lines[1].len == 2 &&
	    lines[1].width == 2, "wrap 2.23 line offsets skip the spaces");
	free(lines);
}

/* The Korean paragraph at every width from 10 to 80, then re-joined. */
static void
test_wrap_korean(void)
{
	struct text_line *lines;
	struct buf b = { 0 };
	size_t n, i, len = strlen(korean);
	char what[64];
	int cols, same = 1;

	for (cols = 10; cols <= 80; cols++) {
		snprintf(what, sizeof what,
		    "wrap 3.%d Korean paragraph at %d columns", cols - 9, cols);
		wrap_ok(korean, len, cols, what);
	}
	/* From 22 columns on, the longest word (11 syllables) fits. */
	for (cols = 22; cols <= 80; cols++) {
		n = text_wrap(korean, len, cols, &lines);
		for (i = 0; i < n; i++) {
			if (i > 0)
				buf_addc(&b, ' ');
			buf_add(&b, korean + lines[i].off, lines[i].len);
		}
		if (b.len != len || memcmp(b.data, korean, len) != 0) {
			printf("# differs at %d columns\n", cols);
			same = 0;
		}
		b.len = 0;
		free(lines);
	}
	buf_free(&b);
	ok(same, "wrap 3.72 lines joined with spaces give the paragraph back");
}

static void
test_truncate(void)
{
	char *s;
	int w;

	is_str(s = text_truncate("short", 5, 10, &w), "short",
	    "truncate 4.1 text that fits is copied");
	is_int(w, 5, "truncate 4.2 ... with its width");
	free(s);
	is_str(s = text_truncate("a long title", 12, 8, &w), "a long…",
	    "truncate 4.3 cut text ends in …, no space before it");
	is_int(w, 7, "truncate 4.4 ... and its width counts the …");
	free(s);
	is_str(s = text_truncate("기술 경쟁의 부상", 23, 8, &w), "기술 경…",
	    "truncate 4.5 Korean cut at a cluster");
	is_int(w, 8, "truncate 4.6 width 8");
	free(s);
	is_str(s = text_truncate("기술경쟁", 12, 6, &w), "기술…",
	    "truncate 4.7 a wide character is never split");
	is_int(w, 5, "truncate 4.8 ... leaving a column free");
	free(s);
	is_str(s = text_truncate("abc", 3, 0, &w), "",
	    "truncate 4.9 cols 0 gives empty");
	is_int(w, 0, "truncate 4.10 ... of width 0");
	free(s);
	is_str(s = text_truncate("한국", 6, 1, &w), "…",
	    "truncate 4.11 cols 1 gives the ellipsis alone");
	free(s);
	is_str(s = text_truncate("abc", 3, 3, NULL), "abc",
	    "truncate 4.12 exact fit is not cut");
	free(s);
	is_str(s = text_truncate("e\xcc\x81" "e\xcc\x81" "e", 7, 2, &w),
	    "e\xcc\x81…", "truncate 4.13 combining marks stay whole");
	free(s);
}

static void
test_fit(void)
{
	int w;

	is_int(text_fit("hello world", 11, 5, &w), 5, "fit 5.1 ASCII");
	is_int(w, 5, "fit 5.2 width");
	is_int(text_fit("한국어", 9, 5, &w), 6, "fit 5.3 no half wide char");
	is_int(w, 4, "fit 5.4 width 4 of 5");
	is_int(text_fit("abc", 3, 0, &w), 0, "fit 5.5 cols 0");
	is_int(text_fit("abc", 3, 10, NULL), 3, "fit 5.6 all fits");
	is_int(text_fit("a\xcc\x81", 3, 1, NULL), 3,
	    "fit 5.7 whole cluster with its mark");
}

static void
test_normalise(void)
{
	char *s;
	size_t len;

	s = text_nfc("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab", 9, &len);
	is_str(s, "한", "nfc 6.1 decomposed 한 becomes NFC");
	is_int(len, 3, "nfc 6.2 length 3");
	free(s);
	is_str(s = text_nfc("cafe\xcc\x81", 6, &len), "café",
	    "nfc 6.3 e + acute composes");
	free(s);
	is_str(s = text_nfc("한국 ABC", 10, &len), "한국 ABC",
	    "nfc 6.4 already NFC text is unchanged");
	free(s);
	is_str(s = text_nfc("", 0, &len), "", "nfc 6.5 empty");
	is_int(len, 0, "nfc 6.6 empty length");
	free(s);
	is_str(s = text_nfc("ＡＢＣ", 9, NULL), "ＡＢＣ",
	    "nfc 6.7 NFC keeps full-width letters");
	free(s);
	s = text_nfc("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab\xff", 10, &len);
	ok(s != NULL && len == 6 && memcmp(s, "한\xef\xbf\xbd", 6) == 0,
	    "nfc 6.8 invalid input is normalised after replacement");
	free(s);
}

/* Sanitises s and compares the result and the number of replacements. */
static void
sanitize_is(const char *s, size_t n, bool nl, const char *want,
    size_t want_count, const char *what)
{
	char *out;
	size_t len, count = 0;

	out = text_sanitize(s, n, nl, &len, &count);
	ok(strcmp(out, want) == 0 && len == strlen(want) &&
	    count == want_count, "%s", what);
	if (strcmp(out, want) != 0 || count != want_count)
		printf("#   got \"%s\" (%zu), want \"%s\" (%zu)\n", out, count,
		    want, want_count);
	free(out);
}

#define R "\xef\xbf\xbd"

static void
test_sanitize(void)
{
	const char *plain = "한국어 日本語 café “q” …";
	char *out;
	size_t count;

	sanitize_is("a\x1b[31mred", 9, true, "a" R "[31mred", 1,
	    "sanitize 8.1 ESC");
	sanitize_is("ding\a", 5, true, "ding" R, 1, "sanitize 8.2 BEL");
	sanitize_is("a\0b", 3, true, "a" R "b", 1, "sanitize 8.3 NUL");
	sanitize_is("a\xc2\x9b" "31m", 6, true, "a" R "31m", 1,
	    "sanitize 8.4 C1 CSI U+009B");
	sanitize_is("a\x9b" "31m", 5, true, "a" R "31m", 1,
	    "sanitize 8.5 a raw 0x9b byte is invalid");
	sanitize_is("abc\xe2\x80\xae" "def", 9, true, "abc" R "def", 1,
	    "sanitize 8.6 U+202E right-to-left override");
	sanitize_is("\xe2\x81\xa6x\xe2\x81\xa9", 7, true, R "x" R, 2,
	    "sanitize 8.7 bidi isolates");
	sanitize_is("a\tb", 3, true, "a b", 0, "sanitize 8.8 tab is a space");
	sanitize_is("a\r\nb\n", 5, true, "a\nb\n", 0,
	    "sanitize 8.9 CR LF becomes LF");
	sanitize_is("a\rb", 3, true, "a\nb", 0,
	    "sanitize 8.10 a lone CR is a newline when newlines are kept");
	sanitize_is("a\rb\nc", 5, false, "a" R "b" R "c", 2,
	    "sanitize 8.11 newlines replaced when not kept");
	sanitize_is("a\r\nb", 4, false, "a" R "b", 1,
	    "sanitize 8.12 CR LF is one replacement");
	sanitize_is("\xff\xfe" "ok", 4, true, R R "ok", 2,
	    "sanitize 8.13 invalid bytes");
	sanitize_is("x\xe2\x82" "y", 4, true, "x" R "y", 1,
	    "sanitize 8.14 a truncated sequence is one replacement");
	sanitize_is("\xc0\x80", 2, true, R R, 2,
	    "sanitize 8.15 overlong NUL");
	sanitize_is("\xed\xa0\x80", 3, true, R, 1,
	    "sanitize 8.16 encoded surrogate");
	sanitize_is("soft\xc2\xad" "hyphen", 12, true, "soft" R "hyphen", 1,
	    "sanitize 8.17 soft hyphen");
	sanitize_is("\xcd\xb8", 2, true, R, 1,
	    "sanitize 8.18 unassigned U+0378 glibc cannot measure");
	sanitize_is("a\x7f", 2, true, "a" R, 1, "sanitize 8.19 DEL");
	sanitize_is("\xef\xbb\xbftitle", 8, true, "title", 0,
	    "sanitize 8.20 a leading byte order mark is dropped");
	sanitize_is(plain, strlen(plain), false, plain, 0,
	    "sanitize 8.21 ordinary text is unchanged");
	sanitize_is("", 0, true, "", 0, "sanitize 8.22 empty");
	sanitize_is("\xe2\x80\x8b" "x", 4, true, "\xe2\x80\x8b" "x", 0,
	    "sanitize 8.23 zero-width space is kept");

	count = 5;
	out = text_sanitize("\x1b\x1b", 2, true, NULL, &count);
	is_int(count, 7, "sanitize 8.24 replacements are added to the count");
	free(out);
	out = text_sanitize("a\x1b", 2, true, NULL, NULL);
	is_str(out, "a" R, "sanitize 8.25 NULL out-parameters");
	ok(text_valid_utf8(out, strlen(out)),
	    "sanitize 8.26 the result is valid UTF-8");
	free(out);
}

static void
test_valid(void)
{
	ok(text_valid_utf8("한국 abc", 10), "valid 9.1 Korean and ASCII");
	ok(!text_valid_utf8("a\0b", 3), "valid 9.2 NUL is rejected");
	ok(!text_valid_utf8("\xff", 1), "valid 9.3 0xff");
	ok(!text_valid_utf8("\xe2\x82", 2), "valid 9.4 truncated");
	ok(!text_valid_utf8("\xc0\x80", 2), "valid 9.5 overlong");
	ok(!text_valid_utf8("\xed\xa0\x80", 3), "valid 9.6 surrogate");
	ok(text_valid_utf8("", 0), "valid 9.7 empty");
}

static void
test_ambiguous(void)
{
	is_int(text_ambiguous_substitute(0x2018), '\'', "ambiguous 10.1 ‘");
	is_int(text_ambiguous_substitute(0x2019), '\'', "ambiguous 10.2 ’");
	is_int(text_ambiguous_substitute(0x201c), '"', "ambiguous 10.3 “");
	is_int(text_ambiguous_substitute(0x201d), '"', "ambiguous 10.4 ”");
	is_int(text_ambiguous_substitute(0x2026), '.', "ambiguous 10.5 …");
	is_int(text_ambiguous_substitute(0x00b7), '.', "ambiguous 10.6 ·");
	is_int(text_ambiguous_substitute('a'), 0, "ambiguous 10.7 ASCII");
	is_int(text_ambiguous_substitute(0xd55c), 0, "ambiguous 10.8 한");
	is_int(text_ambiguous_substitute(0x65e5), 0, "ambiguous 10.9 日");
	is_int(text_ambiguous_substitute(0x00e9), 'e', "ambiguous 10.10 é");
	is_int(text_ambiguous_substitute(0x2460), '1', "ambiguous 10.11 ①");
	is_int(text_ambiguous_substitute(0x2500), '-', "ambiguous 10.12 ─");
	is_int(text_ambiguous_substitute(0x2502), '|', "ambiguous 10.13 │");
	is_int(text_ambiguous_substitute(0x250c), '+', "ambiguous 10.14 ┌");
	is_int(text_ambiguous_substitute(0x25a1), '#', "ambiguous 10.15 □");
	is_int(text_ambiguous_substitute(0x25cb), 'o', "ambiguous 10.16 ○");
	is_int(text_ambiguous_substitute(0x2192), '>', "ambiguous 10.17 →");
	is_int(text_ambiguous_substitute(0x03b1), '?', "ambiguous 10.18 α");
	is_int(text_ambiguous_substitute(0xfffd), '?',
	    "ambiguous 10.19 U+FFFD");
	is_int(text_ambiguous_substitute(0x0301), 0,
	    "ambiguous 10.20 combining marks are not");
	is_int(text_ambiguous_substitute(0x2014), '-', "ambiguous 10.21 —");
	is_int(text_ambiguous_substitute(0x203b), '*', "ambiguous 10.22 ※");
	is_int(text_ambiguous_substitute(0x110000), 0,
	    "ambiguous 10.23 beyond Unicode");
}

/* Every line of the bundled briefing, sanitised, normalised and wrapped. */
static void
test_bundled(const char *path)
{
	static const int widths[] = { 10, 20, 37, 40, 60, 80 };
	char *data, *clean, *nfc, *cause = NULL, what[64];
	size_t len, clen, nlen, count = 0, i;
	const char *p, *end, *nl;

	if (read_file(path, &data, &len, &cause) != 0) {
		for (i = 0; i < 3 + sizeof widths / sizeof widths[0]; i++)
			printf("ok %d - bundled 11.%zu # SKIP %s\n", ++tap_n,
			    i + 1, path);
		free(cause);
		return;
	}
	clean = text_sanitize(data, len, true, &clen, &count);
	is_int(count, 0, "bundled 11.1 the briefing needs no replacements");
	nfc = text_nfc(clean, clen, &nlen);
	ok(nlen == clen && memcmp(nfc, clean, clen) == 0,
	    "bundled 11.2 the briefing is NFC already");
	ok(text_valid_utf8(nfc, nlen), "bundled 11.3 valid UTF-8");
	for (i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		int good = 1;

		for (p = nfc, end = nfc + nlen; p < end; p = nl + 1) {
			struct text_line *lines;
			size_t n;

			if ((nl = memchr(p, '\n', end - p)) == NULL)
				nl = end;
			n = text_wrap(p, nl - p, widths[i], &lines);
			if (check_wrap(p, nl - p, widths[i], lines, n)) {
				printf("#   %s: %.*s\n", check_wrap(p, nl - p,
				    widths[i], lines, n), (int)(nl - p), p);
				good = 0;
			}
			free(lines);
		}
		snprintf(what, sizeof what,
		    "bundled 11.%zu every paragraph at %d columns", i + 4,
		    widths[i]);
		ok(good, "%s", what);
	}
	free(nfc);
	free(clean);
	free(data);
}

/*
 * text_nfc skips libunistring for characters NFC cannot change; check that
 * claim for every code point of the Basic Multilingual Plane, after a
 * Hangul syllable (which composes with trailing jamo) and before a letter.
 */
static void
test_nfc_fast_path(void)
{
	int bad = 0;

	for (ucs4_t c = 0x80; c < 0x10000; c++) {
		uint8_t in[16];
		size_t n = 0, len, got_len;
		uint8_t *want;
		char *got;
		int r;

		if (c >= 0xd800 && c <= 0xdfff)
			continue;
		n += (size_t)u8_uctomb(in, 0xac00, 4);
		r = u8_uctomb(in + n, c, 4);
		if (r <= 0)
			continue;
		n += (size_t)r;
		in[n++] = 'a';
		want = u8_normalize(UNINORM_NFC, in, n, NULL, &len);
		got = text_nfc((const char *)in, n, &got_len);
		if (want == NULL || got_len != len || memcmp(got, want, len) != 0)
			if (bad++ < 3)
				printf("# U+%04X differs\n", (unsigned)c);
		free(want);
		free(got);
	}
	is_int(bad, 0, "normalise 6.9 NFC agrees with libunistring for every "
	    "BMP character");
}

int
main(int argc, char **argv)
{
	const char *mixed = "AI 기술と日本 ‘’";

	is_int(text_width(mixed, strlen(mixed)), 16,
	    "locale 0.1 widths in the C locale");
	test_width();
	test_wrap_basic();
	test_wrap_korean();
	test_truncate();
	test_fit();
	test_normalise();
	test_nfc_fast_path();
	test_sanitize();
	test_valid();
	test_ambiguous();
	test_bundled(argc > 1 ? argv[1] : BUNDLED);

	/* The process's locale must not change any width. */
	if (setlocale(LC_ALL, "C.UTF-8") != NULL) {
		is_int(text_width(mixed, strlen(mixed)), 16,
		    "locale 12.1 the same widths in C.UTF-8");
	} else
		printf("ok %d - locale 12.1 # SKIP no C.UTF-8\n", ++tap_n);
	return tap_done();
}
