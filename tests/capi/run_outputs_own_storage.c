/* A run's library-allocated outputs never share memory with its inputs or each other, so
   the host may free its buffers or write to one output without surprises. */

#include "harness.h"

static int overlaps(const lamina_tensor* a, const lamina_tensor* b) {
  const char* a0 = (const char*)lamina_tensor_const_data(a);
  const char* b0 = (const char*)lamina_tensor_const_data(b);
  return a0 < b0 + lamina_tensor_byte_size(b) && b0 < a0 + lamina_tensor_byte_size(a);
}

TEST(run_outputs_do_not_alias_inputs_or_each_other) {
  const int64_t dims[1] = {3};
  float x[3] = {1, 2, 3};
  lamina_tensor* in = borrow_f32(x, 1, dims);
  lamina_tensor* out[3] = {NULL, NULL, NULL};
  lamina_lambda* f = compile_one_input("lambda x: y = x * 2; (x, y, y)", LAMINA_FLOAT32, 1, dims);
  int engine, i, j;
  for (engine = LAMINA_ENGINE_JIT; engine <= LAMINA_ENGINE_INTERPRETER; ++engine) {
    float* first;
    OK(lamina_lambda_run(f, (lamina_engine)engine, &in, 1, out, 3));
    for (i = 0; i < 3; ++i) {
      CHECK(!overlaps(out[i], in));
      for (j = 0; j < i; ++j) CHECK(!overlaps(out[i], out[j]));
    }
    first = (float*)lamina_tensor_data(out[0]);
    CHECK(first[0] == 1 && first[2] == 3);
    first[0] = 100; /* changes neither the input nor the other outputs */
    CHECK(x[0] == 1 && ((const float*)lamina_tensor_const_data(out[1]))[0] == 2);
    ((float*)lamina_tensor_data(out[1]))[0] = 50;
    CHECK(((const float*)lamina_tensor_const_data(out[2]))[0] == 2);
    for (i = 0; i < 3; ++i) lamina_tensor_free(out[i]);
  }
  lamina_tensor_free(in);
  lamina_lambda_free(f);
}

TEST(run_outputs_of_constants_are_fresh_each_run) {
  const int64_t dims[1] = {2};
  float x[2] = {1, 2};
  lamina_tensor* in = borrow_f32(x, 1, dims);
  lamina_tensor *first = NULL, *second = NULL;
  lamina_lambda* f = compile_one_input("lambda x: ones((2,)) * 5", LAMINA_FLOAT32, 1, dims);
  int engine;
  for (engine = LAMINA_ENGINE_JIT; engine <= LAMINA_ENGINE_INTERPRETER; ++engine) {
    OK(lamina_lambda_run(f, (lamina_engine)engine, &in, 1, &first, 1));
    ((float*)lamina_tensor_data(first))[0] = -1; /* must not change what the lambda computes */
    OK(lamina_lambda_run(f, (lamina_engine)engine, &in, 1, &second, 1));
    CHECK(((const float*)lamina_tensor_const_data(second))[0] == 5);
    CHECK(!overlaps(first, second));
    lamina_tensor_free(first);
    lamina_tensor_free(second);
  }
  lamina_tensor_free(in);
  lamina_lambda_free(f);
}
