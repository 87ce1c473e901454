/* Every way a run can be called wrongly gets a status that says what to fix. */

#include "harness.h"

static lamina_lambda* two_by_three(void) {
  const int64_t sig[2] = {-1, 3};
  return compile_one_input("lambda x: x * 2", LAMINA_FLOAT32, 2, sig);
}

TEST(run_rejects_null_lambda_and_bad_engine) {
  float x[3] = {1, 2, 3}, y[3];
  const int64_t dims[2] = {1, 3};
  lamina_tensor* in = borrow_f32(x, 2, dims);
  lamina_tensor* out = borrow_f32(y, 2, dims);
  lamina_tensor* result = (lamina_tensor*)&result;
  lamina_lambda* f = two_by_three();
  EXPECT_ERROR(lamina_lambda_run(NULL, LAMINA_ENGINE_JIT, &in, 1, &result, 1), LAMINA_INVALID_ARGUMENT,
               "lamina_lambda_run: lambda is NULL");
  CHECK(result == NULL);
  EXPECT_ERROR(lamina_lambda_run_into(NULL, LAMINA_ENGINE_JIT, &in, 1, &out, 1), LAMINA_INVALID_ARGUMENT,
               "lamina_lambda_run_into: lambda is NULL");
  EXPECT_ERROR(lamina_lambda_run(f, (lamina_engine)7, &in, 1, &result, 1), LAMINA_INVALID_ARGUMENT,
               "engine 7 is not a lamina_engine");
  EXPECT_ERROR(lamina_lambda_run_into(f, (lamina_engine)7, &in, 1, &out, 1), LAMINA_INVALID_ARGUMENT,
               "engine 7 is not a lamina_engine");
  lamina_tensor_free(in);
  lamina_tensor_free(out);
  lamina_lambda_free(f);
}

TEST(run_rejects_wrong_input_counts_and_null_inputs) {
  float y[3];
  const int64_t dims[2] = {1, 3};
  lamina_tensor* out = borrow_f32(y, 2, dims);
  lamina_tensor* none[1] = {NULL};
  lamina_tensor* result = NULL;
  lamina_lambda* f = two_by_three();
  EXPECT_ERROR(lamina_lambda_run(f, LAMINA_ENGINE_JIT, none, 0, &result, 1), LAMINA_INVALID_ARGUMENT,
               "lamina_lambda_run: the lambda takes 1 input(s) (x) but input_count is 0");
  EXPECT_ERROR(lamina_lambda_run(f, LAMINA_ENGINE_JIT, NULL, 1, &result, 1), LAMINA_INVALID_ARGUMENT,
               "inputs is NULL but input_count is 1");
  EXPECT_ERROR(lamina_lambda_run(f, LAMINA_ENGINE_JIT, none, 1, &result, 1), LAMINA_INVALID_ARGUMENT,
               "inputs[0] (input 'x') is NULL");
  EXPECT_ERROR(lamina_lambda_run_into(f, LAMINA_ENGINE_INTERPRETER, none, 1, &out, 1), LAMINA_INVALID_ARGUMENT,
               "lamina_lambda_run_into: inputs[0] (input 'x') is NULL");
  CHECK(result == NULL);
  lamina_tensor_free(out);
  lamina_lambda_free(f);
}

TEST(run_rejects_inputs_of_the_wrong_dtype_or_shape) {
  int32_t ints[3] = {1, 2, 3};
  float four[4] = {1, 2, 3, 4};
  const int64_t dims[2] = {1, 3};
  const int64_t wide[2] = {1, 4};
  lamina_tensor *as_int = NULL, *too_wide = borrow_f32(four, 2, wide);
  lamina_tensor* result = NULL;
  lamina_lambda* f = two_by_three();
  int engine;
  OK(lamina_tensor_borrow(LAMINA_INT32, 2, dims, ints, sizeof ints, &as_int));
  for (engine = LAMINA_ENGINE_JIT; engine <= LAMINA_ENGINE_INTERPRETER; ++engine) {
    EXPECT_ERROR(lamina_lambda_run(f, (lamina_engine)engine, &as_int, 1, &result, 1), LAMINA_RUNTIME_ERROR,
                 "input 'x' has dtype int32 but the lambda was compiled for float32");
    EXPECT_ERROR(lamina_lambda_run(f, (lamina_engine)engine, &too_wide, 1, &result, 1), LAMINA_RUNTIME_ERROR,
                 "input 'x' has shape (1, 4)");
  }
  CHECK(result == NULL);
  lamina_tensor_free(as_int);
  lamina_tensor_free(too_wide);
  lamina_lambda_free(f);
}

TEST(run_rejects_bool_bytes_other_than_0_and_1) {
  const int64_t dims[1] = {3};
  unsigned char mask[3] = {1, 0, 2};
  lamina_tensor *in = NULL, *out = NULL;
  lamina_lambda* f = compile_one_input("lambda x: logical_not(x)", LAMINA_BOOL, 1, dims);
  OK(lamina_tensor_borrow(LAMINA_BOOL, 1, dims, mask, sizeof mask, &in));
  EXPECT_ERROR(lamina_lambda_run(f, LAMINA_ENGINE_JIT, &in, 1, &out, 1), LAMINA_INVALID_ARGUMENT,
               "input 'x' holds the byte 2 at element 2; bool elements must be 0 or 1");
  mask[2] = 1;
  OK(lamina_lambda_run(f, LAMINA_ENGINE_JIT, &in, 1, &out, 1));
  lamina_tensor_free(in);
  lamina_tensor_free(out);
  lamina_lambda_free(f);
}

TEST(run_rejects_wrong_output_counts_and_null_outputs) {
  float x[3] = {1, 2, 3};
  const int64_t dims[2] = {1, 3};
  lamina_tensor* in = borrow_f32(x, 2, dims);
  lamina_tensor* results[2] = {(lamina_tensor*)&x, (lamina_tensor*)&x};
  lamina_tensor* none[1] = {NULL};
  lamina_lambda* f = two_by_three();
  EXPECT_ERROR(lamina_lambda_run(f, LAMINA_ENGINE_JIT, &in, 1, results, 2), LAMINA_INVALID_ARGUMENT,
               "lamina_lambda_run: the lambda has 1 result(s) but output_count is 2");
  CHECK(results[0] == NULL && results[1] == NULL); /* both entries the caller declared are cleared */
  EXPECT_ERROR(lamina_lambda_run(f, LAMINA_ENGINE_JIT, &in, 1, NULL, 1), LAMINA_INVALID_ARGUMENT,
               "outputs is NULL but output_count is 1");
  EXPECT_ERROR(lamina_lambda_run_into(f, LAMINA_ENGINE_JIT, &in, 1, none, 0), LAMINA_INVALID_ARGUMENT,
               "lamina_lambda_run_into: the lambda has 1 result(s) but output_count is 0");
  EXPECT_ERROR(lamina_lambda_run_into(f, LAMINA_ENGINE_JIT, &in, 1, NULL, 1), LAMINA_INVALID_ARGUMENT,
               "outputs is NULL but output_count is 1");
  EXPECT_ERROR(lamina_lambda_run_into(f, LAMINA_ENGINE_JIT, &in, 1, none, 1), LAMINA_INVALID_ARGUMENT,
               "outputs[0] is NULL");
  lamina_tensor_free(in);
  lamina_lambda_free(f);
}

TEST(run_into_rejects_outputs_of_the_wrong_dtype_or_shape) {
  float x[3] = {1, 2, 3};
  float y[6];
  double d[3];
  const int64_t dims[2] = {1, 3};
  const int64_t tall[2] = {2, 3};
  lamina_tensor* in = borrow_f32(x, 2, dims);
  lamina_tensor* wrong_shape = borrow_f32(y, 2, tall);
  lamina_tensor* wrong_dtype = NULL;
  lamina_lambda* f = two_by_three();
  int engine;
  OK(lamina_tensor_borrow(LAMINA_FLOAT64, 2, dims, d, sizeof d, &wrong_dtype));
  for (engine = LAMINA_ENGINE_JIT; engine <= LAMINA_ENGINE_INTERPRETER; ++engine) {
    EXPECT_ERROR(lamina_lambda_run_into(f, (lamina_engine)engine, &in, 1, &wrong_shape, 1), LAMINA_RUNTIME_ERROR,
                 "output 0 must be a float32 tensor of shape (1, 3)");
    EXPECT_ERROR(lamina_lambda_run_into(f, (lamina_engine)engine, &in, 1, &wrong_dtype, 1), LAMINA_RUNTIME_ERROR,
                 "output 0 must be a float32 tensor of shape (1, 3)");
  }
  lamina_tensor_free(in);
  lamina_tensor_free(wrong_shape);
  lamina_tensor_free(wrong_dtype);
  lamina_lambda_free(f);
}

TEST(run_into_rejects_outputs_that_overlap) {
  float buffer[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  const int64_t dims[2] = {1, 3};
  const int64_t pair_dims[1] = {3};
  lamina_tensor* in = borrow_f32(buffer, 2, dims);
  lamina_tensor* same = borrow_f32(buffer, 2, dims);
  lamina_tensor* straddling = borrow_f32(buffer + 2, 2, dims);
  lamina_tensor* outs[2];
  lamina_input_signature sig = {"x", LAMINA_FLOAT32, 1, pair_dims};
  lamina_lambda* pair = NULL;
  lamina_lambda* f = two_by_three();
  EXPECT_ERROR(lamina_lambda_run_into(f, LAMINA_ENGINE_JIT, &in, 1, &same, 1), LAMINA_INVALID_ARGUMENT,
               "outputs[0] overlaps input 'x'; a run does not work in place");
  EXPECT_ERROR(lamina_lambda_run_into(f, LAMINA_ENGINE_JIT, &in, 1, &straddling, 1), LAMINA_INVALID_ARGUMENT,
               "outputs[0] overlaps input 'x'");
  OK(lamina_lambda_compile("lambda x: (x + 1, x - 1)", &sig, 1, NULL, &pair));
  lamina_tensor_free(in);
  in = borrow_f32(buffer, 1, pair_dims);
  outs[0] = borrow_f32(buffer + 3, 1, pair_dims);
  outs[1] = borrow_f32(buffer + 4, 1, pair_dims);
  EXPECT_ERROR(lamina_lambda_run_into(pair, LAMINA_ENGINE_JIT, &in, 1, outs, 2), LAMINA_INVALID_ARGUMENT,
               "outputs[1] overlaps outputs[0]");
  lamina_tensor_free(outs[1]);
  outs[1] = borrow_f32(buffer + 6, 1, pair_dims); /* adjacent is fine */
  OK(lamina_lambda_run_into(pair, LAMINA_ENGINE_JIT, &in, 1, outs, 2));
  CHECK(buffer[3] == 2 && buffer[5] == 4 && buffer[6] == 0 && buffer[8] == 2);
  lamina_tensor_free(in);
  lamina_tensor_free(same);
  lamina_tensor_free(straddling);
  lamina_tensor_free(outs[0]);
  lamina_tensor_free(outs[1]);
  lamina_lambda_free(pair);
  lamina_lambda_free(f);
}
