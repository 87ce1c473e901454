// slice_length / normalize_slice agree with Python's list slicing.

#include <catch2/catch.hpp>

#include "ir/slice.h"

using namespace lamina::ir;

namespace {
constexpr int64_t kNo = kSliceAbsentStart;
constexpr int64_t kEnd = kSliceAbsentStop;
}  // namespace

TEST_CASE("slice_length matches the length of a Python list slice", "[slice]") {
  // Expected values are Python's: len(list(range(10))[a:b:c]).
  CHECK(slice_length(10, kNo, kEnd, 1) == 10);      // [:]
  CHECK(slice_length(10, 2, 5, 1) == 3);            // [2:5]
  CHECK(slice_length(10, -3, kEnd, 1) == 3);        // [-3:]
  CHECK(slice_length(10, kNo, kEnd, -1) == 10);     // [::-1]
  CHECK(slice_length(10, kNo, kEnd, 3) == 4);       // [::3]
  CHECK(slice_length(10, 8, 2, -2) == 3);           // [8:2:-2] -> 8, 6, 4
  CHECK(slice_length(10, 20, kEnd, 1) == 0);        // [20:]
  CHECK(slice_length(10, -20, 3, 1) == 3);          // [-20:3]
  CHECK(slice_length(10, 5, 2, 1) == 0);            // [5:2]
  CHECK(slice_length(10, kNo, -20, -1) == 10);      // [:-20:-1]
  CHECK(slice_length(0, kNo, kEnd, 1) == 0);
  CHECK(slice_length(0, kNo, kEnd, -1) == 0);
  CHECK(slice_length(1, -1, kEnd, 1) == 1);
}

TEST_CASE("normalize_slice gives the first element and step", "[slice]") {
  SliceRange r = normalize_slice(5, kNo, kEnd, -1);  // [::-1] -> 4, 3, 2, 1, 0
  CHECK(r.start == 4);
  CHECK(r.step == -1);
  CHECK(r.length == 5);
  SliceRange s = normalize_slice(7, -2, kEnd, 1);  // [-2:] -> 5, 6
  CHECK(s.start == 5);
  CHECK(s.length == 2);
}

TEST_CASE("extreme steps do not overflow", "[slice]") {
  CHECK(slice_length(10, kNo, kEnd, std::numeric_limits<int64_t>::max()) == 1);
  CHECK(slice_length(10, kNo, kEnd, std::numeric_limits<int64_t>::min()) == 1);
  CHECK(normalize_slice(10, kNo, kEnd, std::numeric_limits<int64_t>::min()).start == 9);
}
