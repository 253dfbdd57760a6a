/*
 * fold.c: search keys, folded per segment with a map back to the original
 * bytes (see fold.h; DESIGN.md sections 3 and 7 for why the fast paths).
 *
 * A segment boundary is safe before a code point that cannot combine with
 * what precedes it under NFKC: one whose full decomposition starts with a
 * starter (canonical combining class 0) that is not the second half of any
 * canonical composition (NFC_Quick_Check=Maybe).  Folding each segment alone
 * then gives the same code points as folding the whole text.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>

#include "fold.h"
#include "util.h"

/*
 * Starters with NFC_Quick_Check=Maybe (second halves of compositions) that
 * have no combining class; the Hangul vowel and trailing jamo are ranges in
 * fold_maybe.  Marks with a combining class need no table.
 */
static const uint32_t fold_maybe_table[] = {
	0x09BE, 0x09D7, 0x0B3E, 0x0B56, 0x0B57, 0x0BBE, 0x0BD7, 0x0C56,
	0x0CC2, 0x0CD5, 0x0CD6, 0x0D3E, 0x0D57, 0x0DCF, 0x0DDF, 0x102E,
	0x1B35, 0x110BA, 0x11127, 0x1133E, 0x11357, 0x114B0, 0x114BA,
	0x114BD, 0x115AF, 0x11930,
};

size_t
fold_decode(const unsigned char *s, size_t n, uint32_t *c)
{
	uint32_t	v;
	size_t		len, i;

	if (s[0] < 0x80) {
		*c = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2;
		v = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3;
		v = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4;
		v = s[0] & 0x07;
	} else
		goto bad;
	if (len > n)
		goto bad;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto bad;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && v < 0x800) || (len == 4 && v < 0x10000) ||
	    v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		goto bad;
	*c = v;
	return len;
bad:
	*c = FOLD_INVALID;
	return 1;
}

static int
fold_encode(uint32_t c, char *u8)
{
	if (c < 0x80) {
		u8[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		u8[0] = (char)(0xC0 | (c >> 6));
		u8[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		u8[0] = (char)(0xE0 | (c >> 12));
		u8[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		u8[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	u8[0] = (char)(0xF0 | (c >> 18));
	u8[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	u8[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	u8[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/*
 * Enclosed and parenthesised numerals and letters (① ⑴ ⒈ ㉠ ㈀ ❶ 🄰): NFKC
 * would make ① the digit 1, so that "1" finds every numbered paragraph of
 * a statute and "①" every 1.  They are kept as themselves, each a word,
 * whatever follows them.  Parenthesised syllables such as ㈜ (주식회사)
 * are abbreviations, not numbering, and fold as NFKC says.
 */
static bool
fold_enclosed(uint32_t c)
{
	return (c >= 0x2460 && c <= 0x24FF) || (c >= 0x2776 && c <= 0x2793) ||
	    (c >= 0x3200 && c <= 0x320D) || (c >= 0x3220 && c <= 0x3247) ||
	    (c >= 0x3251 && c <= 0x327E) || (c >= 0x3280 && c <= 0x32BF) ||
	    (c >= 0x1F100 && c <= 0x1F1AD);
}

/*
 * Code points that NFKC and case folding leave as they are and that never
 * combine with what precedes them: precomposed Hangul, kana, CJK ideographs,
 * and the enclosed numerals kept as themselves.
 */
static bool
fold_stable(uint32_t c)
{
	return (c >= 0xAC00 && c <= 0xD7A3) || fold_enclosed(c) ||
	    (c >= 0x4E00 && c <= 0x9FFF) ||
	    (c >= 0x3400 && c <= 0x4DBF) ||
	    (c >= 0x3041 && c <= 0x3096) ||
	    (c >= 0x30A1 && c <= 0x30FA);
}

static bool
fold_maybe(uint32_t c)
{
	size_t	i;

	if ((c >= 0x1160 && c <= 0x11FF) || (c >= 0xD7B0 && c <= 0xD7FF))
		return true;
	for (i = 0; i < sizeof fold_maybe_table / sizeof *fold_maybe_table;
	    i++) {
		if (fold_maybe_table[i] == c)
			return true;
	}
	return false;
}

/* Can c change, or be changed by, what precedes it under NFKC? */
static bool
fold_attaches(uint32_t c)
{
	ucs4_t	d[UC_DECOMPOSITION_MAX_LENGTH];
	int	tag, i;

	if (c < 0x300 || fold_stable(c))
		return false;
	for (i = 0; i < 8 && uc_decomposition(c, &tag, d) > 0; i++)
		c = d[0];
	return uc_combining_class(c) != 0 || fold_maybe(c);
}

/* Does the code point at byte at (if any) attach to the one before it? */
static bool
fold_next_attaches(const struct fold *f, size_t at)
{
	uint32_t	c;

	if (at >= f->n || f->s[at] < 0xCC)	/* below U+0300 */
		return false;
	fold_decode(f->s + at, f->n - at, &c);
	return c != FOLD_INVALID && fold_attaches(c);
}

void
fold_init(struct fold *f, const char *s, size_t n)
{
	memset(f, 0, sizeof *f);
	f->s = (const unsigned char *)s;
	f->n = n;
}

void
fold_done(struct fold *f)
{
	if (f->seg != NULL && f->seg != f->inl)
		free(f->seg);
	f->seg = NULL;
	f->seglen = f->segpos = 0;
}

/* Folds the segment starting at f->off, whose first code point has len bytes. */
static void
fold_segment(struct fold *f, size_t len)
{
	uint32_t	c;
	size_t		end, clen, outlen;
	uint8_t		*r;

	end = f->off + len;
	while (end < f->n) {
		clen = fold_decode(f->s + end, f->n - end, &c);
		if (c == FOLD_INVALID || !fold_attaches(c))
			break;
		end += clen;
	}
	fold_done(f);
	outlen = sizeof f->inl;
	r = u8_casefold(f->s + f->off, end - f->off, NULL, UNINORM_NFKC,
	    f->inl, &outlen);
	if (r == NULL) {
		/* Only on allocation failure: keep the text searchable as is. */
		r = f->inl;
		outlen = fold_encode(0xFFFD, (char *)f->inl);
	}
	f->seg = r;
	f->seglen = outlen;
	f->segstart = f->off;
	f->segend = end;
	f->off = end;
}

/* Hands out the next code point of the folded segment. */
static void
fold_from_segment(struct fold *f, struct fold_char *fc)
{
	size_t	len;

	len = fold_decode(f->seg + f->segpos, f->seglen - f->segpos, &fc->c);
	if (fc->c == FOLD_INVALID)
		fc->c = 0xFFFD;
	fc->len = fold_encode(fc->c, fc->u8);
	fc->start = f->segstart;
	fc->end = f->segend;
	f->segpos += len;
}

int
fold_next(struct fold *f, struct fold_char *fc)
{
	const unsigned char	*p;
	uint32_t		 c;
	size_t			 len;

	while (f->segpos >= f->seglen) {
		if (f->off >= f->n)
			return 0;
		p = f->s + f->off;
		if (p[0] < 0x80) {
			if (!fold_next_attaches(f, f->off + 1)) {
				c = p[0];
				if (c >= 'A' && c <= 'Z')
					c += 'a' - 'A';
				fc->c = c;
				fc->u8[0] = (char)c;
				fc->len = 1;
				fc->start = f->off++;
				fc->end = f->off;
				return 1;
			}
			len = 1;
		} else {
			len = fold_decode(p, f->n - f->off, &c);
			if (c == FOLD_INVALID || fold_enclosed(c) ||
			    (fold_stable(c) && !fold_next_attaches(f,
			    f->off + len))) {
				fc->c = c == FOLD_INVALID ? 0xFFFD : c;
				fc->len = fold_encode(fc->c, fc->u8);
				fc->start = f->off;
				fc->end = f->off += len;
				return 1;
			}
		}
		fold_segment(f, len);
	}
	fold_from_segment(f, fc);
	return 1;
}

char *
fold_string(const char *s, size_t n, size_t *outlen)
{
	struct fold		 f;
	struct fold_char	 fc;
	struct buf		 b = { NULL, 0, 0 };

	fold_init(&f, s, n);
	buf_add(&b, "", 0);
	while (fold_next(&f, &fc))
		buf_add(&b, fc.u8, fc.len);
	fold_done(&f);
	if (outlen != NULL)
		*outlen = b.len;
	return buf_take(&b);
}

/* Scripts written without spaces between words, indexed as bigrams. */
static bool
fold_cjk_block(uint32_t c)
{
	return (c >= 0x1100 && c <= 0x11FF) ||		/* Hangul jamo */
	    (c >= 0x2E80 && c <= 0x2FDF) ||		/* radicals */
	    (c >= 0x3005 && c <= 0x3007) ||		/* 々 〆 〇 */
	    (c >= 0x3021 && c <= 0x3029) ||
	    (c >= 0x3031 && c <= 0x303C) ||
	    (c >= 0x3040 && c <= 0x30FF) ||		/* kana */
	    (c >= 0x3130 && c <= 0x318F) ||		/* compatibility jamo */
	    (c >= 0x31F0 && c <= 0x31FF) ||
	    (c >= 0x3400 && c <= 0x4DBF) ||
	    (c >= 0x4E00 && c <= 0x9FFF) ||
	    (c >= 0xA960 && c <= 0xA97F) ||
	    (c >= 0xD7B0 && c <= 0xD7FF) ||
	    (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0x1B000 && c <= 0x1B16F) ||		/* kana supplement */
	    (c >= 0x20000 && c <= 0x3FFFF);		/* ideographs */
}

enum fold_class
fold_classify(uint32_t c)
{
	if (c < 0x80) {
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    (c >= 'A' && c <= 'Z'))
			return FOLD_WORD;
		return FOLD_SEP;
	}
	if (c >= 0xAC00 && c <= 0xD7A3)
		return FOLD_CJK;
	if (fold_enclosed(c))
		return FOLD_WORD;
	if (uc_is_general_category_withtable(c, UC_CATEGORY_MASK_M))
		return FOLD_MARK;
	if (fold_cjk_block(c) && uc_is_general_category_withtable(c,
	    UC_CATEGORY_MASK_L | UC_CATEGORY_MASK_Nl))
		return FOLD_CJK;
	if (uc_is_general_category_withtable(c,
	    UC_CATEGORY_MASK_L | UC_CATEGORY_MASK_N))
		return FOLD_WORD;
	return FOLD_SEP;
}
