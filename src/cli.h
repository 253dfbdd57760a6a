/*
 * cli.h: the non-interactive subcommands (DESIGN.md section 2).  Each prints
 * to stdout, reports errors on stderr as "brief: what: why" and returns a
 * sysexits code.
 */
#ifndef BRIEF_CLI_H
#define BRIEF_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "store.h"

/*
 * The options that belong to some subcommands only.  A command's table
 * entry lists those it takes; main refuses the others.
 */
enum cli_option {
	CLI_OPT_WIDTH = 1 << 0,		/* --width N */
	CLI_OPT_LIMIT = 1 << 1,		/* --limit N */
	CLI_OPT_OUTPUT = 1 << 2,	/* -o FILE */
	CLI_OPT_FORMAT = 1 << 3,	/* --format */
	CLI_OPT_FORCE = 1 << 4,		/* --force */
	CLI_OPT_IN = 1 << 5,		/* --in SECTION */
};

/* The options of the command line, as main parsed them. */
struct cli_options {
	unsigned	 given;		/* enum cli_option bits seen */
	const char	*db;		/* library path, or NULL for the default */
	int		 width;		/* wrap width; 0 = no wrapping */
	bool		 width_set;
	bool		 no_color;
	long		 limit;		/* search hits; 0 = the default */
	const char	*output;	/* export: -o FILE, "-" for stdout, or NULL */
	const char	*format;	/* export: "text" or "markdown", or NULL */
	bool		 force;
	const char	*in;		/* search: --in SECTION or BRIEFING */
};

/* A subcommand: the store is open (and seeded) when it runs. */
struct cli_command {
	const char	*name;
	const char	*args;		/* for usage lines */
	int		 min_args;
	int		 max_args;	/* -1: any number */
	unsigned	 options;	/* enum cli_option bits it takes */
	int		 (*run)(struct store *, const struct cli_options *,
			     int, char **);
};

/* The subcommand called name, or NULL. */
const struct cli_command *cli_find(const char *name);

/* Prints "brief: what: why" to stderr and returns code. */
int cli_error(int code, const char *what, const char *why);

/* The name of an option bit, as typed ("--limit"). */
const char *cli_option_name(unsigned bit);

/* Prints a list of the subcommands, one a line, indented (for --help). */
void cli_usage_commands(FILE *fp);

#endif
