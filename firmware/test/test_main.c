/* Runs every C test: tinyml-tests VECTORS_DIR */
#include "check.h"

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

int main(int argc, char **argv)
{
    const char *vectors = argc > 1 ? argv[1] : "test/vectors";
    test_arith(vectors);
    test_kernels(vectors);
    test_blob();
    test_proto();
    printf("%d checks, %d failed\n", check_count, check_failures);
    return check_failures == 0 && check_count > 0 ? 0 : 1;
}
