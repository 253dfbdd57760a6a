/*
 * oracle.h: what a search must find, computed for the tests without any of
 * brief's folding, tokenizing, query or matching code (fold.c,
 * tokenizer.c, query.c, query-find.c), from the rules of README "Searching"
 * and DESIGN.md section 3, with libunistring called directly.
 *
 * Text is folded with NFKC and full case folding (u8_casefold), then read
 * as a sequence of units, the positions a search sees: a whole word of an
 * alphabetic script (letters and digits), or one character of Hangul, kana
 * or Han.  Separators (spaces, punctuation, symbols) take no position but
 * end a run.  A query is words separated by spaces and "quoted phrases",
 * a trailing * making the last alphabetic word a prefix; every term must
 * stand somewhere in the title or in the body.  The rules deciding whether
 * a term stands at a place are plain predicates in oracle.c, one per rule,
 * so a new search rule is one more predicate there.
 */
#ifndef BRIEF_TEST_ORACLE_H
#define BRIEF_TEST_ORACLE_H

#include <stdbool.h>
#include <stddef.h>

enum oracle_kind {
	ORACLE_SEP,		/* takes no position, ends a run */
	ORACLE_WORD,		/* letter or digit of an alphabetic script */
	ORACLE_CJK,		/* Hangul, kana, Han: one position each */
	ORACLE_MARK		/* combining mark: joins what it follows */
};

/* One position of a text as search sees it. */
struct oracle_unit {
	enum oracle_kind	 kind;		/* ORACLE_WORD or ORACLE_CJK */
	char			*text;		/* folded UTF-8, NUL-terminated */
	int			 run;		/* units of one run share it */
	int			 group;		/* and Hangul runs with only
						   spaces between them */
};

/* A text (or a query term) read as units. */
struct oracle_text {
	struct oracle_unit	*v;
	size_t			 n;
};

/* One term of a query: its units, and whether its last word is a prefix. */
struct oracle_term {
	struct oracle_text	units;
	bool			prefix;
};

/* A query as a user types it, split into terms. */
struct oracle_query {
	struct oracle_term	*v;
	size_t			 n;
};

/* The class of a folded code point. */
enum oracle_kind oracle_class(unsigned int c);

/* Folds s (len bytes, any bytes: invalid UTF-8 is a separator); malloc'd. */
char	*oracle_fold(const char *s, size_t len);

/* Reads s (len bytes) as units. */
void	 oracle_text_read(struct oracle_text *t, const char *s, size_t len);
void	 oracle_text_free(struct oracle_text *t);

/* Splits what a user types into terms, as README "Searching" says. */
void	 oracle_query_parse(struct oracle_query *q, const char *s, size_t len);
void	 oracle_query_free(struct oracle_query *q);

/* Whether term stands in text at unit position p; in text anywhere. */
bool	 oracle_term_at(const struct oracle_text *text,
	    const struct oracle_term *term, size_t p);
bool	 oracle_term_in(const struct oracle_text *text,
	    const struct oracle_term *term);

/* Whether a section with this title and body matches every term of q (a
 * query without terms matches nothing). */
bool	 oracle_matches(const struct oracle_query *q,
	    const struct oracle_text *title, const struct oracle_text *body);

#endif
