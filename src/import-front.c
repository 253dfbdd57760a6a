/*
 * import-front.c: the front matter of a briefing file (DESIGN.md section 4).
 * Finds the "---" fences, reads "key: value" lines into the document's meta
 * and known fields, reads the topics block, and once the sections are known
 * gives them their topics.  The driver is import.c.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import-internal.h"
#include "util.h"

/* True when a line (CR and trailing spaces allowed) is "---", or "..." to end. */
static int
import_fm_fence(const char *s, size_t n, int closing)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
		n--;
	if (n != 3)
		return 0;
	return memcmp(s, "---", 3) == 0 ||
	    (closing && memcmp(s, "...", 3) == 0);
}

int
import_front_matter_end(const char *data, size_t len, size_t *body)
{
	const char	*p = data, *end = data + len, *nl;
	int		 first = 1;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end) {
		if ((nl = memchr(p, '\n', end - p)) == NULL)
			nl = end;
		if (!import_fm_fence(p, nl - p, !first)) {
			if (first)
				return 0;
		} else if (!first) {
			*body = nl < end ? (size_t)(nl + 1 - data) : len;
			return 1;
		}
		first = 0;
		p = nl + 1;
	}
	return 0;
}

/* Removes one pair of matching quotes around a front matter value. */
static void
import_unquote(const char **s, size_t *n)
{
	if (*n >= 2 && (**s == '"' || **s == '\'') && (*s)[*n - 1] == **s) {
		(*s)++;
		*n -= 2;
	}
}

/* One "KEY = name" (or "KEY: name") line of the topics block. */
static void
import_fm_topic(struct import_ctx *ctx, const char *s, size_t n)
{
	const char		*sep, *name;
	size_t			 klen, nlen;
	struct import_topic	*t;

	import_trim(&s, &n);
	if (n >= 2 && s[0] == '-' && s[1] == ' ') {
		s += 2;
		n -= 2;
	}
	if ((sep = memchr(s, '=', n)) == NULL &&
	    (sep = memchr(s, ':', n)) == NULL)
		return;
	klen = sep - s;
	name = sep + 1;
	nlen = n - klen - 1;
	import_trim(&s, &klen);
	import_trim(&name, &nlen);
	import_unquote(&name, &nlen);
	if (klen == 0 || nlen == 0)
		return;
	ctx->topics = xreallocarray(ctx->topics, ctx->n_topics + 1,
	    sizeof *ctx->topics);
	t = &ctx->topics[ctx->n_topics++];
	t->key = xstrndup(s, klen);
	t->name = import_nfc(name, nlen);
}

/* Stores one front matter key: in meta always, in doc when brief knows it. */
static void
import_fm_key(struct import_ctx *ctx, const char *key, size_t klen,
    const char *val, size_t vlen, const struct buf *block, size_t *cap)
{
	struct doc	*doc = ctx->doc;
	struct buf	 v = { NULL, 0, 0 };
	char		**field = NULL;

	if (doc->n_meta == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		doc->meta = xreallocarray(doc->meta, *cap, sizeof *doc->meta);
	}
	buf_add(&v, val, vlen);
	if (block->len > 0) {
		if (vlen > 0)
			buf_addc(&v, '\n');
		buf_add(&v, block->data, block->len);
	}
	doc->meta[doc->n_meta].key = xstrndup(key, klen);
	doc->meta[doc->n_meta].value = import_nfc(v.data, v.len);
	doc->n_meta++;
	buf_free(&v);

	if (klen == 5 && memcmp(key, "title", 5) == 0)
		field = &doc->title;
	else if (klen == 6 && memcmp(key, "byline", 6) == 0)
		field = &doc->byline;
	else if (klen == 4 && memcmp(key, "date", 4) == 0)
		field = &doc->date;
	else if (klen == 6 && memcmp(key, "source", 6) == 0)
		field = &doc->source;
	import_unquote(&val, &vlen);
	if (field != NULL && vlen > 0) {
		free(*field);
		*field = import_nfc(val, vlen);
	}
}

/*
 * Parses the front matter lines: "key: value" lines at the left margin, each
 * followed by any indented (or "- ") lines, which are kept as its raw value.
 * The topics block is read as "KEY = name" lines.  Other lines are ignored,
 * so that no YAML brief does not understand can break an import.
 */
void
import_front_matter(struct import_ctx *ctx, const char *s, size_t n)
{
	struct import_iter	 it = { s, s + n, 0 };
	struct buf		 block = { NULL, 0, 0 };
	const char		*line, *key = NULL, *val = NULL, *colon;
	size_t			 len, klen = 0, vlen = 0, cap = 0;

	while (import_next_line(&it, &line, &len)) {
		if (len > 0 && (line[0] == ' ' || line[0] == '-')) {
			if (key == NULL)
				continue;
			if (block.len > 0)
				buf_addc(&block, '\n');
			buf_add(&block, line, len);
			if (klen == 6 && memcmp(key, "topics", 6) == 0)
				import_fm_topic(ctx, line, len);
			continue;
		}
		if (len == 0 || line[0] == '#' ||
		    (colon = memchr(line, ':', len)) == NULL)
			continue;
		if (key != NULL)
			import_fm_key(ctx, key, klen, val, vlen, &block, &cap);
		block.len = 0;
		key = line;
		klen = colon - line;
		val = colon + 1;
		vlen = len - klen - 1;
		import_trim(&key, &klen);
		import_trim(&val, &vlen);
		if (klen == 0)
			key = NULL;
	}
	if (key != NULL)
		import_fm_key(ctx, key, klen, val, vlen, &block, &cap);
	buf_free(&block);
}

/*
 * The section a topics key names: a top-level label without its dot ("II"),
 * or else an ordinal path ("5.1.3"); -1 when there is none.
 */
static long
import_topic_section(const struct doc *doc, const char *key)
{
	size_t		 klen = strlen(key), i, llen;
	const char	*p = key;
	char		*end;
	unsigned long	 ord;
	long		 cur = -1;
	int		 depth = 0;

	if (klen > 1 && key[klen - 1] == '.')
		klen--;
	for (i = 0; i < doc->n_sections; i++) {
		llen = strlen(doc->sections[i].label);
		if (llen > 0)
			llen--;		/* "II." without its dot */
		if (doc->sections[i].depth == 1 && llen == klen &&
		    strncasecmp(doc->sections[i].label, key, klen) == 0)
			return (long)i;
	}
	for (;;) {
		if (!isdigit((unsigned char)*p))
			return -1;
		ord = strtoul(p, &end, 10);
		depth++;
		for (i = cur + 1; i < doc->n_sections; i++) {
			if (doc->sections[i].depth < depth)
				return -1;
			if (doc->sections[i].depth == depth && --ord == 0)
				break;
		}
		if (i == doc->n_sections || ord != 0)
			return -1;
		cur = (long)i;
		if (*end == '\0' || (*end == '.' && end[1] == '\0'))
			return cur;
		if (*end != '.')
			return -1;
		p = end + 1;
	}
}

/* Gives sections their topics; keys that name no section are ignored. */
void
import_topics(struct import_ctx *ctx)
{
	struct doc_section	*sec;
	long			 i;

	for (size_t t = 0; t < ctx->n_topics; t++) {
		if ((i = import_topic_section(ctx->doc, ctx->topics[t].key)) < 0)
			continue;
		sec = &ctx->doc->sections[i];
		if (sec->topic == NULL)
			sec->topic = xstrdup(ctx->topics[t].name);
	}
}
