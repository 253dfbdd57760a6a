/*
 * driver.c: runs a fuzz target without libFuzzer.  Feeds it every seed,
 * every file of its corpus (tests/fuzz/corpus/TARGET/, grown by real
 * libFuzzer runs: see grow.sh), then rounds of deterministic mutations of
 * both (bit flips, byte insertions and deletions, splices, runs of hostile
 * bytes), and prints TAP.  A crash, a sanitizer report or a hang is the
 * failure; so is a corpus directory that is missing or empty.
 * Usage: fuzz-TARGET [-r ROUNDS] [-d CORPUS_DIR] [-w SEED_DIR]
 * (-w writes the built-in seeds as files, to start a libFuzzer corpus).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

/* Inputs larger than this are cut: libFuzzer runs use -max_len below it. */
#define DRIVER_MAX (1 << 16)

struct driver_input {
	uint8_t	*data;
	size_t	 len;
};

struct driver_inputs {
	struct driver_input	*v;
	size_t			 n;
};

static uint64_t driver_state = 0x9e3779b97f4a7c15ULL;

static uint64_t
driver_rand(void)
{
	uint64_t z = (driver_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Bytes that make parsers and text code take their rare paths. */
static const char *const driver_spice[] = {
	"\n", "\r\n", " ", "\t", "\0", "\033[31m", "\xff", "\xe1\x84\x80",
	"\xed\x95\x9c", "\xea\xb8\x80", "\xe2\x80\xae", "---\n", "# ", "I. ",
	"1) ", "(1) ", "\"", "*", "\xe2\x80\xa6", "\xcc\x81", "\xef\xbc\xa1",
	"\xe3\x82\xab", "\xf0\x9f\x98\x80", "\xc2\xad", "```\n", "- ", "\n\n",
};

static size_t
driver_mutate(uint8_t *buf, size_t len, size_t cap, const uint8_t *other,
    size_t olen)
{
	int ops = 1 + (int)(driver_rand() % 8);

	while (ops-- > 0) {
		size_t at = len ? driver_rand() % len : 0;
		const char *s;
		size_t n;

		switch (driver_rand() % 5) {
		case 0:		/* flip a bit */
			if (len)
				buf[at] ^= (uint8_t)(1u << (driver_rand() % 8));
			break;
		case 1:		/* delete a run */
			n = len ? driver_rand() % (len - at + 1) % 16 : 0;
			memmove(buf + at, buf + at + n, len - at - n);
			len -= n;
			break;
		case 2:		/* insert hostile bytes */
			s = driver_spice[driver_rand() %
			    (sizeof driver_spice / sizeof driver_spice[0])];
			n = strlen(s) ? strlen(s) : 1;
			if (len + n <= cap) {
				memmove(buf + at + n, buf + at, len - at);
				memcpy(buf + at, s, n);
				len += n;
			}
			break;
		case 3:		/* splice in part of another input */
			n = olen ? driver_rand() % olen : 0;
			if (n > 0 && len + n <= cap) {
				memmove(buf + at + n, buf + at, len - at);
				memcpy(buf + at, other, n);
				len += n;
			}
			break;
		default:	/* random byte */
			if (len)
				buf[at] = (uint8_t)driver_rand();
			break;
		}
	}
	return len;
}

static void
driver_add(struct driver_inputs *in, const void *data, size_t len)
{
	struct driver_input *v = realloc(in->v, (in->n + 1) * sizeof *v);

	if (v == NULL || (v[in->n].data = malloc(len ? len : 1)) == NULL) {
		fprintf(stderr, "driver: out of memory\n");
		exit(1);
	}
	memcpy(v[in->n].data, data, len);
	v[in->n].len = len;
	in->v = v;
	in->n++;
}

static int
driver_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads every regular file of dir, in name order; -1 when dir cannot be
 * read. */
static int
driver_load(struct driver_inputs *in, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL, path[4096];
	size_t n = 0;
	static uint8_t buf[DRIVER_MAX];

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = realloc(names, (n + 1) * sizeof *names);
		if (names == NULL || (names[n++] = strdup(e->d_name)) == NULL)
			return -1;
	}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof *names, driver_cmp);
	for (size_t i = 0; i < n; i++) {
		FILE *fp;
		size_t len;

		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if ((fp = fopen(path, "rb")) == NULL)
			return -1;
		len = fread(buf, 1, sizeof buf, fp);
		fclose(fp);
		driver_add(in, buf, len);
		free(names[i]);
	}
	free(names);
	return 0;
}

/* Writes the seeds to dir as seed-N files. */
static int
driver_write_seeds(const char *dir)
{
	char path[4096];

	for (size_t i = 0; fuzz_seeds[i] != NULL; i++) {
		FILE *fp;

		snprintf(path, sizeof path, "%s/seed-%zu", dir, i);
		if ((fp = fopen(path, "wb")) == NULL ||
		    fwrite(fuzz_seeds[i], 1, strlen(fuzz_seeds[i]), fp) !=
		    strlen(fuzz_seeds[i]) || fclose(fp) != 0) {
			fprintf(stderr, "driver: %s: %s\n", path,
			    strerror(errno));
			return 1;
		}
	}
	return 0;
}

int
main(int argc, char **argv)
{
	long rounds = 2000;
	const char *corpus = NULL;
	struct driver_inputs all = { 0 };
	size_t nseeds, ncorpus;
	uint8_t *buf = malloc(DRIVER_MAX);
	int c;

	while ((c = getopt(argc, argv, "r:d:w:")) != -1) {
		switch (c) {
		case 'r':
			rounds = strtol(optarg, NULL, 10);
			break;
		case 'd':
			corpus = optarg;
			break;
		case 'w':
			return driver_write_seeds(optarg);
		default:
			fprintf(stderr, "usage: fuzz-%s [-r ROUNDS] [-d CORPUS]"
			    " [-w SEED_DIR]\n", fuzz_name);
			return 64;
		}
	}
	printf("1..3\n");
	fflush(stdout);
	for (nseeds = 0; fuzz_seeds[nseeds] != NULL; nseeds++)
		driver_add(&all, fuzz_seeds[nseeds], strlen(fuzz_seeds[nseeds]));
	for (size_t i = 0; i < nseeds; i++)
		LLVMFuzzerTestOneInput(all.v[i].data, all.v[i].len);
	printf("ok 1 - fuzz %s: %zu seeds ran clean\n", fuzz_name, nseeds);
	fflush(stdout);
	if (corpus != NULL && driver_load(&all, corpus) != 0) {
		printf("not ok 2 - fuzz %s: cannot read the corpus %s: %s\n",
		    fuzz_name, corpus, strerror(errno));
		return 1;
	}
	ncorpus = all.n - nseeds;
	for (size_t i = nseeds; i < all.n; i++)
		LLVMFuzzerTestOneInput(all.v[i].data, all.v[i].len);
	printf("%sok 2 - fuzz %s: %zu corpus inputs ran clean\n",
	    corpus != NULL && ncorpus == 0 ? "not " : "", fuzz_name, ncorpus);
	fflush(stdout);
	for (long r = 0; r < rounds; r++) {
		const struct driver_input *in = &all.v[driver_rand() % all.n];
		const struct driver_input *other = &all.v[driver_rand() % all.n];
		size_t len = in->len < DRIVER_MAX ? in->len : DRIVER_MAX;

		memcpy(buf, in->data, len);
		len = driver_mutate(buf, len, DRIVER_MAX, other->data,
		    other->len);
		LLVMFuzzerTestOneInput(buf, len);
	}
	printf("ok 3 - fuzz %s: %ld mutations ran clean\n", fuzz_name, rounds);
	for (size_t i = 0; i < all.n; i++)
		free(all.v[i].data);
	free(all.v);
	free(buf);
	return corpus != NULL && ncorpus == 0 ? 1 : 0;
}
