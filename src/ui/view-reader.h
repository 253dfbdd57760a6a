/*
 * view-reader.h: the reader pane.  The selected section's heading, its
 * paragraphs wrapped to the pane, and a list of its sub-sections; search
 * matches highlighted.  Paragraphs are wrapped lazily, only when a line of
 * theirs is about to be shown, and the wrapped lines are kept until the
 * width changes, so scrolling a huge section costs only the lines shown.
 */
#ifndef BRIEF_UI_VIEW_READER_H
#define BRIEF_UI_VIEW_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "library.h"
#include "outline.h"
#include "ui/ui.h"

extern const struct view rdv_view;

/*
 * Shows secs[idx] of briefing b (idx -1: the briefing itself), with the
 * sub-sections found in secs.  Nothing is reloaded when it is already shown.
 * Matches of ui->query are highlighted when it is set.
 */
void rdv_show(struct ui *ui, const struct briefing *b,
    const struct section *secs, size_t n, long idx);

/* Reloads the matches after ui->query changed; scrolls to the first. */
void rdv_query_changed(struct ui *ui);

/*
 * Makes the first (dir > 0) or last (dir < 0) match current and scrolls to
 * it; false when the section has no match.
 */
bool rdv_goto_match(struct ui *ui, int dir);

/*
 * Steps to the next or previous match in this section; false at the end
 * (the caller moves on to the next section with hits).
 */
bool rdv_step_match(struct ui *ui, int dir);

/* The scroll position as a percentage (100 when the end is shown). */
int rdv_percent(struct ui *ui);

#endif
