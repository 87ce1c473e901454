/* Named arguments bind a lambda's extra parameters to compile-time constants. */

#include "harness.h"

static float run_scalar(lamina_lambda* f, float x) {
  lamina_tensor *in = NULL, *out = NULL;
  float result;
  OK(lamina_tensor_create_copy(LAMINA_FLOAT32, 0, NULL, &x, sizeof x, &in));
  OK(lamina_lambda_run(f, LAMINA_ENGINE_INTERPRETER, &in, 1, &out, 1));
  result = *(const float*)lamina_tensor_const_data(out);
  lamina_tensor_free(in);
  lamina_tensor_free(out);
  return result;
}

TEST(arguments_of_every_kind_reach_the_lambda) {
  lamina_input_signature x = {"x", LAMINA_FLOAT32, 0, NULL};
  lamina_arguments* args = NULL;
  lamina_lambda* f = NULL;
  OK(lamina_arguments_create(&args));
  OK(lamina_arguments_set_int(args, "n", 3));
  OK(lamina_arguments_set_float(args, "scale", 0.5));
  OK(lamina_arguments_set_bool(args, "negate", 7)); /* any non-zero value is True */
  OK(lamina_arguments_set_literal(args, "shape", "(1, 1)"));
  /* x = 4: (4 * 3) * 0.5 = 6, negated: -6, reshaped to (1, 1) and summed back: -6 */
  OK(lamina_lambda_compile("lambda x, n, scale, negate, shape: "
                           "sum(reshape(where(negate, -(x * n * scale), x), shape))",
                           &x, 1, args, &f));
  lamina_arguments_free(args); /* the lambda does not need the set any more */
  CHECK(lamina_lambda_input_count(f) == 1);
  CHECK(run_scalar(f, 4) == -6);
  lamina_lambda_free(f);
}

TEST(arguments_set_twice_keeps_the_last_value) {
  lamina_input_signature x = {"x", LAMINA_FLOAT32, 0, NULL};
  lamina_arguments* args = NULL;
  lamina_lambda* f = NULL;
  OK(lamina_arguments_create(&args));
  OK(lamina_arguments_set_int(args, "k", 2));
  OK(lamina_arguments_set_float(args, "k", 10));
  OK(lamina_lambda_compile("lambda x, k: x * k", &x, 1, args, &f));
  CHECK(run_scalar(f, 3) == 30);
  lamina_arguments_free(args);
  lamina_lambda_free(f);
}

TEST(arguments_errors) {
  lamina_arguments* args = NULL;
  EXPECT_ERROR(lamina_arguments_create(NULL), LAMINA_INVALID_ARGUMENT, "lamina_arguments_create: out is NULL");
  EXPECT_ERROR(lamina_arguments_set_int(NULL, "k", 1), LAMINA_INVALID_ARGUMENT,
               "lamina_arguments_set_int: arguments is NULL");
  OK(lamina_arguments_create(&args));
  EXPECT_ERROR(lamina_arguments_set_float(args, NULL, 1), LAMINA_INVALID_ARGUMENT,
               "lamina_arguments_set_float: name is NULL");
  EXPECT_ERROR(lamina_arguments_set_bool(args, "2fast", 1), LAMINA_INVALID_ARGUMENT,
               "'2fast' is not a name a lambda can use");
  EXPECT_ERROR(lamina_arguments_set_int(args, "", 1), LAMINA_INVALID_ARGUMENT, "'' is not a name a lambda can use");
  EXPECT_ERROR(lamina_arguments_set_literal(args, "shape", NULL), LAMINA_INVALID_ARGUMENT,
               "lamina_arguments_set_literal: python_literal is NULL");
  EXPECT_ERROR(lamina_arguments_set_literal(args, "shape", "(2, 3"), LAMINA_VALUE_ERROR,
               "cannot read argument value '(2, 3': expected ',' or ')'");
  lamina_arguments_free(args);
  lamina_arguments_free(NULL);
}
