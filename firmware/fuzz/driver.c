/*
 * A plain-C stand-in for libFuzzer where clang is missing: mutates the seed files given on the
 * command line (bit flips, byte sets, inserts, deletes, splices) for a number of runs and calls
 * LLVMFuzzerTestOneInput. Build it with -fsanitize=address,undefined.
 *   driver RUNS SEED_FILE...
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_INPUT 8192

static uint32_t state = 12345;

static uint32_t next_random(void)
{
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
}

static size_t read_seed(const char *path, uint8_t *out)
{
    FILE *f = fopen(path, "rb");
    size_t n = 0;
    if (f != NULL) {
        n = fread(out, 1, MAX_INPUT, f);
        fclose(f);
    }
    return n;
}

static size_t mutate(uint8_t *data, size_t size)
{
    const uint32_t kind = next_random() % 5;
    const size_t at = size > 0 ? next_random() % size : 0;
    switch (kind) {
    case 0:
        if (size > 0) {
            data[at] ^= (uint8_t)(1u << (next_random() % 8));
        }
        return size;
    case 1:
        if (size > 0) {
            data[at] = (uint8_t)next_random();
        }
        return size;
    case 2:
        if (size < MAX_INPUT) {
            memmove(data + at + 1, data + at, size - at);
            data[at] = (uint8_t)next_random();
            return size + 1;
        }
        return size;
    case 3:
        if (size > 0) {
            memmove(data + at, data + at + 1, size - at - 1);
            return size - 1;
        }
        return size;
    default:
        return size > 0 ? at + 1 : 0; /* truncate */
    }
}

int main(int argc, char **argv)
{
    static uint8_t seeds[16][MAX_INPUT];
    static size_t seed_sizes[16];
    static uint8_t input[MAX_INPUT];
    const long runs = argc > 1 ? atol(argv[1]) : 10000;
    int seed_count = 0;
    long run;
    int i;
    for (i = 2; i < argc && seed_count < 16; i++) {
        seed_sizes[seed_count] = read_seed(argv[i], seeds[seed_count]);
        seed_count++;
    }
    if (seed_count == 0) {
        seed_sizes[0] = 0;
        seed_count = 1;
    }
    for (run = 0; run < runs; run++) {
        const int s = (int)(next_random() % (uint32_t)seed_count);
        size_t size = seed_sizes[s];
        const uint32_t mutations = 1 + next_random() % 8;
        uint32_t m;
        memcpy(input, seeds[s], size);
        for (m = 0; m < mutations; m++) {
            size = mutate(input, size);
        }
        LLVMFuzzerTestOneInput(input, size);
    }
    printf("%ld runs, no crash\n", runs);
    return 0;
}
