/*
 * tokenizer.h: brief's FTS5 tokenizer, "brief" (DESIGN.md section 3).
 *
 * Text is folded with NFKC and case folding (fold.h).  Words of alphabetic
 * scripts (runs of letters and digits) are one token each.  Runs of Hangul,
 * kana and Han are split into overlapping bigrams so that any substring of
 * two or more characters can be found, and single characters are added at
 * index time so that one-character queries work:
 *
 *   document "경제안보"   position 0: 경제 + 경 (colocated)
 *                         position 1: 제안 + 제 (colocated)
 *                         position 2: 안보 + 안 (colocated)
 *                         position 3: 보
 *   query "경제안보"      0: 경제  1: 제안  2: 안보
 *   query "성"            0: 성
 *
 * A run of n characters takes n positions.  At query time a run of two or
 * more characters gives only its bigrams; when more tokens follow in the same
 * query string (a phrase such as "기술 경쟁" or "반도체 TSMC"), the run's last
 * character is added as a single at the next position, so that what follows
 * lines up with the document's positions.  Separators (spaces, punctuation,
 * symbols) emit nothing.  Token offsets are byte offsets into the original
 * text.
 */
#ifndef BRIEF_TOKENIZER_H
#define BRIEF_TOKENIZER_H

#include <stddef.h>

#include <sqlite3.h>

/* Registers the tokenizer "brief" with db's FTS5.  Returns an SQLite code. */
int	tokenizer_register(sqlite3 *db);

/* Tokenizing modes for tokenizer_run. */
#define TOKENIZER_DOCUMENT	0	/* index (and auxiliary functions) */
#define TOKENIZER_QUERY		1	/* query terms */

/* Token flag: same position as the previous token (FTS5_TOKEN_COLOCATED). */
#define TOKENIZER_COLOCATED	1

/*
 * Called for each token, with FTS5's xToken signature: the folded token (not
 * NUL-terminated) and the original bytes [start, end) it came from.  A
 * non-zero return stops tokenizing and is returned by tokenizer_run.
 */
typedef int (*tokenizer_cb)(void *ctx, int flags, const char *token,
    int len, int start, int end);

/* Tokenizes text (len bytes, any bytes) as the FTS5 tokenizer does. */
int	tokenizer_run(const char *text, size_t len, int mode, tokenizer_cb cb,
	    void *ctx);

#endif
