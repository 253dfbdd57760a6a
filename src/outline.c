/*
 * outline.c: sections as a tree.  Listing a briefing's sections in reading
 * order, a section's subtree and paragraphs, and resolving what a user types
 * as SECTION (DESIGN.md section 2) into one section, or an error that names
 * what would match.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "library.h"
#include "outline.h"
#include "util.h"

/* Suggestions for a section that is not there come from this many
 * briefings at most: the first in the library. */
#define OUTLINE_SUGGEST_FROM 20

#define OUTLINE_COLUMNS							\
	"SELECT s.id, s.briefing_id, coalesce(s.parent_id, 0), s.seq,"	\
	" s.ord, s.depth,"						\
	" (SELECT count(*) FROM section c WHERE c.parent_id = s.id),"	\
	" s.path, s.label, s.title, s.topic, b.slug"			\
	" FROM section s JOIN briefing b ON b.id = s.briefing_id "

void
section_clear(struct section *s)
{
	free(s->path);
	free(s->label);
	free(s->title);
	free(s->topic);
	free(s->slug);
	memset(s, 0, sizeof *s);
}

void
sections_free(struct section *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		section_clear(&v[i]);
	free(v);
}

char *
section_heading(const struct section *s)
{
	return xasprintf("%s%s%s", s->label, *s->label ? " " : "", s->title);
}

static void
outline_row(sqlite3_stmt *stmt, void *row)
{
	struct section *s = row;

	s->id = sqlite3_column_int64(stmt, 0);
	s->briefing_id = sqlite3_column_int64(stmt, 1);
	s->parent_id = sqlite3_column_int64(stmt, 2);
	s->seq = sqlite3_column_int(stmt, 3);
	s->ord = sqlite3_column_int(stmt, 4);
	s->depth = sqlite3_column_int(stmt, 5);
	s->n_children = sqlite3_column_int(stmt, 6);
	s->path = store_column(stmt, 7);
	s->label = store_column(stmt, 8);
	s->title = store_column(stmt, 9);
	s->topic = store_column(stmt, 10);
	s->slug = store_column(stmt, 11);
}

/* Runs a prepared query of OUTLINE_COLUMNS, collects every row, and
 * finalizes the statement. */
static int
outline_collect(struct store *st, sqlite3_stmt *stmt, struct section **out,
    size_t *n, char **cause)
{
	void *v;
	int rc;

	rc = store_collect(st, stmt, sizeof **out, outline_row, &v, n,
	    "cannot read sections", cause);
	sqlite3_finalize(stmt);
	*out = v;
	if (rc != 0) {
		sections_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

int
outline_list(struct store *st, int64_t briefing_id, struct section **out,
    size_t *n, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = store_prepare(st, OUTLINE_COLUMNS
	    "WHERE s.briefing_id = ? ORDER BY s.seq", &stmt, cause)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, briefing_id);
	return outline_collect(st, stmt, out, n, cause);
}

int
outline_get(struct store *st, int64_t id, struct section *out, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = store_cached(st, OUTLINE_COLUMNS "WHERE s.id = ?", &stmt,
	    cause)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		outline_row(stmt, out);
	store_release(stmt);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return fail(cause, EX_DATAERR, "no section %lld", (long long)id);
	return store_error(st, cause, "cannot read sections");
}

int
outline_subtree(struct store *st, const struct section *s,
    struct section **out, size_t *n, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = store_prepare(st, OUTLINE_COLUMNS
	    "WHERE s.briefing_id = ?1 AND (s.path = ?2 OR"
	    " substr(s.path, 1, length(?2) + 1) = ?2 || '.') ORDER BY s.seq",
	    &stmt, cause)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, s->briefing_id);
	sqlite3_bind_text(stmt, 2, s->path, -1, SQLITE_STATIC);
	return outline_collect(st, stmt, out, n, cause);
}

/* Steps a "min(id), max(id)" statement into *lo and *hi. */
static int
outline_range_step(struct store *st, sqlite3_stmt *stmt, int64_t *lo,
    int64_t *hi, char **cause)
{
	int rc = sqlite3_step(stmt);

	*lo = 1;
	*hi = 0;
	if (rc == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL) {
		*lo = sqlite3_column_int64(stmt, 0);
		*hi = sqlite3_column_int64(stmt, 1);
	}
	store_release(stmt);
	if (rc != SQLITE_ROW)
		return store_error(st, cause, "cannot read sections");
	return 0;
}

int
outline_id_range(struct store *st, const struct section *s, int64_t *lo,
    int64_t *hi, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = store_cached(st, "SELECT min(id), max(id) FROM section"
	    " WHERE briefing_id = ?1 AND (path = ?2 OR"
	    " substr(path, 1, length(?2) + 1) = ?2 || '.')", &stmt,
	    cause)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, s->briefing_id);
	sqlite3_bind_text(stmt, 2, s->path, -1, SQLITE_STATIC);
	return outline_range_step(st, stmt, lo, hi, cause);
}

int
outline_briefing_id_range(struct store *st, int64_t briefing_id,
    int64_t *lo, int64_t *hi, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = store_cached(st, "SELECT min(id), max(id) FROM section"
	    " WHERE briefing_id = ?", &stmt, cause)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, briefing_id);
	return outline_range_step(st, stmt, lo, hi, cause);
}

static void
outline_text_row(sqlite3_stmt *stmt, void *row)
{
	*(char **)row = store_column(stmt, 0);
}

int
outline_paragraphs(struct store *st, int64_t section_id, char ***paras,
    size_t *n, char **cause)
{
	sqlite3_stmt *stmt;
	void *v;
	int rc;

	if ((rc = store_cached(st, "SELECT text FROM paragraph"
	    " WHERE section_id = ? ORDER BY ord", &stmt, cause)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, section_id);
	rc = store_collect(st, stmt, sizeof **paras, outline_text_row, &v, n,
	    "cannot read paragraphs", cause);
	*paras = v;
	if (rc != 0) {
		for (size_t i = 0; i < *n; i++)
			free((*paras)[i]);
		free(*paras);
		*paras = NULL;
		*n = 0;
	}
	return rc;
}

/* True for an ordinal path: numbers separated by single dots. */
static bool
outline_is_path(const char *s)
{
	bool digit = false;

	for (; *s != '\0'; s++) {
		if (isdigit((unsigned char)*s))
			digit = true;
		else if (*s == '.' && digit)
			digit = false;
		else
			return false;
	}
	return digit;
}

/*
 * The sections of one briefing (or of all, briefing_id 0) that spec names:
 * an ordinal path, a topic, a label ("V.", "II") or an exact title.
 */
static int
outline_lookup(struct store *st, int64_t briefing_id, const char *spec,
    struct section **out, size_t *n, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if (outline_is_path(spec))
		rc = store_prepare(st, OUTLINE_COLUMNS "WHERE (?1 = 0 OR"
		    " s.briefing_id = ?1) AND s.path = ?2 ORDER BY b.id, s.seq",
		    &stmt, cause);
	else
		rc = store_prepare(st, OUTLINE_COLUMNS "WHERE (?1 = 0 OR"
		    " s.briefing_id = ?1) AND (s.topic = ?2 COLLATE NOCASE OR"
		    " (s.depth = 1 AND s.label != '' AND (s.label = ?2 OR"
		    "  s.label = ?2 || '.')) OR s.title = ?2)"
		    " ORDER BY b.id, s.seq", &stmt, cause);
	if (rc != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, briefing_id);
	sqlite3_bind_text(stmt, 2, spec, -1, SQLITE_STATIC);
	return outline_collect(st, stmt, out, n, cause);
}

/* Edit distance between two short strings, capped at 9 (for suggestions). */
static int
outline_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	int row[33], prev, tmp;

	if (la > 32 || lb > 32)
		return 9;
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int sub = prev + (tolower((unsigned char)a[i - 1]) !=
			    tolower((unsigned char)b[j - 1]));

			tmp = row[j];
			row[j] = row[j] + 1 < row[j - 1] + 1 ?
			    row[j] + 1 : row[j - 1] + 1;
			if (sub < row[j])
				row[j] = sub;
			prev = tmp;
		}
	}
	return row[lb] > 9 ? 9 : row[lb];
}

/* Whether section s is worth suggesting for a spec that named nothing. */
static bool
outline_close(const struct section *s, const char *spec)
{
	size_t n = strlen(spec);

	if (s->topic != NULL && (strcasestr(s->topic, spec) != NULL ||
	    outline_distance(s->topic, spec) <= 2))
		return true;
	if (strstr(s->title, spec) != NULL)
		return true;
	return outline_is_path(spec) && strncmp(s->path, spec, n) != 0 &&
	    s->depth == 1;
}

static void
outline_describe(struct buf *b, const struct section *s, bool with_slug)
{
	if (b->len > 0)
		buf_addstr(b, ", ");
	if (with_slug)
		buf_printf(b, "%s:", s->slug);
	buf_printf(b, "%s", s->path);
	if (s->topic != NULL)
		buf_printf(b, " (%s)", s->topic);
	else {
		char *heading = section_heading(s);

		buf_printf(b, " %s", heading);
		free(heading);
	}
}

/* The error for a spec that named no section: what comes close, else the
 * top-level sections. */
static int
outline_unknown(struct store *st, struct briefing *v, size_t nb,
    const char *spec, char **cause)
{
	struct buf close = { 0 }, top = { 0 };
	int shown = 0, rc;

	for (size_t i = 0; i < nb && shown < 12; i++) {
		struct section *secs;
		size_t n;

		if ((rc = outline_list(st, v[i].id, &secs, &n, cause)) != 0) {
			buf_free(&close);
			buf_free(&top);
			return rc;
		}
		for (size_t j = 0; j < n && shown < 12; j++) {
			if (outline_close(&secs[j], spec)) {
				outline_describe(&close, &secs[j], nb > 1);
				shown++;
			} else if (secs[j].depth == 1 && i < 3)
				outline_describe(&top, &secs[j], nb > 1);
		}
		sections_free(secs, n);
	}
	if (close.len > 0)
		rc = fail(cause, EX_DATAERR, "no section '%s'; did you mean: %s",
		    spec, close.data);
	else
		rc = fail(cause, EX_DATAERR, "no section '%s'; sections are: %s",
		    spec, top.len ? top.data : "none (the library is empty)");
	buf_free(&close);
	buf_free(&top);
	return rc;
}

/* Whether spec is, as a whole, the title of exactly one section. */
static bool
outline_titled(struct store *st, const char *spec, struct section *out)
{
	struct section *m;
	size_t n;

	if (outline_lookup(st, 0, spec, &m, &n, NULL) != 0)
		return false;
	if (n == 1) {
		*out = m[0];
		free(m);
		return true;
	}
	sections_free(m, n);
	return false;
}

/* One match is the answer; several are an error that lists them. */
static int
outline_pick(struct section *m, size_t n, const char *spec,
    struct section *out, char **cause)
{
	struct buf list = { 0 };
	int rc;

	if (n == 1) {
		*out = m[0];
		free(m);
		return 0;
	}
	for (size_t i = 0; i < n && i < 12; i++)
		outline_describe(&list, &m[i], true);
	rc = fail(cause, EX_DATAERR, "section '%s' is ambiguous: %s%s", spec,
	    list.data, n > 12 ? ", ..." : "");
	buf_free(&list);
	sections_free(m, n);
	return rc;
}

int
outline_resolve(struct store *st, const char *spec, struct section *out,
    char **cause)
{
	const char *colon = strchr(spec, ':'), *rest = spec;
	struct briefing *v = NULL, one;
	struct section *m = NULL;
	size_t nb = 0, n = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (colon != NULL) {
		char *slug = xstrndup(spec, (size_t)(colon - spec));

		rc = library_find(st, slug, &one, cause);
		free(slug);
		/* "한미일 협력: 심화와 ..." is a title, not slug:path. */
		if (rc == EX_DATAERR && outline_titled(st, spec, out)) {
			if (cause != NULL) {
				free(*cause);
				*cause = NULL;
			}
			return 0;
		}
		if (rc != 0)
			return rc;
		v = xmalloc(sizeof *v);
		v[0] = one;
		nb = 1;
		rest = colon + 1;
	} else if ((rc = library_list_range(st, 0, OUTLINE_SUGGEST_FROM, &v, &nb,
	    cause)) != 0)
		return rc;
	if (*rest == '\0')
		rc = fail(cause, EX_DATAERR, "no section given after '%s'",
		    spec);
	else if ((rc = outline_lookup(st, nb == 1 ? v[0].id : 0, rest, &m, &n,
	    cause)) == 0) {
		if (n == 0)
			rc = outline_unknown(st, v, nb, rest, cause);
		else
			rc = outline_pick(m, n, spec, out, cause);
	}
	briefings_free(v, nb);
	return rc;
}

char *
outline_display_path(struct store *st, const struct section *s)
{
	bool several = false;

	if (library_holds(st, 2, &several, NULL) != 0 || !several)
		return xstrdup(s->path);
	return xasprintf("%s:%s", s->slug, s->path);
}
