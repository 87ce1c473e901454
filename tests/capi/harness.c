/* The harness: checks, and main() running the case named on the command line. */

#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_registry.h" /* generated: the table of TEST cases */

const char* test_program_path = NULL;

void test_fail(const char* file, int line, const char* what) {
  fprintf(stderr, "%s:%d: %s\n", file, line, what);
  exit(1);
}

void test_expect_ok(const char* file, int line, const char* call, lamina_status* status) {
  if (!status) return;
  fprintf(stderr, "%s:%d: %s failed with code %d:\n%s\n", file, line, call, (int)lamina_status_code(status),
          lamina_status_message(status));
  exit(1);
}

void test_expect_error(const char* file, int line, const char* call, lamina_status* status, lamina_code code,
                       const char* text) {
  if (!status) {
    fprintf(stderr, "%s:%d: %s succeeded; expected error code %d with \"%s\"\n", file, line, call, (int)code, text);
    exit(1);
  }
  if (lamina_status_code(status) != code || !strstr(lamina_status_message(status), text)) {
    fprintf(stderr, "%s:%d: %s: expected error code %d with \"%s\", got code %d:\n%s\n", file, line, call, (int)code,
            text, (int)lamina_status_code(status), lamina_status_message(status));
    exit(1);
  }
  lamina_status_free(status);
}

lamina_tensor* borrow_f32(float* data, int rank, const int64_t* dims) {
  lamina_tensor* t = NULL;
  size_t bytes = sizeof(float);
  int i;
  for (i = 0; i < rank; ++i) bytes *= (size_t)dims[i];
  OK(lamina_tensor_borrow(LAMINA_FLOAT32, rank, dims, data, bytes, &t));
  return t;
}

lamina_lambda* compile_one_input(const char* source, lamina_dtype dtype, int rank, const int64_t* dims) {
  lamina_input_signature x;
  lamina_lambda* f = NULL;
  x.name = "x";
  x.dtype = dtype;
  x.rank = rank;
  x.dims = dims;
  OK(lamina_lambda_compile(source, &x, 1, NULL, &f));
  return f;
}

int main(int argc, char** argv) {
  size_t i, count = sizeof test_cases / sizeof test_cases[0];
  test_program_path = argv[0];
  if (argc != 2) {
    fprintf(stderr, "usage: %s TEST_NAME | --list\n", argv[0]);
    return 2;
  }
  for (i = 0; i < count; ++i) {
    if (strcmp(argv[1], "--list") == 0) printf("%s\n", test_cases[i].name);
    else if (strcmp(argv[1], test_cases[i].name) == 0) {
      test_cases[i].run();
      return 0;
    }
  }
  if (strcmp(argv[1], "--list") == 0) return 0;
  fprintf(stderr, "no test case named '%s' (--list shows them)\n", argv[1]);
  return 2;
}
