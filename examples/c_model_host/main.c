/* A C host that loads a model file (written by any Lamina host, e.g. examples/cpp_host)
   and runs it on a batch held in its own array: prints the model's inputs, outputs and
   predictions. Exits 1 with Lamina's message on any failure.

     lamina_c_model_host model.lamina */

#include <stdio.h>
#include <stdlib.h>

#include "lamina/lamina.h"

static void check(lamina_status* status) {
  if (status) {
    fprintf(stderr, "lamina error %d: %s\n", (int)lamina_status_code(status), lamina_status_message(status));
    lamina_status_free(status);
    exit(1);
  }
}

int main(int argc, char** argv) {
  lamina_model* model = NULL;
  lamina_tensor *input = NULL, *output = NULL;
  const char* name;
  lamina_dtype dtype;
  int rank, i;
  const int64_t* dims;
  int64_t batch_dims[2];
  float* batch;
  const float* y;
  int64_t r, c, features, classes;
  if (argc != 2) {
    fprintf(stderr, "usage: %s MODEL_FILE\n", argv[0]);
    return 2;
  }
  check(lamina_model_load(argv[1], &model));
  if (lamina_model_input_count(model) != 1 || lamina_model_output_count(model) != 1) {
    fprintf(stderr, "this example runs models with one input and one output\n");
    return 1;
  }
  check(lamina_model_input(model, 0, &name, &dtype, &rank, &dims));
  if (dtype != LAMINA_FLOAT32 || rank != 2 || dims[1] < 0) {
    fprintf(stderr, "this example feeds a float32 (batch, features) input\n");
    return 1;
  }
  features = dims[1];
  printf("input '%s': (batch, %lld)\n", name, (long long)features);

  /* Four rows of the host's data, borrowed without a copy. */
  batch = (float*)malloc(sizeof(float) * 4 * (size_t)features);
  for (i = 0; i < 4 * features; ++i) batch[i] = (float)((i * 5) % 11) / 4 - 1;
  batch_dims[0] = 4;
  batch_dims[1] = features;
  check(lamina_tensor_borrow(LAMINA_FLOAT32, 2, batch_dims, batch, sizeof(float) * 4 * (size_t)features, &input));
  check(lamina_model_run(model, LAMINA_ENGINE_JIT, &input, 1, &output, 1));

  classes = lamina_tensor_dims(output)[1];
  y = (const float*)lamina_tensor_const_data(output);
  printf("predictions (4, %lld):\n", (long long)classes);
  for (r = 0; r < 4; ++r) {
    printf("  row %lld:", (long long)r);
    for (c = 0; c < classes; ++c) printf(" %g", y[r * classes + c]);
    printf("\n");
  }
  lamina_tensor_free(output);
  lamina_tensor_free(input);
  lamina_model_free(model);
  free(batch);
  return 0;
}
