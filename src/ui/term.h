/*
 * term.h: the terminal apart from curses.  Checking that there is one to
 * draw on, a UTF-8 locale, asking how wide ambiguous-width characters are
 * drawn, and the signals (SIGINT, SIGTERM, SIGHUP, and SIGABRT from a fatal
 * error) after which the terminal must be restored.
 */
#ifndef BRIEF_UI_TERM_H
#define BRIEF_UI_TERM_H

#include <stdbool.h>

/* Why there is no usable terminal, or NULL when there is one. */
const char *term_check(void);

/* setlocale from the environment; C.UTF-8 for LC_CTYPE when not UTF-8. */
void term_locale(void);

/* Remembers the terminal's modes for the emergency exits; false: no tty. */
void term_save(void);
bool term_saved(void);

/*
 * Prints an ambiguous-width character and asks for the cursor position;
 * true when the terminal drew it two columns wide.  Call after term_save
 * and term_signals; a reply that comes too late is discarded.
 */
bool term_probe_ambiguous(void);

/*
 * Installs the handlers: the first SIGINT, SIGTERM or SIGHUP is recorded
 * for the main loop (term_signal), a second one restores the terminal and
 * exits; SIGABRT restores it and aborts.  restore puts the defaults back.
 */
void term_signals(bool restore);

/* The quitting signal received, or 0. */
int term_signal(void);

#endif
