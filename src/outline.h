/*
 * outline.h: the sections of briefings as a tree.  Listing in reading order,
 * resolving what a user types as SECTION (an ordinal path "5.1.3", a topic
 * name "security", "BRIEFING:PATH"), and reading a section's paragraphs.
 */
#ifndef BRIEF_OUTLINE_H
#define BRIEF_OUTLINE_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

struct section {
	int64_t	 id;
	int64_t	 briefing_id;
	int64_t	 parent_id;	/* 0 at the top level */
	int	 seq;		/* position in the briefing's reading order, from 0 */
	int	 ord;		/* position among its siblings, from 1 */
	int	 depth;		/* 1 at the top level */
	int	 n_children;
	char	*path;		/* ordinal path: "5.1.3" */
	char	*label;		/* "V.", "1.", "3)" or "" */
	char	*title;
	char	*topic;		/* or NULL */
	char	*slug;		/* the briefing's slug */
};

void section_clear(struct section *s);
void sections_free(struct section *v, size_t n);

/* Every section of a briefing, in reading order. */
int outline_list(struct store *st, int64_t briefing_id, struct section **out,
    size_t *n, char **cause);

/*
 * Resolves a SECTION argument.  With one briefing in the library "5.1.3" and
 * "security" name its sections; "slug:5.1.3" and "slug:security" work always;
 * a bare slug names nothing (use outline).  An unknown or ambiguous spec fails
 * with EX_DATAERR and a message listing what would match.
 */
int outline_resolve(struct store *st, const char *spec, struct section *out,
    char **cause);

/* The section with this id: EX_DATAERR when there is none. */
int outline_get(struct store *st, int64_t id, struct section *out,
    char **cause);

/* The section and all its descendants, in reading order (the first is s). */
int outline_subtree(struct store *st, const struct section *s,
    struct section **out, size_t *n, char **cause);

/*
 * The ids of s and its descendants: [*lo, *hi].  A briefing's sections
 * are stored in reading order with consecutive ids (library-write.c), so a
 * subtree is one range of ids; search limits itself to it.
 */
int outline_id_range(struct store *st, const struct section *s, int64_t *lo,
    int64_t *hi, char **cause);

/* The ids of every section of a briefing: [*lo, *hi] (empty: lo > hi). */
int outline_briefing_id_range(struct store *st, int64_t briefing_id,
    int64_t *lo, int64_t *hi, char **cause);

/* The paragraphs of one section, in order.  Free each and the array. */
int outline_paragraphs(struct store *st, int64_t section_id, char ***paras,
    size_t *n, char **cause);

/* "V. title", or the title alone when the section has no label.  Malloc'd. */
char *section_heading(const struct section *s);

/* The name a user gives to s: "5.1.3" or "slug:5.1.3" with several briefings. */
char *outline_display_path(struct store *st, const struct section *s);

#endif
