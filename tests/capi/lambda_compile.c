/* Compiling a lambda, and what it then reports about its inputs and results. */

#include <string.h>

#include "harness.h"

TEST(lambda_reports_inputs_in_header_order) {
  const int64_t a_dims[2] = {-1, 3};
  const int64_t b_dims[1] = {3};
  /* given in the opposite order to the header: matched by name */
  lamina_input_signature inputs[2] = {{"b", LAMINA_FLOAT32, 1, b_dims}, {"a", LAMINA_FLOAT32, 2, a_dims}};
  lamina_lambda* f = NULL;
  const char* name = NULL;
  lamina_dtype dtype = LAMINA_BOOL;
  int rank = -1;
  const int64_t* dims = NULL;
  OK(lamina_lambda_compile("lambda a, b: (a + b, sum(a, axis=1) > 0)", inputs, 2, NULL, &f));
  CHECK(lamina_lambda_input_count(f) == 2);
  OK(lamina_lambda_input(f, 0, &name, &dtype, &rank, &dims));
  CHECK(strcmp(name, "a") == 0 && dtype == LAMINA_FLOAT32 && rank == 2 && dims[0] == -1 && dims[1] == 3);
  OK(lamina_lambda_input(f, 1, &name, NULL, &rank, &dims));
  CHECK(strcmp(name, "b") == 0 && rank == 1 && dims[0] == 3);

  CHECK(lamina_lambda_output_count(f) == 2);
  OK(lamina_lambda_output(f, 0, &dtype, &rank, &dims));
  CHECK(dtype == LAMINA_FLOAT32 && rank == 2 && dims[0] == -1 && dims[1] == 3);
  OK(lamina_lambda_output(f, 1, &dtype, &rank, &dims));
  CHECK(dtype == LAMINA_BOOL && rank == 1 && dims[0] == -1);
  OK(lamina_lambda_output(f, 1, NULL, NULL, NULL)); /* every out-pointer is optional */
  lamina_lambda_free(f);
}

TEST(lambda_without_header_takes_the_one_input_by_any_name) {
  const int64_t dims[1] = {2};
  lamina_input_signature in = {"pixels", LAMINA_INT32, 1, dims};
  lamina_lambda* f = NULL;
  const char* name = NULL;
  OK(lamina_lambda_compile("pixels * 2", &in, 1, NULL, &f));
  OK(lamina_lambda_input(f, 0, &name, NULL, NULL, NULL));
  CHECK(strcmp(name, "pixels") == 0);
  lamina_lambda_free(f);
}

TEST(lambda_compile_reports_source_errors_with_line_and_column) {
  const int64_t dims[2] = {-1, 4};
  lamina_input_signature x = {"x", LAMINA_FLOAT32, 2, dims};
  lamina_lambda* f = (lamina_lambda*)&f;
  lamina_status* s = lamina_lambda_compile("lambda x:\n  x + meen(x)", &x, 1, NULL, &f);
  CHECK(f == NULL);
  CHECK(lamina_status_code(s) == LAMINA_NAME_ERROR);
  CHECK(lamina_status_line(s) == 2 && lamina_status_column(s) == 7);
  /* the message quotes the line with a caret under the name, and suggests the fix */
  CHECK(strstr(lamina_status_message(s), "2:7: error: unknown function 'meen'") != NULL);
  CHECK(strstr(lamina_status_message(s), "      x + meen(x)\n          ^~~~") != NULL);
  CHECK(strstr(lamina_status_message(s), "did you mean 'mean'?") != NULL);
  lamina_status_free(s);

  s = lamina_lambda_compile("lambda x: x +", &x, 1, NULL, &f);
  CHECK(lamina_status_code(s) == LAMINA_SYNTAX_ERROR && lamina_status_line(s) == 1);
  lamina_status_free(s);
}

TEST(lambda_compile_reports_shape_errors) {
  const int64_t dims[2] = {-1, 4};
  lamina_lambda* f = NULL;
  lamina_input_signature x = {"x", LAMINA_FLOAT32, 2, dims};
  EXPECT_ERROR(lamina_lambda_compile("x + ones((3,))", &x, 1, NULL, &f), LAMINA_SHAPE_ERROR,
               "1:1: error: shapes (None, 4) and (3,) cannot be broadcast");
  EXPECT_ERROR(lamina_lambda_compile("sum(x, axis=2)", &x, 1, NULL, &f), LAMINA_AXIS_ERROR, "axis");
  CHECK(f == NULL);
}

TEST(lambda_compile_argument_errors) {
  const int64_t dims[2] = {-1, 4};
  const int64_t bad_dims[2] = {-1, -2};
  lamina_input_signature x = {"x", LAMINA_FLOAT32, 2, dims};
  lamina_input_signature nameless = {NULL, LAMINA_FLOAT32, 2, dims};
  lamina_input_signature bad_dtype = {"x", (lamina_dtype)-1, 2, dims};
  lamina_input_signature bad_dim = {"x", LAMINA_FLOAT32, 2, bad_dims};
  lamina_input_signature no_dims = {"x", LAMINA_FLOAT32, 2, NULL};
  lamina_lambda* f = NULL;
  EXPECT_ERROR(lamina_lambda_compile("x", &x, 1, NULL, NULL), LAMINA_INVALID_ARGUMENT,
               "lamina_lambda_compile: out is NULL");
  EXPECT_ERROR(lamina_lambda_compile(NULL, &x, 1, NULL, &f), LAMINA_INVALID_ARGUMENT,
               "lamina_lambda_compile: source is NULL");
  EXPECT_ERROR(lamina_lambda_compile("x", NULL, 1, NULL, &f), LAMINA_INVALID_ARGUMENT,
               "inputs is NULL but input_count is 1");
  EXPECT_ERROR(lamina_lambda_compile("x", &nameless, 1, NULL, &f), LAMINA_INVALID_ARGUMENT,
               "inputs[0].name is NULL");
  EXPECT_ERROR(lamina_lambda_compile("x", &bad_dtype, 1, NULL, &f), LAMINA_INVALID_ARGUMENT,
               "input 'x' has dtype -1, which is not a lamina_dtype");
  EXPECT_ERROR(lamina_lambda_compile("x", &bad_dim, 1, NULL, &f), LAMINA_INVALID_ARGUMENT,
               "input 'x' has dims[1] = -2; give a size of 0 or more, or -1 for a size known only at run time");
  EXPECT_ERROR(lamina_lambda_compile("x", &no_dims, 1, NULL, &f), LAMINA_INVALID_ARGUMENT,
               "input 'x' has rank 2 but its dims pointer is NULL");
  CHECK(f == NULL);
}

TEST(lambda_compile_needs_a_signature_for_every_input) {
  const int64_t dims[1] = {4};
  lamina_input_signature x = {"x", LAMINA_FLOAT32, 1, dims};
  lamina_lambda* f = NULL;
  EXPECT_ERROR(lamina_lambda_compile("lambda x, y: x + y", &x, 1, NULL, &f), LAMINA_RUNTIME_ERROR,
               "1:11: error: no input was given for parameter 'y'");
  CHECK(f == NULL);
}

TEST(lambda_queries_reject_null_and_out_of_range) {
  const int64_t dims[1] = {4};
  lamina_lambda* f = compile_one_input("x * 2", LAMINA_FLOAT32, 1, dims);
  EXPECT_ERROR(lamina_lambda_input(NULL, 0, NULL, NULL, NULL, NULL), LAMINA_INVALID_ARGUMENT,
               "lamina_lambda_input: lambda is NULL");
  EXPECT_ERROR(lamina_lambda_input(f, 1, NULL, NULL, NULL, NULL), LAMINA_INVALID_ARGUMENT,
               "the lambda has 1 input(s), so there is no input 1");
  EXPECT_ERROR(lamina_lambda_output(f, 5, NULL, NULL, NULL), LAMINA_INVALID_ARGUMENT,
               "the lambda has 1 output(s), so there is no output 5");
  EXPECT_ERROR(lamina_lambda_output(NULL, 0, NULL, NULL, NULL), LAMINA_INVALID_ARGUMENT,
               "lamina_lambda_output: lambda is NULL");
  CHECK(lamina_lambda_input_count(NULL) == 0 && lamina_lambda_output_count(NULL) == 0);
  lamina_lambda_free(f);
  lamina_lambda_free(NULL);
}
