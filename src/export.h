/*
 * export.h: a section with its sub-sections as text or Markdown (DESIGN.md
 * section 6), on a FILE* or written atomically to a file.  Used by
 * `brief show`, `brief export` and the terminal UI's export key.
 */
#ifndef BRIEF_EXPORT_H
#define BRIEF_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "outline.h"
#include "store.h"

enum export_format {
	EXPORT_TEXT,		/* headings underlined with = and - */
	EXPORT_MARKDOWN,	/* # headings */
};

struct export_options {
	enum export_format	format;
	int			width;	/* wrap columns; 0 = a paragraph a line */
	bool			cite;	/* first line cites the briefing */
};

/* Writes section s and its descendants to fp.  EX_IOERR on a write error. */
int export_write(struct store *st, const struct section *s, FILE *fp,
    const struct export_options *opt, char **cause);

/*
 * Writes s to path atomically: a temporary file in the same directory, fsync,
 * rename.  An existing file is kept unless force (EX_CANTCREAT, "exists").
 * On any failure no file is left behind: EX_CANTCREAT when the file cannot be
 * created, EX_IOERR when writing fails (a full disk).
 */
int export_file(struct store *st, const struct section *s, const char *path,
    bool force, const struct export_options *opt, char **cause);

/*
 * Whether writing to path would replace a file (so that an interface can ask
 * first, then call export_file with force).  A device or a missing file
 * is not one.
 */
bool export_would_replace(const char *path);

/* The default file name: "slug-5.1.3.txt" or ".md".  Malloc'd. */
char *export_default_name(const struct section *s, enum export_format format);

/* Parses "text" / "markdown" (also "md", "txt"); false when unknown. */
bool export_parse_format(const char *name, enum export_format *format);

#endif
