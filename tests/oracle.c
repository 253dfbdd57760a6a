/*
 * oracle.c: an independent model of brief's search for the tests (see
 * oracle.h).  Everything here is libunistring and plain C: no function of
 * brief's own is called, so the tests that compare brief with it do not
 * agree by construction.
 */
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "oracle.h"

static void *
oracle_alloc(void *p, size_t n)
{
	if ((p = realloc(p, n ? n : 1)) == NULL)
		abort();
	return p;
}

static char *
oracle_strndup(const char *s, size_t n)
{
	char *r = oracle_alloc(NULL, n + 1);

	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

/* Scripts written without spaces between words: each character is a
 * position of its own. */
static bool
oracle_is_cjk_script(ucs4_t c)
{
	static const char *const names[] = {
		"Hangul", "Hiragana", "Katakana", "Han",
	};
	const uc_script_t *s = uc_script(c);

	if (s == NULL)
		return false;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(s->name, names[i]) == 0)
			return true;
	return false;
}

enum oracle_kind
oracle_class(unsigned int c)
{
	/* Marks join the letter they follow (or are ignored after CJK). */
	if (uc_is_general_category(c, UC_CATEGORY_M))
		return ORACLE_MARK;
	/* Hangul, kana and Han letters; the prolonged sound mark (Common
	 * script, but written only inside kana words) with them. */
	if ((uc_is_general_category(c, UC_CATEGORY_L) ||
	    uc_is_general_category(c, UC_CATEGORY_Nl)) &&
	    (oracle_is_cjk_script(c) || c == 0x30FC))
		return ORACLE_CJK;
	/* Letters and digits of every other script make words. */
	if (uc_is_general_category(c, UC_CATEGORY_L) ||
	    uc_is_general_category(c, UC_CATEGORY_N))
		return ORACLE_WORD;
	return ORACLE_SEP;
}

/* s with every invalid byte made a space (a separator, as in the text). */
static char *
oracle_valid(const char *s, size_t len, size_t *outlen)
{
	char *r = oracle_alloc(NULL, len + 1);
	size_t i = 0, o = 0;

	while (i < len) {
		ucs4_t c;
		int l = u8_mbtoucr(&c, (const uint8_t *)s + i, len - i);

		if (l < 0) {
			r[o++] = ' ';
			i++;
			continue;
		}
		memcpy(r + o, s + i, (size_t)l);
		o += (size_t)l;
		i += (size_t)l;
	}
	*outlen = o;
	return r;
}

/* Enclosed numerals and letters (① ⑴ ㉠ ❶): searched as themselves, not
 * as the digit or letter NFKC makes of them. */
static bool
oracle_enclosed(ucs4_t c)
{
	return (c >= 0x2460 && c <= 0x24FF) || (c >= 0x2776 && c <= 0x2793) ||
	    (c >= 0x3200 && c <= 0x320D) || (c >= 0x3220 && c <= 0x3247) ||
	    (c >= 0x3251 && c <= 0x327E) || (c >= 0x3280 && c <= 0x32BF) ||
	    (c >= 0x1F100 && c <= 0x1F1AD);
}

/*
 * NFKC and full case folding of s, one stretch between enclosed numerals
 * at a time, the numerals kept as they are.
 */
char *
oracle_fold(const char *s, size_t len)
{
	size_t vlen, flen, i = 0, from = 0, out = 0;
	char *v = oracle_valid(s, len, &vlen), *r = NULL;

	while (i <= vlen) {
		ucs4_t c = 0;
		int l = i < vlen ? u8_mbtouc(&c, (const uint8_t *)v + i,
		    vlen - i) : 1;

		if (i == vlen || oracle_enclosed(c)) {
			uint8_t *f = u8_casefold((const uint8_t *)v + from,
			    i - from, NULL, UNINORM_NFKC, NULL, &flen);

			if (f == NULL)
				abort();
			r = oracle_alloc(r, out + flen + 5);
			memcpy(r + out, f, flen);
			out += flen;
			free(f);
			if (i < vlen) {
				memcpy(r + out, v + i, (size_t)l);
				out += (size_t)l;
			}
			from = i + (size_t)l;
		}
		i += (size_t)l;
	}
	r[out] = '\0';
	free(v);
	return r;
}

static void
oracle_push(struct oracle_text *t, enum oracle_kind kind, const char *s,
    size_t n, int run, int group)
{
	t->v = oracle_alloc(t->v, (t->n + 1) * sizeof *t->v);
	t->v[t->n].kind = kind;
	t->v[t->n].text = oracle_strndup(s, n);
	t->v[t->n].group = group;
	t->v[t->n++].run = run;
}

static bool
oracle_syllable(ucs4_t c)
{
	return c >= 0xAC00 && c <= 0xD7A3;
}

void
oracle_text_read(struct oracle_text *t, const char *s, size_t len)
{
	char *f = oracle_fold(s, len);
	const uint8_t *p = (const uint8_t *)f, *word = NULL;
	enum oracle_kind cur = ORACLE_SEP;
	size_t n = strlen(f), i = 0;
	int run = 0, group = 0, word_group = 0;
	bool spaces_only = false;
	ucs4_t last = 0;

	t->v = NULL;
	t->n = 0;
	while (i <= n) {
		ucs4_t c = 0;
		int l = i < n ? u8_mbtouc(&c, p + i, n - i) : 1;
		enum oracle_kind k = i < n ? oracle_class(c) : ORACLE_SEP;

		if (k == ORACLE_MARK)
			k = cur == ORACLE_SEP ? ORACLE_SEP : cur;
		if (cur == ORACLE_WORD && k != ORACLE_WORD)
			oracle_push(t, ORACLE_WORD, (const char *)word,
			    (size_t)(p + i - word), run, word_group);
		/* A new run starts a group, unless it is Hangul after Hangul
		 * with only spaces between them. */
		if (k != cur && k != ORACLE_SEP) {
			run++;
			if (!(cur == ORACLE_SEP && spaces_only &&
			    oracle_syllable(last) && oracle_syllable(c)))
				group++;
		}
		if (k == ORACLE_WORD && cur != ORACLE_WORD) {
			word = p + i;
			word_group = group;
		}
		if (k == ORACLE_CJK && oracle_class(c) == ORACLE_CJK)
			oracle_push(t, ORACLE_CJK, (const char *)p + i,
			    (size_t)l, run, group);
		if (k == ORACLE_SEP && i < n && c != ' ')
			spaces_only = false;
		if (k != ORACLE_SEP && oracle_class(c) != ORACLE_MARK) {
			last = c;
			spaces_only = true;
		}
		cur = k;
		i += (size_t)l;
	}
	free(f);
}

void
oracle_text_free(struct oracle_text *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].text);
	free(t->v);
	t->v = NULL;
	t->n = 0;
}

/* White space separates the terms of a query. */
static bool
oracle_space(ucs4_t c)
{
	return uc_is_property_white_space(c);
}

static void
oracle_term_add(struct oracle_query *q, const char *s, size_t n, bool star)
{
	struct oracle_term t;

	oracle_text_read(&t.units, s, n);
	if (t.units.n == 0) {
		oracle_text_free(&t.units);
		return;
	}
	/* A * makes the last word a prefix, when the term ends in a word. */
	t.prefix = star && t.units.v[t.units.n - 1].kind == ORACLE_WORD;
	q->v = oracle_alloc(q->v, (q->n + 1) * sizeof *q->v);
	q->v[q->n++] = t;
}

void
oracle_query_parse(struct oracle_query *q, const char *input, size_t len)
{
	size_t n, i = 0;
	char *s = oracle_valid(input, len, &n);

	q->v = NULL;
	q->n = 0;
	/* Control characters are spaces. */
	for (size_t j = 0; j < n; j++)
		if ((unsigned char)s[j] < 0x20 || s[j] == 0x7F)
			s[j] = ' ';
	while (i < n) {
		ucs4_t c;
		int l = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
		size_t start, end;
		bool star = false;

		if (oracle_space(c) || (c >= 0x80 && c <= 0x9F)) {
			i += (size_t)l;
			continue;
		}
		if (c == '"') {		/* a phrase, to the next quote or the end */
			start = ++i;
			while (i < n && s[i] != '"')
				i++;
			end = i;
			if (i < n)
				i++;
			for (; i < n && s[i] == '*'; i++)
				star = true;
		} else {		/* a word, to a space or a quote */
			start = i;
			while (i < n && s[i] != '"') {
				l = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
				if (oracle_space(c) || (c >= 0x80 && c <= 0x9F))
					break;
				i += (size_t)l;
			}
			for (end = i; end > start && s[end - 1] == '*'; end--)
				star = true;
		}
		oracle_term_add(q, s + start, end - start, star);
	}
	free(s);
}

void
oracle_query_free(struct oracle_query *q)
{
	for (size_t i = 0; i < q->n; i++)
		oracle_text_free(&q->v[i].units);
	free(q->v);
	q->v = NULL;
	q->n = 0;
}

/*
 * The rules.  A term stands at position p of a text when each of its units
 * matches the text's unit at the same offset from p (rule 1 or 2) and each
 * group of the term obeys rule 3.  Separators take no position, so "TSMC를"
 * stands in "TSMC 를"; Korean is spacing-insensitive, so "기술 경쟁" as a
 * phrase stands in "기술경쟁" and "금융위원회위원장" in "금융위원회 위원장".
 */

/* Rule 1: a word matches the same whole word; the last word of a term with
 * a * matches every word it starts. */
static bool
oracle_rule_word(const struct oracle_unit *text, const struct oracle_unit *q,
    bool prefix)
{
	if (text->kind != ORACLE_WORD || q->kind != ORACLE_WORD)
		return false;
	if (prefix)
		return strncmp(text->text, q->text, strlen(q->text)) == 0;
	return strcmp(text->text, q->text) == 0;
}

/* Rule 2: a Hangul, kana or Han character matches the same character,
 * wherever it stands (one-syllable searches find it inside words). */
static bool
oracle_rule_cjk(const struct oracle_unit *text, const struct oracle_unit *q)
{
	return text->kind == ORACLE_CJK && q->kind == ORACLE_CJK &&
	    strcmp(text->text, q->text) == 0;
}

/* Rule 3: characters the query writes together (two or more Hangul, kana
 * or Han in a row, or Hangul words with only spaces between them) stand
 * together in the text: in one word, or in Hangul words with only spaces
 * between them.  "경제안보" is found in "경제 안보", not in "경제, 안보";
 * "日本経済" not in "日本 経済". */
static bool
oracle_rule_together(const struct oracle_text *text, size_t p,
    const struct oracle_term *term, size_t from, size_t to)
{
	if (term->units.v[from].kind != ORACLE_CJK || to - from < 2)
		return true;
	for (size_t i = from + 1; i < to; i++)
		if (text->v[p + i].group != text->v[p + from].group)
			return false;
	return true;
}

bool
oracle_term_at(const struct oracle_text *text, const struct oracle_term *term,
    size_t p)
{
	const struct oracle_text *u = &term->units;

	if (p + u->n > text->n)
		return false;
	for (size_t i = 0; i < u->n; i++) {
		bool prefix = term->prefix && i == u->n - 1;

		if (!oracle_rule_word(&text->v[p + i], &u->v[i], prefix) &&
		    !oracle_rule_cjk(&text->v[p + i], &u->v[i]))
			return false;
	}
	for (size_t from = 0, to; from < u->n; from = to) {
		for (to = from + 1; to < u->n &&
		    u->v[to].group == u->v[from].group; to++)
			;
		if (!oracle_rule_together(text, p, term, from, to))
			return false;
	}
	return true;
}

bool
oracle_term_in(const struct oracle_text *text, const struct oracle_term *term)
{
	for (size_t p = 0; p < text->n; p++)
		if (oracle_term_at(text, term, p))
			return true;
	return false;
}

bool
oracle_matches(const struct oracle_query *q, const struct oracle_text *title,
    const struct oracle_text *body)
{
	if (q->n == 0)
		return false;
	for (size_t i = 0; i < q->n; i++)
		if (!oracle_term_in(title, &q->v[i]) &&
		    !oracle_term_in(body, &q->v[i]))
			return false;
	return true;
}
