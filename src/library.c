/*
 * library.c: reading the briefings of a library: listing them (all, or a
 * range for a screenful of a large library), finding one by slug, counting.
 * Adding and removing briefings is library-write.c's.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "library.h"
#include "util.h"

void
briefing_clear(struct briefing *b)
{
	free(b->slug);
	free(b->title);
	free(b->byline);
	free(b->date);
	free(b->source);
	free(b->filename);
	free(b->checksum);
	memset(b, 0, sizeof *b);
}

void
briefings_free(struct briefing *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		briefing_clear(&v[i]);
	free(v);
}

#define LIBRARY_COLUMNS							\
	"SELECT b.id, slug, title, byline, date, source, filename, checksum,"	\
	" imported, sections"						\
	" FROM briefing b "

static void
library_row(sqlite3_stmt *stmt, void *row)
{
	struct briefing *b = row;

	b->id = sqlite3_column_int64(stmt, 0);
	b->slug = store_column(stmt, 1);
	b->title = store_column(stmt, 2);
	b->byline = store_column(stmt, 3);
	b->date = store_column(stmt, 4);
	b->source = store_column(stmt, 5);
	b->filename = store_column(stmt, 6);
	b->checksum = store_column(stmt, 7);
	b->imported = sqlite3_column_int64(stmt, 8);
	b->n_sections = sqlite3_column_int(stmt, 9);
}

/* Collects the rows of a prepared LIBRARY_COLUMNS statement. */
static int
library_collect(struct store *st, sqlite3_stmt *stmt, struct briefing **out,
    size_t *n, char **cause)
{
	void *v;
	int rc;

	rc = store_collect(st, stmt, sizeof **out, library_row, &v, n,
	    "cannot list briefings", cause);
	*out = v;
	if (rc != 0) {
		briefings_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

int
library_list(struct store *st, struct briefing **out, size_t *n,
    char **cause)
{
	return library_list_range(st, 0, SIZE_MAX / 2, out, n, cause);
}

int
library_list_range(struct store *st, size_t offset, size_t limit,
    struct briefing **out, size_t *n, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = store_cached(st, LIBRARY_COLUMNS "ORDER BY b.id"
	    " LIMIT ? OFFSET ?", &stmt, cause)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, limit > INT64_MAX ? INT64_MAX :
	    (sqlite3_int64)limit);
	sqlite3_bind_int64(stmt, 2, (sqlite3_int64)offset);
	return library_collect(st, stmt, out, n, cause);
}

int
library_position(struct store *st, int64_t id, size_t *pos, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = store_cached(st, "SELECT (SELECT count(*) FROM briefing"
	    " WHERE id < ?1) FROM briefing WHERE id = ?1", &stmt,
	    cause)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*pos = (size_t)sqlite3_column_int64(stmt, 0);
	store_release(stmt);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return fail(cause, EX_DATAERR, "no briefing %lld",
		    (long long)id);
	return store_error(st, cause, "cannot read the library");
}

int
library_holds(struct store *st, int n, bool *yes, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = store_cached(st, "SELECT count(*) FROM (SELECT 1 FROM"
	    " briefing LIMIT ?)", &stmt, cause)) != 0)
		return rc;
	sqlite3_bind_int(stmt, 1, n);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*yes = sqlite3_column_int(stmt, 0) >= n;
	else
		rc = store_error(st, cause, "cannot read the library");
	store_release(stmt);
	return rc;
}

int
library_count(struct store *st, int *count, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = store_cached(st, "SELECT count(*) FROM briefing", &stmt,
	    cause)) != 0)
		return rc;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*count = sqlite3_column_int(stmt, 0);
	else
		rc = store_error(st, cause, "cannot read the library");
	store_release(stmt);
	return rc;
}

/* The error for a slug that names no briefing: the first few that exist. */
static int
library_unknown(struct store *st, const char *slug, char **cause)
{
	struct buf known = { 0 };
	sqlite3_stmt *stmt;
	int rc, shown = 0;

	if ((rc = store_prepare(st, "SELECT slug FROM briefing ORDER BY"
	    " id LIMIT 11", &stmt, cause)) != 0)
		return rc;
	while (sqlite3_step(stmt) == SQLITE_ROW && shown++ < 10)
		buf_printf(&known, "%s%s", known.len ? ", " : "",
		    (const char *)sqlite3_column_text(stmt, 0));
	if (shown > 10)
		buf_addstr(&known, ", ...");
	sqlite3_finalize(stmt);
	rc = fail(cause, EX_DATAERR, "no briefing '%s' (the library has: %s)",
	    slug, known.len ? known.data : "nothing");
	buf_free(&known);
	return rc;
}

int
library_find(struct store *st, const char *slug, struct briefing *out,
    char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = store_cached(st, LIBRARY_COLUMNS "WHERE slug = ?", &stmt,
	    cause)) != 0)
		return rc;
	sqlite3_bind_text(stmt, 1, slug, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		library_row(stmt, out);
	store_release(stmt);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return store_error(st, cause, "cannot read the library");
	return library_unknown(st, slug, cause);
}
