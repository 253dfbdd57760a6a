/*
 * cli-internal.h: what the files of the command line share: the
 * subcommands of cli-read.c and cli-write.c, for cli.c's table, and the
 * helpers that end them.  The public contract is cli.h.
 */
#ifndef BRIEF_CLI_INTERNAL_H
#define BRIEF_CLI_INTERNAL_H

#include "cli.h"

/* Reports a failed call that left a message in cause, frees it, returns code. */
int	cli_fail(int code, const char *what, char *cause);

/* Ends a command that printed to stdout: a failed write is EX_IOERR. */
int	cli_flush(void);

/* cli-read.c */
int	cli_list(struct store *, const struct cli_options *, int, char **);
int	cli_outline(struct store *, const struct cli_options *, int, char **);
int	cli_show(struct store *, const struct cli_options *, int, char **);
int	cli_search(struct store *, const struct cli_options *, int, char **);
int	cli_export(struct store *, const struct cli_options *, int, char **);

/* cli-write.c */
int	cli_import(struct store *, const struct cli_options *, int, char **);

#endif
