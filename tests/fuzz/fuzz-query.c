/*
 * fuzz-query.c: the query builder and the tokenizer on arbitrary bytes.
 * Every MATCH expression query_parse makes must be accepted by FTS5, every token
 * offset must lie inside the text, and query_find must stay in bounds.
 */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "fuzz.h"
#include "query.h"
#include "tokenizer.h"

const char *fuzz_name = "query";
const char *const fuzz_seeds[] = {
	"일본 \"기술 경쟁\" semi*", "NEAR(a b) OR -x AND (y", "\"\"\"", "title:일본",
	"ＴＳＭＣ를 경제안보", "ソニー 日本電気 *", "a\x01b\xff\xfe",
	NULL,
};

static sqlite3 *db;
static sqlite3_stmt *stmt;

static int
token(void *ctx, int flags, const char *tok, int len, int start, int end)
{
	size_t size = *(size_t *)ctx;

	(void)flags, (void)tok;
	if (len <= 0 || start < 0 || end < start || (size_t)end > size)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct query_match m[16];
	struct query *q;

	if (db == NULL) {
		sqlite3_open(":memory:", &db);
		tokenizer_register(db);
		sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(body,"
		    " tokenize = 'brief', detail = full);"
		    "INSERT INTO t VALUES ('일본의 경제안보 전략 TSMC를 semiconductor');",
		    NULL, NULL, NULL);
		sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?", -1,
		    &stmt, NULL);
	}
	tokenizer_run((const char *)data, size, TOKENIZER_DOCUMENT, token, &size);
	tokenizer_run((const char *)data, size, TOKENIZER_QUERY, token, &size);
	q = query_parse((const char *)data, size);
	if (q->match != NULL) {
		int rc;

		sqlite3_bind_text(stmt, 1, q->match, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
			;
		if (rc != SQLITE_DONE)
			abort();
		sqlite3_reset(stmt);
	}
	if (q->n > 0) {
		size_t n = query_find(q, (const char *)data, size, m, 16);

		for (size_t i = 0; i < n && i < 16; i++)
			if (m[i].start > m[i].end || m[i].end > size)
				abort();
	}
	query_free(q);
	return 0;
}
