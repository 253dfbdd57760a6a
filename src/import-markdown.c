/*
 * import-markdown.c: the body of a Markdown briefing, for import.c.  Block
 * structure (ATX and setext headings, paragraphs, list items, fenced code,
 * block quotes) and inline syntax, which becomes plain text: emphasis and
 * code markers, link targets and backslash escapes go, their text stays.
 * This is a reader's subset of CommonMark; DESIGN.md section 4 says what
 * brief needs.  Every step is linear in the length of the text.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import-internal.h"
#include "text.h"
#include "util.h"

/* Link destinations longer than this are not looked for. */
#define IMPORT_MD_URL_MAX	4096
/* Marks a byte of the output as deleted (never in sanitised UTF-8). */
#define IMPORT_MD_DELETED	((char)0xff)

/* A possible opener: output offset and length ("[", "![", "**", ...). */
struct import_mark {
	size_t	off;
	size_t	len;
};

struct import_marks {
	struct import_mark	*v;
	size_t			 n;
	size_t			 cap;
};

/* Inline state: the text, the output and the openers still unmatched. */
struct import_md_inline {
	const char		*s;
	size_t			 n;
	struct buf		*out;
	struct import_marks	 brackets;
	struct import_marks	 delims[3];	/* '*', '_', '~' */
	uint64_t		 no_code;	/* backtick runs with no closer */
};

/* Block state: the paragraph (or list item) collected so far. */
struct import_md {
	struct import_ctx	*ctx;
	struct buf		 raw;
	int			 list;		/* raw is a list item */
	char			 fence;		/* '`' or '~' inside a code block */
	size_t			 fence_len;
};

static void
import_md_push(struct import_marks *m, size_t off, size_t len)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 16;
		m->v = xreallocarray(m->v, m->cap, sizeof *m->v);
	}
	m->v[m->n].off = off;
	m->v[m->n].len = len;
	m->n++;
}

/* Deletes len bytes of output at off (removed when the text is done). */
static void
import_md_delete(struct import_md_inline *st, size_t off, size_t len)
{
	memset(st->out->data + off, IMPORT_MD_DELETED, len);
}

static int
import_md_special(char c)
{
	return c == '\\' || c == '`' || c == '*' || c == '_' || c == '~' ||
	    c == '[' || c == ']' || c == '!' || c == '<';
}

/* A letter or digit, for intraword underscores (non-ASCII counts). */
static int
import_md_wordc(char c)
{
	return isalnum((unsigned char)c) || (unsigned char)c >= 0x80;
}

/*
 * A code span: a run of k backticks up to the next run of exactly k.  Its
 * text is kept as it is, less one space on each side.  A length once found
 * to have no closer is not searched for again, so this stays linear.
 */
static size_t
import_md_code(struct import_md_inline *st, size_t i)
{
	const char	*s = st->s;
	size_t		 k = 0, j, r, a, b;

	while (i + k < st->n && s[i + k] == '`')
		k++;
	if (k < 64 && (st->no_code & ((uint64_t)1 << k)) == 0) {
		for (j = i + k; j < st->n; j += r ? r : 1) {
			for (r = 0; j + r < st->n && s[j + r] == '`'; r++)
				;
			if (r != k)
				continue;
			a = i + k;
			b = j;
			if (b - a >= 2 && s[a] == ' ' && s[b - 1] == ' ') {
				a++;
				b--;
			}
			buf_add(st->out, s + a, b - a);
			return j + k;
		}
		st->no_code |= (uint64_t)1 << k;
	}
	buf_add(st->out, s + i, k);
	return i + k;
}

/*
 * A run of '*', '_' (or "~~"): it can open emphasis when a word follows it
 * and close emphasis when a word precedes it; '_' not inside a word.  A
 * closer deletes itself and the nearest opener of the same character.
 */
static size_t
import_md_delim(struct import_md_inline *st, size_t i)
{
	const char		*s = st->s;
	char			 c = s[i], prev, next;
	size_t			 k = 0, off = st->out->len;
	struct import_marks	*m;
	int			 open, close;

	while (i + k < st->n && s[i + k] == c)
		k++;
	buf_add(st->out, s + i, k);
	if (c == '~' && k != 2)
		return i + k;
	m = &st->delims[c == '*' ? 0 : c == '_' ? 1 : 2];
	prev = i > 0 ? s[i - 1] : ' ';
	next = i + k < st->n ? s[i + k] : ' ';
	open = next != ' ';
	close = prev != ' ';
	if (c == '_') {
		open = open && !import_md_wordc(prev);
		close = close && !import_md_wordc(next);
	}
	if (close && m->n > 0) {
		m->n--;
		import_md_delete(st, m->v[m->n].off, m->v[m->n].len);
		import_md_delete(st, off, k);
	} else if (open)
		import_md_push(m, off, k);
	return i + k;
}

/* The end of "(destination)" or "[label]" starting at i, or 0. */
static size_t
import_md_target(const char *s, size_t n, size_t i)
{
	char	open = s[i], close = open == '(' ? ')' : ']';
	size_t	j, lim = n - i > IMPORT_MD_URL_MAX ? i + IMPORT_MD_URL_MAX : n;
	int	depth = 0;

	for (j = i; j < lim; j++) {
		if (s[j] == '\\' && j + 1 < lim)
			j++;
		else if (s[j] == open)
			depth++;
		else if (s[j] == close && --depth == 0)
			return j;
	}
	return 0;
}

/*
 * A ']' closes the nearest '[' (or "![") when a destination or a label
 * follows: the brackets and the destination go, the link text stays.
 * Otherwise both brackets are kept as text ("[1]").
 */
static size_t
import_md_bracket(struct import_md_inline *st, size_t i)
{
	struct import_marks	*m = &st->brackets;
	size_t			 end = 0;

	if (m->n > 0 && i + 1 < st->n &&
	    (st->s[i + 1] == '(' || st->s[i + 1] == '['))
		end = import_md_target(st->s, st->n, i + 1);
	if (end == 0) {
		if (m->n > 0)
			m->n--;
		buf_addc(st->out, ']');
		return i + 1;
	}
	m->n--;
	import_md_delete(st, m->v[m->n].off, m->v[m->n].len);
	return end + 1;
}

/* "<https://...>" becomes the address; any other '<' is text. */
static size_t
import_md_autolink(struct import_md_inline *st, size_t i)
{
	static const char *const schemes[] = {
		"http://", "https://", "mailto:", "ftp://"
	};
	const char	*s = st->s + i + 1;
	size_t		 left = st->n - i - 1, j, k, l;

	for (k = 0; k < sizeof schemes / sizeof schemes[0]; k++) {
		l = strlen(schemes[k]);
		if (left > l && strncasecmp(s, schemes[k], l) == 0)
			break;
	}
	if (k < sizeof schemes / sizeof schemes[0]) {
		for (j = 0; j < left && j < IMPORT_MD_URL_MAX; j++) {
			if (s[j] == ' ' || s[j] == '<')
				break;
			if (s[j] == '>') {
				buf_add(st->out, s, j);
				return i + j + 2;
			}
		}
	}
	buf_addc(st->out, '<');
	return i + 1;
}

/* One step of the inline scan at s[i]; returns where the next starts. */
static size_t
import_md_step(struct import_md_inline *st, size_t i)
{
	const char	*s = st->s;
	size_t		 j;

	switch (s[i]) {
	case '\\':
		if (i + 1 < st->n && ispunct((unsigned char)s[i + 1])) {
			buf_addc(st->out, s[i + 1]);
			return i + 2;
		}
		break;
	case '`':
		return import_md_code(st, i);
	case '*':
	case '_':
	case '~':
		return import_md_delim(st, i);
	case '!':
		if (i + 1 < st->n && s[i + 1] == '[') {
			import_md_push(&st->brackets, st->out->len, 2);
			buf_add(st->out, "![", 2);
			return i + 2;
		}
		break;
	case '[':
		import_md_push(&st->brackets, st->out->len, 1);
		break;
	case ']':
		return import_md_bracket(st, i);
	case '<':
		return import_md_autolink(st, i);
	default:
		for (j = i + 1; j < st->n && !import_md_special(s[j]); j++)
			;
		buf_add(st->out, s + i, j - i);
		return j;
	}
	buf_addc(st->out, s[i]);
	return i + 1;
}

/* Appends the plain text of Markdown inline text s to out. */
static void
import_md_inline(const char *s, size_t n, struct buf *out)
{
	struct import_md_inline	 st;
	size_t			 i = 0, j, start = out->len;

	memset(&st, 0, sizeof st);
	st.s = s;
	st.n = n;
	st.out = out;
	while (i < n)
		i = import_md_step(&st, i);
	for (i = j = start; i < out->len; i++) {
		if (out->data[i] != IMPORT_MD_DELETED)
			out->data[j++] = out->data[i];
	}
	out->len = j;
	if (out->data != NULL)
		out->data[j] = '\0';
	free(st.brackets.v);
	for (i = 0; i < 3; i++)
		free(st.delims[i].v);
}

/* Ends the paragraph or list item collected so far. */
static void
import_md_flush(struct import_md *md)
{
	if (md->raw.len > 0) {
		import_md_inline(md->raw.data, md->raw.len, &md->ctx->para);
		import_para_end(md->ctx);
	}
	md->raw.len = 0;
	md->list = 0;
}

/* Length of a run of c at the start of s. */
static size_t
import_md_run(const char *s, size_t n, char c)
{
	size_t	i = 0;

	while (i < n && s[i] == c)
		i++;
	return i;
}

/* True for a line of one character (with spaces), at least min of it. */
static int
import_md_rule(const char *s, size_t n, const char *chars, size_t min)
{
	size_t	i, count = 0;

	if (n == 0 || strchr(chars, s[0]) == NULL)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == s[0])
			count++;
		else if (s[i] != ' ')
			return 0;
	}
	return count >= min;
}

/* A list item marker ("-", "*", "+", "1.", "1)") and a space. */
static int
import_md_list_item(const char *s, size_t n)
{
	size_t	i = 0;

	if (n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') &&
	    s[1] == ' ')
		return 1;
	while (i < n && i < 10 && isdigit((unsigned char)s[i]))
		i++;
	return i > 0 && i + 1 < n && (s[i] == '.' || s[i] == ')') &&
	    s[i + 1] == ' ';
}

/*
 * Before the first heading, a document whose only text so far is one short
 * line that is not a sentence (an author, or the citation brief writes first
 * in an export) takes it as its byline, as plain text does, unless the front
 * matter gave one.
 */
static void
import_md_byline(struct import_ctx *ctx)
{
	struct doc *doc = ctx->doc;
	const char *p;
	size_t n;

	if (doc->n_sections > 0 || doc->byline != NULL || doc->n_preface != 1)
		return;
	p = doc->preface[0];
	n = strlen(p);
	if (n == 0 || text_width(p, n) > 100 || strchr("-*+>", p[0]) != NULL ||
	    strchr(".?!", p[n - 1]) != NULL)
		return;
	doc->byline = doc->preface[0];
	doc->preface[0] = NULL;
	doc->n_preface = 0;
}

/* "# Title #": level 1 to 6, the title without the closing hashes. */
static int
import_md_atx(struct import_md *md, const char *s, size_t n)
{
	size_t		 level = import_md_run(s, n, '#'), end;
	struct buf	 title = { NULL, 0, 0 };

	if (level == 0 || level > 6 || (level < n && s[level] != ' '))
		return 0;
	s += level;
	n -= level;
	import_trim(&s, &n);
	end = n;
	while (end > 0 && s[end - 1] == '#')
		end--;
	if (end == 0 || s[end - 1] == ' ')
		n = end;
	import_trim(&s, &n);
	import_md_flush(md);
	import_md_inline(s, n, &title);
	import_md_byline(md->ctx);
	import_heading(md->ctx, (int)level, "", title.data ? title.data : "",
	    title.len);
	buf_free(&title);
	return 1;
}

/* A paragraph underlined with "===" or "---" is a heading. */
static int
import_md_setext(struct import_md *md, const char *s, size_t n)
{
	struct buf	title = { NULL, 0, 0 };
	int		level;

	if (md->raw.len == 0 || md->list)
		return 0;
	if (import_md_rule(s, n, "=", 2) && memchr(s, ' ', n) == NULL)
		level = 1;
	else if (import_md_rule(s, n, "-", 2) && memchr(s, ' ', n) == NULL)
		level = 2;
	else
		return 0;
	import_md_inline(md->raw.data, md->raw.len, &title);
	md->raw.len = 0;
	import_md_byline(md->ctx);
	import_heading(md->ctx, level, "", title.data ? title.data : "",
	    title.len);
	buf_free(&title);
	return 1;
}

/* An opening code fence: three or more '`' or '~'. */
static int
import_md_fence_open(struct import_md *md, const char *s, size_t n)
{
	size_t	k;

	if (n < 3 || (s[0] != '`' && s[0] != '~'))
		return 0;
	if ((k = import_md_run(s, n, s[0])) < 3)
		return 0;
	if (s[0] == '`' && memchr(s + k, '`', n - k) != NULL)
		return 0;	/* a code span, not a fence */
	import_md_flush(md);
	md->fence = s[0];
	md->fence_len = k;
	return 1;
}

/* A line inside a fenced code block: a paragraph of its own, verbatim. */
static void
import_md_code_line(struct import_md *md, const char *s, size_t n)
{
	const char	*t = s;
	size_t		 tn = n;

	import_trim(&t, &tn);
	if (tn >= md->fence_len && t[0] == md->fence &&
	    import_md_run(t, tn, md->fence) == tn) {
		md->fence = 0;
		return;
	}
	import_para_verbatim(md->ctx, s, n);
}

/* A link reference definition: "[label]: destination". */
static int
import_md_refdef(const char *s, size_t n)
{
	size_t	i;

	if (n < 4 || s[0] != '[')
		return 0;
	for (i = 1; i + 2 < n && s[i] != ']'; i++)
		;
	return i + 2 < n && s[i] == ']' && s[i + 1] == ':' &&
	    s[i + 2] == ' ';
}

/* One line of a Markdown body outside code blocks. */
static void
import_md_line(struct import_md *md, const char *s, size_t n)
{
	import_trim(&s, &n);
	while (n > 0 && s[0] == '>') {	/* block quotes: their text */
		s++;
		n--;
		import_trim(&s, &n);
	}
	if (n == 0) {
		import_md_flush(md);
		return;
	}
	if (import_md_fence_open(md, s, n) || import_md_atx(md, s, n) ||
	    import_md_setext(md, s, n))
		return;
	if (import_md_rule(s, n, "*-_", 3)) {
		import_md_flush(md);	/* a thematic break */
		return;
	}
	if (import_md_refdef(s, n)) {
		import_md_flush(md);	/* a link reference definition */
		return;
	}
	if (import_md_list_item(s, n)) {
		import_md_flush(md);
		md->list = 1;
	} else if (md->raw.len > 0)
		buf_addc(&md->raw, ' ');
	buf_add(&md->raw, s, n);
}

void
import_markdown(struct import_ctx *ctx, const char *s, size_t n)
{
	struct import_md	 md;
	struct import_iter	 it = { s, s + n, 0 };
	const char		*line;
	size_t			 len;

	memset(&md, 0, sizeof md);
	md.ctx = ctx;
	while (import_next_line(&it, &line, &len)) {
		if (md.fence != 0)
			import_md_code_line(&md, line, len);
		else
			import_md_line(&md, line, len);
	}
	import_md_flush(&md);
	buf_free(&md.raw);
}
