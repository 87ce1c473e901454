/* The log callback sees what the library reports: failed calls, JIT compiles, cache
   problems; it can be filtered by level, replaced, and removed. */

#define _POSIX_C_SOURCE 200809L /* setenv, mkdtemp */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

typedef struct Log {
  int count;
  lamina_log_level levels[16];
  char messages[16][512];
} Log;

static void record(void* user_data, lamina_log_level level, const char* message) {
  Log* log = (Log*)user_data;
  if (log->count < 16) {
    log->levels[log->count] = level;
    strncpy(log->messages[log->count], message, 511);
    log->messages[log->count][511] = '\0';
  }
  ++log->count;
}

/* The index of the first message containing `text` at `level`, or -1. */
static int find(const Log* log, lamina_log_level level, const char* text) {
  int i;
  for (i = 0; i < log->count && i < 16; ++i)
    if (log->levels[i] == level && strstr(log->messages[i], text)) return i;
  return -1;
}

/* Compiles `source` for x: float32 (4,), runs it `times` with the JIT on x = 1, 2, 3, 4,
   and leaves the result in y. */
static void run_jit(const char* source, int times, float y[4]) {
  const int64_t dims[1] = {4};
  float x[4] = {1, 2, 3, 4};
  lamina_lambda* f = compile_one_input(source, LAMINA_FLOAT32, 1, dims);
  lamina_tensor* in = borrow_f32(x, 1, dims);
  lamina_tensor* out = borrow_f32(y, 1, dims);
  int i;
  for (i = 0; i < times; ++i) OK(lamina_lambda_run_into(f, LAMINA_ENGINE_JIT, &in, 1, &out, 1));
  lamina_tensor_free(in);
  lamina_tensor_free(out);
  lamina_lambda_free(f);
}

TEST(log_reports_failed_calls_with_the_function_name) {
  Log log = {0};
  lamina_tensor* t = NULL;
  const int64_t dims[1] = {2};
  lamina_input_signature x = {"x", LAMINA_FLOAT32, 1, dims};
  lamina_lambda* f = NULL;
  OK(lamina_set_log_callback(record, &log, LAMINA_LOG_ERROR));
  EXPECT_ERROR(lamina_tensor_create(LAMINA_FLOAT32, -1, NULL, &t), LAMINA_INVALID_ARGUMENT, "rank -1");
  EXPECT_ERROR(lamina_lambda_compile("x + meen(x)", &x, 1, NULL, &f), LAMINA_NAME_ERROR, "meen");
  OK(lamina_set_log_callback(NULL, NULL, LAMINA_LOG_DEBUG));
  CHECK(log.count == 2);
  CHECK(find(&log, LAMINA_LOG_ERROR, "lamina_tensor_create: the tensor has rank -1") == 0);
  CHECK(find(&log, LAMINA_LOG_ERROR, "lamina_lambda_compile: 1:5: error: unknown function 'meen'") == 1);
}

TEST(log_reports_jit_compiles_at_info_level) {
  Log log = {0};
  float y[4];
  OK(lamina_set_log_callback(record, &log, LAMINA_LOG_INFO));
  run_jit("lambda x: x * 3 + 1", 2, y); /* compiled once, run twice */
  OK(lamina_set_log_callback(NULL, NULL, LAMINA_LOG_DEBUG));
  CHECK(log.count == 1);
  CHECK(find(&log, LAMINA_LOG_INFO, "JIT-compiled 'lambda x: x * 3 + 1' (x: float32(4,)) in ") == 0);
  CHECK(y[3] == 13);
}

TEST(log_filters_by_level_and_stops_when_removed) {
  Log log = {0};
  lamina_tensor* t = NULL;
  float y[4];
  OK(lamina_set_log_callback(record, &log, LAMINA_LOG_WARNING));
  run_jit("lambda x: x - 7", 1, y); /* an info message: filtered */
  CHECK(log.count == 0);
  OK(lamina_set_log_callback(NULL, NULL, LAMINA_LOG_DEBUG));
  EXPECT_ERROR(lamina_tensor_create(LAMINA_FLOAT32, -1, NULL, &t), LAMINA_INVALID_ARGUMENT, "rank -1");
  CHECK(log.count == 0);
  CHECK(y[0] == -6);
}

TEST(log_warns_when_the_jit_cache_cannot_be_written) {
  Log log = {0};
  char cache[4096];
  float y[4];
  /* a directory inside a regular file cannot be created, even by root */
  sprintf(cache, "%.4000s/jit-cache", test_program_path);
  CHECK(setenv("LAMINA_JIT_CACHE", cache, 1) == 0); /* read when the JIT first starts */
  OK(lamina_set_log_callback(record, &log, LAMINA_LOG_WARNING));
  run_jit("lambda x: x / 3 - 2", 1, y); /* still runs */
  OK(lamina_set_log_callback(NULL, NULL, LAMINA_LOG_DEBUG));
  CHECK(find(&log, LAMINA_LOG_WARNING, "cannot write the JIT cache file") == 0);
  CHECK(find(&log, LAMINA_LOG_WARNING, cache) == 0);
  CHECK(y[0] == 1.0f / 3 - 2);
}

static void replace_from_inside(void* user_data, lamina_log_level level, const char* message) {
  lamina_status** inner = (lamina_status**)user_data;
  (void)level;
  (void)message;
  if (!*inner) *inner = lamina_set_log_callback(NULL, NULL, LAMINA_LOG_DEBUG);
}

TEST(log_callback_cannot_replace_itself_from_inside) {
  lamina_status* inner = NULL;
  lamina_tensor* t = NULL;
  OK(lamina_set_log_callback(replace_from_inside, &inner, LAMINA_LOG_ERROR));
  EXPECT_ERROR(lamina_tensor_create(LAMINA_FLOAT32, -1, NULL, &t), LAMINA_INVALID_ARGUMENT, "rank -1");
  CHECK(lamina_status_code(inner) == LAMINA_RUNTIME_ERROR);
  CHECK(strstr(lamina_status_message(inner), "cannot be replaced from inside the log callback") != NULL);
  lamina_status_free(inner);
  OK(lamina_set_log_callback(NULL, NULL, LAMINA_LOG_DEBUG)); /* from outside it works */
}

TEST(log_rejects_an_unknown_level) {
  Log log = {0};
  EXPECT_ERROR(lamina_set_log_callback(record, &log, (lamina_log_level)9), LAMINA_INVALID_ARGUMENT,
               "min_level 9 is not a lamina_log_level");
}

/* Also a case of its own: run by the next test in a child process to fill a disk cache. */
TEST(jit_runs_with_the_environment_cache) {
  float y[4];
  run_jit("lambda x: x * 5 - 0.5", 1, y);
  CHECK(y[1] == 9.5f);
}

TEST(log_reports_jit_disk_cache_hits_at_debug_level) {
  Log log = {0};
  char dir[] = "/tmp/lamina-capi-cache-XXXXXX";
  char command[4400];
  float y[4];
  CHECK(mkdtemp(dir) != NULL);
  CHECK(setenv("LAMINA_JIT_CACHE", dir, 1) == 0);
  sprintf(command, "'%.4000s' jit_runs_with_the_environment_cache", test_program_path);
  CHECK(system(command) == 0); /* another process compiles the lambda into the cache */
  OK(lamina_set_log_callback(record, &log, LAMINA_LOG_DEBUG));
  run_jit("lambda x: x * 5 - 0.5", 1, y); /* this one loads it */
  OK(lamina_set_log_callback(NULL, NULL, LAMINA_LOG_DEBUG));
  sprintf(command, "rm -rf '%s'", dir);
  CHECK(system(command) == 0);
  CHECK(find(&log, LAMINA_LOG_DEBUG, "loaded compiled kernels from /tmp/lamina-capi-cache-") >= 0);
  CHECK(find(&log, LAMINA_LOG_INFO, "JIT-compiled 'lambda x: x * 5 - 0.5'") >= 0);
  CHECK(y[1] == 9.5f);
}
