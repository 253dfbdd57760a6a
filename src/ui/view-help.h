/*
 * view-help.h: the help overlay, built from the keymap table.
 */
#ifndef BRIEF_UI_VIEW_HELP_H
#define BRIEF_UI_VIEW_HELP_H

#include <stdbool.h>

#include "ui/ui.h"

extern const struct view hlv_view;

int hlv_open(struct ui *ui);
bool hlv_active(struct ui *ui);

#endif
