// The ulp measure every vector-math test relies on: distances between float bit patterns.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "jit/math_harness.h"

using namespace lamina::test;

TEST_CASE("ulp_distance counts representable floats between two values", "[jit][ulp]") {
  CHECK(ulp_distance(1.0f, 1.0f) == 0);
  CHECK(ulp_distance(1.0f, std::nextafter(1.0f, 2.0f)) == 1);
  CHECK(ulp_distance(1.0f, 1.0f + 3 * 0x1p-23f) == 3);
  // Across a binade the ulp halves: 1 - 2^-24 is the float just below 1.
  CHECK(ulp_distance(1.0f, 1.0f - 0x1p-24f) == 1);
  CHECK(ulp_distance(2.0f, 1.0f) == (1 << 23));
}

TEST_CASE("ulp_distance treats -0 and +0 as one point and crosses zero", "[jit][ulp]") {
  const float tiny = std::numeric_limits<float>::denorm_min();
  CHECK(ulp_distance(0.0f, -0.0f) == 0);
  CHECK(ulp_distance(tiny, 0.0f) == 1);
  CHECK(ulp_distance(-tiny, tiny) == 2);
  CHECK(ulp_distance(-tiny, -0.0f) == 1);
}

TEST_CASE("ulp_distance: NaN equals NaN, NaN against a number is infinitely far", "[jit][ulp]") {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  CHECK(ulp_distance(nan, -nan) == 0);
  CHECK(ulp_distance(nan, 1.0f) == std::numeric_limits<int64_t>::max());
  CHECK(ulp_distance(0.0f, nan) == std::numeric_limits<int64_t>::max());
  const float inf = std::numeric_limits<float>::infinity();
  CHECK(ulp_distance(inf, std::numeric_limits<float>::max()) == 1);
  CHECK(ulp_distance(-inf, inf) == 2 * int64_t{0x7f800000});
}

TEST_CASE("ulp_distance for doubles", "[jit][ulp]") {
  CHECK(ulp_distance(1.0, std::nextafter(1.0, 2.0)) == 1);
  CHECK(ulp_distance(-0.0, 0.0) == 0);
  CHECK(ulp_distance(-1.0, 1.0) == 2 * int64_t{0x3ff0000000000000});
  // Distances beyond int64 saturate.
  CHECK(ulp_distance(-std::numeric_limits<double>::infinity(),
                     std::numeric_limits<double>::infinity()) == std::numeric_limits<int64_t>::max());
}

TEST_CASE("same tells -0 from +0 but not one NaN from another", "[jit][ulp]") {
  CHECK_FALSE(same(0.0f, -0.0f));
  CHECK(same(-0.0f, -0.0f));
  CHECK(same(std::nanf(""), -std::nanf("1")));
  CHECK_FALSE(same(std::nanf(""), 0.0f));
}
