/*
 * search-internal.h: what the files of search share: search.c (the index
 * and the plan of a search), search-top.c (the first page from champion
 * lists, without scoring every hit) and search-hit.c (a hit's section and
 * snippet).  The public contract is search.h.
 */
#ifndef BRIEF_SEARCH_INTERNAL_H
#define BRIEF_SEARCH_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "query.h"
#include "rank.h"
#include "search.h"

/* A section's text as search reads it: its title and paragraphs. */
struct search_text {
	char	 *title;
	char	**paras;
	size_t	  n;
};

int	search_text_read(struct store *st, int64_t id, struct search_text *out,
	    char **cause);
void	search_text_clear(struct search_text *t);

/* A section on the first page: its id, its score, its text when read. */
struct search_found {
	int64_t			id;
	double			score;
	bool			has_text;
	struct search_text	text;
};

void	search_found_free(struct search_found *v, size_t n);

/* What a search knows of each term before it looks at any section. */
struct search_term_plan {
	size_t			 driver;	/* its rarest token */
	int64_t			 df;		/* the rarest token's df */
	double			 idf;
	struct rank_term	 list;		/* that token's champion list */
};

struct search_plan {
	const struct query	*q;
	struct rank_stats	 stats;
	struct search_term_plan	*terms;		/* one per term of q */
};

/*
 * The first limit sections by bm25 when every term's rarest token has a
 * champion list (search-top.c).  Walks the lists best first, scores each
 * section met from its text, and stops once no section not yet met can
 * beat the page; *certain is false when the lists ran out first (the page
 * is then what was found; the caller scores every hit instead).
 */
int	search_top(struct store *st, struct search_plan *plan, size_t limit,
	    struct search_found **out, size_t *n, bool *more, bool *certain,
	    char **cause);

/* Fills hit for a found section: the section and a snippet (search-hit.c). */
int	search_hit_make(struct store *st, struct search_found *f,
	    const struct query *q, int cols, struct search_hit *hit,
	    char **cause);

#endif
