/*
 * cli-write.c: the subcommands that change the library: import.  Each
 * reports what changed, one line a file (DESIGN.md section 2).
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli-internal.h"
#include "library-write.h"
#include "util.h"

int
cli_import(struct store *st, const struct cli_options *opt, int argc,
    char **argv)
{
	struct import_outcome *out = xcalloc((size_t)argc, sizeof *out);
	char *cause = NULL, *what;
	int rc;

	(void)opt;
	rc = library_import_files(st, argv, (size_t)argc, out, &cause);
	for (int i = 0; i < argc; i++) {
		const struct import_outcome *o = &out[i];

		if (o->rc != 0) {
			what = xasprintf("cannot import %s", o->path);
			cli_error(o->rc, what, o->cause);
			free(what);
		} else if (o->result.duplicate)
			printf("%s\talready in the library as %s\n", o->path,
			    o->result.slug);
		else
			printf("%s\tadded as %s: %d sections, %d paragraphs\n",
			    o->path, o->result.slug, o->result.n_sections,
			    o->result.n_paragraphs);
		if (o->warning != NULL)
			cli_error(0, o->path, o->warning);
		import_outcome_clear(&out[i]);
	}
	free(out);
	free(cause);
	return rc ? rc : cli_flush();
}
