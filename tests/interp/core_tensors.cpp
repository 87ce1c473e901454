// Tensor storage, converting element access, clone and reshape.

#include <cmath>
#include <cstdint>
#include <limits>

#include "interp/interp_test_util.h"

using namespace lamina;
using lamina::test::error_from;

TEST_CASE("new tensors are zero-filled and 64-byte aligned", "[tensor]") {
  Tensor t = Tensor::zeros(DType::Float64, {3, 5});
  CHECK(t.size() == 15);
  CHECK(t.nbytes() == 120);
  CHECK(reinterpret_cast<uintptr_t>(t.raw()) % 64 == 0);
  for (int64_t i = 0; i < t.size(); ++i) CHECK(t.get_f64(i) == 0.0);
  Tensor empty = Tensor::zeros(DType::Int32, {0, 4});
  CHECK(empty.size() == 0);
  CHECK(empty.raw() != nullptr);
  Tensor d;
  CHECK(d.dtype() == DType::Float32);
  CHECK(d.rank() == 0);
  CHECK(d.get_f64(0) == 0.0);
}

TEST_CASE("float to int stores truncate toward zero, map NaN to 0 and saturate", "[tensor]") {
  Tensor i32 = Tensor::zeros(DType::Int32, {6});
  i32.set_f64(0, 2.9);
  i32.set_f64(1, -2.9);
  i32.set_f64(2, std::nan(""));
  i32.set_f64(3, 1e20);
  i32.set_f64(4, -1e20);
  i32.set_f64(5, -std::numeric_limits<double>::infinity());
  CHECK(lamina::test::ints(i32) == std::vector<int64_t>{2, -2, 0, 2147483647, -2147483648LL, -2147483648LL});
  Tensor i64 = Tensor::zeros(DType::Int64, {2});
  i64.set_f64(0, 1e300);
  i64.set_f64(1, 9007199254740993.0);
  CHECK(i64.get_i64(0) == std::numeric_limits<int64_t>::max());
  CHECK(i64.get_i64(1) == 9007199254740992LL);  // the double's exact value
  Tensor f = Tensor::scalar(DType::Float32, -7.8);
  CHECK(f.get_i64(0) == -7);
}

TEST_CASE("int64 stores into int32 keep the low 32 bits and bool stores are x != 0", "[tensor]") {
  Tensor i32 = Tensor::zeros(DType::Int32, {2});
  i32.set_i64(0, 4294967297LL);  // 2^32 + 1
  i32.set_i64(1, 2147483648LL);  // 2^31
  CHECK(lamina::test::ints(i32) == std::vector<int64_t>{1, -2147483648LL});
  Tensor b = Tensor::zeros(DType::Bool, {3});
  b.set_f64(0, 0.5);
  b.set_f64(1, std::nan(""));
  b.set_i64(2, 0);
  CHECK(lamina::test::ints(b) == std::vector<int64_t>{1, 1, 0});
  Tensor f = Tensor::zeros(DType::Float32, {1});
  f.set_f64(0, 0.1);
  CHECK(f.get_f64(0) == static_cast<double>(0.1f));
}

TEST_CASE("copies share storage, clones do not", "[tensor]") {
  Tensor a = lamina::test::make(DType::Float32, {2}, {1, 2});
  Tensor shared = a;
  Tensor deep = a.clone();
  a.set_f64(0, 9);
  CHECK(shared.get_f64(0) == 9);
  CHECK(deep.get_f64(0) == 1);
}

TEST_CASE("reshaped keeps the data and rejects another element count", "[tensor]") {
  Tensor a = lamina::test::make(DType::Int64, {2, 3}, {1, 2, 3, 4, 5, 6});
  Tensor r = a.reshaped({3, 2});
  CHECK(r.dims() == Dims{3, 2});
  CHECK(r.get_i64(5) == 6);
  Error e = error_from([&] { a.reshaped({4}); });
  CHECK(e.kind() == ErrorKind::Shape);
  CHECK(e.message() == "cannot reshape (2, 3) into (4,)");
}

TEST_CASE("borrowed tensors read and write the caller's memory", "[tensor]") {
  float data[4] = {1, 2, 3, 4};
  Tensor t = Tensor::borrow(DType::Float32, {2, 2}, data);
  CHECK(t.get_f64(3) == 4);
  t.set_f64(0, 10);
  CHECK(data[0] == 10);
}

TEST_CASE("element_count rejects negative dims and overflow", "[tensor]") {
  CHECK(element_count({}) == 1);
  CHECK(element_count({3, 0, 5}) == 0);
  CHECK(error_from([] { element_count({2, -1}); }).kind() == ErrorKind::Limit);
  CHECK(error_from([] { element_count({1LL << 40, 1LL << 40}); }).kind() == ErrorKind::Limit);
  CHECK(error_from([] { Tensor::zeros(DType::Float64, {1LL << 62}); }).kind() == ErrorKind::Limit);
}

TEST_CASE("format_dims uses Python tuple spelling", "[tensor]") {
  CHECK(format_dims({}) == "()");
  CHECK(format_dims({5}) == "(5,)");
  CHECK(format_dims({2, 3}) == "(2, 3)");
}

TEST_CASE("element access out of range is an error, not a crash", "[tensor]") {
  Tensor t = Tensor::zeros(DType::Int32, {2});
  CHECK(error_from([&] { t.get_f64(2); }).kind() == ErrorKind::Internal);
  CHECK(error_from([&] { t.set_i64(-1, 0); }).kind() == ErrorKind::Internal);
}
