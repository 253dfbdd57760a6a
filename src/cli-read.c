/*
 * cli-read.c: the subcommands that read the library: list, outline, show,
 * search and export.  They print plain lines (DESIGN.md section 2).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli-internal.h"
#include "export.h"
#include "library.h"
#include "outline.h"
#include "query.h"
#include "search.h"
#include "util.h"

int
cli_list(struct store *st, const struct cli_options *opt, int argc,
    char **argv)
{
	struct briefing *v;
	char *cause;
	size_t n;
	int rc;

	(void)opt, (void)argc, (void)argv;
	if ((rc = library_list(st, &v, &n, &cause)) != 0)
		return cli_fail(rc, "cannot list briefings", cause);
	for (size_t i = 0; i < n; i++)
		printf("%s\t%d\t%s\n", v[i].slug, v[i].n_sections, v[i].title);
	briefings_free(v, n);
	return cli_flush();
}

/* Prints one briefing's outline: PATH<TAB>LABEL TITLE, indented by depth. */
static int
cli_outline_one(struct store *st, const struct briefing *b, bool prefix)
{
	struct section *v;
	char *cause;
	size_t n;
	int rc;

	if ((rc = outline_list(st, b->id, &v, &n, &cause)) != 0)
		return cli_fail(rc, "cannot read the outline", cause);
	for (size_t i = 0; i < n; i++) {
		char *heading = section_heading(&v[i]);

		printf("%s%s%s\t%*s%s\n", prefix ? b->slug : "",
		    prefix ? ":" : "", v[i].path, 2 * (v[i].depth - 1), "",
		    heading);
		free(heading);
	}
	sections_free(v, n);
	return 0;
}

int
cli_outline(struct store *st, const struct cli_options *opt, int argc,
    char **argv)
{
	struct briefing *v, one;
	char *cause;
	size_t n;
	int rc = 0;

	(void)opt;
	if (argc == 1) {
		if ((rc = library_find(st, argv[0], &one, &cause)) != 0)
			return cli_fail(rc, "cannot show the outline", cause);
		rc = cli_outline_one(st, &one, false);
		briefing_clear(&one);
		return rc ? rc : cli_flush();
	}
	if ((rc = library_list(st, &v, &n, &cause)) != 0)
		return cli_fail(rc, "cannot list briefings", cause);
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = cli_outline_one(st, &v[i], n > 1);
	briefings_free(v, n);
	return rc ? rc : cli_flush();
}

int
cli_show(struct store *st, const struct cli_options *opt, int argc,
    char **argv)
{
	struct export_options eo = { EXPORT_TEXT, opt->width, false };
	struct section s;
	char *cause;
	int rc;

	(void)argc;
	if ((rc = outline_resolve(st, argv[0], &s, &cause)) != 0)
		return cli_fail(rc, "cannot show the section", cause);
	rc = export_write(st, &s, stdout, &eo, &cause);
	section_clear(&s);
	if (rc != 0)
		return cli_fail(rc, "cannot show the section", cause);
	return cli_flush();
}

/* Prints a snippet, its matches marked: "[" "]" into a pipe, bold
 * reverse on a terminal. */
static void
cli_snippet(const struct search_hit *h, bool tty)
{
	const char *open = tty ? "\033[1;7m" : "[", *close = tty ? "\033[0m" : "]";
	size_t at = 0;

	for (size_t i = 0; i < h->n_marks; i++) {
		const struct search_mark *m = &h->marks[i];

		if (m->start < at)
			continue;
		fwrite(h->snippet + at, 1, m->start - at, stdout);
		fputs(open, stdout);
		fwrite(h->snippet + m->start, 1, m->end - m->start, stdout);
		fputs(close, stdout);
		at = m->end;
	}
	fputs(h->snippet + at, stdout);
}

/*
 * The scope of --in: a briefing's slug names the whole briefing, anything
 * else is a SECTION (its subtree).  Fills so; *within is what to free.
 */
static int
cli_search_scope(struct store *st, const char *spec, struct search_opts *so,
    struct section *within, char **cause)
{
	struct briefing b;

	memset(within, 0, sizeof *within);
	if (library_find(st, spec, &b, NULL) == 0) {
		so->briefing_id = b.id;
		briefing_clear(&b);
		return 0;
	}
	if (outline_resolve(st, spec, within, cause) != 0)
		return EX_DATAERR;
	so->within = within;
	return 0;
}

int
cli_search(struct store *st, const struct cli_options *opt, int argc,
    char **argv)
{
	struct search_opts so = { opt->limit > 0 ? (size_t)opt->limit : 50, 60,
	    0, NULL };
	struct query *q;
	struct search_results res;
	struct section within;
	bool tty = isatty(STDOUT_FILENO);
	char *cause, *path, *heading;
	int rc;

	(void)argc;
	if (opt->in != NULL && (rc = cli_search_scope(st, opt->in, &so,
	    &within, &cause)) != 0)
		return cli_fail(rc, "cannot search there", cause);
	q = query_parse(argv[0], strlen(argv[0]));
	rc = search_run(st, q, &so, &res, &cause);
	query_free(q);
	if (opt->in != NULL)
		section_clear(&within);
	if (rc != 0)
		return cli_fail(rc, "cannot search", cause);
	for (size_t i = 0; i < res.n; i++) {
		const struct search_hit *h = &res.hits[i];

		path = outline_display_path(st, &h->section);
		heading = section_heading(&h->section);
		printf("%s\t%s\t", path, heading);
		free(heading);
		cli_snippet(h, tty);
		putchar('\n');
		free(path);
	}
	if (tty && res.n > 1 && !res.ranked)
		fprintf(stderr, "brief: %zu%s hits in reading order: too many to "
		    "rank\n", res.n, res.more ? "+" : "");
	rc = res.n == 0 ? 1 : 0;
	search_results_free(&res);
	if (cli_flush() != 0)
		return EX_IOERR;
	return rc;
}

int
cli_export(struct store *st, const struct cli_options *opt, int argc,
    char **argv)
{
	struct export_options eo = { EXPORT_TEXT, opt->width, true };
	const char *out = opt->output;
	char *cause, *name = NULL;
	struct section s;
	int rc;

	(void)argc;
	if (opt->format != NULL && !export_parse_format(opt->format, &eo.format))
		return cli_error(EX_USAGE, "unknown format",
		    "use --format text or --format markdown");
	if ((rc = outline_resolve(st, argv[0], &s, &cause)) != 0)
		return cli_fail(rc, "cannot export", cause);
	if (out == NULL && !isatty(STDOUT_FILENO))
		out = "-";
	if (out == NULL)
		out = name = export_default_name(&s, eo.format);
	if (strcmp(out, "-") == 0)
		rc = export_write(st, &s, stdout, &eo, &cause);
	else
		rc = export_file(st, &s, out, opt->force, &eo, &cause);
	if (rc == 0 && name != NULL)
		printf("%s\n", name);
	section_clear(&s);
	free(name);
	if (rc != 0)
		return cli_fail(rc, "cannot export", cause);
	return cli_flush();
}
