/*
 * query.h: what a user types into a search, parsed once into a safe FTS5
 * MATCH expression and the terms that the matcher finds in a paragraph for
 * highlighting.
 *
 * Syntax users get: words separated by spaces (all must match), "quoted
 * phrases", and a trailing * on an alphabetic word (or phrase) for a prefix
 * search.  Everything else is text: AND, OR, NOT, NEAR, parentheses, -, :
 * and ^ mean nothing.  Invalid UTF-8 and control characters count as spaces.
 * At most QUERY_TERMS_MAX terms are used, each at most QUERY_TERM_MAX bytes.
 * See DESIGN.md section 3.
 */
#ifndef BRIEF_QUERY_H
#define BRIEF_QUERY_H

#include <stdbool.h>
#include <stddef.h>

#define QUERY_TERMS_MAX	64
#define QUERY_TERM_MAX	256

/* One search term, as the MATCH expression sends it. */
struct query_term {
	char	*text;		/* folded (NFKC + case folding), no quotes/star */
	bool	 prefix;	/* the last word matches as a prefix */

	/* Private: the term's tokens in query mode, back to back. */
	char	*tok;
	size_t	*tokend;	/* token i ends at tok + tokend[i] */
	size_t	 ntok;
};

/*
 * A query parsed once: what the user typed, the FTS5 MATCH expression and
 * the terms the matcher looks for.  The MATCH expression quotes each term
 * as an FTS5 string ("term", "term"* for a prefix) joined by spaces
 * (implicit AND), so any input is a valid search.  Immutable once parsed;
 * shared with query_ref and released with query_free.
 */
struct query {
	char			*input;		/* as typed, NUL-terminated */
	char			*match;		/* NULL: nothing to search */
	struct query_term	*v;
	size_t			 n;
	int			 refs;
};

/* Parses input (len bytes, any bytes).  Never NULL; see query_empty. */
struct query	*query_parse(const char *input, size_t len);

/* True when the input has no searchable term (empty, only punctuation). */
bool		 query_empty(const struct query *q);

/* Another reference to q (for a second owner); q may be NULL. */
struct query	*query_ref(struct query *q);

/* Drops a reference; the last one frees q.  q may be NULL. */
void		 query_free(struct query *q);

/* A match: bytes [start, end) of the original text, and which term. */
struct query_match {
	size_t	start;
	size_t	end;
	size_t	term;
};

/*
 * Finds every occurrence of every term of q in text (len bytes, as stored:
 * not folded), exactly as the FTS5 index matches them, and stores up to max
 * of them in out, sorted by start then end.  Matches may overlap (two terms,
 * or "하하" twice in "하하하").  Returns the number of matches, which may be
 * more than max.
 */
size_t	query_find(const struct query *q, const char *text, size_t len,
	    struct query_match *out, size_t max);

/* The same, every match in a malloc'd array (NULL when none). */
size_t	query_find_all(const struct query *q, const char *text,
	    size_t len, struct query_match **out);

/*
 * Like query_find, but only for the first matches: finds the first match of
 * any term and returns the matches within span bytes after it (more, to the
 * next space).  Where text folds to itself (see query_may_match) only that
 * stretch is tokenized, which is what a snippet needs.
 */
size_t	query_find_first(const struct query *q, const char *text,
	    size_t len, size_t span, struct query_match *out, size_t max);

/*
 * Adds to counts[i] the number of matches of term i of q in text, as
 * query_find counts them (FTS5's instances of the term).  Terms of Hangul
 * syllables (and spaces) in text that folds to itself are counted by
 * scanning bytes; the others by tokenizing text once for all of them.
 */
void	query_count(const struct query *q, const char *text, size_t len,
	    size_t *counts);

#endif
