/*
 * fold.h: search keys.  Folds UTF-8 text with NFKC and full case folding
 * (libunistring's u8_casefold with uninorm_nfkc) one code point at a time,
 * keeping for every folded code point the byte range of the original text it
 * came from, and classifies folded code points for the tokenizer.  The
 * tokenizer (tokenizer.c) and the query matcher (query.c) both fold through
 * here, so what is indexed and what is highlighted agree exactly.  See
 * DESIGN.md section 3 and 7.
 *
 * Folding is done per segment: a starter and the characters that may combine
 * with it under NFKC (combining marks, Hangul vowel and trailing jamo, ...).
 * ASCII outside such a segment is only lower-cased and precomposed Hangul
 * syllables, kana and CJK ideographs pass through: for them NFKC and case
 * folding cannot change anything, and that is what makes indexing fast.
 * Invalid UTF-8 becomes U+FFFD, one per bad byte.
 */
#ifndef BRIEF_FOLD_H
#define BRIEF_FOLD_H

#include <stddef.h>
#include <stdint.h>

/* One folded code point and the original bytes [start, end) it came from. */
struct fold_char {
	uint32_t	c;
	size_t		start;
	size_t		end;
	int		len;		/* bytes in u8 */
	char		u8[4];		/* c in UTF-8 */
};

#define FOLD_INLINE 64

/* A cursor over the folded text; fields are private. */
struct fold {
	const unsigned char	*s;
	size_t			 n;
	size_t			 off;		/* next unread input byte */
	uint8_t			*seg;		/* folded current segment */
	size_t			 seglen;
	size_t			 segpos;
	size_t			 segstart;	/* its original byte range */
	size_t			 segend;
	uint8_t			 inl[FOLD_INLINE];
};

/* Starts folding s (n bytes).  The cursor borrows s. */
void	fold_init(struct fold *f, const char *s, size_t n);

/* Stores the next folded code point in *fc; returns 0 at the end. */
int	fold_next(struct fold *f, struct fold_char *fc);

/* Frees what the cursor allocated (only very long segments do). */
void	fold_done(struct fold *f);

/* The whole text folded: malloc'd, NUL-terminated; length in *outlen. */
char	*fold_string(const char *s, size_t n, size_t *outlen);

/*
 * Decodes one code point of s (n > 0 bytes).  Returns its length; on invalid
 * UTF-8 (overlong, surrogate, truncated, > U+10FFFF) returns 1 and stores
 * FOLD_INVALID.
 */
#define FOLD_INVALID 0xFFFFFFFFu
size_t	fold_decode(const unsigned char *s, size_t n, uint32_t *c);

/* What a folded code point is to the tokenizer. */
enum fold_class {
	FOLD_SEP,	/* separator: space, punctuation, symbols, controls */
	FOLD_WORD,	/* letter or digit of an alphabetic script */
	FOLD_CJK,	/* Hangul, kana, Han: indexed as bigrams */
	FOLD_MARK	/* combining mark: joins a word, ignored in CJK */
};

enum fold_class	fold_classify(uint32_t c);

#endif
