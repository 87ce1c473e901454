/* Bad tensor arguments get a status naming the problem; out-pointers are left NULL. */

#include "harness.h"

TEST(tensor_create_rejects_a_null_out_pointer) {
  const int64_t dims[1] = {3};
  float data[3] = {0, 0, 0};
  EXPECT_ERROR(lamina_tensor_create(LAMINA_FLOAT32, 1, dims, NULL), LAMINA_INVALID_ARGUMENT,
               "lamina_tensor_create: out is NULL");
  EXPECT_ERROR(lamina_tensor_create_copy(LAMINA_FLOAT32, 1, dims, data, sizeof data, NULL), LAMINA_INVALID_ARGUMENT,
               "lamina_tensor_create_copy: out is NULL");
  EXPECT_ERROR(lamina_tensor_borrow(LAMINA_FLOAT32, 1, dims, data, sizeof data, NULL), LAMINA_INVALID_ARGUMENT,
               "lamina_tensor_borrow: out is NULL");
}

TEST(tensor_create_rejects_an_unknown_dtype) {
  const int64_t dims[1] = {3};
  lamina_tensor* t = (lamina_tensor*)&t; /* not NULL: a failed call must set it to NULL */
  EXPECT_ERROR(lamina_tensor_create((lamina_dtype)9, 1, dims, &t), LAMINA_INVALID_ARGUMENT,
               "has dtype 9, which is not a lamina_dtype");
  CHECK(t == NULL);
}

TEST(tensor_create_rejects_bad_ranks_and_dims) {
  const int64_t dims[2] = {2, -3};
  int64_t many[40];
  lamina_tensor* t = NULL;
  int i;
  for (i = 0; i < 40; ++i) many[i] = 1;
  EXPECT_ERROR(lamina_tensor_create(LAMINA_FLOAT32, -1, dims, &t), LAMINA_INVALID_ARGUMENT, "has rank -1");
  EXPECT_ERROR(lamina_tensor_create(LAMINA_FLOAT32, 40, many, &t), LAMINA_INVALID_ARGUMENT,
               "has rank 40, above the limit of 32");
  EXPECT_ERROR(lamina_tensor_create(LAMINA_FLOAT32, 2, NULL, &t), LAMINA_INVALID_ARGUMENT,
               "has rank 2 but its dims pointer is NULL");
  EXPECT_ERROR(lamina_tensor_create(LAMINA_FLOAT32, 2, dims, &t), LAMINA_INVALID_ARGUMENT,
               "has dims[1] = -3; a tensor's dims are 0 or more");
  CHECK(t == NULL);
}

TEST(tensor_create_rejects_sizes_beyond_memory) {
  const int64_t huge[3] = {INT64_C(1) << 40, INT64_C(1) << 40, 1 << 10};
  const int64_t large[2] = {INT64_C(1) << 31, INT64_C(1) << 31};
  lamina_tensor* t = NULL;
  EXPECT_ERROR(lamina_tensor_create(LAMINA_FLOAT32, 3, huge, &t), LAMINA_LIMIT_ERROR, "has too many elements");
  EXPECT_ERROR(lamina_tensor_borrow(LAMINA_FLOAT64, 2, large, NULL, 0, &t), LAMINA_LIMIT_ERROR,
               "more bytes than memory can address");
  CHECK(t == NULL);
}

TEST(tensor_buffer_must_match_the_shape) {
  float data[8] = {0};
  const int64_t dims[2] = {2, 4};
  lamina_tensor* t = NULL;
  EXPECT_ERROR(lamina_tensor_borrow(LAMINA_FLOAT32, 2, dims, data, 16, &t), LAMINA_INVALID_ARGUMENT,
               "the buffer holds 16 bytes but a float32 tensor of shape (2, 4) needs 32");
  EXPECT_ERROR(lamina_tensor_create_copy(LAMINA_FLOAT64, 2, dims, data, sizeof data, &t), LAMINA_INVALID_ARGUMENT,
               "the buffer holds 32 bytes but a float64 tensor of shape (2, 4) needs 64");
  EXPECT_ERROR(lamina_tensor_borrow(LAMINA_FLOAT32, 2, dims, NULL, 32, &t), LAMINA_INVALID_ARGUMENT,
               "data is NULL but a float32 tensor of shape (2, 4) needs 32 bytes");
  EXPECT_ERROR(lamina_tensor_create_copy(LAMINA_FLOAT32, 2, dims, NULL, 32, &t), LAMINA_INVALID_ARGUMENT,
               "data is NULL");
  CHECK(t == NULL);
}

TEST(tensor_borrow_rejects_misaligned_data) {
  int64_t storage[3] = {0, 0, 0};
  const int64_t dims[1] = {2};
  lamina_tensor* t = NULL;
  EXPECT_ERROR(lamina_tensor_borrow(LAMINA_INT64, 1, dims, (char*)storage + 4, 16, &t), LAMINA_INVALID_ARGUMENT,
               "data is not aligned to 8 bytes, as int64 elements must be");
  CHECK(t == NULL);
}

TEST(tensor_queries_accept_null) {
  lamina_tensor_free(NULL);
  CHECK(lamina_tensor_rank(NULL) == -1);
  CHECK(lamina_tensor_dims(NULL) == NULL);
  CHECK(lamina_tensor_element_count(NULL) == 0);
  CHECK(lamina_tensor_byte_size(NULL) == 0);
  CHECK(lamina_tensor_data(NULL) == NULL);
  CHECK(lamina_tensor_const_data(NULL) == NULL);
  CHECK(lamina_tensor_dtype(NULL) == LAMINA_FLOAT32);
}
