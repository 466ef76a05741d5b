/* A minimal test harness: checks count, failures print where and what. */
#ifndef CHECK_H
#define CHECK_H

#include <stdio.h>

extern int check_count;
extern int check_failures;

#define CHECK(cond) check_true((cond) != 0, #cond, __FILE__, __LINE__)
#define CHECK_INT(actual, expected) \
    check_int((long long)(actual), (long long)(expected), #actual, __FILE__, __LINE__)

void check_true(int ok, const char *what, const char *file, int line);
void check_int(long long actual, long long expected, const char *what, const char *file, int line);

/* The test suites; vectors_dir holds tflm-arith.txt and tflm-kernels.txt. */
void test_arith(const char *vectors_dir);
void test_kernels(const char *vectors_dir);
void test_random(const char *vectors_dir);
void test_blob(void);
void test_proto(void);

#endif
