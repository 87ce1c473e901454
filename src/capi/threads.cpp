// The host's cap on the library's threads (src/runtime/thread_pool.h).

#include "capi/boundary.h"
#include "runtime/thread_pool.h"

extern "C" {

lamina_status* lamina_set_num_threads(int count) {
  return lamina::capi::boundary("lamina_set_num_threads", [&] { lamina::set_num_threads(count); });
}

int lamina_num_threads(void) {
  try {
    return lamina::num_threads();
  } catch (...) {  // starting the pool failed (no memory): the calling thread still runs everything
    return 1;
  }
}

}  // extern "C"
