/*
 * tap.h: a few macros for unit tests that print TAP (meson's "tap" protocol).
 * A test whose number of checks is known declares it first with tap_plan(N),
 * so a check that vanishes (skipped by a failed set-up, an early return)
 * fails the run; tap_done then only checks the count.  A test that cannot
 * know its count prints the plan at the end with tap_done alone.
 */
#ifndef BRIEF_TAP_H
#define BRIEF_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed, tap_planned = -1;

/* ok(cond, fmt, ...): one numbered check. */
#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

/* is_str(got, want, fmt, ...): string equality, showing both on failure. */
#define is_str(got, want, ...) do {					\
	const char *g_ = (got), *w_ = (want);				\
	int same_ = (g_ == NULL && w_ == NULL) ||			\
	    (g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0);		\
	if (!tap_ok(same_, __FILE__, __LINE__, __VA_ARGS__))		\
		printf("#   got:  \"%s\"\n#   want: \"%s\"\n",		\
		    g_ ? g_ : "(null)", w_ ? w_ : "(null)");		\
} while (0)

/* is_int(got, want, fmt, ...): integer equality. */
#define is_int(got, want, ...) do {					\
	long long g_ = (long long)(got), w_ = (long long)(want);	\
	if (!tap_ok(g_ == w_, __FILE__, __LINE__, __VA_ARGS__))		\
		printf("#   got:  %lld\n#   want: %lld\n", g_, w_);	\
} while (0)

__attribute__((format(printf, 4, 5), unused))
static int
tap_ok(int pass, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	tap_n++;
	printf("%sok %d - ", pass ? "" : "not ", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!pass) {
		tap_failed++;
		printf("#   failed at %s:%d\n", file, line);
	}
	return pass;
}

/* Declares the number of checks up front (before the first one). */
__attribute__((unused))
static void
tap_plan(int n)
{
	tap_planned = n;
	printf("1..%d\n", n);
	fflush(stdout);
}

/*
 * Prints the plan if none was declared, else checks that exactly the
 * planned checks ran.  The return value is the test program's exit status.
 */
__attribute__((unused))
static int
tap_done(void)
{
	if (tap_planned < 0)
		printf("1..%d\n", tap_n);
	else if (tap_n != tap_planned) {
		printf("# planned %d checks, ran %d\n", tap_planned, tap_n);
		return 1;
	}
	return tap_failed ? 1 : 0;
}

#endif
