/*
 * text.c: the text layer (see text.h and DESIGN.md section 5, "Text").  Display
 * width of grapheme clusters as ncurses draws them, truncation, NFC/NFKC
 * normalisation, case folding and sanitising; line wrapping is text-wrap.c's.
 * libunistring does the Unicode work; glibc's wcwidth() gives the widths,
 * because that is what ncurses uses to place characters.
 */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <unicase.h>
#include <unictype.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "text.h"
#include "text-internal.h"
#include "util.h"

#define TEXT_REPLACEMENT	"\xef\xbf\xbd"	/* U+FFFD */
#define TEXT_ELLIPSIS		"\xe2\x80\xa6"	/* U+2026, one column */

/*
 * glibc's wcwidth() reads LC_CTYPE: in the C locale it knows nothing beyond
 * ASCII, and the library must give the same widths under LANG=C (the command
 * line, the tests) as in the UTF-8 locale ncurses runs in.  All glibc UTF-8
 * locales share one width table, so widths are measured in C.UTF-8, installed
 * for the calling thread only (uselocale) around each call and never touching
 * the process's locale.  The locale object is made once; when no UTF-8 locale
 * exists at all, libunistring's uc_width() stands in.
 */
static pthread_once_t	 text_locale_once = PTHREAD_ONCE_INIT;
static locale_t		 text_locale;

static void
text_locale_init(void)
{
	static const char *names[] = { "C.UTF-8", "C.utf8", "en_US.UTF-8" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		text_locale = newlocale(LC_CTYPE_MASK, names[i], (locale_t)0);
		if (text_locale != (locale_t)0)
			return;
	}
}

/* glibc's width of one code point, measured in a UTF-8 locale. */
static int
text_wcwidth(ucs4_t c)
{
	locale_t old;
	int w;

	if (c >= 0x20 && c < 0x7f)
		return 1;
	if (text_is_syllable(c))
		return 2;
	pthread_once(&text_locale_once, text_locale_init);
	if (text_locale == (locale_t)0)
		return uc_width(c, "UTF-8");
	old = uselocale(text_locale);
	w = wcwidth((wchar_t)c);
	uselocale(old);
	return w;
}

/*
 * The width of a cluster whose first code point is c.  A first code point
 * glibc cannot measure (a control) counts 1, as does a combining mark with
 * nothing to combine with (it is drawn on a cell of its own).  A format
 * character (category Cf: U+200B, U+200D, U+2060, U+FEFF, ...) counts 0:
 * ncurses adds it to the previous cell, so counting it would only leave gaps.
 */
static int
text_cluster_width(ucs4_t c)
{
	int w;

	w = text_wcwidth(c);
	if (w > 0)
		return w;
	if (w == 0 && uc_is_general_category(c, UC_CATEGORY_Cf))
		return 0;
	return 1;
}

/*
 * Measures the cluster at p (n > 0 bytes): returns its width, stores its
 * length in *clen and its first code point in *first (U+FFFD for an invalid
 * byte, which is a cluster of its own, one column wide).  ASCII and Hangul
 * syllables followed by ASCII or another syllable skip the grapheme rules,
 * which cannot join them.
 */
int
text_next(const uint8_t *p, size_t n, size_t *clen, ucs4_t *first)
{
	ucs4_t c, d;
	int r;

	if (p[0] < 0x80 && (n == 1 || p[1] < 0x80)) {
		*first = p[0];
		*clen = (p[0] == '\r' && n > 1 && p[1] == '\n') ? 2 : 1;
		return 1;
	}
	r = u8_mbtoucr(&c, p, n);
	if (r < 0) {
		*first = 0xfffd;
		*clen = 1;
		return 1;
	}
	*first = c;
	if ((size_t)r == n)
		*clen = r;
	else if (text_is_syllable(c) && (p[r] < 0x80 ||
	    (u8_mbtoucr(&d, p + r, n - r) > 0 && text_is_syllable(d))))
		*clen = r;
	else
		*clen = u8_grapheme_next(p, p + n) - p;
	return text_cluster_width(c);
}

int
text_cluster(const char *s, size_t n, size_t *clen)
{
	ucs4_t c;

	if (n == 0) {
		*clen = 0;
		return 0;
	}
	return text_next((const uint8_t *)s, n, clen, &c);
}

int
text_width(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0, clen;
	ucs4_t c;
	long long w = 0;

	while (i < n) {
		w += text_next(p + i, n - i, &clen, &c);
		i += clen;
	}
	return w > INT_MAX ? INT_MAX : (int)w;
}

size_t
text_fit(const char *s, size_t n, int cols, int *width)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0, clen;
	ucs4_t c;
	int w = 0, cw;

	while (cols > 0 && i < n) {
		cw = text_next(p + i, n - i, &clen, &c);
		if (cw > cols - w)
			break;
		w += cw;
		i += clen;
	}
	if (width != NULL)
		*width = w;
	return i;
}

/*
 * Cuts s to cols columns with an ellipsis.  Spaces before the ellipsis are
 * dropped, so a title reads "word…" rather than "word …".
 */
char *
text_truncate(const char *s, size_t n, int cols, int *width)
{
	char *out;
	size_t len;
	int w;

	if (cols <= 0) {
		if (width != NULL)
			*width = 0;
		return xstrdup("");
	}
	len = text_fit(s, n, cols, &w);
	if (len == n) {
		if (width != NULL)
			*width = w;
		return xstrndup(s, n);
	}
	len = text_fit(s, n, cols - 1, &w);
	while (len > 0 && s[len - 1] == ' ') {
		len--;
		w--;
	}
	out = xmalloc(len + sizeof TEXT_ELLIPSIS);
	memcpy(out, s, len);
	memcpy(out + len, TEXT_ELLIPSIS, sizeof TEXT_ELLIPSIS);
	if (width != NULL)
		*width = w + 1;
	return out;
}

/*
 * Turns a libunistring result into a NUL-terminated string.  Invalid input
 * makes libunistring fail (EILSEQ): it is sanitised first and tried again.
 */
static char *
text_finish(uint8_t *r, size_t len, size_t *outlen)
{
	char *out;

	if (r == NULL) {
		if (errno == ENOMEM) {
			fputs("brief: out of memory\n", stderr);
			abort();
		}
		return NULL;
	}
	out = xreallocarray(r, len + 1, 1);
	out[len] = '\0';
	if (outlen != NULL)
		*outlen = len;
	return out;
}

/*
 * Whether NFC leaves c alone wherever it stands: it has no canonical
 * decomposition, combining class 0, and never composes with what precedes
 * it.  Covers what briefings are mostly made of (ASCII, Hangul syllables,
 * kana, CJK ideographs and punctuation, full-width forms); combining marks,
 * conjoining jamo, the kana voicing marks and compatibility ideographs are
 * left to u8_normalize.
 */
static bool
text_nfc_stable(ucs4_t c)
{
	return text_is_syllable(c) ||
	    (c >= 0x00a0 && c <= 0x00bf) || c == 0x00d7 || c == 0x00f7 ||
	    (c >= 0x2010 && c <= 0x205e) || (c >= 0x2190 && c <= 0x2199) ||
	    (c >= 0x2460 && c <= 0x24ff) || (c >= 0x2500 && c <= 0x25ff) ||
	    (c >= 0x3000 && c <= 0x3029) || (c >= 0x3030 && c <= 0x303f) ||
	    (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) ||
	    (c >= 0x30fc && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff01 && c <= 0xff60) ||
	    c == 0x22c5;
}

/* Whether NFC would return p unchanged, judged character by character. */
static bool
text_is_nfc(const uint8_t *p, size_t n)
{
	size_t i = 0;
	ucs4_t c;
	int r;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		r = u8_mbtoucr(&c, p + i, n - i);
		if (r < 0 || !text_nfc_stable(c))
			return false;
		i += r;
	}
	return true;
}

char *
text_nfc(const char *s, size_t n, size_t *outlen)
{
	const uint8_t *p = (const uint8_t *)s;
	uint8_t *r;
	char *out, *clean;
	size_t len;

	if (text_is_nfc(p, n)) {
		if (outlen != NULL)
			*outlen = n;
		return xstrndup(s, n);
	}
	r = u8_normalize(UNINORM_NFC, p, n, NULL, &len);
	out = text_finish(r, len, outlen);
	if (out == NULL) {
		clean = text_sanitize(s, n, true, &len, NULL);
		out = text_nfc(clean, len, outlen);
		free(clean);
	}
	return out;
}

/* True when the code point c (decoded from valid UTF-8) must not be kept. */
static int
text_is_unsafe(ucs4_t c)
{
	if (c < 0x20 || (c >= 0x7f && c < 0xa0))
		return 1;
	if (c < 0x7f)
		return 0;
	if (c == 0xad || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069))
		return 1;
	return text_wcwidth(c) < 0;
}

/*
 * Handles one control byte at p for text_sanitize: tab becomes a space, CR LF
 * a newline, a lone CR a newline too (old Mac files) when newlines are kept.
 * These are line-ending and spacing conventions, not replacements.  Returns
 * the number of bytes consumed.
 */
static size_t
text_sanitize_control(struct buf *b, const uint8_t *p, size_t n,
    bool keep_newlines, size_t *count)
{
	if (p[0] == '\t') {
		buf_addc(b, ' ');
		return 1;
	}
	if (p[0] == '\r' && n > 1 && p[1] == '\n')
		return 1;	/* the \n that follows is handled next */
	if (keep_newlines && (p[0] == '\n' || p[0] == '\r')) {
		buf_addc(b, '\n');
		return 1;
	}
	buf_add(b, TEXT_REPLACEMENT, 3);
	(*count)++;
	return 1;
}

/*
 * Copies s, replacing what cannot be stored or drawn safely.  Runs of safe
 * text are copied in one go.  A byte order mark at the very start is dropped.
 */
char *
text_sanitize(const char *s, size_t n, bool keep_newlines, size_t *outlen,
    size_t *nreplaced)
{
	const uint8_t *p = (const uint8_t *)s;
	struct buf b = { 0 };
	size_t i = 0, run, count = 0;
	ucs4_t c;
	int r;

	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	run = i;
	while (i < n) {
		if (p[i] >= 0x20 && p[i] < 0x7f) {
			i++;
			continue;
		}
		r = p[i] < 0x80 ? 1 : u8_mbtoucr(&c, p + i, n - i);
		if (r > 1 && !text_is_unsafe(c)) {
			i += r;
			continue;
		}
		buf_add(&b, p + run, i - run);
		if (r == 1)
			i += text_sanitize_control(&b, p + i, n - i,
			    keep_newlines, &count);
		else {
			if (r < 0)
				r = u8_mbtouc(&c, p + i, n - i);
			buf_add(&b, TEXT_REPLACEMENT, 3);
			count++;
			i += r;
		}
		run = i;
	}
	buf_add(&b, p + run, n - run);
	if (outlen != NULL)
		*outlen = b.len;
	if (nreplaced != NULL)
		*nreplaced += count;
	return buf_take(&b);
}

bool
text_valid_utf8(const char *s, size_t n)
{
	return memchr(s, '\0', n) == NULL &&
	    u8_check((const uint8_t *)s, n) == NULL;
}

/*
 * An ASCII stand-in for a letter or digit whose compatibility decomposition is
 * one ASCII character and combining marks (é is e, ① is 1, ² is 2); 0 if none.
 */
static unsigned int
text_ascii_base(ucs4_t c)
{
	ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
	int tag, len, i;

	while ((len = uc_decomposition(c, &tag, d)) > 0) {
		for (i = 1; i < len; i++) {
			if (!uc_is_general_category(d[i], UC_CATEGORY_M))
				return 0;
		}
		c = d[0];
	}
	return (c > 0x20 && c < 0x7f) ? c : 0;
}

/* Stand-ins for ambiguous punctuation, symbols, arrows and bullets. */
static unsigned int
text_ambiguous_symbol(ucs4_t c)
{
	static const struct {
		ucs4_t		c;
		unsigned int	sub;
	} map[] = {
		{ 0x00a1, '!' }, { 0x00a7, 'S' }, { 0x00a8, '"' },
		{ 0x00ab, '<' }, { 0x00b0, 'o' }, { 0x00b1, '+' },
		{ 0x00b4, '\'' }, { 0x00b6, 'P' }, { 0x00b7, '.' },
		{ 0x00bb, '>' }, { 0x00bf, '?' }, { 0x00d7, 'x' },
		{ 0x00f7, '/' }, { 0x2010, '-' }, { 0x2013, '-' },
		{ 0x2014, '-' }, { 0x2015, '-' }, { 0x2016, '|' },
		{ 0x2018, '\'' }, { 0x2019, '\'' }, { 0x201c, '"' },
		{ 0x201d, '"' }, { 0x2020, '+' }, { 0x2021, '+' },
		{ 0x2022, '*' }, { 0x2024, '.' }, { 0x2025, '.' },
		{ 0x2026, '.' }, { 0x2027, '.' }, { 0x2030, '%' },
		{ 0x2032, '\'' }, { 0x2033, '"' }, { 0x2035, '`' },
		{ 0x203b, '*' }, { 0x203e, '-' }, { 0x2190, '<' },
		{ 0x2191, '^' }, { 0x2192, '>' }, { 0x2193, 'v' },
		{ 0x2194, '-' }, { 0x21d2, '>' }, { 0x21d4, '=' },
		{ 0x2212, '-' }, { 0x2215, '/' }, { 0x2223, '|' },
		{ 0x2225, '|' }, { 0x2236, ':' }, { 0x223c, '~' },
		{ 0x2260, '=' }, { 0x2261, '=' }, { 0x2264, '<' },
		{ 0x2265, '>' }, { 0x226a, '<' }, { 0x226b, '>' },
		{ 0x25a0, '#' }, { 0x25a1, '#' }, { 0x25b2, '^' },
		{ 0x25b3, '^' }, { 0x25b6, '>' }, { 0x25b7, '>' },
		{ 0x25bc, 'v' }, { 0x25bd, 'v' }, { 0x25c0, '<' },
		{ 0x25c1, '<' }, { 0x25c6, '*' }, { 0x25c7, 'o' },
		{ 0x25cb, 'o' }, { 0x25ce, 'o' }, { 0x25cf, '*' },
		{ 0x2605, '*' }, { 0x2606, '*' }, { 0x3008, '<' },
		{ 0x3009, '>' },
	};
	size_t lo = 0, hi = sizeof map / sizeof map[0], mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (map[mid].c == c)
			return map[mid].sub;
		if (map[mid].c < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Box drawing: horizontal lines become '-', vertical '|', the rest '+'. */
static unsigned int
text_ambiguous_box(ucs4_t c)
{
	switch (c) {
	case 0x2500: case 0x2501: case 0x2504: case 0x2505: case 0x2508:
	case 0x2509: case 0x254c: case 0x254d: case 0x2550:
		return '-';
	case 0x2502: case 0x2503: case 0x2506: case 0x2507: case 0x250a:
	case 0x250b: case 0x254e: case 0x254f: case 0x2551:
		return '|';
	}
	return '+';
}

/*
 * Ambiguous means one column in UTF-8 but two in a CJK encoding, as
 * libunistring sees it; U+FFFD, which text_sanitize emits, is ambiguous in
 * Unicode's table too and is given '?'.  Anything without a sensible
 * stand-in (Greek, Cyrillic, private use, ...) is '?' as well.
 */
unsigned int
text_ambiguous_substitute(unsigned int c)
{
	unsigned int sub;

	if (c == 0xfffd)
		return '?';
	if (c > 0x10ffff || uc_width(c, "UTF-8") != 1 ||
	    uc_width(c, "EUC-KR") != 2)
		return 0;
	if (c >= 0x2500 && c <= 0x257f)
		return text_ambiguous_box(c);
	if ((sub = text_ambiguous_symbol(c)) != 0)
		return sub;
	if (c >= 0x2580 && c <= 0x259f)
		return '#';
	if ((sub = text_ascii_base(c)) != 0)
		return sub;
	return '?';
}
