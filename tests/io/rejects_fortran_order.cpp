#include "npy_test_util.h"

using namespace lamina;

TEST_CASE("read_npy refuses a Fortran-ordered matrix and says how to fix it") {
  std::string path = test::fixture_path("fortran_2x3.npy");
  Error e = test::error_from([&] { read_npy(path); });
  CHECK(e.kind() == ErrorKind::File);
  CHECK(e.message() == path + ": array is stored in Fortran order; save it with "
                              "np.save(path, np.ascontiguousarray(a))");
}
