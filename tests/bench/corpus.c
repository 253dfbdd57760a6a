/*
 * corpus.c: brief-corpus, the synthetic library of the benchmark (DESIGN.md
 * section 7; tests/bench/README-section.md explains the figures).
 *
 *	brief-corpus N DIR [SEED]
 *
 * writes N briefings DIR/b00001.txt ... of about 30 KB each in the shape of
 * the bundled briefing (front matter, a byline, I./1./1) headings, text as
 * extracted from a PDF: a blank line after every line, words broken at line
 * ends), and DIR/queries.tsv, CLASS<TAB>QUERY lines.
 *
 * The words come from a generated vocabulary with Zipf-like frequencies
 * (most words rare, a few in nearly every briefing): Korean-looking words of
 * one to four Hangul syllables (themselves drawn from a skewed inventory of
 * syllables), sometimes with a particle, compounds of two words, two-word
 * collocations, Latin words and katakana names.  Sentence lengths follow the
 * bundled briefing.  Everything comes from one splitmix64 generator seeded by
 * SEED, so the same arguments give the same bytes; briefing i depends only on
 * SEED and i, so a small corpus is the start of a larger one.
 */
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

#define CORPUS_TARGET		30000	/* bytes of a briefing, about */
#define CORPUS_SYLLABLES	1600	/* the Hangul syllable inventory */
#define CORPUS_KOREAN		150000	/* Korean words */
#define CORPUS_COMPOUNDS	20000
#define CORPUS_PHRASES		5000
#define CORPUS_LATIN		8000
#define CORPUS_KATAKANA		3000
#define CORPUS_ZIPF_S		1.05
#define CORPUS_LINE		48	/* characters of an extracted line */

/* A splitmix64 generator: small, fast and the same everywhere. */
struct rng {
	uint64_t	s;
};

/* A Zipf distribution over ranks 0 .. n - 1 (rank 0 the most frequent). */
struct zipf {
	double	*cdf;
	size_t	 n;
};

/* Words in rank order, drawn with a Zipf distribution. */
struct vocab {
	char		**w;
	size_t		  n;
	struct zipf	  z;
};

struct corpus {
	struct rng	 rng;
	uint32_t	 syl[CORPUS_SYLLABLES];	/* code points, by rank */
	struct zipf	 sylz;
	struct vocab	 ko;
	struct vocab	 compound;
	struct vocab	 phrase;
	struct vocab	 latin;
	struct vocab	 kana;
};

/*
 * Words per sentence in the bundled briefing (assets/japan-tech-
 * competition.txt, split after "다."), one entry a sentence: sentence
 * lengths are drawn from this list.
 */
static const unsigned char corpus_sentence_words[] = {
	6, 8, 9, 9, 9, 9, 10, 11, 11, 11, 11, 12, 12, 13, 13, 13, 14, 14, 14,
	14, 15, 15, 15, 16, 16, 16, 16, 16, 16, 17, 17, 17, 17, 17, 17, 17, 17,
	17, 18, 18, 18, 18, 19, 19, 19, 19, 19, 20, 20, 20, 20, 21, 21, 21, 21,
	21, 21, 22, 23, 23, 24, 24, 24, 25, 25, 25, 25, 26, 26, 27, 28, 28, 29,
	30, 32, 32, 35, 35, 37, 39, 40, 41, 46, 61,
};

static const char *const corpus_particles_final[] = {	/* after a final */
	"은", "이", "을", "의", "에서", "과", "으로", "에", "도",
};
static const char *const corpus_particles_open[] = {	/* after a vowel */
	"는", "가", "를", "의", "에서", "와", "로", "에", "도",
};
static const char *const corpus_endings[] = {
	"하였다", "한다", "이다", "있다", "된다", "하고 있다", "할 수 있다",
	"것이다", "하였다는 점이다",
};
static const char *const corpus_topics[] = {
	"security", "industrial-policy", "innovation", "cooperation", "space",
	"semiconductors", "cyber", "quantum", "energy", "trade", "supply-chains",
	"standards", "talent", "finance", "outlook", "background",
};
static const char *const corpus_roman[] = {
	"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
};

static uint64_t
rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A number in [0, n). */
static size_t
rng_below(struct rng *r, size_t n)
{
	return (size_t)(rng_next(r) % n);
}

/* A number in [0, 1). */
static double
rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) / 9007199254740992.0;
}

/* True with probability p. */
static bool
rng_chance(struct rng *r, double p)
{
	return rng_unit(r) < p;
}

static void
zipf_init(struct zipf *z, size_t n, double s)
{
	double sum = 0;

	z->cdf = xreallocarray(NULL, n, sizeof *z->cdf);
	z->n = n;
	for (size_t i = 0; i < n; i++) {
		sum += 1.0 / pow((double)(i + 1), s);
		z->cdf[i] = sum;
	}
	for (size_t i = 0; i < n; i++)
		z->cdf[i] /= sum;
}

/* A rank, by binary search of the cumulative distribution. */
static size_t
zipf_draw(const struct zipf *z, struct rng *r)
{
	double u = rng_unit(r);
	size_t lo = 0, hi = z->n - 1;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (z->cdf[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Appends code point c as UTF-8 (only BMP characters are used here). */
static void
corpus_putcp(struct buf *b, uint32_t c)
{
	char u[3];

	if (c < 0x80) {
		buf_addc(b, (char)c);
		return;
	}
	if (c < 0x800) {
		u[0] = (char)(0xc0 | (c >> 6));
		u[1] = (char)(0x80 | (c & 0x3f));
		buf_add(b, u, 2);
		return;
	}
	u[0] = (char)(0xe0 | (c >> 12));
	u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
	u[2] = (char)(0x80 | (c & 0x3f));
	buf_add(b, u, 3);
}

/* An index drawn from a table of integer weights. */
static size_t
corpus_weighted(struct rng *r, const unsigned char *w, size_t n)
{
	size_t total = 0, x;

	for (size_t i = 0; i < n; i++)
		total += w[i];
	x = rng_below(r, total);
	for (size_t i = 0; i < n; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}

/*
 * The syllable inventory: distinct syllables built from initial, medial and
 * final jamo with rough Korean frequencies, ranked in the order drawn.
 */
static void
corpus_syllables(struct corpus *c)
{
	static const unsigned char lw[19] = {	/* ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ... */
		12, 1, 8, 8, 1, 6, 6, 6, 1, 9, 2, 16, 9, 1, 5, 3, 3, 3, 8,
	};
	static const unsigned char vw[21] = {	/* ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ... */
		16, 5, 2, 1, 10, 4, 3, 1, 9, 3, 2, 2, 2, 6, 2, 2, 1, 4, 12, 2, 12,
	};
	static const unsigned char tw[28] = {	/* none ㄱ ㄲ ㄳ ㄴ ... */
		60, 7, 0, 0, 12, 0, 0, 1, 8, 0, 0, 0, 0, 0, 0, 0, 5, 3, 0,
		1, 0, 9, 0, 0, 0, 0, 0, 0,
	};
	unsigned char *seen = xcalloc(11172, 1);
	size_t n = 0;

	while (n < CORPUS_SYLLABLES) {
		size_t l = corpus_weighted(&c->rng, lw, 19);
		size_t v = corpus_weighted(&c->rng, vw, 21);
		size_t t = corpus_weighted(&c->rng, tw, 28);
		size_t i = (l * 21 + v) * 28 + t;

		if (seen[i])
			continue;
		seen[i] = 1;
		c->syl[n++] = 0xac00 + (uint32_t)i;
	}
	free(seen);
	zipf_init(&c->sylz, CORPUS_SYLLABLES, 0.7);
}

/* A set of strings, to keep a vocabulary free of duplicates. */
struct strset {
	const char	**v;
	size_t		  cap;
};

static uint64_t
strset_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

/* Adds s unless present; returns whether it was added. */
static bool
strset_add(struct strset *set, const char *s)
{
	size_t i = (size_t)(strset_hash(s) & (set->cap - 1));

	while (set->v[i] != NULL) {
		if (strcmp(set->v[i], s) == 0)
			return false;
		i = (i + 1) & (set->cap - 1);
	}
	set->v[i] = s;
	return true;
}

/* The rank of a syllable count: one 6%, two 44%, three 32%, four 18%. */
static size_t
corpus_word_length(struct rng *r)
{
	static const unsigned char w[4] = { 6, 44, 32, 18 };

	return corpus_weighted(r, w, 4) + 1;
}

static char *
corpus_korean_word(struct corpus *c)
{
	struct buf b = { 0 };
	size_t n = corpus_word_length(&c->rng);

	for (size_t i = 0; i < n; i++)
		corpus_putcp(&b, c->syl[zipf_draw(&c->sylz, &c->rng)]);
	return buf_take(&b);
}

static char *
corpus_latin_word(struct corpus *c)
{
	static const char cons[] = "bcdfghklmnprstvz", vow[] = "aeiou";
	struct buf b = { 0 };
	size_t kind = rng_below(&c->rng, 10), n;

	if (kind == 0) {	/* an acronym */
		n = 3 + rng_below(&c->rng, 3);
		for (size_t i = 0; i < n; i++)
			buf_addc(&b, (char)('A' + rng_below(&c->rng, 26)));
		return buf_take(&b);
	}
	n = 2 + rng_below(&c->rng, 3);
	for (size_t i = 0; i < n; i++) {
		buf_addc(&b, cons[rng_below(&c->rng, sizeof cons - 1)]);
		buf_addc(&b, vow[rng_below(&c->rng, sizeof vow - 1)]);
		if (rng_chance(&c->rng, 0.25))
			buf_addc(&b, cons[rng_below(&c->rng, sizeof cons - 1)]);
	}
	if (kind < 4)
		b.data[0] = (char)(b.data[0] - 'a' + 'A');
	return buf_take(&b);
}

static char *
corpus_katakana_word(struct corpus *c)
{
	struct buf b = { 0 };
	size_t n = 2 + rng_below(&c->rng, 4);

	for (size_t i = 0; i < n; i++) {
		corpus_putcp(&b, 0x30a2 + (uint32_t)rng_below(&c->rng, 0x52));
		if (i > 0 && i + 1 < n && rng_chance(&c->rng, 0.15))
			corpus_putcp(&b, 0x30fc);	/* ー */
	}
	return buf_take(&b);
}

/* Two Korean words drawn by frequency, joined by sep ("" or " "). */
static char *
corpus_pair(struct corpus *c, const char *sep)
{
	const char *a = c->ko.w[zipf_draw(&c->ko.z, &c->rng)];
	const char *b = c->ko.w[zipf_draw(&c->ko.z, &c->rng)];

	return xasprintf("%s%s%s", a, sep, b);
}

enum corpus_kind { KOREAN, LATIN, KATAKANA, COMPOUND, PHRASE };

/* Fills a vocabulary of n distinct words of one kind, in rank order. */
static void
corpus_vocab(struct corpus *c, struct vocab *v, size_t n, enum corpus_kind k)
{
	struct strset set = { NULL, 1 };
	size_t tries = 0;

	while (set.cap < 4 * n)
		set.cap *= 2;
	set.v = xcalloc(set.cap, sizeof *set.v);
	v->w = xcalloc(n, sizeof *v->w);
	v->n = 0;
	while (v->n < n && tries++ < 50 * n) {
		char *w;

		switch (k) {
		case KOREAN:	w = corpus_korean_word(c); break;
		case LATIN:	w = corpus_latin_word(c); break;
		case KATAKANA:	w = corpus_katakana_word(c); break;
		case COMPOUND:	w = corpus_pair(c, ""); break;
		default:	w = corpus_pair(c, " "); break;
		}
		if (strset_add(&set, w))
			v->w[v->n++] = w;
		else
			free(w);
	}
	free(set.v);
	zipf_init(&v->z, v->n, CORPUS_ZIPF_S);
}

static void
corpus_init(struct corpus *c, uint64_t seed)
{
	memset(c, 0, sizeof *c);
	c->rng.s = seed ^ 0x5eed5eed5eed5eedULL;
	corpus_syllables(c);
	corpus_vocab(c, &c->ko, CORPUS_KOREAN, KOREAN);
	corpus_vocab(c, &c->compound, CORPUS_COMPOUNDS, COMPOUND);
	corpus_vocab(c, &c->phrase, CORPUS_PHRASES, PHRASE);
	corpus_vocab(c, &c->latin, CORPUS_LATIN, LATIN);
	corpus_vocab(c, &c->kana, CORPUS_KATAKANA, KATAKANA);
}

static void
vocab_free(struct vocab *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->w[i]);
	free(v->w);
	free(v->z.cdf);
}

static void
corpus_free(struct corpus *c)
{
	free(c->sylz.cdf);
	vocab_free(&c->ko);
	vocab_free(&c->compound);
	vocab_free(&c->phrase);
	vocab_free(&c->latin);
	vocab_free(&c->kana);
}

/* Whether the last syllable of a UTF-8 string has a final consonant. */
static bool
corpus_has_final(const char *w)
{
	size_t n = strlen(w);
	const unsigned char *u;
	uint32_t cp;

	if (n < 3)
		return false;
	u = (const unsigned char *)w + n - 3;
	if ((u[0] & 0xf0) != 0xe0)
		return true;	/* Latin: read as a consonant */
	cp = ((uint32_t)(u[0] & 0x0f) << 12) | ((uint32_t)(u[1] & 0x3f) << 6) |
	    (u[2] & 0x3f);
	if (cp < 0xac00 || cp > 0xd7a3)
		return false;
	return (cp - 0xac00) % 28 != 0;
}

/* Appends a particle that agrees with the end of the word just written. */
static void
corpus_particle(struct corpus *c, struct buf *b, const char *word)
{
	size_t i = rng_below(&c->rng, 9);

	if (corpus_has_final(word))
		buf_addstr(b, corpus_particles_final[i]);
	else
		buf_addstr(b, corpus_particles_open[i]);
}

/* A number the way briefings write them: 2023년, 7,740억 엔, 25개. */
static void
corpus_number(struct corpus *c, struct buf *b)
{
	switch (rng_below(&c->rng, 4)) {
	case 0:
		buf_printf(b, "%zu년", 1990 + rng_below(&c->rng, 36));
		break;
	case 1:
		buf_printf(b, "%zu,%03zu억 엔", 1 + rng_below(&c->rng, 9),
		    rng_below(&c->rng, 1000));
		break;
	case 2:
		buf_printf(b, "%zu개", 2 + rng_below(&c->rng, 98));
		break;
	default:
		buf_printf(b, "%zu월", 1 + rng_below(&c->rng, 12));
		break;
	}
}

/* One word of running text (never a sentence end). */
static void
corpus_token(struct corpus *c, struct buf *b)
{
	double u = rng_unit(&c->rng);
	const char *w;

	if (u < 0.03) {
		corpus_number(c, b);
		return;
	}
	if (u < 0.78)
		w = c->ko.w[zipf_draw(&c->ko.z, &c->rng)];
	else if (u < 0.84)
		w = c->compound.w[zipf_draw(&c->compound.z, &c->rng)];
	else if (u < 0.89)
		w = c->phrase.w[zipf_draw(&c->phrase.z, &c->rng)];
	else if (u < 0.96)
		w = c->latin.w[zipf_draw(&c->latin.z, &c->rng)];
	else
		w = c->kana.w[zipf_draw(&c->kana.z, &c->rng)];
	if (rng_chance(&c->rng, 0.03)) {
		buf_addstr(b, "‘");
		buf_addstr(b, w);
		buf_addstr(b, "’");
		return;
	}
	buf_addstr(b, w);
	if (rng_chance(&c->rng, 0.35))
		corpus_particle(c, b, w);
	else if (rng_chance(&c->rng, 0.03)) {
		buf_addc(b, '-');
		buf_addstr(b, c->ko.w[zipf_draw(&c->ko.z, &c->rng)]);
	}
}

/* A sentence: words, commas, an inline list marker now and then, a verb. */
static void
corpus_sentence(struct corpus *c, struct buf *b)
{
	size_t n = corpus_sentence_words[rng_below(&c->rng,
	    sizeof corpus_sentence_words)], item = 0;

	for (size_t i = 1; i < n; i++) {
		if (rng_chance(&c->rng, 0.015))
			buf_printf(b, "(%zu) ", ++item);
		corpus_token(c, b);
		if (rng_chance(&c->rng, 0.07))
			buf_addc(b, ',');
		buf_addc(b, ' ');
	}
	buf_addstr(b, c->ko.w[zipf_draw(&c->ko.z, &c->rng)]);
	buf_addstr(b, corpus_endings[rng_below(&c->rng,
	    sizeof corpus_endings / sizeof corpus_endings[0])]);
	buf_addstr(b, ". ");
}

/* A title: a few words, no sentence end. */
static void
corpus_title(struct corpus *c, struct buf *b, size_t min, size_t max)
{
	size_t n = min + rng_below(&c->rng, max - min + 1);

	for (size_t i = 0; i < n; i++) {
		const char *w = c->ko.w[zipf_draw(&c->ko.z, &c->rng)];

		if (i > 0)
			buf_addc(b, ' ');
		if (rng_chance(&c->rng, 0.1))
			w = c->latin.w[zipf_draw(&c->latin.z, &c->rng)];
		else if (rng_chance(&c->rng, 0.2))
			w = c->compound.w[zipf_draw(&c->compound.z, &c->rng)];
		buf_addstr(b, w);
		if (i + 1 < n && rng_chance(&c->rng, 0.2))
			corpus_particle(c, b, w);
	}
}

/* Columns of a code point as a terminal draws it: Hangul and kana are two. */
static int
corpus_cp_width(const unsigned char *u)
{
	uint32_t cp;

	if ((u[0] & 0xf0) != 0xe0)
		return 1;
	cp = ((uint32_t)(u[0] & 0x0f) << 12) | ((uint32_t)(u[1] & 0x3f) << 6) |
	    (u[2] & 0x3f);
	return (cp >= 0x3000 && cp <= 0xd7a3) ? 2 : 1;
}

/* Byte length of the UTF-8 sequence starting with lead byte c. */
static size_t
corpus_cp_len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c < 0xe0)
		return 2;
	return c < 0xf0 ? 3 : 4;
}

/*
 * Breaks p into lines of at most w columns, anywhere (inside words too, as
 * PDF extraction does); a space at a break stays at the end of the line, so
 * no line starts with one.  Stores the line ends (byte offsets) in ends and
 * returns their number.  With out, also writes each line and a blank line.
 */
static size_t
corpus_lines(const char *p, size_t len, int w, size_t *ends, struct buf *out)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t i = 0, start = 0, n = 0;
	int cols = 0;

	while (i < len) {
		size_t cl = corpus_cp_len(u[i]);
		int cw = corpus_cp_width(u + i);

		if (cols + cw > w && u[i] != ' ') {
			ends[n++] = i;
			start = i;
			cols = 0;
		}
		cols += cw;
		i += cl;
	}
	if (i > start)
		ends[n++] = len;
	for (size_t k = 0; out != NULL && k < n; k++) {
		size_t from = k == 0 ? 0 : ends[k - 1];

		buf_add(out, p + from, ends[k] - from);
		buf_add(out, "\n\n", 2);
	}
	return n;
}

/* Columns of bytes [from, to) of p. */
static int
corpus_width(const char *p, size_t from, size_t to)
{
	const unsigned char *u = (const unsigned char *)p;
	int cols = 0;

	while (from < to) {
		cols += corpus_cp_width(u + from);
		from += corpus_cp_len(u[from]);
	}
	return cols;
}

/*
 * Writes a paragraph the way PDF extraction gives it, choosing a line width
 * near CORPUS_LINE * 2 columns for which the last line is short: the
 * importer ends a paragraph at a short line that ends a sentence.
 */
static void
corpus_pdf_paragraph(struct buf *out, const char *p, size_t len)
{
	static const int tries[] = { 0, -2, 2, -4, 4, -6, 6, -8, 8, -10 };
	size_t *ends = xreallocarray(NULL, len + 1, sizeof *ends), n;
	int w = CORPUS_LINE * 2;

	for (size_t t = 0; t < sizeof tries / sizeof tries[0]; t++) {
		int tw = CORPUS_LINE * 2 + tries[t], last;

		n = corpus_lines(p, len, tw, ends, NULL);
		last = corpus_width(p, n > 1 ? ends[n - 2] : 0, len);
		if (n == 1 || last * 2 <= tw) {
			w = tw;
			break;
		}
	}
	corpus_lines(p, len, w, ends, out);
	free(ends);
}

/* Section depths of one briefing's outline, in reading order. */
static size_t
corpus_outline(struct corpus *c, int *depth, size_t max)
{
	static const unsigned char kids[5] = { 30, 15, 20, 20, 15 };
	static const unsigned char grandkids[4] = { 55, 10, 20, 15 };
	size_t top = 3 + rng_below(&c->rng, 6), n = 0;

	for (size_t i = 0; i < top && n < max; i++) {
		size_t k = corpus_weighted(&c->rng, kids, 5);

		depth[n++] = 1;
		for (size_t j = 0; j < k && n < max; j++) {
			size_t g = corpus_weighted(&c->rng, grandkids, 4);

			depth[n++] = 2;
			for (size_t l = 0; l < g && n < max; l++)
				depth[n++] = 3;
		}
	}
	return n;
}

/* The front matter and the byline line that starts the text. */
static void
corpus_front_matter(struct corpus *c, struct buf *out, size_t index,
    uint64_t seed, size_t top)
{
	static const char *const roles[] = { "교수", "연구위원", "선임연구원" };
	struct buf byline = { 0 };

	for (size_t i = 0; i < 3; i++)
		corpus_putcp(&byline, c->syl[rng_below(&c->rng, 200)]);
	buf_printf(&byline, " %s%s %s %s", c->ko.w[rng_below(&c->rng, 3000)],
	    "대학교", c->ko.w[rng_below(&c->rng, 3000)],
	    roles[rng_below(&c->rng, 3)]);
	buf_addstr(out, "---\ntitle: ");
	corpus_title(c, out, 3, 7);
	buf_printf(out, "\nbyline: %s\n", byline.data);
	buf_printf(out, "date: %zu-%02zu-%02zu\n", 2015 + rng_below(&c->rng, 10),
	    1 + rng_below(&c->rng, 12), 1 + rng_below(&c->rng, 28));
	buf_printf(out, "source: brief-corpus seed %llu, briefing %zu\n",
	    (unsigned long long)seed, index);
	buf_addstr(out, "topics:\n");
	for (size_t i = 0; i < top && i < 10; i++) {
		size_t t = (index * 7 + i * 3) %
		    (sizeof corpus_topics / sizeof corpus_topics[0]);

		if (rng_chance(&c->rng, 0.3))
			continue;
		buf_printf(out, "  %s = %s\n", corpus_roman[i], corpus_topics[t]);
	}
	buf_printf(out, "---\n %s\n\n", byline.data);
	buf_free(&byline);
}

/*
 * One section: its heading line, then at least one paragraph, and more until
 * the briefing reaches end bytes; at most max sentences a paragraph.
 */
static void
corpus_section(struct corpus *c, struct buf *out, int depth, size_t ord,
    size_t end, size_t max)
{
	struct buf para = { 0 };

	if (depth == 1)
		buf_printf(out, "%s. ", corpus_roman[(ord - 1) % 10]);
	else
		buf_printf(out, "%zu%c ", ord, depth == 2 ? '.' : ')');
	corpus_title(c, out, 2, 5);
	buf_addstr(out, "\n\n");
	do {
		size_t n = 2 + rng_below(&c->rng, 5);

		if (n > max)
			n = max;

		para.len = 0;
		for (size_t i = 0; i < n; i++)
			corpus_sentence(c, &para);
		corpus_pdf_paragraph(out, para.data, para.len);
	} while (out->len < end);
	buf_free(&para);
}

/* Briefing number index (from 1): front matter, byline, sections. */
static void
corpus_briefing(struct corpus *c, struct buf *out, size_t index, uint64_t seed)
{
	int depth[160];
	size_t n, top = 0, ord[4] = { 0 }, target, start, max;

	c->rng.s = seed * 0x9e3779b97f4a7c15ULL + index * 0x632be59bd9b4e019ULL;
	n = corpus_outline(c, depth, sizeof depth / sizeof depth[0]);
	for (size_t i = 0; i < n; i++)
		top += depth[i] == 1;
	target = (size_t)(CORPUS_TARGET * (0.85 + 0.3 * rng_unit(&c->rng)));
	start = out->len;
	max = target / n / 250 + 1;	/* a sentence is about 250 bytes */
	corpus_front_matter(c, out, index, seed, top);
	for (size_t i = 0; i < n; i++) {
		int d = depth[i];

		ord[d]++;
		for (int k = d + 1; k < 4; k++)
			ord[k] = 0;
		corpus_section(c, out, d, ord[d], start + target * (i + 1) / n,
		    max);
	}
}

/* Writes len bytes to dir/name. */
static int
corpus_write(const char *dir, const char *name, const char *data, size_t len)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");

	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		fprintf(stderr, "brief-corpus: cannot write %s: %s\n", path,
		    strerror(errno));
		free(path);
		return -1;
	}
	free(path);
	return 0;
}

/*
 * Appends count queries of one class, spread evenly over the logarithm of
 * the rank among the candidates (so from very common to rare), skipping
 * repeats.  A word qualifies when keep (if not NULL) says so.
 */
static void
corpus_queries(struct buf *out, const char *class, const struct vocab *v,
    size_t count, bool (*keep)(const char *), bool quote)
{
	size_t *cand = xreallocarray(NULL, v->n, sizeof *cand), nc = 0;
	size_t next = 0;

	for (size_t i = 0; i < v->n; i++) {
		if (keep == NULL || keep(v->w[i]))
			cand[nc++] = i;
	}
	for (size_t k = 0; k < count && nc > 0; k++) {
		double x = pow((double)nc, (double)k / (double)(count - 1));
		size_t i = (size_t)x - 1;

		if (i < next)
			i = next;
		if (i >= nc)
			break;
		next = i + 1;
		if (quote)
			buf_printf(out, "%s\t\"%s\"\n", class, v->w[cand[i]]);
		else
			buf_printf(out, "%s\t%s\n", class, v->w[cand[i]]);
	}
	free(cand);
}

static bool
corpus_one_syllable(const char *w)
{
	return strlen(w) == 3;
}

static bool
corpus_two_syllables(const char *w)
{
	return strlen(w) == 6;
}

static bool
corpus_three_syllables(const char *w)
{
	return strlen(w) == 9;
}

/* queries.tsv: at least 1,000 queries in seven classes. */
static int
corpus_write_queries(struct corpus *c, const char *dir)
{
	struct buf q = { 0 };
	int rc;

	corpus_queries(&q, "ko1", &c->ko, 140, corpus_one_syllable, false);
	corpus_queries(&q, "ko2", &c->ko, 200, corpus_two_syllables, false);
	corpus_queries(&q, "ko3", &c->ko, 200, corpus_three_syllables, false);
	corpus_queries(&q, "compound", &c->compound, 150, NULL, false);
	corpus_queries(&q, "latin", &c->latin, 150, NULL, false);
	corpus_queries(&q, "katakana", &c->kana, 100, NULL, false);
	corpus_queries(&q, "phrase", &c->phrase, 120, NULL, true);
	rc = corpus_write(dir, "queries.tsv", q.data, q.len);
	buf_free(&q);
	return rc;
}

static void
corpus_usage(void)
{
	fprintf(stderr, "usage: brief-corpus N DIR [SEED]\n");
	exit(EX_USAGE);
}

int
main(int argc, char **argv)
{
	struct corpus c;
	struct buf doc = { 0 };
	unsigned long long seed = 1;
	char *end, name[32];
	long n;

	if (argc < 3 || argc > 4)
		corpus_usage();
	n = strtol(argv[1], &end, 10);
	if (*end != '\0' || n < 1 || n > 99999)
		corpus_usage();
	if (argc == 4) {
		seed = strtoull(argv[3], &end, 10);
		if (*end != '\0')
			corpus_usage();
	}
	if (mkdir(argv[2], 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "brief-corpus: cannot create %s: %s\n",
		    argv[2], strerror(errno));
		return EX_CANTCREAT;
	}
	corpus_init(&c, seed);
	if (corpus_write_queries(&c, argv[2]) != 0)
		return EX_IOERR;
	for (long i = 1; i <= n; i++) {
		doc.len = 0;
		corpus_briefing(&c, &doc, (size_t)i, seed);
		snprintf(name, sizeof name, "b%05ld.txt", i);
		if (corpus_write(argv[2], name, doc.data, doc.len) != 0)
			return EX_IOERR;
	}
	buf_free(&doc);
	corpus_free(&c);
	return 0;
}
