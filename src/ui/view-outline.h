/*
 * view-outline.h: the outline pane.  The tree of the library (briefings are
 * its roots when there are several), expanded and collapsed by the user,
 * loaded lazily: the briefings a chunk at a time as their rows are shown, a
 * briefing's sections when it is first expanded.
 * The reader always shows the row under the cursor.
 */
#ifndef BRIEF_UI_VIEW_OUTLINE_H
#define BRIEF_UI_VIEW_OUTLINE_H

#include <stdbool.h>
#include <stdint.h>

#include "library.h"
#include "outline.h"
#include "ui/ui.h"
#include "util.h"

extern const struct view olv_view;

/*
 * Moves the cursor to a section (expanding what leads to it) and shows it
 * in the reader.  Returns redraw flags.
 */
int olv_select(struct ui *ui, int64_t briefing_id, int64_t section_id);

/* Moves to the next (dir > 0) or previous section in reading order. */
int olv_step(struct ui *ui, int dir);

/*
 * The row under the cursor: its briefing, and its section or NULL for a
 * briefing row.  False when the library is empty.  Pointers stay valid
 * until the next action.
 */
bool olv_current(struct ui *ui, const struct briefing **b,
    const struct section **s);

/* Appends " brief › title › section › ..." for the breadcrumb line. */
void olv_crumbs(struct ui *ui, struct buf *out);

#endif
