/*
 * export-prompt.h: the export key of the terminal UI.  Asks for a file name
 * (the default from export_default_name), expands a leading "~/", picks
 * Markdown for a ".md" name and text otherwise, and asks "overwrite? (y/n)"
 * before replacing a file.  The writing itself is export_file (export.h).
 */
#ifndef BRIEF_UI_EXPORT_PROMPT_H
#define BRIEF_UI_EXPORT_PROMPT_H

#include "ui/ui.h"

/*
 * Opens the file name prompt for the section under the outline's cursor
 * (or says to choose one).  Returns redraw flags.
 */
int export_prompt_start(struct ui *ui);

#endif
