/*
 * library-write.h: changing what a library holds.  Importing files, each
 * atomically (all of it lands or the library is unchanged), storing a parsed
 * document, and importing the bundled briefings into an empty library.
 * Reading briefings is library.h.
 */
#ifndef BRIEF_LIBRARY_WRITE_H
#define BRIEF_LIBRARY_WRITE_H

#include <stdbool.h>
#include <stdint.h>

#include "import.h"
#include "library.h"
#include "store.h"

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

/*
 * When the library is empty (and writable), imports every bundled briefing:
 * from the assets beside the running binary (a build directory), else from
 * the installed data directory.  Reports nothing when there was nothing to do.
 */
int library_seed(struct store *st, char **cause);

#endif
