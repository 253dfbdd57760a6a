/*
 * library-write.c: the write path of a library.  Importing files atomically
 * (one transaction, de-duplicated by checksum), storing a parsed document as
 * a briefing with its sections, paragraphs and index, and seeding an empty
 * library with the bundled briefings.  Reading is library.c's.
 */
#include <dirent.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "library-write.h"
#include "search.h"
#include "util.h"

/* The slug of a file name: its base name without extension, in lower case,
 * with runs of anything but letters and digits turned into one '-'. */
static char *
library_slugify(const char *filename)
{
	const char *base = strrchr(filename, '/'), *dot;
	struct buf b = { 0 };
	bool dash = false;

	base = base ? base + 1 : filename;
	if ((dot = strrchr(base, '.')) == NULL || dot == base)
		dot = base + strlen(base);
	for (const char *p = base; p < dot; p++) {
		unsigned char c = (unsigned char)*p;

		if (c >= 0x80 || (c >= '0' && c <= '9') ||
		    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
			if (dash && b.len > 0)
				buf_addc(&b, '-');
			dash = false;
			buf_addc(&b, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
		} else
			dash = true;
	}
	if (b.len == 0)
		buf_addstr(&b, "briefing");
	return buf_take(&b);
}

/* Looks a value up in one column; *found says whether a row matched. */
static int
library_exists(struct store *st, const char *sql, const char *value,
    bool *found, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = store_prepare(st, sql, &stmt, cause)) != 0)
		return rc;
	sqlite3_bind_text(stmt, 1, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	*found = rc == SQLITE_ROW;
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(st, cause, "cannot read the library");
	return 0;
}

/* A slug not yet used in the library: name, name-2, name-3, ... */
static int
library_unique_slug(struct store *st, const char *filename, char **slug,
    char **cause)
{
	char *base = library_slugify(filename), *try = xstrdup(base);
	bool found;
	int rc;

	for (int n = 2;; n++) {
		rc = library_exists(st, "SELECT 1 FROM briefing WHERE slug = ?",
		    try, &found, cause);
		if (rc != 0 || !found)
			break;
		free(try);
		try = xasprintf("%s-%d", base, n);
	}
	free(base);
	if (rc != 0) {
		free(try);
		return rc;
	}
	*slug = try;
	return 0;
}

/* The slug of the briefing with this checksum. */
static int
library_slug_of(struct store *st, const char *checksum, char **slug,
    char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = store_prepare(st, "SELECT slug FROM briefing WHERE checksum = ?",
	    &stmt, cause)) != 0)
		return rc;
	sqlite3_bind_text(stmt, 1, checksum, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*slug = store_column(stmt, 0);
	else
		rc = store_error(st, cause, "cannot read the library");
	sqlite3_finalize(stmt);
	return rc;
}

/* The front matter as "key: value" lines, the way it is kept. */
static char *
library_front_matter(const struct doc *doc)
{
	struct buf b = { 0 };

	for (size_t i = 0; i < doc->n_meta; i++)
		buf_printf(&b, "%s: %s\n", doc->meta[i].key, doc->meta[i].value);
	return buf_take(&b);
}

static int
library_insert_briefing(struct store *st, const struct doc *doc,
    const char *filename, const char *checksum, const char *slug,
    int64_t *id, char **cause)
{
	static const char sql[] =
	    "INSERT INTO briefing (slug, title, byline, date, source, filename,"
	    " checksum, imported, front_matter, sections)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	const char *base = strrchr(filename, '/');
	char *fm = library_front_matter(doc);
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = store_prepare(st, sql, &stmt, cause)) != 0)
		goto out;
	sqlite3_bind_text(stmt, 1, slug, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, doc->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, doc->byline, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, doc->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, doc->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, base ? base + 1 : filename, -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(stmt, 7, checksum, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 8, (sqlite3_int64)time(NULL));
	sqlite3_bind_text(stmt, 9, fm, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 10, (sqlite3_int64)(doc->n_sections +
	    (doc->n_preface > 0)));
	if (sqlite3_step(stmt) != SQLITE_DONE)
		rc = store_error(st, cause, "cannot add the briefing");
	*id = sqlite3_last_insert_rowid(store_db(st));
	sqlite3_finalize(stmt);
out:
	free(fm);
	return rc;
}

/* Where the sections of a briefing are being inserted: the open ancestors. */
struct library_cursor {
	int64_t	ids[64];	/* ids[d] = the last section at depth d + 1 */
	int	ords[65];	/* ords[d] = children so far at depth d + 1 */
	char	path[64 * 12];
	int	depth;
};

/* Places a section at depth under the open ancestors and names its path. */
static void
library_place(struct library_cursor *c, int depth, int64_t *parent, int *ord)
{
	if (depth < 1)
		depth = 1;
	if (depth > c->depth + 1)
		depth = c->depth + 1;
	if (depth > 64)
		depth = 64;
	c->ords[depth - 1]++;
	c->ords[depth] = 0;
	*ord = c->ords[depth - 1];
	*parent = depth > 1 ? c->ids[depth - 2] : 0;
	c->depth = depth;
	c->path[0] = '\0';
	for (int d = 0; d < depth; d++) {
		size_t len = strlen(c->path);

		snprintf(c->path + len, sizeof c->path - len, "%s%d",
		    d > 0 ? "." : "", c->ords[d]);
	}
}

/* Where one section goes: its parent, positions and ordinal path. */
struct library_slot {
	int64_t		 parent;	/* 0 at the top level */
	int		 seq;
	int		 ord;
	int		 depth;
	const char	*path;
};

/* Inserts one section with its paragraphs and indexes it. */
static int
library_insert_section(struct store *st, int64_t bid,
    const struct library_slot *at, const struct doc_section *ds, int64_t *id,
    int *n_paras, char **cause)
{
	sqlite3_stmt *sec, *par;
	int rc;

	if ((rc = store_cached(st, "INSERT INTO section (briefing_id,"
	    " parent_id, seq, ord, depth, path, label, title, topic)"
	    " VALUES (?, nullif(?, 0), ?, ?, ?, ?, ?, ?, ?)", &sec, cause)) != 0)
		return rc;
	sqlite3_bind_int64(sec, 1, bid);
	sqlite3_bind_int64(sec, 2, at->parent);
	sqlite3_bind_int(sec, 3, at->seq);
	sqlite3_bind_int(sec, 4, at->ord);
	sqlite3_bind_int(sec, 5, at->depth);
	sqlite3_bind_text(sec, 6, at->path, -1, SQLITE_STATIC);
	sqlite3_bind_text(sec, 7, ds->label, -1, SQLITE_STATIC);
	sqlite3_bind_text(sec, 8, ds->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(sec, 9, ds->topic, -1, SQLITE_STATIC);
	rc = sqlite3_step(sec);
	store_release(sec);
	if (rc != SQLITE_DONE)
		return store_error(st, cause, "cannot add a section");
	*id = sqlite3_last_insert_rowid(store_db(st));
	if ((rc = search_index_section(st, *id, ds->title, ds->paras,
	    ds->n_paras, cause)) != 0 ||
	    (rc = store_cached(st, "INSERT INTO paragraph (section_id, ord,"
	    " text) VALUES (?, ?, ?)", &par, cause)) != 0)
		return rc;
	for (size_t j = 0; j < ds->n_paras; j++) {
		sqlite3_bind_int64(par, 1, *id);
		sqlite3_bind_int(par, 2, (int)j);
		sqlite3_bind_text(par, 3, ds->paras[j], -1, SQLITE_STATIC);
		rc = sqlite3_step(par);
		sqlite3_reset(par);
		if (rc != SQLITE_DONE)
			return store_error(st, cause, "cannot add a paragraph");
		(*n_paras)++;
	}
	return 0;
}

/*
 * Inserts the sections of doc in reading order.  Text before the first
 * heading becomes section 0 (path "0", titled like the briefing), so that
 * it is read, searched and exported like the rest while the sections keep
 * the numbers the briefing gives them.
 */
static int
library_insert_sections(struct store *st, const struct doc *doc, int64_t bid,
    int *n_paras, char **cause)
{
	struct library_cursor cur = { .depth = 0 };
	struct library_slot at;
	int64_t id;
	int seq = 0, rc = 0;

	if (doc->n_preface > 0) {
		struct doc_section pre = { 1, (char *)"", doc->title, NULL,
		    doc->preface, doc->n_preface };

		at = (struct library_slot){ 0, seq++, 0, 1, "0" };
		rc = library_insert_section(st, bid, &at, &pre, &id, n_paras,
		    cause);
	}
	for (size_t i = 0; i < doc->n_sections && rc == 0; i++) {
		const struct doc_section *ds = &doc->sections[i];

		library_place(&cur, ds->depth, &at.parent, &at.ord);
		at.seq = seq++;
		at.depth = cur.depth;
		at.path = cur.path;
		rc = library_insert_section(st, bid, &at, ds, &id, n_paras,
		    cause);
		cur.ids[cur.depth - 1] = id;
	}
	return rc;
}

/*
 * Stores a parsed document inside the open transaction, unless a briefing
 * with the same checksum is there already (checked here, inside the
 * transaction, because another brief may be importing the same file).
 */
static int
library_store(struct store *st, const struct doc *doc, const char *filename,
    const char *checksum, struct import_result *result, char **cause)
{
	char *slug = NULL;
	bool dup;
	int rc;

	memset(result, 0, sizeof *result);
	rc = library_exists(st, "SELECT 1 FROM briefing WHERE checksum = ?",
	    checksum, &dup, cause);
	if (rc == 0 && dup) {
		result->duplicate = true;
		return library_slug_of(st, checksum, &result->slug, cause);
	}
	if (rc == 0)
		rc = library_unique_slug(st, filename, &slug, cause);
	if (rc == 0)
		rc = library_insert_briefing(st, doc, filename, checksum, slug,
		    &result->id, cause);
	if (rc == 0)
		rc = library_insert_sections(st, doc, result->id,
		    &result->n_paragraphs, cause);
	if (rc != 0) {
		free(slug);
		return rc;
	}
	result->slug = slug;
	result->n_sections = (int)(doc->n_sections + (doc->n_preface > 0));
	return 0;
}

int
library_add(struct store *st, const struct doc *doc, const char *filename,
    const char *checksum, struct import_result *result, char **cause)
{
	int rc;

	memset(result, 0, sizeof *result);
	if (store_readonly(st))
		return fail(cause, EX_IOERR, "%s is read-only", store_path(st));
	if ((rc = store_begin(st, cause)) != 0)
		return rc;
	if ((rc = library_store(st, doc, filename, checksum, result,
	    cause)) == 0 && (rc = store_commit(st, cause)) == 0)
		return 0;
	store_rollback(st);
	free(result->slug);
	memset(result, 0, sizeof *result);
	return rc;
}

/* Reads and parses one file of a batch and stores it in the open
 * transaction.  A failure of the file itself is its outcome; a failure of
 * the library is returned. */
static int
library_import_one(struct store *st, struct import_outcome *o)
{
	char checksum[65], *data;
	struct doc doc;
	size_t len;
	int rc;

	if ((o->rc = read_file(o->path, &data, &len, &o->cause)) != 0)
		return 0;
	sha256_hex(data, len, checksum);
	o->rc = import_parse(o->path, data, len, IMPORT_AUTO, &doc, &o->cause);
	free(data);
	if (o->rc != 0)
		return 0;
	rc = library_store(st, &doc, o->path, checksum, &o->result, &o->cause);
	if (rc == 0 && doc.n_replaced > 0)
		o->warning = xasprintf("replaced %zu invalid or control "
		    "character%s with U+FFFD (first at line %zu)",
		    doc.n_replaced, doc.n_replaced == 1 ? "" : "s",
		    doc.first_replaced_line);
	doc_free(&doc);
	o->rc = rc;
	return rc;
}

int
library_import_files(struct store *st, char *const *paths, size_t n,
    struct import_outcome *out, char **cause)
{
	char *why = NULL;
	size_t i;
	int rc, worst = 0;

	for (i = 0; i < n; i++) {
		memset(&out[i], 0, sizeof out[i]);
		out[i].path = paths[i];
	}
	if (store_readonly(st))
		rc = fail(&why, EX_IOERR, "%s is read-only", store_path(st));
	else if ((rc = store_begin(st, &why)) == 0) {
		for (i = 0; i < n && rc == 0; i++)
			rc = library_import_one(st, &out[i]);
		if (rc != 0) {
			why = out[i - 1].cause;
			out[i - 1].cause = NULL;
		} else
			rc = store_commit(st, &why);
	}
	if (rc == 0) {
		for (i = 0; i < n; i++)
			worst = worst ? worst : out[i].rc;
		return worst;
	}
	/* The library failed: nothing of the batch landed. */
	store_rollback(st);
	for (i = 0; i < n; i++) {
		import_outcome_clear(&out[i]);
		out[i].rc = rc;
		out[i].cause = xstrdup(why);
	}
	if (cause != NULL)
		*cause = why;
	else
		free(why);
	return rc;
}

void
import_outcome_clear(struct import_outcome *o)
{
	free(o->cause);
	free(o->warning);
	free(o->result.slug);
	o->cause = o->warning = o->result.slug = NULL;
}

int
library_import(struct store *st, const char *path,
    struct import_result *result, char **warning, char **cause)
{
	struct import_outcome o;
	char *p = (char *)path;
	int rc;

	rc = library_import_files(st, &p, 1, &o, NULL);
	*warning = o.warning;
	*result = o.result;
	if (rc != 0 && cause != NULL)
		*cause = o.cause;
	else
		free(o.cause);
	return rc;
}

/* The folder of bundled briefings: beside the binary when it runs from a
 * build directory, else the installed data directory. */
static char *
library_assets_dir(void)
{
	char exe[PATH_MAX], *slash, *dir;
	ssize_t n;

	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			dir = xasprintf("%s/assets", exe);
			if (access(dir, R_OK | X_OK) == 0)
				return dir;
			free(dir);
		}
	}
	return xstrdup(BRIEF_DATADIR);
}

static int
library_is_briefing_file(const struct dirent *d)
{
	const char *dot = strrchr(d->d_name, '.');

	return d->d_name[0] != '.' && dot != NULL &&
	    (strcmp(dot, ".txt") == 0 || strcmp(dot, ".md") == 0);
}

int
library_seed(struct store *st, char **cause)
{
	struct import_outcome *out;
	struct dirent **names;
	char *dir, **paths;
	bool any;
	int rc, n;

	if (store_readonly(st))
		return 0;
	if ((rc = library_holds(st, 1, &any, cause)) != 0 || any)
		return rc;
	dir = library_assets_dir();
	if ((n = scandir(dir, &names, library_is_briefing_file,
	    alphasort)) < 0) {
		rc = fail(cause, EX_NOINPUT, "no bundled briefings in %s", dir);
		free(dir);
		return rc;
	}
	paths = xcalloc((size_t)n, sizeof *paths);
	out = xcalloc((size_t)n, sizeof *out);
	for (int i = 0; i < n; i++) {
		paths[i] = xasprintf("%s/%s", dir, names[i]->d_name);
		free(names[i]);
	}
	rc = library_import_files(st, paths, (size_t)n, out, cause);
	for (int i = 0; i < n; i++) {
		if (rc != 0 && cause != NULL && *cause == NULL)
			*cause = xstrdup(out[i].cause);
		import_outcome_clear(&out[i]);
		free(paths[i]);
	}
	free(out);
	free(paths);
	free(names);
	free(dir);
	return rc;
}
