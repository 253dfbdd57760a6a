/*
 * tokenizer.c: the FTS5 tokenizer "brief": alphabetic words, CJK bigrams with
 * colocated single characters at index time.  The position scheme is in
 * tokenizer.h; folding is fold.c's.  Nothing here allocates: tokens are built
 * in fixed buffers inside struct tokenizer_state.
 */
#include <assert.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include <sqlite3.h>

#include "fold.h"
#include "tokenizer.h"

static_assert(TOKENIZER_COLOCATED == FTS5_TOKEN_COLOCATED,
    "tokenizer flags are FTS5's");

/* Longer words are indexed by their first bytes (whole code points). */
#define TOKENIZER_WORD_MAX 256

/* One CJK character kept for the bigram with the next one. */
struct tokenizer_char {
	uint32_t c;
	char	u8[4];
	int	len;
	size_t	start;
	size_t	end;
};

struct tokenizer_state {
	int			 mode;
	tokenizer_cb		 cb;
	void			*ctx;

	/* The alphabetic word being read. */
	char			 word[TOKENIZER_WORD_MAX];
	int			 wlen;
	size_t			 wstart;
	size_t			 wend;
	int			 inword;

	/* The CJK run being read: its last character and its length. */
	struct tokenizer_char	 prev;
	size_t			 run;

	/* Query mode: the last character of a finished run, emitted only if
	 * another token follows. */
	struct tokenizer_char	 pending;
	int			 haspending;
	int			 needpending;	/* a run of one: emit it at the end */

	/* The last syllable of a Hangul run that only spaces have followed so
	 * far: if a syllable comes next, the two make a joint bigram. */
	struct tokenizer_char	 joint;
	int			 hasjoint;
};

/* Precomposed Hangul syllables, the script whose words join across spaces. */
static int
tokenizer_is_syllable(uint32_t c)
{
	return c >= 0xac00 && c <= 0xd7a3;
}

/* Emits one token, first flushing a pending single if it starts a position. */
static int
tokenizer_emit(struct tokenizer_state *ts, int flags, const char *tok,
    int len, size_t start, size_t end)
{
	struct tokenizer_char	*p = &ts->pending;
	int			 rc;

	if (ts->haspending && !(flags & TOKENIZER_COLOCATED)) {
		ts->haspending = ts->needpending = 0;
		rc = ts->cb(ts->ctx, 0, p->u8, p->len, (int)p->start,
		    (int)p->end);
		if (rc != 0)
			return rc;
	}
	return ts->cb(ts->ctx, flags, tok, len, (int)start, (int)end);
}

static int
tokenizer_end_word(struct tokenizer_state *ts)
{
	if (!ts->inword)
		return 0;
	ts->inword = 0;
	return tokenizer_emit(ts, 0, ts->word, ts->wlen, ts->wstart, ts->wend);
}

static void
tokenizer_add_word(struct tokenizer_state *ts, const struct fold_char *fc)
{
	if (!ts->inword) {
		ts->inword = 1;
		ts->wlen = 0;
		ts->wstart = fc->start;
	}
	if (ts->wlen + fc->len <= TOKENIZER_WORD_MAX) {
		memcpy(ts->word + ts->wlen, fc->u8, fc->len);
		ts->wlen += fc->len;
	}
	ts->wend = fc->end;
}

/* Ends a CJK run: its last character is a single (see tokenizer.h). */
static int
tokenizer_end_run(struct tokenizer_state *ts)
{
	struct tokenizer_char	*c = &ts->prev;
	size_t			 run = ts->run;

	if (run == 0)
		return 0;
	ts->run = 0;
	if (ts->mode == TOKENIZER_DOCUMENT || run == 1)
		return tokenizer_emit(ts, 0, c->u8, c->len, c->start, c->end);
	ts->pending = *c;
	ts->haspending = 1;
	return 0;
}

/*
 * Korean writers space compounds inconsistently, so a Hangul run followed
 * by spaces and another Hangul run also gets the bigram of the syllables
 * on either side of the spaces ("회 위" in "금융위원회 위원장"), at the
 * position of the first run's last syllable, where "금융위원회위원장"
 * written together has the same bigram.  In a document it is colocated
 * with that syllable's single; in a query it stands where the pending
 * single would, so a phrase of Korean words matches with or without the
 * spaces.
 */
static int
tokenizer_join(struct tokenizer_state *ts, const struct fold_char *fc)
{
	struct tokenizer_char	*j = &ts->joint;
	char			 bi[8];

	ts->hasjoint = 0;
	if (!tokenizer_is_syllable(fc->c))
		return 0;
	memcpy(bi, j->u8, j->len);
	memcpy(bi + j->len, fc->u8, fc->len);
	if (ts->mode == TOKENIZER_DOCUMENT)
		return ts->cb(ts->ctx, TOKENIZER_COLOCATED, bi, j->len + fc->len,
		    (int)j->start, (int)fc->end);
	ts->haspending = ts->needpending = 0;
	return tokenizer_emit(ts, 0, bi, j->len + fc->len, j->start, fc->end);
}

/* Adds a CJK character: the bigram it closes, and the previous single. */
static int
tokenizer_add_cjk(struct tokenizer_state *ts, const struct fold_char *fc)
{
	struct tokenizer_char	*c = &ts->prev;
	char			 bi[8];
	int			 rc = 0;

	if (ts->hasjoint && (rc = tokenizer_join(ts, fc)) != 0)
		return rc;
	if (ts->run > 0) {
		memcpy(bi, c->u8, c->len);
		memcpy(bi + c->len, fc->u8, fc->len);
		rc = tokenizer_emit(ts, 0, bi, c->len + fc->len, c->start,
		    fc->end);
		if (rc == 0 && ts->mode == TOKENIZER_DOCUMENT)
			rc = tokenizer_emit(ts, TOKENIZER_COLOCATED, c->u8,
			    c->len, c->start, c->end);
	}
	memcpy(c->u8, fc->u8, fc->len);
	c->c = fc->c;
	c->len = fc->len;
	c->start = fc->start;
	c->end = fc->end;
	ts->run++;
	return rc;
}

/* Feeds one folded code point to the state machine. */
static int
tokenizer_feed(struct tokenizer_state *ts, const struct fold_char *fc)
{
	int	rc;

	if (fc->c == ' ' && (ts->hasjoint || (ts->run > 0 &&
	    tokenizer_is_syllable(ts->prev.c)))) {
		if (ts->hasjoint)
			return 0;
		ts->joint = ts->prev;
		ts->hasjoint = 1;
		if (ts->mode == TOKENIZER_QUERY && ts->run == 1) {
			/* A query's run of one is a token of its own, unless
			 * a joint bigram takes its place. */
			ts->run = 0;
			ts->pending = ts->prev;
			ts->haspending = ts->needpending = 1;
			return 0;
		}
		return tokenizer_end_run(ts);
	}
	if (ts->hasjoint && fold_classify(fc->c) != FOLD_CJK)
		ts->hasjoint = 0;
	switch (fold_classify(fc->c)) {
	case FOLD_WORD:
		if ((rc = tokenizer_end_run(ts)) != 0)
			return rc;
		tokenizer_add_word(ts, fc);
		return 0;
	case FOLD_CJK:
		if ((rc = tokenizer_end_word(ts)) != 0)
			return rc;
		return tokenizer_add_cjk(ts, fc);
	case FOLD_MARK:
		/* Part of a word, ignored inside a CJK run, else a separator. */
		if (ts->inword) {
			tokenizer_add_word(ts, fc);
			return 0;
		}
		if (ts->run > 0)
			return 0;
		break;
	case FOLD_SEP:
		break;
	}
	if ((rc = tokenizer_end_word(ts)) != 0)
		return rc;
	return tokenizer_end_run(ts);
}

int
tokenizer_run(const char *text, size_t len, int mode, tokenizer_cb cb,
    void *ctx)
{
	struct tokenizer_state	 ts;
	struct fold		 f;
	struct fold_char	 fc;
	int			 rc = 0;

	if (len > INT_MAX)
		len = INT_MAX;
	memset(&ts, 0, sizeof ts);
	ts.mode = mode;
	ts.cb = cb;
	ts.ctx = ctx;
	fold_init(&f, text, len);
	while (rc == 0 && fold_next(&f, &fc))
		rc = tokenizer_feed(&ts, &fc);
	fold_done(&f);
	if (rc == 0)
		rc = tokenizer_end_word(&ts);
	if (rc == 0)
		rc = tokenizer_end_run(&ts);
	if (rc == 0 && ts.haspending && ts.needpending)
		rc = cb(ctx, 0, ts.pending.u8, ts.pending.len,
		    (int)ts.pending.start, (int)ts.pending.end);
	return rc;
}

/* FTS5 glue.  The tokenizer has no options and no state of its own. */

static int
tokenizer_create(void *udata, const char **argv, int argc,
    Fts5Tokenizer **out)
{
	static int	instance;	/* FTS5 wants a non-NULL handle */

	(void)udata;
	(void)argv;
	if (argc > 0)
		return SQLITE_ERROR;
	*out = (Fts5Tokenizer *)&instance;
	return SQLITE_OK;
}

static void
tokenizer_delete(Fts5Tokenizer *tok)
{
	(void)tok;
}

static int
tokenizer_tokenize(Fts5Tokenizer *tok, void *ctx, int flags,
    const char *text, int len, tokenizer_cb cb)
{
	int	mode;

	(void)tok;
	if (text == NULL || len <= 0)
		return SQLITE_OK;
	mode = (flags & FTS5_TOKENIZE_QUERY) ? TOKENIZER_QUERY :
	    TOKENIZER_DOCUMENT;
	return tokenizer_run(text, (size_t)len, mode, cb, ctx);
}

/* Gets the FTS5 API of db (NULL when FTS5 is missing). */
static fts5_api *
tokenizer_fts5_api(sqlite3 *db)
{
	sqlite3_stmt	*stmt;
	fts5_api	*api = NULL;

	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL) !=
	    SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return api;
}

int
tokenizer_register(sqlite3 *db)
{
	static fts5_tokenizer	 tokenizer = {
		.xCreate = tokenizer_create,
		.xDelete = tokenizer_delete,
		.xTokenize = tokenizer_tokenize,
	};
	fts5_api		*api;

	if ((api = tokenizer_fts5_api(db)) == NULL)
		return SQLITE_ERROR;
	return api->xCreateTokenizer(api, "brief", NULL, &tokenizer, NULL);
}
