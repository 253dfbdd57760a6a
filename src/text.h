/*
 * text.h: the text layer.  Display width, wrapping, truncation, normalisation
 * and sanitising of UTF-8 text, with libunistring doing the Unicode work.  It
 * knows nothing of SQL or curses; see DESIGN.md section 5, "Text".
 *
 * All strings are UTF-8 with explicit lengths; functions that return strings
 * return malloc'd, NUL-terminated memory the caller frees.  Input to the width
 * and wrap functions is expected to be sanitised already (valid UTF-8, no
 * controls); invalid bytes are still handled, one column each.
 */
#ifndef BRIEF_TEXT_H
#define BRIEF_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The one width function: the width of the grapheme cluster that starts at s
 * (glibc wcwidth of its first code point, as ncurses draws it; a cluster whose
 * first code point has no width counts as 1, except a format character such
 * as U+200B or U+FEFF, which counts 0).  Widths do not depend on the process's
 * locale.  Stores the cluster's length in bytes in *clen (at least 1 when
 * n > 0).
 */
int text_cluster(const char *s, size_t n, size_t *clen);

/* Display width of the first n bytes of s: the sum of its clusters' widths. */
int text_width(const char *s, size_t n);

/*
 * One line of wrapped text: bytes [off, off + len) of the paragraph, without
 * the spaces at the break, and its display width.
 */
struct text_line {
	size_t	off;
	size_t	len;
	int	width;
};

/*
 * Wraps a paragraph to cols columns.  Breaks at UAX #14 opportunities
 * (u8_possible_linebreaks) but never between two Hangul syllables, nor
 * between Hangul and a letter or digit (keep-all: "2023년", "AI를"), so Korean
 * words stay whole; a word wider than cols is broken at grapheme cluster
 * boundaries.  Spaces at a break and at the end are dropped.  Newlines (and
 * other mandatory breaks) end a line and are not part of it.  cols <= 0
 * means no width limit (one line unless there are newlines).  An empty
 * paragraph gives one empty line.  Stores a malloc'd array in *lines and
 * returns its count.
 */
size_t text_wrap(const char *s, size_t n, int cols, struct text_line **lines);

/*
 * The longest prefix of s that fits in cols columns, ending in "…" when s was
 * cut (at a cluster boundary; a wide character is never split; spaces before
 * the "…" are dropped).  cols <= 0 gives "".  Stores the result's width in
 * *width when width is not NULL.
 */
char *text_truncate(const char *s, size_t n, int cols, int *width);

/*
 * Byte length of the longest prefix of s that fits in cols columns (whole
 * clusters only); its width goes to *width when not NULL.
 */
size_t text_fit(const char *s, size_t n, int cols, int *width);

/*
 * NFC normalisation (for stored, readable text).  Invalid input is sanitised
 * first.  outlen may be NULL.  Search keys (NFKC and case folding) are made
 * by fold.h, which keeps a map back to the original bytes.
 */
char *text_nfc(const char *s, size_t n, size_t *outlen);

/*
 * Makes text safe to store and draw.  Invalid UTF-8 and NUL become U+FFFD;
 * tab becomes a space; other C0 and C1 controls (ESC, BEL, ...), DEL, bidi
 * overrides and isolates (U+202A..U+202E, U+2066..U+2069), U+00AD and code
 * points glibc cannot measure (wcwidth < 0) become U+FFFD.  Newlines are kept
 * when keep_newlines is true, otherwise they become U+FFFD too; CR LF counts
 * as a newline, and so does a lone CR when newlines are kept.  A byte order
 * mark at the start is dropped.  Adds the number of U+FFFD replacements to
 * *nreplaced when not NULL (a tab or line ending is not a replacement).
 */
char *text_sanitize(const char *s, size_t n, bool keep_newlines,
    size_t *outlen, size_t *nreplaced);

/* True when s is valid UTF-8 (no NUL allowed). */
bool text_valid_utf8(const char *s, size_t n);

/*
 * Ambiguous-width characters (East Asian Width "A": ‘ ’ “ ” … ·) are one
 * column, as glibc measures them.  When the terminal draws them two columns
 * wide, the drawing code substitutes: this returns a one-column ASCII stand-in
 * for such a code point (' for ‘ ’, " for “ ”, . for …, - for ─, é is e, ...)
 * or 0 when c is not ambiguous; '?' when nothing better fits (also U+FFFD).
 */
unsigned int text_ambiguous_substitute(unsigned int c);

#endif
