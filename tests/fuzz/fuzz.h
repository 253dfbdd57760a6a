/*
 * fuzz.h: the interface of brief's fuzz targets.  Each target file defines
 * LLVMFuzzerTestOneInput and can be built two ways: with clang's libFuzzer
 * (-fsanitize=fuzzer), or with driver.c, which replays seed inputs and
 * deterministic mutations of them so that the normal test suite (and its
 * sanitizer run) exercises every target.
 */
#ifndef BRIEF_FUZZ_H
#define BRIEF_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The target's name and seeds, for the driver. */
extern const char *fuzz_name;
extern const char *const fuzz_seeds[];

#endif
