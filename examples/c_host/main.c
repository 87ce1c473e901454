/* A C host: compiles a leaky-ReLU lambda with a named argument, runs it on a batch held
   in the host's own arrays (no copies in or out), then once more with the library
   allocating the result. Prints the results; exits 1 with Lamina's message on any
   failure. */

#include <stdio.h>
#include <stdlib.h>

#include "lamina/lamina.h"

/* Prints the failure and exits; a host would clean up and report instead. */
static void check(lamina_status* status) {
  if (status) {
    fprintf(stderr, "lamina error %d: %s\n", (int)lamina_status_code(status), lamina_status_message(status));
    lamina_status_free(status);
    exit(1);
  }
}

static void print_rows(const char* title, const float* values, int64_t rows, int64_t cols) {
  int64_t r, c;
  printf("%s\n", title);
  for (r = 0; r < rows; ++r) {
    for (c = 0; c < cols; ++c) printf(c ? " %g" : "  %g", values[r * cols + c]);
    printf("\n");
  }
}

int main(void) {
  /* One input x of shape (None, 4): any batch size, 4 features. */
  const int64_t signature_dims[2] = {-1, 4};
  lamina_input_signature x = {"x", LAMINA_FLOAT32, 2, signature_dims};
  lamina_arguments* arguments = NULL;
  lamina_lambda* leaky = NULL;

  /* The host's data: a batch of 3 rows, and room for the result. */
  float input[3][4] = {{1, -2, 3, -4}, {-0.5f, 0.5f, -10, 10}, {0, -1, 2, -3}};
  float output[3][4];
  const int64_t shape[2] = {3, 4};
  lamina_tensor* in = NULL;
  lamina_tensor* out = NULL;
  lamina_tensor* result = NULL;

  printf("Lamina %s, model file format %d\n", lamina_version(), lamina_file_format_version());

  check(lamina_arguments_create(&arguments));
  check(lamina_arguments_set_float(arguments, "alpha", 0.1));
  check(lamina_lambda_compile("lambda x, alpha: where(x > 0, x, alpha * x)", &x, 1, arguments, &leaky));
  lamina_arguments_free(arguments); /* the lambda keeps what it needs */

  /* Borrow the host's arrays: the kernels read `input` and write `output` in place. */
  check(lamina_tensor_borrow(LAMINA_FLOAT32, 2, shape, input, sizeof input, &in));
  check(lamina_tensor_borrow(LAMINA_FLOAT32, 2, shape, output, sizeof output, &out));
  check(lamina_lambda_run_into(leaky, LAMINA_ENGINE_JIT, &in, 1, &out, 1));
  print_rows("leaky_relu(x), written into the host's array:", &output[0][0], 3, 4);

  /* Or let Lamina allocate the result; the host owns it and frees it. */
  check(lamina_lambda_run(leaky, LAMINA_ENGINE_INTERPRETER, &in, 1, &result, 1));
  print_rows("the same with the interpreter, in a tensor Lamina allocated:",
             (const float*)lamina_tensor_const_data(result), lamina_tensor_dims(result)[0],
             lamina_tensor_dims(result)[1]);

  lamina_tensor_free(result);
  lamina_tensor_free(out);
  lamina_tensor_free(in);
  lamina_lambda_free(leaky);
  return 0;
}
