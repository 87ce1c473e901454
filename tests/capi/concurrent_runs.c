/* One compiled lambda run from 8 host threads at once gives each thread exactly what a
   single thread gets. The threads start together, so they also race on the lambda's
   first JIT compile. Under ThreadSanitizer (-DLAMINA_TSAN=ON) this also checks for
   data races. */

#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <string.h>

#include "harness.h"

enum { kThreads = 8, kRuns = 20, kRows = 64, kCols = 32 };

typedef struct Job {
  const lamina_lambda* f;
  lamina_engine engine;
  pthread_barrier_t* start;
  float input[kRows][kCols];  /* this thread's own data */
  float output[kRows];
  int failed;
} Job;

static void fill(float* x, int n, int seed) {
  int i;
  for (i = 0; i < n; ++i) x[i] = (float)((i * 7 + seed * 13) % 29) / 8.0f - 1.5f;
}

static void* run_job(void* arg) {
  Job* job = (Job*)arg;
  const int64_t dims[2] = {kRows, kCols};
  const int64_t out_dims[1] = {kRows};
  lamina_tensor *in = NULL, *out = NULL;
  int i;
  if (lamina_tensor_borrow(LAMINA_FLOAT32, 2, dims, job->input, sizeof job->input, &in) ||
      lamina_tensor_borrow(LAMINA_FLOAT32, 1, out_dims, job->output, sizeof job->output, &out)) {
    job->failed = 1;
    return NULL;
  }
  pthread_barrier_wait(job->start);
  for (i = 0; i < kRuns && !job->failed; ++i) {
    lamina_status* s = lamina_lambda_run_into(job->f, job->engine, &in, 1, &out, 1);
    if (s) {
      job->failed = 1;
      lamina_status_free(s);
    }
  }
  lamina_tensor_free(in);
  lamina_tensor_free(out);
  return NULL;
}

static void check_concurrent_runs(lamina_engine engine) {
  static Job jobs[kThreads];
  static float expected[kThreads][kRows];
  const int64_t sig[2] = {-1, kCols};
  const int64_t dims[2] = {kRows, kCols};
  pthread_t threads[kThreads];
  pthread_barrier_t start;
  lamina_lambda* f = compile_one_input("lambda x: logsumexp(x * 2, axis=1) - mean(relu(x), axis=1)",
                                       LAMINA_FLOAT32, 2, sig);
  lamina_lambda* reference = compile_one_input("lambda x: logsumexp(x * 2, axis=1) - mean(relu(x), axis=1)",
                                               LAMINA_FLOAT32, 2, sig);
  int t, r;
  CHECK(pthread_barrier_init(&start, NULL, kThreads) == 0);
  for (t = 0; t < kThreads; ++t) {
    memset(&jobs[t], 0, sizeof jobs[t]);
    jobs[t].f = f;
    jobs[t].engine = engine;
    jobs[t].start = &start;
    fill(&jobs[t].input[0][0], kRows * kCols, t);
  }
  for (t = 0; t < kThreads; ++t) CHECK(pthread_create(&threads[t], NULL, run_job, &jobs[t]) == 0);
  for (t = 0; t < kThreads; ++t) CHECK(pthread_join(threads[t], NULL) == 0);
  pthread_barrier_destroy(&start);

  /* The same inputs one at a time, on a separately compiled copy of the lambda. */
  for (t = 0; t < kThreads; ++t) {
    const int64_t out_dims[1] = {kRows};
    lamina_tensor* in = borrow_f32(&jobs[t].input[0][0], 2, dims);
    lamina_tensor* out = borrow_f32(expected[t], 1, out_dims);
    OK(lamina_lambda_run_into(reference, engine, &in, 1, &out, 1));
    lamina_tensor_free(in);
    lamina_tensor_free(out);
  }
  for (t = 0; t < kThreads; ++t) {
    CHECK(!jobs[t].failed);
    for (r = 0; r < kRows; ++r) CHECK(jobs[t].output[r] == expected[t][r]); /* bit for bit */
  }
  CHECK(expected[0][0] != expected[1][0]); /* the threads really had different data */
  lamina_lambda_free(f);
  lamina_lambda_free(reference);
}

TEST(eight_threads_run_one_jit_lambda) { check_concurrent_runs(LAMINA_ENGINE_JIT); }

TEST(eight_threads_run_one_interpreted_lambda) { check_concurrent_runs(LAMINA_ENGINE_INTERPRETER); }
