/*
 * rank.h: the ranking data kept beside the FTS5 index, so that the first
 * page of a query is ranked without scoring every hit (README, "Search at
 * library scale").
 *
 * For every token the index holds, the number of sections that contain it
 * (its df) and its champion list: the sections in which it scores highest
 * under bm25 alone, at most RANK_K of them (all of them for a token in
 * fewer sections), each with its counts in the title and body and its
 * length.  A section outside a token's list scores at most what the last
 * entry of the list scores, which is what lets a search stop early
 * (search-top.c).
 *
 * The data follows the index: rank_add_section counts a section's tokens
 * as it is indexed and keeps the batch in memory until the transaction
 * commits (store_defer), rank_remove_section takes a section out at once.
 * Nothing here knows about the screen; SQL stays in this file.
 */
#ifndef BRIEF_RANK_H
#define BRIEF_RANK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store.h"

/* The longest champion list. */
#define RANK_K		256

/* bm25 as FTS5's bm25() computes it, and the title weight brief uses. */
#define RANK_K1			1.2
#define RANK_B			0.75
#define RANK_TITLE_WEIGHT	5
#define RANK_TITLE_WEIGHT_SQL	"5.0"

/* The ranking data's format; a library with another is rebuilt. */
#define RANK_VERSION		1
#define RANK_VERSION_SQL	"1"

/* The whole library, for bm25's average length and idf. */
struct rank_stats {
	int64_t	rows;		/* sections indexed */
	int64_t	positions;	/* their token positions, titles and bodies */
};

/* One section of a champion list and its counts of the token. */
struct rank_entry {
	int64_t		id;
	uint32_t	tt;	/* occurrences in the title */
	uint32_t	tb;	/* occurrences in the body */
	uint32_t	len;	/* the section's positions (title and body) */
	double		impact;	/* filled by rank_impacts */
};

/*
 * A token's data: df and its champion list.  A section left out of the
 * list scored at most excl_max when it was left out, under an average
 * length of at least excl_avgdl; rank_excluded turns that into the most it
 * can score now.  Both are 0 when nothing was left out (the list is then
 * every section with the token).
 */
struct rank_term {
	int64_t			 df;
	struct rank_entry	*champions;	/* malloc'd, or NULL */
	size_t			 n;
	double			 excl_max;
	double			 excl_avgdl;
};

int	rank_stats_read(struct store *st, struct rank_stats *out, char **cause);

/* Reads a token's data (df 0 and no list when the index lacks it). */
int	rank_term_read(struct store *st, const char *tok, size_t len,
	    struct rank_term *out, char **cause);
void	rank_term_clear(struct rank_term *t);

/* bm25's part for one term: tf weighted, a section of len positions. */
double	rank_bm25(double tf, double len, const struct rank_stats *s);

/* bm25's idf for a term in df of the library's sections (FTS5's floor). */
double	rank_idf(int64_t df, const struct rank_stats *s);

/* The weighted frequency of a title and body count. */
static inline double
rank_tf(uint32_t tt, uint32_t tb)
{
	return (double)tt * RANK_TITLE_WEIGHT + (double)tb;
}

/*
 * The most that a section left out of t's list can score under s.  A score
 * v under an average length a is at most (k1 + 1) / (1 - r + r (k1 + 1) /
 * v) under a longer average, with r the ratio of the two, whatever the
 * section's counts and length; a shorter average only lowers it.
 */
double	rank_excluded(const struct rank_term *t, const struct rank_stats *s);

/*
 * Fills each entry's impact (rank_bm25 of its counts) and sorts the list
 * by impact, highest first, then by id.
 */
void	rank_impacts(struct rank_entry *v, size_t n, const struct rank_stats *s);

/*
 * Counts the tokens of a newly indexed section (its title and the body as
 * given to FTS5), inside the open write transaction.  The counts are kept
 * in memory and written when the transaction commits.
 */
int	rank_add_section(struct store *st, int64_t id, const char *title,
	    const char *body, size_t bodylen, char **cause);

/* Takes a section out of the data, with the text it was indexed with. */
int	rank_remove_section(struct store *st, int64_t id, const char *title,
	    const char *body, size_t bodylen, char **cause);

/*
 * Empties the ranking data (before the index is rebuilt from the stored
 * text, which then adds every section again).
 */
int	rank_clear(struct store *st, char **cause);

#endif
