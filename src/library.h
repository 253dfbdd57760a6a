/*
 * library.h: the briefings in a store, read: listing them, finding one by
 * slug, counting.  Adding and removing them is library-write.h.
 */
#ifndef BRIEF_LIBRARY_H
#define BRIEF_LIBRARY_H

#include <stdbool.h>
#include <stdint.h>

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

#endif
