/* Tensors Lamina owns: zero-filled, or a copy of the host's data. */

#include <string.h>

#include "harness.h"

TEST(tensor_create_is_zero_filled) {
  const int64_t dims[3] = {2, 3, 4};
  lamina_tensor* t = NULL;
  const double* data;
  int64_t i;
  OK(lamina_tensor_create(LAMINA_FLOAT64, 3, dims, &t));
  CHECK(lamina_tensor_dtype(t) == LAMINA_FLOAT64);
  CHECK(lamina_tensor_rank(t) == 3);
  CHECK(lamina_tensor_dims(t)[0] == 2 && lamina_tensor_dims(t)[1] == 3 && lamina_tensor_dims(t)[2] == 4);
  CHECK(lamina_tensor_element_count(t) == 24);
  CHECK(lamina_tensor_byte_size(t) == 24 * sizeof(double));
  data = (const double*)lamina_tensor_const_data(t);
  for (i = 0; i < 24; ++i) CHECK(data[i] == 0.0);
  lamina_tensor_free(t);
}

TEST(tensor_create_scalar_needs_no_dims) {
  lamina_tensor* t = NULL;
  OK(lamina_tensor_create(LAMINA_INT32, 0, NULL, &t));
  CHECK(lamina_tensor_rank(t) == 0);
  CHECK(lamina_tensor_dims(t) == NULL);
  CHECK(lamina_tensor_element_count(t) == 1);
  CHECK(lamina_tensor_byte_size(t) == 4);
  lamina_tensor_free(t);
}

TEST(tensor_create_copy_keeps_no_reference_to_the_host_buffer) {
  int64_t host[4] = {1, -2, 3, -4};
  const int64_t dims[1] = {4};
  lamina_tensor* t = NULL;
  int64_t* data;
  OK(lamina_tensor_create_copy(LAMINA_INT64, 1, dims, host, sizeof host, &t));
  data = (int64_t*)lamina_tensor_data(t);
  CHECK(data != host);
  host[0] = 100;
  CHECK(data[0] == 1 && data[1] == -2 && data[2] == 3 && data[3] == -4);
  lamina_tensor_free(t);
}

TEST(tensor_create_copy_turns_nonzero_bool_bytes_into_1) {
  const unsigned char host[3] = {0, 1, 7};
  const int64_t dims[1] = {3};
  lamina_tensor* t = NULL;
  const unsigned char* data;
  OK(lamina_tensor_create_copy(LAMINA_BOOL, 1, dims, host, sizeof host, &t));
  data = (const unsigned char*)lamina_tensor_const_data(t);
  CHECK(data[0] == 0 && data[1] == 1 && data[2] == 1);
  lamina_tensor_free(t);
}

TEST(tensor_with_no_elements) {
  const int64_t dims[2] = {0, 5};
  lamina_tensor* t = NULL;
  OK(lamina_tensor_create(LAMINA_FLOAT32, 2, dims, &t));
  CHECK(lamina_tensor_element_count(t) == 0 && lamina_tensor_byte_size(t) == 0);
  lamina_tensor_free(t);
  OK(lamina_tensor_borrow(LAMINA_FLOAT32, 2, dims, NULL, 0, &t));
  CHECK(lamina_tensor_element_count(t) == 0);
  lamina_tensor_free(t);
}

TEST(dtype_sizes_and_names) {
  CHECK(lamina_dtype_size(LAMINA_BOOL) == 1 && strcmp(lamina_dtype_name(LAMINA_BOOL), "bool") == 0);
  CHECK(lamina_dtype_size(LAMINA_INT32) == 4 && strcmp(lamina_dtype_name(LAMINA_INT32), "int32") == 0);
  CHECK(lamina_dtype_size(LAMINA_INT64) == 8 && strcmp(lamina_dtype_name(LAMINA_INT64), "int64") == 0);
  CHECK(lamina_dtype_size(LAMINA_FLOAT32) == 4 && strcmp(lamina_dtype_name(LAMINA_FLOAT32), "float32") == 0);
  CHECK(lamina_dtype_size(LAMINA_FLOAT64) == 8 && strcmp(lamina_dtype_name(LAMINA_FLOAT64), "float64") == 0);
  CHECK(lamina_dtype_size((lamina_dtype)42) == 0 && strcmp(lamina_dtype_name((lamina_dtype)42), "unknown") == 0);
}
