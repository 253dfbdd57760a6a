/*
 * search.h: full-text search over a library (DESIGN.md section 3): the
 * index kept beside the sections, hits per section with a snippet, and the
 * positions of matches inside a section's paragraphs for highlighting.  The
 * query language (words, "phrases", prefix*) is in query.h; any text a user
 * types is a valid search.
 */
#ifndef BRIEF_SEARCH_H
#define BRIEF_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "outline.h"
#include "store.h"

/* A byte range [start, end) of a match. */
struct search_mark {
	size_t	start;
	size_t	end;
};

#define SEARCH_MARKS 8

/* One section that matches. */
struct search_hit {
	struct section		section;
	char			*snippet;	/* one line of context (NFC, no newline) */
	struct search_mark	 marks[SEARCH_MARKS];	/* matches in snippet */
	size_t			 n_marks;
	int			 paragraph;	/* paragraph of the snippet; -1: title */
};

struct search_results {
	struct search_hit	*hits;
	size_t			 n;
	bool			 ranked;	/* bm25 order; else reading order */
	bool			 more;		/* there are hits past the limit */
};

/*
 * Finds the sections matching query, at most limit of them (first by bm25
 * with title matches weighing more when the hit count allows it, else in
 * reading order, which results->ranked says).  Snippets are about
 * snippet_cols columns wide, centred on the first match.  An empty query
 * (nothing searchable) gives no hits, not an error.
 */
int search_run(struct store *st, const char *query, size_t limit,
    int snippet_cols, struct search_results *results, char **cause);
void search_results_free(struct search_results *results);

/* A match inside a section: which paragraph (-1: the title) and where. */
struct search_match {
	int			paragraph;
	struct search_mark	mark;
};

/*
 * Every match of query in one section (title and paragraphs, in reading
 * order), for highlighting and n/N.  Stores a malloc'd array in *out.
 */
int search_section_matches(struct store *st, const char *query,
    int64_t section_id, struct search_match **out, size_t *n, char **cause);

/*
 * Adds a newly stored section (its title and paragraphs) to the index,
 * inside the import's transaction.  One row at a time: FTS5 then keeps the
 * terms of a whole batch of imports in memory and writes them together.
 */
int search_index_section(struct store *st, int64_t section_id,
    const char *title, char *const *paras, size_t n, char **cause);

#endif
