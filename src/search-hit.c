/*
 * search-hit.c: a hit as a user sees it: its section, and a snippet of
 * about one line around the first match, cut at a word where one is near
 * and marked where the query matches.  The text comes from the search that
 * found the section when it read it, else it is read here.
 */
#include <stdlib.h>
#include <string.h>

#include "outline.h"
#include "search-internal.h"
#include "text.h"
#include "util.h"

/* Bytes after a first match that a snippet can show, and more. */
#define SEARCH_SPAN 1024

int
search_text_read(struct store *st, int64_t id, struct search_text *out,
    char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = store_cached(st, "SELECT title FROM section WHERE id = ?",
	    &stmt, cause)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		out->title = store_column(stmt, 0);
	store_release(stmt);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? fail(cause, EX_DATAERR,
		    "no section %lld", (long long)id) :
		    store_error(st, cause, "cannot read sections");
	if ((rc = outline_paragraphs(st, id, &out->paras, &out->n,
	    cause)) != 0)
		search_text_clear(out);
	return rc;
}

void
search_text_clear(struct search_text *t)
{
	free(t->title);
	for (size_t i = 0; i < t->n; i++)
		free(t->paras[i]);
	free(t->paras);
	memset(t, 0, sizeof *t);
}

void
search_found_free(struct search_found *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].has_text)
			search_text_clear(&v[i].text);
}

/*
 * The start of a snippet that shows about lead columns before byte at.
 * Only the last few bytes before it can matter (a column takes at most four
 * bytes, or a little more with combining marks), so the clusters of that
 * window are measured and the last lead columns kept, moved forward to a
 * word start when one is near.
 */
static size_t
search_snippet_start(const char *text, size_t at, int lead)
{
	size_t offs[512], n = 0, off, i, b;
	int w[512], sum = 0;

	if (lead > 64)
		lead = 64;
	off = at > (size_t)lead * 6 ? at - (size_t)lead * 6 : 0;
	while (off > 0 && (text[off] & 0xc0) == 0x80)
		off++;
	while (off < at && n < 512) {
		size_t clen;

		w[n] = text_cluster(text + off, at - off, &clen);
		offs[n++] = off;
		off += clen;
	}
	if (n == 0)
		return at;
	for (i = n; i > 0 && sum + w[i - 1] <= lead; i--)
		sum += w[i - 1];
	if (i == 0 && offs[0] == 0)
		return 0;
	b = i < n ? offs[i] : at;
	/* Cut at a space in the first third of the lead, if any. */
	for (size_t j = i; j < n && j < i + (size_t)lead / 3; j++) {
		if (text[offs[j]] == ' ') {
			b = j + 1 < n ? offs[j + 1] : at;
			break;
		}
	}
	return b;
}

/* Fills hit's snippet: about cols columns of text around its first match. */
static void
search_snippet(struct search_hit *hit, const char *text, size_t len,
    const struct query_match *m, size_t nm, int cols)
{
	static const char ellipsis[] = "…";
	size_t b = nm > 0 ? search_snippet_start(text, m[0].start, cols / 3) : 0;
	size_t e, pre = b > 0 ? strlen(ellipsis) : 0;
	int budget = cols - (b > 0), width;
	struct buf out = { 0 };

	e = b + text_fit(text + b, len - b, budget, &width);
	if (e < len) {
		/* Leave room for the closing ellipsis, at a space if near. */
		e = b + text_fit(text + b, len - b, budget - 1, &width);
		for (size_t j = e; j > b && e - j < 24; j--)
			if (text[j - 1] == ' ') {
				e = j - 1;
				break;
			}
	}
	if (b > 0)
		buf_addstr(&out, ellipsis);
	buf_add(&out, text + b, e - b);
	if (e < len)
		buf_addstr(&out, ellipsis);
	hit->snippet = buf_take(&out);
	hit->n_marks = 0;
	for (size_t i = 0; i < nm && hit->n_marks < SEARCH_MARKS; i++) {
		size_t s = m[i].start < b ? b : m[i].start;
		size_t t = m[i].end > e ? e : m[i].end;

		if (s >= t)
			continue;
		hit->marks[hit->n_marks].start = s - b + pre;
		hit->marks[hit->n_marks++].end = t - b + pre;
	}
}

/* Fills hit: the section, and a snippet from its first paragraph that
 * matches (or from the title). */
int
search_hit_make(struct store *st, struct search_found *f,
    const struct query *q, int cols, struct search_hit *hit, char **cause)
{
	struct query_match m[SEARCH_MARKS * 4];
	const size_t max = sizeof m / sizeof m[0];
	struct search_text *t = &f->text;
	size_t nm = 0;
	int rc;

	memset(hit, 0, sizeof *hit);
	hit->paragraph = -1;
	if ((rc = outline_get(st, f->id, &hit->section, cause)) != 0)
		return rc;
	if (!f->has_text) {
		if ((rc = search_text_read(st, f->id, t, cause)) != 0)
			return rc;
		f->has_text = true;
	}
	for (size_t i = 0; i < t->n && hit->snippet == NULL; i++) {
		size_t len = strlen(t->paras[i]);

		if ((nm = query_find_first(q, t->paras[i], len, SEARCH_SPAN, m,
		    max)) > 0) {
			hit->paragraph = (int)i;
			search_snippet(hit, t->paras[i], len, m,
			    nm < max ? nm : max, cols);
		}
	}
	if (hit->snippet == NULL) {
		nm = query_find(q, t->title, strlen(t->title), m, max);
		search_snippet(hit, t->title, strlen(t->title), m,
		    nm < max ? nm : max, cols);
	}
	return 0;
}
