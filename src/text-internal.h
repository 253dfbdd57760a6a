/*
 * text-internal.h: what text.c shares with text-wrap.c, the cluster
 * measurement both walk text with.  The public contract is text.h.
 */
#ifndef BRIEF_TEXT_INTERNAL_H
#define BRIEF_TEXT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include <stdbool.h>

#include <unitypes.h>

/* True for precomposed Hangul syllables, the common case worth a fast path. */
static inline bool
text_is_syllable(ucs4_t c)
{
	return c >= 0xac00 && c <= 0xd7a3;
}

/* Width of the cluster at p (n > 0); its length and first code point. */
int	text_next(const uint8_t *, size_t, size_t *, ucs4_t *);

#endif
