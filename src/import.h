/*
 * import.h: turning a briefing file into a document in memory: front matter,
 * PDF-text reflow, Markdown, headings.  No SQL here: library.c stores what this
 * returns.  DESIGN.md section 4 is the specification.
 */
#ifndef BRIEF_IMPORT_H
#define BRIEF_IMPORT_H

#include <stddef.h>

/* One heading and the paragraphs up to the next heading. */
struct doc_section {
	int	  depth;	/* 1 = top level; a child is its parent's depth + 1 */
	char	 *label;	/* "III.", "1.", "1)", or "" (Markdown) */
	char	 *title;	/* without the label, trimmed */
	char	 *topic;	/* from front matter, or NULL */
	char	**paras;	/* reflowed NFC text, one paragraph each */
	size_t	  n_paras;
};

struct doc_meta {
	char	*key;
	char	*value;		/* lists are kept as their raw text */
};

/*
 * A parsed briefing.  Sections are in reading order; the tree follows from the
 * depths (a section's parent is the nearest earlier section one level up).
 * Text is NFC, sanitised (see text_sanitize) and free of line breaks.
 */
struct doc {
	char			*title;		/* front matter, else the file name */
	char			*byline;	/* front matter, else the line before the first heading */
	char			*date;		/* or NULL */
	char			*source;	/* or NULL */
	struct doc_meta		*meta;		/* every front matter key, in order */
	size_t			 n_meta;
	char			**preface;	/* paragraphs before the first heading, byline excluded */
	size_t			 n_preface;
	struct doc_section	*sections;
	size_t			 n_sections;
	size_t			 n_replaced;	/* characters replaced by U+FFFD */
	size_t			 first_replaced_line;	/* 1-based, 0 when none */
};

enum import_format {
	IMPORT_AUTO,		/* by file name: .md/.markdown is Markdown, else text */
	IMPORT_TEXT,		/* plain text, including text extracted from PDFs */
	IMPORT_MARKDOWN,
};

/*
 * Parses len bytes of data (name is the file name, for the format and the
 * fallback title).  Fails with EX_DATAERR and a message naming the line for
 * input that cannot be a briefing: empty, binary (NUL bytes in the first
 * block), no text at all.  Invalid UTF-8 and control characters elsewhere are
 * replaced and counted in n_replaced.  On success fills *doc, which the caller
 * releases with doc_free.
 */
int import_parse(const char *name, const char *data, size_t len,
    enum import_format format, struct doc *doc, char **cause);

void doc_free(struct doc *doc);

/*
 * Splits the front matter off: when data starts with a "---" line and another
 * "---" line follows, stores the offset of the body in *body and returns 1;
 * otherwise returns 0.
 */
int import_front_matter_end(const char *data, size_t len, size_t *body);

#endif
