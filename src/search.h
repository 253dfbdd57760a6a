/*
 * search.h: full-text search over a library (DESIGN.md section 3): the
 * index kept beside the sections, hits per section with a snippet, and the
 * ids of the first page in the order shown.  The query language (words,
 * "phrases", prefix*) and the matcher that finds a query's matches in text
 * for highlighting are query.h's; any text a user types is a valid search.
 */
#ifndef BRIEF_SEARCH_H
#define BRIEF_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "outline.h"
#include "query.h"
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
	bool			 ranked;	/* bm25 order (always, now) */
	bool			 scored;	/* every hit was scored: the
						   champion lists could not
						   settle the page */
	bool			 more;		/* there are hits past the limit */
};

/* What to search and how much to return. */
struct search_opts {
	size_t			 limit;		/* hits at most */
	int			 snippet_cols;	/* snippet width in columns */
	int64_t			 briefing_id;	/* only this briefing; 0: all */
	const struct section	*within;	/* only this subtree, or NULL */
};

/*
 * Finds the sections matching q, at most opt->limit of them (first by bm25
 * with title matches weighing more when the hit count allows it, else in
 * reading order, which results->ranked says), inside opt's scope.
 * Snippets are about snippet_cols columns wide, centred on the first match.
 * A query with nothing searchable gives no hits, not an error.
 */
int search_run(struct store *st, const struct query *q,
    const struct search_opts *opt, struct search_results *results,
    char **cause);
void search_results_free(struct search_results *results);

/*
 * Brings an index made by an older brief up to date (the ranking data, and
 * the tokens of a newer tokenizer): rebuilds it from the stored text in one
 * transaction when needed and the library is writable.  *upgraded says
 * whether it did.  Until then searches stay exact, only slower.
 */
int search_upgrade(struct store *st, bool *upgraded, char **cause);

/* Whether search_upgrade has work to do (to say so first: it can take a
 * while on a large library). */
bool search_outdated(struct store *st);

/*
 * Rebuilds the index and the ranking data from the stored text, inside the
 * caller's write transaction.
 */
int search_reindex(struct store *st, char **cause);

/*
 * Adds a newly stored section (its title and paragraphs) to the index,
 * inside the import's transaction.  One row at a time: FTS5 then keeps the
 * terms of a whole batch of imports in memory and writes them together.
 */
int search_index_section(struct store *st, int64_t section_id,
    const char *title, char *const *paras, size_t n, char **cause);

/*
 * Takes a section out of the index, given the title and paragraphs it was
 * indexed with (the FTS5 table keeps no copy of the text), inside the
 * caller's transaction.
 */
int search_unindex_section(struct store *st, int64_t section_id,
    const char *title, char *const *paras, size_t n, char **cause);

#endif
