/*
 * list.h: navigation in a list of rows shown in a window of h rows: the
 * cursor, the first row shown, moving, paging and mouse rows.  The outline
 * and the search results use it; they only add their own keys.
 */
#ifndef BRIEF_UI_LIST_H
#define BRIEF_UI_LIST_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/keymap.h"

struct list {
	size_t	n;	/* rows */
	size_t	cur;	/* the cursor, < n unless n == 0 */
	size_t	top;	/* first row shown */
};

/* Sets the row count, keeping the cursor in range. */
void list_set_count(struct list *l, size_t n);

/* Puts the cursor on row i and scrolls it into a window of h rows. */
void list_select(struct list *l, size_t i, int h);

/*
 * Handles the movement actions (up, down, page, top, bottom) for a window of
 * h rows; returns false when the action is not one of them.
 */
bool list_action(struct list *l, enum action a, int h);

/* Scrolls by delta rows without moving the cursor out of the window. */
void list_scroll(struct list *l, long delta, int h);

/* The row at window row y, or false when there is none. */
bool list_row_at(const struct list *l, int y, int h, size_t *row);

#endif
