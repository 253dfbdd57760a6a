/*
 * driver.c: runs a fuzz target without libFuzzer.  Feeds it every seed,
 * then rounds of deterministic mutations (bit flips, byte insertions and
 * deletions, splices of seeds, runs of hostile bytes) and prints one TAP
 * line.  A crash, a sanitizer report or a hang is the failure.
 * Usage: fuzz-TARGET [ROUNDS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

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
	"\xe3\x82\xab", "\xf0\x9f\x98\x80", "\xc2\xad", "```\n", "- ",
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
		case 3:		/* splice in part of another seed */
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

int
main(int argc, char **argv)
{
	long rounds = argc > 1 ? strtol(argv[1], NULL, 10) : 2000;
	size_t nseeds = 0, cap = 1 << 16;
	uint8_t *buf = malloc(cap);

	while (fuzz_seeds[nseeds] != NULL)
		nseeds++;
	for (size_t i = 0; i < nseeds; i++)
		LLVMFuzzerTestOneInput((const uint8_t *)fuzz_seeds[i],
		    strlen(fuzz_seeds[i]));
	for (long r = 0; r < rounds; r++) {
		const char *seed = fuzz_seeds[driver_rand() % nseeds];
		const char *other = fuzz_seeds[driver_rand() % nseeds];
		size_t len = strlen(seed) < cap ? strlen(seed) : cap;

		memcpy(buf, seed, len);
		len = driver_mutate(buf, len, cap, (const uint8_t *)other,
		    strlen(other));
		LLVMFuzzerTestOneInput(buf, len);
	}
	free(buf);
	printf("ok 1 - fuzz %s: %zu seeds and %ld mutations ran clean\n1..1\n",
	    fuzz_name, nseeds, rounds);
	return 0;
}
