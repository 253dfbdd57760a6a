/*
 * main.c: the command line.  Parses options (getopt_long), opens the
 * library (seeding an empty one with the bundled briefings) and runs a
 * subcommand (cli.c) or the terminal UI (ui/app.c).  DESIGN.md section 2 is
 * the contract.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "config.h"
#include "library-write.h"
#include "search.h"
#include "store.h"
#include "ui/app.h"
#include "util.h"

enum {
	OPT_DB = 256,
	OPT_WIDTH,
	OPT_NO_COLOR,
	OPT_LIMIT,
	OPT_FORMAT,
	OPT_FORCE,
	OPT_IN,
};

static const struct option main_options[] = {
	{ "db", required_argument, NULL, OPT_DB },
	{ "width", required_argument, NULL, OPT_WIDTH },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "no-colour", no_argument, NULL, OPT_NO_COLOR },
	{ "limit", required_argument, NULL, OPT_LIMIT },
	{ "output", required_argument, NULL, 'o' },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "force", no_argument, NULL, OPT_FORCE },
	{ "in", required_argument, NULL, OPT_IN },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static void
main_usage(FILE *fp)
{
	fputs("usage: brief [--db PATH] [--width N] [--no-color]   open the "
	    "terminal UI\n", fp);
	cli_usage_commands(fp);
	fputs("  brief --help | --version\n"
	    "\n"
	    "SECTION is an ordinal path (5.1.3), a topic (security), or\n"
	    "BRIEFING:PATH.  The library is $BRIEF_DB, or --db PATH, or\n"
	    "$XDG_DATA_HOME/brief/library.db; an empty one gets the bundled\n"
	    "briefings.  In the terminal UI, ? lists the keys.\n", fp);
}

static int
main_usage_error(const char *what, const char *why)
{
	cli_error(EX_USAGE, what, why);
	fputs("Try 'brief --help'.\n", stderr);
	return EX_USAGE;
}

/* Parses a non-negative number option; false when it is not one. */
static bool
main_number(const char *s, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 0 || v > max)
		return false;
	*out = v;
	return true;
}

/* The default wrap width: the terminal's when stdout is one, else 80. */
static int
main_default_width(void)
{
	struct winsize ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* Reads the options into opt; returns 0, or an exit code (-1: exit 0). */
static int
main_parse(int argc, char **argv, struct cli_options *opt)
{
	long v;
	int c;

	while ((c = getopt_long(argc, argv, "ho:V", main_options, NULL)) != -1) {
		switch (c) {
		case OPT_DB:
			opt->db = optarg;
			break;
		case OPT_WIDTH:
			opt->given |= CLI_OPT_WIDTH;
			if (!main_number(optarg, 10000, &v))
				return main_usage_error("--width",
				    "expects a number of columns (0: no wrapping)");
			opt->width = (int)v;
			opt->width_set = true;
			break;
		case OPT_NO_COLOR:
			opt->no_color = true;
			break;
		case OPT_LIMIT:
			if (!main_number(optarg, LONG_MAX, &v) || v == 0)
				return main_usage_error("--limit",
				    "expects a positive number");
			opt->limit = v;
			opt->given |= CLI_OPT_LIMIT;
			break;
		case 'o':
			opt->output = optarg;
			opt->given |= CLI_OPT_OUTPUT;
			break;
		case OPT_FORMAT:
			opt->format = optarg;
			opt->given |= CLI_OPT_FORMAT;
			break;
		case OPT_FORCE:
			opt->force = true;
			opt->given |= CLI_OPT_FORCE;
			break;
		case OPT_IN:
			opt->in = optarg;
			opt->given |= CLI_OPT_IN;
			break;
		case 'h':
			main_usage(stdout);
			return -1;
		case 'V':
			printf("brief %s\n", BRIEF_VERSION);
			return -1;
		default:
			fputs("Try 'brief --help'.\n", stderr);
			return EX_USAGE;
		}
	}
	if (!opt->width_set)
		opt->width = main_default_width();
	return 0;
}

/* Refuses options that mean nothing to the chosen command (cmd NULL: the
 * terminal UI, which takes --width). */
static int
main_check(const struct cli_command *cmd, const struct cli_options *opt)
{
	unsigned takes = cmd != NULL ? cmd->options : CLI_OPT_WIDTH;
	unsigned extra = opt->given & ~takes;
	char *why;
	int rc;

	if (extra == 0)
		return 0;
	why = cmd != NULL ? xasprintf("brief %s does not take it", cmd->name) :
	    xstrdup("only a subcommand takes it");
	rc = main_usage_error(cli_option_name(extra), why);
	free(why);
	return rc;
}

/*
 * A library written by an older brief gets this version's search index,
 * once; until then (or if it fails, or the file is read-only) searches are
 * exact but slower.
 */
static void
main_upgrade(struct store *st, const char *path)
{
	char *cause = NULL;
	bool done;

	if (!search_outdated(st))
		return;
	fprintf(stderr, "brief: updating the search index of %s for this "
	    "version (once)\n", path);
	if (search_upgrade(st, &done, &cause) != 0) {
		cli_error(0, "cannot update the search index", cause);
		free(cause);
	}
}

/* Opens the library and fills an empty one with the bundled briefings. */
static int
main_open(const struct cli_options *opt, struct store **st)
{
	char *path = opt->db ? xstrdup(opt->db) : store_default_path();
	char *cause = NULL;
	int rc;

	if ((rc = store_make_parent(path, &cause)) == 0 &&
	    (rc = store_open(path, 0, st, &cause)) == 0) {
		main_upgrade(*st, path);
		if (library_seed(*st, &cause) != 0) {
			cli_error(0, "cannot import the bundled briefings",
			    cause);
			free(cause);
		}
	} else {
		char *what = xasprintf("cannot open the library %s", path);

		cli_error(rc, what, cause);
		free(what);
		free(cause);
	}
	free(path);
	return rc;
}

int
main(int argc, char **argv)
{
	struct cli_options opt = { .db = NULL };
	const struct cli_command *cmd = NULL;
	struct store *st;
	int rc, nargs;

	if ((rc = main_parse(argc, argv, &opt)) != 0)
		return rc < 0 ? 0 : rc;
	if (optind < argc && (cmd = cli_find(argv[optind])) == NULL)
		return main_usage_error(argv[optind], "no such command");
	if ((rc = main_check(cmd, &opt)) != 0)
		return rc;
	nargs = argc - optind - (cmd != NULL);
	if (cmd != NULL && (nargs < cmd->min_args ||
	    (cmd->max_args >= 0 && nargs > cmd->max_args))) {
		char *usage = xasprintf("usage: brief %s %s", cmd->name,
		    cmd->args);

		rc = main_usage_error(cmd->name, usage);
		free(usage);
		return rc;
	}
	if (cmd == NULL && (rc = app_check_terminal()) != 0)
		return rc;
	if ((rc = main_open(&opt, &st)) != 0)
		return rc;
	if (cmd != NULL)
		rc = cmd->run(st, &opt, nargs, argv + optind + 1);
	else
		rc = app_run(st, &opt);
	store_close(st);
	return rc;
}
