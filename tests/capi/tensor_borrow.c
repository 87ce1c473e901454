/* Borrowed tensors are the host's buffer itself: no copy either way. */

#include "harness.h"

TEST(tensor_borrow_is_the_host_buffer) {
  float host[2][3] = {{1, 2, 3}, {4, 5, 6}};
  const int64_t dims[2] = {2, 3};
  lamina_tensor* t = NULL;
  OK(lamina_tensor_borrow(LAMINA_FLOAT32, 2, dims, host, sizeof host, &t));
  CHECK(lamina_tensor_data(t) == (void*)host);
  CHECK(lamina_tensor_element_count(t) == 6);
  host[1][2] = 60;
  CHECK(((const float*)lamina_tensor_const_data(t))[5] == 60);
  ((float*)lamina_tensor_data(t))[0] = 10;
  CHECK(host[0][0] == 10);
  lamina_tensor_free(t);
  CHECK(host[0][0] == 10); /* freeing the handle leaves the host's memory alone */
}
