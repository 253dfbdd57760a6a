/*
 * import-internal.h: what the files of the importer share (import.c, the
 * driver; import-front.c, import-text.c and import-markdown.c).  The document
 * builder (paragraphs, headings, depth normalisation), the line iterator and
 * the parsers of each part; the public contract is import.h.
 */
#ifndef BRIEF_IMPORT_INTERNAL_H
#define BRIEF_IMPORT_INTERNAL_H

#include <stddef.h>

#include "import.h"
#include "util.h"

/* Headings nest at most this deep (Markdown has six levels). */
#define IMPORT_MAX_DEPTH 8

/* A "KEY = name" line of the front matter's topics block. */
struct import_topic {
	char	*key;
	char	*name;
};

/* The document being built, and the paragraph being assembled. */
struct import_ctx {
	struct doc		*doc;
	struct buf		 para;		/* current paragraph, spaces collapsed */
	int			 space;		/* a space is due before the next word */
	size_t			 cap_paras;	/* capacity of the array paragraphs go to */
	size_t			 cap_sections;
	int			 levels[IMPORT_MAX_DEPTH]; /* levels of the open headings */
	int			 n_levels;
	char			*first_line;	/* byline candidate until the first heading */
	struct import_topic	*topics;
	size_t			 n_topics;
};

/* Iterates the lines of cleaned text ('\n' separated, no CR). */
struct import_iter {
	const char	*p;
	const char	*end;
	size_t		 lineno;	/* of the line last returned, 1-based */
};

int	 import_next_line(struct import_iter *, const char **, size_t *);
void	 import_trim(const char **, size_t *);
char	*import_nfc(const char *, size_t);

void	 import_para_text(struct import_ctx *, const char *, size_t);
void	 import_para_verbatim(struct import_ctx *, const char *, size_t);
void	 import_para_end(struct import_ctx *);
void	 import_heading(struct import_ctx *, int, const char *, const char *,
	     size_t);

/* import-front.c: the lines between the fences into doc's meta and topics. */
void	 import_front_matter(struct import_ctx *, const char *, size_t);
/* import-front.c: gives the parsed sections the front matter's topics. */
void	 import_topics(struct import_ctx *);

/* import-text.c: the body of a plain text file (PDF text included). */
void	 import_text(struct import_ctx *, const char *, size_t);

/* import-markdown.c: the body of a Markdown file. */
void	 import_markdown(struct import_ctx *, const char *, size_t);

#endif
