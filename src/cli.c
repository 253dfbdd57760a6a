/*
 * cli.c: the table of non-interactive subcommands and what they share:
 * error reporting and the end of output.  The commands that read the
 * library are in cli-read.c, those that change it in cli-write.c; each
 * prints plain lines that scripts can rely on (DESIGN.md section 2 is the
 * contract).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli-internal.h"
#include "util.h"

int
cli_error(int code, const char *what, const char *why)
{
	fflush(stdout);
	if (why != NULL)
		fprintf(stderr, "brief: %s: %s\n", what, why);
	else
		fprintf(stderr, "brief: %s\n", what);
	return code;
}

/* Reports a failed call that left a message in cause, and frees it. */
int
cli_fail(int code, const char *what, char *cause)
{
	cli_error(code, what, cause);
	free(cause);
	return code;
}

/* Ends a command that printed to stdout: a failed write is an error. */
int
cli_flush(void)
{
	if (fflush(stdout) == EOF || ferror(stdout))
		return cli_error(EX_IOERR, "cannot write output",
		    strerror(errno ? errno : EIO));
	return 0;
}

static const struct cli_command cli_commands[] = {
	{ "list", "", 0, 0, 0, cli_list },
	{ "outline", "[BRIEFING]", 0, 1, 0, cli_outline },
	{ "show", "SECTION [--width N]", 1, 1, CLI_OPT_WIDTH, cli_show },
	{ "search", "QUERY [--limit N] [--in SECTION]", 1, 1, CLI_OPT_LIMIT |
	    CLI_OPT_IN, cli_search },
	{ "export", "SECTION [-o FILE|-] [--format text|markdown] [--width N] "
	    "[--force]", 1, 1, CLI_OPT_OUTPUT | CLI_OPT_FORMAT | CLI_OPT_WIDTH |
	    CLI_OPT_FORCE, cli_export },
	{ "import", "FILE...", 1, -1, 0, cli_import },
};

static const struct {
	unsigned	 bit;
	const char	*name;
} cli_option_names[] = {
	{ CLI_OPT_WIDTH, "--width" },
	{ CLI_OPT_LIMIT, "--limit" },
	{ CLI_OPT_OUTPUT, "-o" },
	{ CLI_OPT_FORMAT, "--format" },
	{ CLI_OPT_FORCE, "--force" },
	{ CLI_OPT_IN, "--in" },
};

const char *
cli_option_name(unsigned bit)
{
	for (size_t i = 0; i < sizeof cli_option_names /
	    sizeof cli_option_names[0]; i++)
		if (cli_option_names[i].bit & bit)
			return cli_option_names[i].name;
	return "an option";
}

const struct cli_command *
cli_find(const char *name)
{
	for (size_t i = 0; i < sizeof cli_commands / sizeof cli_commands[0]; i++)
		if (strcmp(cli_commands[i].name, name) == 0)
			return &cli_commands[i];
	return NULL;
}

void
cli_usage_commands(FILE *fp)
{
	for (size_t i = 0; i < sizeof cli_commands / sizeof cli_commands[0]; i++)
		fprintf(fp, "  brief %s%s%s\n", cli_commands[i].name,
		    *cli_commands[i].args ? " " : "", cli_commands[i].args);
}
