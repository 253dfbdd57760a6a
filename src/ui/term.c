/*
 * term.c: the terminal itself, apart from curses (see term.h): whether
 * there is one, its locale, how wide it draws ambiguous characters, and the
 * signals that must restore it.
 */
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <curses.h>

#include "ui/term.h"

#include <term.h>	/* last: its capability macros have short names */

/* The signal that asks us to quit; set by the handler, read by the loop. */
static volatile sig_atomic_t term_signo;

/* The terminal as we found it, for the emergency exit of a second signal. */
static struct termios term_saved_tty;
static volatile sig_atomic_t term_have_tty;

/* What the emergency exits write: mouse off, cursor on, main screen. */
static const char term_reset[] = "\033[?1000l\033[?1006l\033[?25h"
    "\033[?1049l\033[0m\r\n";

const char *
term_check(void)
{
	const char *term = getenv("TERM"), *why = NULL;
	char *cup;
	int err;

	if (!isatty(STDIN_FILENO))
		why = "standard input is not a terminal";
	else if (!isatty(STDOUT_FILENO))
		why = "standard output is not a terminal";
	else if (term == NULL || *term == '\0')
		why = "TERM is not set";
	else if (strcmp(term, "dumb") == 0)
		why = "TERM is \"dumb\"";
	else if (setupterm(NULL, STDOUT_FILENO, &err) != OK)
		why = "the terminal type in TERM is unknown";
	else {
		cup = tigetstr("cup");
		if (cup == NULL || cup == (char *)-1)
			why = "the terminal cannot move its cursor";
		del_curterm(cur_term);
	}
	return why;
}

void
term_save(void)
{
	if (tcgetattr(STDIN_FILENO, &term_saved_tty) == 0)
		term_have_tty = 1;
}

bool
term_saved(void)
{
	return term_have_tty != 0;
}

int
term_signal(void)
{
	return term_signo;
}

/* UTF-8 text needs a UTF-8 LC_CTYPE; C.UTF-8 when the user's is not. */
void
term_locale(void)
{
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
}

/*
 * Asks the terminal how wide it draws an ambiguous-width character: prints
 * one and requests the cursor position (ESC[6n).  No answer within a short
 * time means narrow.  Run with the signal handlers installed, so that a
 * signal meanwhile still leads to the terminal being restored.
 */
bool
term_probe_ambiguous(void)
{
	static const char probe[] = "\r\xe2\x80\x9c\033[6n";
	struct termios raw;
	struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };
	char buf[64], *esc;
	size_t n = 0;
	ssize_t r;
	int row, col = 0, tries;

	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0 ||
	    tcgetattr(STDIN_FILENO, &raw) != 0)
		return false;
	raw.c_lflag &= ~(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &raw) != 0)
		return false;
	if (write(STDOUT_FILENO, probe, sizeof probe - 1) < 0)
		goto out;
	for (tries = 0; tries < 10 && n < sizeof buf - 1 && term_signo == 0;
	    tries++) {
		if (poll(&pfd, 1, 30) <= 0)
			continue;
		if ((r = read(STDIN_FILENO, buf + n, sizeof buf - 1 - n)) <= 0)
			break;
		n += (size_t)r;
		buf[n] = '\0';
		if (strchr(buf, 'R') != NULL)
			break;
	}
	buf[n] = '\0';
	if ((esc = strstr(buf, "\033[")) != NULL &&
	    sscanf(esc + 2, "%d;%dR", &row, &col) != 2)
		col = 0;
out:
	if (write(STDOUT_FILENO, "\r\033[K", 4) < 0)
		col = 0;
	/* TCSAFLUSH: a reply that came late is dropped, not read as keys. */
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &term_saved_tty);
	return col == 3;
}

/* The emergency exit: the saved modes and term_reset (signal-safe). */
static void
term_restore_now(void)
{
	if (!term_have_tty)
		return;
	tcsetattr(STDIN_FILENO, TCSANOW, &term_saved_tty);
	if (write(STDOUT_FILENO, term_reset, sizeof term_reset - 1) < 0)
		term_have_tty = 0;
}

/*
 * The first SIGINT, SIGTERM or SIGHUP asks the loop to quit; a second one
 * (the loop is stuck) restores the terminal here and exits.
 */
static void
term_on_signal(int sig)
{
	if (term_signo != 0) {
		term_restore_now();
		_exit(128 + sig);
	}
	term_signo = sig;
}

/* A fatal error (an allocation that failed aborts): terminal first. */
static void
term_on_abort(int sig)
{
	term_restore_now();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Installs (or, with restore, removes) the handlers; no SA_RESTART. */
void
term_signals(bool restore)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = restore ? SIG_DFL : term_on_signal;
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
	sa.sa_handler = restore ? SIG_DFL : term_on_abort;
	sigaction(SIGABRT, &sa, NULL);
}

