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

/* Stores an already parsed document (inside its own transaction). */
int library_add(struct store *st, const struct doc *doc, const char *filename,
    const char *checksum, struct import_result *result, char **cause);

/* All briefings, in import order.  Free with briefings_free. */
int library_list(struct store *st, struct briefing **out, size_t *n,
    char **cause);

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
