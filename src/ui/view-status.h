/*
 * view-status.h: the breadcrumb line at the top of the screen and the
 * status line at the bottom (key hints or a message, and the position).
 */
#ifndef BRIEF_UI_VIEW_STATUS_H
#define BRIEF_UI_VIEW_STATUS_H

#include "ui/ui.h"

extern const struct view stv_view;

#endif
