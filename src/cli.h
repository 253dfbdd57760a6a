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

/* The options of the command line, as main parsed them. */
struct cli_options {
	const char	*db;		/* library path, or NULL for the default */
	int		 width;		/* wrap width; 0 = no wrapping */
	bool		 width_set;
	bool		 no_color;
	long		 limit;		/* search hits; 0 = the default */
	const char	*output;	/* export: -o FILE, "-" for stdout, or NULL */
	const char	*format;	/* export: "text" or "markdown", or NULL */
	bool		 force;
};

/* A subcommand: the store is open (and seeded) when it runs. */
struct cli_command {
	const char	*name;
	const char	*args;		/* for usage lines */
	int		 min_args;
	int		 max_args;	/* -1: any number */
	int		 (*run)(struct store *, const struct cli_options *,
			     int, char **);
};

/* The subcommand called name, or NULL. */
const struct cli_command *cli_find(const char *name);

/* Prints "brief: what: why" to stderr and returns code. */
int cli_error(int code, const char *what, const char *why);

/* Prints a list of the subcommands, one a line, indented (for --help). */
void cli_usage_commands(FILE *fp);

#endif
