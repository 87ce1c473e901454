#ifndef LAMINA_TESTS_CAPI_HARNESS_H
#define LAMINA_TESTS_CAPI_HARNESS_H
/* A small test harness in C99 for the C API, as a C host sees it.

   TEST(name) { ... } defines a test case. tests/CMakeLists.txt finds every TEST line in
   the tests/capi/ C files, generates the table main() dispatches on, and registers each case with
   ctest as capi.<name> (run one: `test_capi <name>`; each case runs in a fresh process). A failed check
   prints where and why and ends the process with status 1. */

#include <stddef.h>
#include <stdint.h>

#include "lamina/lamina.h"

#define TEST(name) void test_##name(void)

/* The test program's own path (argv[0]): an existing file, for tests that need one. */
extern const char* test_program_path;

void test_fail(const char* file, int line, const char* what);
void test_expect_ok(const char* file, int line, const char* call, lamina_status* status);
void test_expect_error(const char* file, int line, const char* call, lamina_status* status, lamina_code code,
                       const char* text);

#define CHECK(condition) \
  do { \
    if (!(condition)) test_fail(__FILE__, __LINE__, "CHECK(" #condition ") failed"); \
  } while (0)

/* The call must succeed (return NULL). */
#define OK(call) test_expect_ok(__FILE__, __LINE__, #call, (call))

/* The call must fail with `code` and a message containing `text`; the status is freed. */
#define EXPECT_ERROR(call, code, text) test_expect_error(__FILE__, __LINE__, #call, (call), (code), (text))

/* Shorthands for the tests' usual tensors and lambdas (each checks its own calls). */
lamina_tensor* borrow_f32(float* data, int rank, const int64_t* dims);
lamina_lambda* compile_one_input(const char* source, lamina_dtype dtype, int rank, const int64_t* dims);

#endif /* LAMINA_TESTS_CAPI_HARNESS_H */
