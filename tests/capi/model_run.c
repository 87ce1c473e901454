/* Loading a model file from C and running it: queries, both engines, runs into host
   buffers, load errors, and 8 host threads running one model at once. The file comes from
   tests/capi/make_test_model.cpp (path in LAMINA_TEST_MODEL): x (None, 3) → Dense(2) with
   kernel [[1, 0], [0, 1], [1, -1]] and bias [0.5, -0.5] → relu(x) * 2; and sum(x, axis=1). */

#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static lamina_model* load_test_model(void) {
  lamina_model* m = NULL;
  const char* path = getenv("LAMINA_TEST_MODEL");
  CHECK(path != NULL);
  OK(lamina_model_load(path, &m));
  CHECK(m != NULL);
  return m;
}

/* By hand: x @ kernel + bias, then relu * 2. */
static const float kX[2][3] = {{1, 2, 3}, {-1, 0, 1}};
static const float kDoubled[2][2] = {{9, 0}, {1, 0}}; /* (4.5, -1.5) and (0.5, -1.5) */
static const float kSums[2] = {6, 0};

TEST(model_reports_its_inputs_and_outputs) {
  lamina_model* m = load_test_model();
  const char* name = NULL;
  lamina_dtype dtype;
  int rank = 0;
  const int64_t* dims = NULL;
  CHECK(lamina_model_input_count(m) == 1 && lamina_model_output_count(m) == 2);
  OK(lamina_model_input(m, 0, &name, &dtype, &rank, &dims));
  CHECK(strcmp(name, "x") == 0 && dtype == LAMINA_FLOAT32 && rank == 2 && dims[0] == -1 && dims[1] == 3);
  OK(lamina_model_output(m, 1, &dtype, &rank, &dims));
  CHECK(dtype == LAMINA_FLOAT32 && rank == 1 && dims[0] == -1);
  CHECK(strstr(lamina_model_summary(m), "double_relu (Lambda)") != NULL);
  EXPECT_ERROR(lamina_model_output(m, 2, &dtype, &rank, &dims), LAMINA_INVALID_ARGUMENT,
               "the model has 2 output(s), so there is no output 2");
  lamina_model_free(m);
}

TEST(model_run_gives_hand_computed_values_with_both_engines) {
  lamina_model* m = load_test_model();
  const int64_t dims[2] = {2, 3};
  lamina_tensor* in = borrow_f32((float*)&kX[0][0], 2, dims);
  lamina_tensor* out[2] = {NULL, NULL};
  int engine, r, c;
  for (engine = LAMINA_ENGINE_JIT; engine <= LAMINA_ENGINE_INTERPRETER; ++engine) {
    const float* y;
    OK(lamina_model_run(m, (lamina_engine)engine, &in, 1, out, 2));
    y = (const float*)lamina_tensor_const_data(out[0]);
    for (r = 0; r < 2; ++r)
      for (c = 0; c < 2; ++c) CHECK(y[r * 2 + c] == kDoubled[r][c]);
    y = (const float*)lamina_tensor_const_data(out[1]);
    CHECK(y[0] == kSums[0] && y[1] == kSums[1]);
    lamina_tensor_free(out[0]);
    lamina_tensor_free(out[1]);
  }
  lamina_tensor_free(in);
  lamina_model_free(m);
}

TEST(model_run_into_writes_the_host_buffers) {
  lamina_model* m = load_test_model();
  const int64_t dims[2] = {2, 3}, y_dims[2] = {2, 2}, s_dims[1] = {2};
  float y[2][2] = {{-7, -7}, {-7, -7}}, sums[2] = {-7, -7};
  lamina_tensor* in = borrow_f32((float*)&kX[0][0], 2, dims);
  lamina_tensor* out[2];
  out[0] = borrow_f32(&y[0][0], 2, y_dims);
  out[1] = borrow_f32(sums, 1, s_dims);
  OK(lamina_model_run_into(m, &in, 1, out, 2));
  CHECK(y[0][0] == 9 && y[0][1] == 0 && y[1][0] == 1 && y[1][1] == 0);
  CHECK(sums[0] == 6 && sums[1] == 0);
  EXPECT_ERROR(lamina_model_run_into(m, &in, 1, out, 1), LAMINA_INVALID_ARGUMENT,
               "the model has 2 result(s) but output_count is 1");
  EXPECT_ERROR(lamina_model_run_into(m, &in, 0, out, 2), LAMINA_INVALID_ARGUMENT,
               "the model takes 1 input(s) (x) but input_count is 0");
  lamina_tensor_free(in);
  lamina_tensor_free(out[0]);
  lamina_tensor_free(out[1]);
  lamina_model_free(m);
}

TEST(model_load_errors_name_the_problem) {
  lamina_model* m = (lamina_model*)&m; /* a load that fails must set it to NULL */
  char path[] = "/tmp/lamina_capi_garbage_XXXXXX";
  FILE* f;
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  f = fdopen(fd, "wb");
  fputs("not a model file at all", f);
  fclose(f);
  EXPECT_ERROR(lamina_model_load(path, &m), LAMINA_FILE_ERROR, path);
  CHECK(m == NULL);
  remove(path);
  EXPECT_ERROR(lamina_model_load("/nonexistent/model.lamina", &m), LAMINA_FILE_ERROR, "/nonexistent/model.lamina");
  EXPECT_ERROR(lamina_model_load(NULL, &m), LAMINA_INVALID_ARGUMENT, "path is NULL");
  EXPECT_ERROR(lamina_model_load("x", NULL), LAMINA_INVALID_ARGUMENT, "out is NULL");
  EXPECT_ERROR(lamina_model_run(NULL, LAMINA_ENGINE_JIT, NULL, 0, NULL, 0), LAMINA_INVALID_ARGUMENT,
               "model is NULL");
  CHECK(lamina_model_input_count(NULL) == 0 && strcmp(lamina_model_summary(NULL), "") == 0);
  lamina_model_free(NULL);
}

enum { kThreads = 8, kRuns = 20, kRows = 16 };

typedef struct Job {
  const lamina_model* m;
  pthread_barrier_t* start;
  float input[kRows][3];
  float doubled[kRows][2];
  float sums[kRows];
  int failed;
} Job;

static void* run_job(void* arg) {
  Job* job = (Job*)arg;
  const int64_t dims[2] = {kRows, 3}, y_dims[2] = {kRows, 2}, s_dims[1] = {kRows};
  lamina_tensor *in = NULL, *out[2] = {NULL, NULL};
  int i;
  if (lamina_tensor_borrow(LAMINA_FLOAT32, 2, dims, job->input, sizeof job->input, &in) ||
      lamina_tensor_borrow(LAMINA_FLOAT32, 2, y_dims, job->doubled, sizeof job->doubled, &out[0]) ||
      lamina_tensor_borrow(LAMINA_FLOAT32, 1, s_dims, job->sums, sizeof job->sums, &out[1])) {
    job->failed = 1;
    return NULL;
  }
  pthread_barrier_wait(job->start);
  for (i = 0; i < kRuns && !job->failed; ++i) {
    lamina_status* s = lamina_model_run_into(job->m, &in, 1, out, 2);
    if (s) {
      job->failed = 1;
      lamina_status_free(s);
    }
  }
  lamina_tensor_free(in);
  lamina_tensor_free(out[0]);
  lamina_tensor_free(out[1]);
  return NULL;
}

TEST(model_runs_from_8_threads_at_once) {
  static Job jobs[kThreads];
  lamina_model* m = load_test_model();
  pthread_t threads[kThreads];
  pthread_barrier_t start;
  int t, r;
  pthread_barrier_init(&start, NULL, kThreads);
  for (t = 0; t < kThreads; ++t) {
    jobs[t].m = m;
    jobs[t].start = &start;
    jobs[t].failed = 0;
    for (r = 0; r < kRows; ++r) {
      jobs[t].input[r][0] = (float)(r - t);
      jobs[t].input[r][1] = (float)(t % 3);
      jobs[t].input[r][2] = (float)(r % 4) - 1;
    }
    CHECK(pthread_create(&threads[t], NULL, run_job, &jobs[t]) == 0);
  }
  for (t = 0; t < kThreads; ++t) pthread_join(threads[t], NULL);
  pthread_barrier_destroy(&start);
  for (t = 0; t < kThreads; ++t) {
    CHECK(!jobs[t].failed);
    for (r = 0; r < kRows; ++r) {
      const float* x = jobs[t].input[r];
      float d0 = x[0] + x[2] + 0.5f, d1 = x[1] - x[2] - 0.5f; /* small integers and halves: exact */
      CHECK(jobs[t].doubled[r][0] == (d0 > 0 ? d0 * 2 : 0));
      CHECK(jobs[t].doubled[r][1] == (d1 > 0 ? d1 * 2 : 0));
      CHECK(jobs[t].sums[r] == x[0] + x[1] + x[2]);
    }
  }
  lamina_model_free(m);
}
