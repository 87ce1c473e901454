/* Running a compiled lambda on host data, with either engine, into library-allocated
   or host-provided outputs. */

#include "harness.h"

/* relu(x) * 2 + b row by row, computed in C for comparison. */
static float expected_at(const float* x, const float* b, int row, int col) {
  float v = x[row * 3 + col];
  return (v > 0 ? v : 0) * 2 + b[col];
}

TEST(run_gives_library_allocated_outputs) {
  const int64_t sig_x[2] = {-1, 3};
  const int64_t sig_b[1] = {3};
  lamina_input_signature sigs[2] = {{"x", LAMINA_FLOAT32, 2, sig_x}, {"b", LAMINA_FLOAT32, 1, sig_b}};
  float x[4][3] = {{1, -2, 3}, {-4, 5, -6}, {0.5f, 0, -0.5f}, {7, 8, 9}};
  float b[3] = {10, 20, 30};
  const int64_t x_dims[2] = {4, 3};
  lamina_tensor* inputs[2];
  lamina_tensor* outputs[2] = {NULL, NULL};
  lamina_lambda* f = NULL;
  int engine, r, c;
  OK(lamina_lambda_compile("lambda x, b: (relu(x) * 2 + b, sum(x, axis=1))", sigs, 2, NULL, &f));
  inputs[0] = borrow_f32(&x[0][0], 2, x_dims);
  inputs[1] = borrow_f32(b, 1, sig_b);
  for (engine = LAMINA_ENGINE_JIT; engine <= LAMINA_ENGINE_INTERPRETER; ++engine) {
    const float* y;
    const float* sums;
    OK(lamina_lambda_run(f, (lamina_engine)engine, inputs, 2, outputs, 2));
    CHECK(lamina_tensor_dtype(outputs[0]) == LAMINA_FLOAT32 && lamina_tensor_rank(outputs[0]) == 2);
    CHECK(lamina_tensor_dims(outputs[0])[0] == 4 && lamina_tensor_dims(outputs[0])[1] == 3);
    CHECK(lamina_tensor_rank(outputs[1]) == 1 && lamina_tensor_dims(outputs[1])[0] == 4);
    y = (const float*)lamina_tensor_const_data(outputs[0]);
    sums = (const float*)lamina_tensor_const_data(outputs[1]);
    for (r = 0; r < 4; ++r) {
      for (c = 0; c < 3; ++c) CHECK(y[r * 3 + c] == expected_at(&x[0][0], b, r, c));
      CHECK(sums[r] == x[r][0] + x[r][1] + x[r][2]); /* exact: small integers and halves */
    }
    lamina_tensor_free(outputs[0]);
    lamina_tensor_free(outputs[1]);
  }
  lamina_tensor_free(inputs[0]);
  lamina_tensor_free(inputs[1]);
  lamina_lambda_free(f);
}

TEST(run_into_writes_the_host_buffer) {
  const int64_t sig[2] = {-1, 3};
  float x[2][3] = {{1, -2, 3}, {-4, 5, -6}};
  float zeros[3] = {0, 0, 0};
  float y[2][3];
  const int64_t dims[2] = {2, 3};
  lamina_tensor *in, *out;
  lamina_lambda* f = compile_one_input("lambda x: relu(x) * 2", LAMINA_FLOAT32, 2, sig);
  int engine, r, c;
  in = borrow_f32(&x[0][0], 2, dims);
  out = borrow_f32(&y[0][0], 2, dims);
  for (engine = LAMINA_ENGINE_JIT; engine <= LAMINA_ENGINE_INTERPRETER; ++engine) {
    for (r = 0; r < 2; ++r)
      for (c = 0; c < 3; ++c) y[r][c] = -1;
    OK(lamina_lambda_run_into(f, (lamina_engine)engine, &in, 1, &out, 1));
    for (r = 0; r < 2; ++r)
      for (c = 0; c < 3; ++c) CHECK(y[r][c] == expected_at(&x[0][0], zeros, r, c));
  }
  lamina_tensor_free(in);
  lamina_tensor_free(out);
  lamina_lambda_free(f);
}

TEST(one_lambda_runs_any_batch_size) {
  const int64_t sig[2] = {-1, 2};
  int64_t data[10];
  lamina_lambda* f = compile_one_input("lambda x: x * 3", LAMINA_INT64, 2, sig);
  int64_t batch, i;
  for (i = 0; i < 10; ++i) data[i] = i - 4;
  for (batch = 0; batch <= 5; ++batch) {
    const int64_t dims[2] = {batch, 2};
    lamina_tensor *in = NULL, *out = NULL;
    const int64_t* y;
    OK(lamina_tensor_borrow(LAMINA_INT64, 2, dims, data, (size_t)(batch * 2) * sizeof(int64_t), &in));
    OK(lamina_lambda_run(f, LAMINA_ENGINE_JIT, &in, 1, &out, 1));
    CHECK(lamina_tensor_dims(out)[0] == batch && lamina_tensor_element_count(out) == batch * 2);
    y = (const int64_t*)lamina_tensor_const_data(out);
    for (i = 0; i < batch * 2; ++i) CHECK(y[i] == data[i] * 3);
    lamina_tensor_free(in);
    lamina_tensor_free(out);
  }
  lamina_lambda_free(f);
}

TEST(bool_inputs_and_outputs_are_bytes) {
  const int64_t dims[1] = {4};
  unsigned char mask[4] = {1, 0, 0, 1};
  float x[4] = {1, 2, 3, 4};
  lamina_input_signature sigs[2] = {{"m", LAMINA_BOOL, 1, dims}, {"x", LAMINA_FLOAT32, 1, dims}};
  lamina_tensor* in[2];
  lamina_tensor* out[2] = {NULL, NULL};
  lamina_lambda* f = NULL;
  const float* y;
  const unsigned char* big;
  OK(lamina_lambda_compile("lambda m, x: (where(m, x, 0), x > 2)", sigs, 2, NULL, &f));
  OK(lamina_tensor_borrow(LAMINA_BOOL, 1, dims, mask, sizeof mask, &in[0]));
  in[1] = borrow_f32(x, 1, dims);
  OK(lamina_lambda_run(f, LAMINA_ENGINE_JIT, in, 2, out, 2));
  y = (const float*)lamina_tensor_const_data(out[0]);
  big = (const unsigned char*)lamina_tensor_const_data(out[1]);
  CHECK(y[0] == 1 && y[1] == 0 && y[2] == 0 && y[3] == 4);
  CHECK(lamina_tensor_dtype(out[1]) == LAMINA_BOOL);
  CHECK(big[0] == 0 && big[1] == 0 && big[2] == 1 && big[3] == 1);
  lamina_tensor_free(in[0]);
  lamina_tensor_free(in[1]);
  lamina_tensor_free(out[0]);
  lamina_tensor_free(out[1]);
  lamina_lambda_free(f);
}
