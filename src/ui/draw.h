/*
 * draw.h: putting text on the screen cluster by cluster, with the one width
 * function of the text layer (text_cluster), so every row keeps the pane
 * borders where the layout put them.  Controls that reach the screen are
 * drawn as U+FFFD, never sent; format characters that text_cluster counts 0
 * columns (U+200B, U+FEFF) are not drawn at all; ambiguous-width characters
 * get one-column stand-ins when the terminal draws them wide.
 */
#ifndef BRIEF_UI_DRAW_H
#define BRIEF_UI_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/theme.h"
#include "ui/ui.h"

/* Bytes [start, end) of a string drawn in another role (a match). */
struct draw_span {
	size_t		 start;
	size_t		 end;
	enum theme_role	 role;
};

/* Says, once before drawing, whether the terminal draws ambiguous wide. */
void draw_init(bool ambiguous_wide);

/*
 * Draws s[0, n) at (y, x) in at most cols columns and returns the columns
 * used.  Drawing stops before the first cluster that would not fit (a wide
 * character in the last column), so fewer than cols may be used: callers
 * pad the rest (draw_line does).  Bytes covered by spans (offsets minus
 * base) use the span's role.
 */
int draw_text(int y, int x, int cols, const char *s, size_t n,
    enum theme_role role, const struct draw_span *spans, size_t nspans,
    size_t base);

/* Draws a NUL-terminated string, then spaces up to cols columns. */
void draw_line(int y, int x, int cols, const char *s, enum theme_role role);

/* Spaces in a role. */
void draw_fill(int y, int x, int cols, enum theme_role role);

/* A frame around r with a title in its top edge. */
void draw_box(const struct rect *r, const char *title, bool focus);

#endif
