/*
 * export.c: a section and its sub-sections rendered as text or Markdown,
 * wrapped with the text layer, and written to a file atomically (temporary
 * file, fsync, rename) so that a failure never leaves a partial file.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export.h"
#include "library.h"
#include "text.h"
#include "util.h"

/* Whether a word at the start of a Markdown line would read as a block
 * marker (heading, quote, list item, rule) rather than as text. */
static bool
export_md_marker(const char *w, size_t len)
{
	size_t d = strspn(w, "0123456789");

	if (len > 0 && strchr("#>*+-=|`~", w[0]) != NULL)
		return true;
	return d > 0 && d < len && (w[d] == '.' || w[d] == ')');
}

/*
 * Writes a paragraph for Markdown, where a line break reads back as a space:
 * lines are filled greedily with whole space-separated words.
 */
static void
export_paragraph_spaces(FILE *fp, const char *text, int width, bool escape)
{
	const char *p = text;
	int used = 0;

	while (*p != '\0') {
		size_t len = strcspn(p, " ");
		int w = text_width(p, len);

		if (used > 0 && used + 1 + w > width) {
			fputc('\n', fp);
			used = 0;
		} else if (used > 0) {
			fputc(' ', fp);
			used++;
		}
		if (used == 0 && escape && export_md_marker(p, len))
			fputc('\\', fp);
		fwrite(p, 1, len, fp);
		used += w;
		p += len;
		p += strspn(p, " ");
	}
	fputc('\n', fp);
}

/* Writes one paragraph wrapped to width columns (0: on one line). */
static void
export_paragraph(FILE *fp, const char *text, int width, bool markdown)
{
	struct text_line *lines;
	size_t n;

	if (markdown) {
		export_paragraph_spaces(fp, text, width > 0 ? width : INT_MAX,
		    true);
		return;
	}
	n = text_wrap(text, strlen(text), width, &lines);
	for (size_t i = 0; i < n; i++) {
		fwrite(text + lines[i].off, 1, lines[i].len, fp);
		fputc('\n', fp);
	}
	free(lines);
}

/* A heading: "# V. title" in Markdown; in text, wrapped like a paragraph
 * and underlined (= at the top, - below) to its widest line. */
static void
export_heading(FILE *fp, const struct section *s, int level,
    const struct export_options *opt)
{
	char *heading = section_heading(s);
	struct text_line *lines;
	size_t n;
	int w = 0;

	if (opt->format == EXPORT_MARKDOWN) {
		fprintf(fp, "%.*s %s\n", level > 6 ? 6 : level, "######",
		    heading);
		free(heading);
		return;
	}
	n = text_wrap(heading, strlen(heading), opt->width, &lines);
	for (size_t i = 0; i < n; i++) {
		fwrite(heading + lines[i].off, 1, lines[i].len, fp);
		fputc('\n', fp);
		if (lines[i].width > w)
			w = lines[i].width;
	}
	for (int i = 0; i < w; i++)
		fputc(level == 1 ? '=' : '-', fp);
	fputc('\n', fp);
	free(lines);
	free(heading);
}

/* The citation: the briefing's title and byline, wrapped like a paragraph. */
static int
export_cite(struct store *st, const struct section *s, FILE *fp,
    const struct export_options *opt, char **cause)
{
	struct briefing b;
	char *cite;
	int rc;

	if ((rc = library_find(st, s->slug, &b, cause)) != 0)
		return rc;
	cite = xasprintf(opt->format == EXPORT_MARKDOWN ? "*%s*%s%s" :
	    "%s%s%s", b.title, b.byline && *b.byline ? " — " : "",
	    b.byline ? b.byline : "");
	if (opt->format == EXPORT_MARKDOWN)
		export_paragraph_spaces(fp, cite, opt->width > 0 ? opt->width :
		    INT_MAX, false);
	else
		export_paragraph(fp, cite, opt->width, false);
	fputc('\n', fp);
	free(cite);
	briefing_clear(&b);
	return 0;
}

int
export_write(struct store *st, const struct section *s, FILE *fp,
    const struct export_options *opt, char **cause)
{
	struct section *v;
	size_t n;
	int rc;

	if (opt->cite && (rc = export_cite(st, s, fp, opt, cause)) != 0)
		return rc;
	if ((rc = outline_subtree(st, s, &v, &n, cause)) != 0)
		return rc;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char **paras;
		size_t np;

		if (i > 0)
			fputc('\n', fp);
		export_heading(fp, &v[i], v[i].depth - s->depth + 1, opt);
		if ((rc = outline_paragraphs(st, v[i].id, &paras, &np,
		    cause)) != 0)
			break;
		for (size_t j = 0; j < np; j++) {
			fputc('\n', fp);
			export_paragraph(fp, paras[j], opt->width,
			    opt->format == EXPORT_MARKDOWN);
			free(paras[j]);
		}
		free(paras);
	}
	sections_free(v, n);
	if (rc == 0 && (fflush(fp) == EOF || ferror(fp)))
		rc = fail(cause, EX_IOERR, "write failed: %s", strerror(errno));
	return rc;
}

bool
export_would_replace(const char *path)
{
	struct stat sb;

	return lstat(path, &sb) == 0 && !S_ISDIR(sb.st_mode) &&
	    !S_ISCHR(sb.st_mode) && !S_ISFIFO(sb.st_mode);
}

char *
export_default_name(const struct section *s, enum export_format format)
{
	return xasprintf("%s-%s.%s", s->slug, s->path,
	    format == EXPORT_MARKDOWN ? "md" : "txt");
}

bool
export_parse_format(const char *name, enum export_format *format)
{
	if (strcmp(name, "text") == 0 || strcmp(name, "txt") == 0)
		*format = EXPORT_TEXT;
	else if (strcmp(name, "markdown") == 0 || strcmp(name, "md") == 0)
		*format = EXPORT_MARKDOWN;
	else
		return false;
	return true;
}

/* Writes to something that is not a regular file (a device, a pipe): there
 * is nothing to replace atomically, so write in place. */
static int
export_special(struct store *st, const struct section *s, const char *path,
    const struct export_options *opt, char **cause)
{
	FILE *fp = fopen(path, "w");
	int rc;

	if (fp == NULL)
		return fail(cause, EX_CANTCREAT, "cannot open %s: %s", path,
		    strerror(errno));
	rc = export_write(st, s, fp, opt, cause);
	if (fclose(fp) == EOF && rc == 0)
		rc = fail(cause, EX_IOERR, "cannot write %s: %s", path,
		    strerror(errno));
	return rc;
}

/* Moves the finished temporary file into place; without force, never
 * replaces a file that appeared meanwhile (link fails if path exists). */
static int
export_commit(const char *tmp, const char *path, bool force, char **cause)
{
	if (!force && link(tmp, path) == 0) {
		unlink(tmp);
		return 0;
	}
	if (!force && errno == EEXIST)
		return fail(cause, EX_CANTCREAT,
		    "%s exists (use --force to overwrite)", path);
	if (rename(tmp, path) == -1)
		return fail(cause, EX_CANTCREAT, "cannot create %s: %s", path,
		    strerror(errno));
	return 0;
}

int
export_file(struct store *st, const struct section *s, const char *path,
    bool force, const struct export_options *opt, char **cause)
{
	const char *slash = strrchr(path, '/');
	struct stat sb;
	char *tmp;
	mode_t mask;
	FILE *fp;
	int fd, rc;

	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		if (S_ISDIR(sb.st_mode))
			return fail(cause, EX_CANTCREAT, "%s is a directory",
			    path);
		return export_special(st, s, path, opt, cause);
	}
	if (!force && lstat(path, &sb) == 0)
		return fail(cause, EX_CANTCREAT,
		    "%s exists (use --force to overwrite)", path);
	if (slash == NULL)
		tmp = xasprintf(".brief-export-XXXXXX");
	else
		tmp = xasprintf("%.*s/.brief-export-XXXXXX",
		    (int)(slash - path), path);
	if ((fd = mkstemp(tmp)) == -1) {
		rc = fail(cause, EX_CANTCREAT, "cannot create %s: %s", path,
		    strerror(errno));
		free(tmp);
		return rc;
	}
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	fp = fdopen(fd, "w");
	rc = export_write(st, s, fp, opt, cause);
	if (rc == 0 && fsync(fileno(fp)) == -1)
		rc = fail(cause, EX_IOERR, "cannot write %s: %s", path,
		    strerror(errno));
	if (fclose(fp) == EOF && rc == 0)
		rc = fail(cause, EX_IOERR, "cannot write %s: %s", path,
		    strerror(errno));
	if (rc == 0)
		rc = export_commit(tmp, path, force, cause);
	if (rc != 0)
		unlink(tmp);
	free(tmp);
	return rc;
}
