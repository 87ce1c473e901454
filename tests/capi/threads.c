/* A host can cap the library's threads; results do not depend on the cap. */

#include "harness.h"

TEST(num_threads_can_be_capped) {
  OK(lamina_set_num_threads(1));
  CHECK(lamina_num_threads() == 1);
  OK(lamina_set_num_threads(3));
  CHECK(lamina_num_threads() == 3);
  OK(lamina_set_num_threads(0)); /* one per core */
  CHECK(lamina_num_threads() >= 1);
}

TEST(num_threads_rejects_bad_counts) {
  OK(lamina_set_num_threads(2));
  EXPECT_ERROR(lamina_set_num_threads(-1), LAMINA_VALUE_ERROR, "cannot use -1 threads");
  EXPECT_ERROR(lamina_set_num_threads(5000), LAMINA_VALUE_ERROR, "pass 0 (one per core) or a count from 1 to 1024");
  CHECK(lamina_num_threads() == 2); /* unchanged */
}

TEST(results_do_not_depend_on_the_thread_count) {
  enum { kRows = 4096, kCols = 64 };
  static float x[kRows][kCols];
  static float one[kRows], four[kRows], reference[kRows];
  const int64_t sig[2] = {-1, kCols};
  const int64_t dims[2] = {kRows, kCols};
  const int64_t out_dims[1] = {kRows};
  lamina_lambda* f = compile_one_input("lambda x: sum(tanh(x) * x, axis=1)", LAMINA_FLOAT32, 2, sig);
  lamina_tensor* in = borrow_f32(&x[0][0], 2, dims);
  lamina_tensor* out1 = borrow_f32(one, 1, out_dims);
  lamina_tensor* out4 = borrow_f32(four, 1, out_dims);
  lamina_tensor* out_reference = borrow_f32(reference, 1, out_dims);
  int r, c;
  for (r = 0; r < kRows; ++r)
    for (c = 0; c < kCols; ++c) x[r][c] = (float)((r * 31 + c * 17) % 101) / 25.0f - 2.0f;
  OK(lamina_set_num_threads(1));
  OK(lamina_lambda_run_into(f, LAMINA_ENGINE_JIT, &in, 1, &out1, 1));
  OK(lamina_set_num_threads(4));
  OK(lamina_lambda_run_into(f, LAMINA_ENGINE_JIT, &in, 1, &out4, 1));
  OK(lamina_lambda_run_into(f, LAMINA_ENGINE_INTERPRETER, &in, 1, &out_reference, 1));
  for (r = 0; r < kRows; ++r) {
    CHECK(one[r] == four[r]); /* bit for bit */
    CHECK(one[r] - reference[r] < 1e-3f && reference[r] - one[r] < 1e-3f); /* and right */
  }
  lamina_tensor_free(out_reference);
  lamina_tensor_free(in);
  lamina_tensor_free(out1);
  lamina_tensor_free(out4);
  lamina_lambda_free(f);
}
