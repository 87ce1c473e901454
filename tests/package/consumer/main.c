/* A C host of the installed library (built by CMake here, and with pkg-config alone by
   tests/package/install_and_consume.sh). */

#include <stdio.h>

#include "lamina/lamina.h"

int main(void) {
  const int64_t dims[1] = {3};
  lamina_input_signature x = {"x", LAMINA_INT32, 1, dims};
  int32_t data[3] = {1, 2, 3}, result[3];
  lamina_lambda* f = NULL;
  lamina_tensor *in = NULL, *out = NULL;
  lamina_status* s = lamina_lambda_compile("lambda x: x * x - 1", &x, 1, NULL, &f);
  if (!s) s = lamina_tensor_borrow(LAMINA_INT32, 1, dims, data, sizeof data, &in);
  if (!s) s = lamina_tensor_borrow(LAMINA_INT32, 1, dims, result, sizeof result, &out);
  if (!s) s = lamina_lambda_run_into(f, LAMINA_ENGINE_JIT, &in, 1, &out, 1);
  if (s) {
    fprintf(stderr, "%s\n", lamina_status_message(s));
    lamina_status_free(s);
    return 1;
  }
  printf("c: lamina %s: %d %d %d\n", lamina_version(), (int)result[0], (int)result[1], (int)result[2]);
  lamina_tensor_free(in);
  lamina_tensor_free(out);
  lamina_lambda_free(f);
  return 0;
}
