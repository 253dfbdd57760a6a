/*
 * app.h: the terminal UI (DESIGN.md section 5): the main loop, input,
 * actions, redraw, resize and signals.  The panes are in view-*.c.
 */
#ifndef BRIEF_UI_APP_H
#define BRIEF_UI_APP_H

#include "cli.h"
#include "store.h"

/*
 * Checks that there is a terminal to draw on (stdin and stdout are ttys,
 * TERM is set and not "dumb", the terminal is known to curses).  Otherwise
 * prints why, names the subcommands, and returns EX_USAGE.
 */
int app_check_terminal(void);

/* Runs the UI until the user quits; returns the exit status. */
int app_run(struct store *st, const struct cli_options *opt);

#endif
