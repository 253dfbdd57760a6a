/*
 * view-results.h: the search results pane.  One row per section that
 * matches (its path, title and a line of context with the matches
 * highlighted), filled while the user types; Enter opens a hit in the
 * reader with every match highlighted.
 */
#ifndef BRIEF_UI_VIEW_RESULTS_H
#define BRIEF_UI_VIEW_RESULTS_H

#include <stddef.h>

#include "ui/ui.h"

extern const struct view rsv_view;

/* Runs the search for query (as typed so far); returns redraw flags. */
int rsv_update(struct ui *ui, const char *query);

/* The number of hits of the last search. */
size_t rsv_count(struct ui *ui);

/* Opens the hit under the cursor at its first match. */
int rsv_open(struct ui *ui);

/*
 * Opens the next (dir > 0) or previous hit after the one opened last, at its
 * first or last match: n and N going past the end of a section.
 */
int rsv_step(struct ui *ui, int dir);

#endif
