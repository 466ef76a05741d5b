/* Runs every C test: tinyml-tests VECTORS_DIR
 * or writes the sample model for the board tests: tinyml-tests --write-sample DIR */
#include <string.h>
#include "check.h"
#include "blob_writer.h"
#include "sample_model.h"
#include "../runtime/tm_interp.h"

int check_count;
int check_failures;

void check_true(int ok, const char *what, const char *file, int line)
{
    check_count++;
    if (!ok) {
        check_failures++;
        printf("FAIL %s:%d: %s\n", file, line, what);
    }
}

void check_int(long long actual, long long expected, const char *what, const char *file, int line)
{
    check_count++;
    if (actual != expected) {
        check_failures++;
        printf("FAIL %s:%d: %s is %lld, expected %lld\n", file, line, what, actual, expected);
    }
}

static int write_file(const char *dir, const char *name, const void *bytes, size_t count)
{
    char path[512];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "wb");
    if (f == NULL || fwrite(bytes, 1, count, f) != count) {
        printf("cannot write %s\n", path);
        return 1;
    }
    return fclose(f) != 0;
}

/* sample.tmb, sample.in (its input) and sample.out (what every board must answer). */
static int write_sample(const char *dir)
{
    static uint32_t blob[1024];
    static int8_t arena[384];
    const tm_model *m = sample_model();
    const uint32_t length = blob_write(m, (uint8_t *)blob, sizeof blob);
    uint32_t i;
    for (i = 0; i < 128; i++) {
        arena[i] = (int8_t)(i * 37 + 11);
    }
    if (write_file(dir, "sample.in", arena, 128)) {
        return 1;
    }
    tm_invoke(m, arena);
    return write_file(dir, "sample.tmb", blob, length)
        || write_file(dir, "sample.out", tm_output_data(m, arena), 5);
}

int main(int argc, char **argv)
{
    const char *vectors = argc > 1 ? argv[1] : "test/vectors";
    if (argc > 2 && strcmp(argv[1], "--write-sample") == 0) {
        return write_sample(argv[2]);
    }
    test_arith(vectors);
    test_kernels(vectors);
    test_random(vectors);
    test_blob();
    test_proto();
    printf("%d checks, %d failed\n", check_count, check_failures);
    return check_failures == 0 && check_count > 0 ? 0 : 1;
}
