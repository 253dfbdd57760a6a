/*
 * library.h: the briefings in a store.  Adding a parsed document atomically,
 * listing briefings, finding one by slug, and importing the bundled briefings
 * into an empty library.
 */
#ifndef BRIEF_LIBRARY_H
#define BRIEF_LIBRARY_H

#include <stdbool.h>
#include <stdint.h>

#include "import.h"
#include "store.h"

struct briefing {
	int64_t	 id;
	char	*slug;		/* from the file name: "japan-tech-competition" */
	char	*title;
	char	*byline;
	char	*date;		/* or NULL */
	char	*source;	/* or NULL */
	char	*filename;	/* base name of the imported file */
	char	*checksum;	/* SHA-256 of the file's bytes */
	int64_t	 imported;	/* unix time */
	int	 n_sections;
};

void briefing_clear(struct briefing *b);
void briefings_free(struct briefing *v, size_t n);

/* What library_import did. */
struct import_result {
	int64_t	 id;
	char	*slug;
	int	 n_sections;
	int	 n_paragraphs;
	bool	 duplicate;	/* same checksum already present: nothing added */
};

/*
 * Imports one file: reads, parses (import_parse) and stores it in a single
 * transaction, so that either all of it lands or the library is unchanged.
 * A file whose checksum is already in the library is not added again
 * (result->duplicate).  Warnings (replaced characters) go to *warning
 * (malloc'd, or NULL).  result->slug is malloc'd.
 */
int library_import(struct store *st, const char *path,
    struct import_result *result, char **warning, char **cause);

/* What happened to one file of a batch. */
struct import_outcome {
	const char		*path;
	int			 rc;		/* 0, or why the file was not imported */
	char			*cause;		/* the message when rc != 0 */
	char			*warning;	/* replaced characters, or NULL */
	struct import_result	 result;
};

/*
 * Imports several files in one transaction, so that FTS5 writes their index
 * together; each file still lands whole or not at all.  A file that cannot
 * be read or parsed is reported in its outcome and skipped.  A failure of
 * the library itself (a full disk) rolls the whole batch back: every
 * outcome then says so, and *cause says why.  Returns 0 when every file was
 * imported (or already there), else the first failure's code.  Release each
 * outcome with import_outcome_clear.
 */
int library_import_files(struct store *st, char *const *paths, size_t n,
    struct import_outcome *out, char **cause);
void import_outcome_clear(struct import_outcome *o);

/* Stores an already parsed document (inside its own transaction). */
int library_add(struct store *st, const struct doc *doc, const char *filename,
    const char *checksum, struct import_result *result, char **cause);

/* All briefings, in import order.  Free with briefings_free. */
int library_list(struct store *st, struct briefing **out, size_t *n,
    char **cause);

/*
 * Briefings offset to offset + limit - 1 of the list library_list gives
 * (import order), for interfaces that show a screenful of a large library.
 */
int library_list_range(struct store *st, size_t offset, size_t limit,
    struct briefing **out, size_t *n, char **cause);

/* The position of briefing id in that list: EX_DATAERR when it is not there. */
int library_position(struct store *st, int64_t id, size_t *pos, char **cause);

/*
 * Whether the library holds at least n briefings; cheaper than counting
 * them all, for "is it empty" and "are there several".
 */
int library_holds(struct store *st, int n, bool *yes, char **cause);

/* Number of briefings (0 for an empty library). */
int library_count(struct store *st, int *count, char **cause);

/* Finds a briefing by slug: EX_DATAERR with the known slugs when missing. */
int library_find(struct store *st, const char *slug, struct briefing *out,
    char **cause);

/*
 * When the library is empty (and writable), imports every bundled briefing:
 * from the assets beside the running binary (a build directory), else from
 * the installed data directory.  Reports nothing when there was nothing to do.
 */
int library_seed(struct store *st, char **cause);

#endif
