// The counter-based generators follow the formulas documented in core/random.h
// (expected values computed independently in Python from those formulas).

#include <cmath>

#include <catch2/catch.hpp>

#include "core/random.h"

TEST_CASE("mix64 is splitmix64's output for the given state", "[random]") {
  // splitmix64 seeded with 0 first returns 0xE220A8397B1DCDAF.
  CHECK(lamina::mix64(0) == 0xE220A8397B1DCDAFull);
  CHECK(lamina::mix64(1) == 0x910A2DEC89025CC1ull);
}

TEST_CASE("uniform01 and normal match the documented formulas", "[random]") {
  CHECK(lamina::uniform01(42, 0) == 0.30315012456577295);
  CHECK(lamina::uniform01(42, 1) == 0.4949295270895354);
  CHECK(lamina::uniform01(42, 2) == 0.11599941521466184);
  CHECK(lamina::normal(42, 0) == Approx(-0.8494925626958599).epsilon(1e-14));
  CHECK(lamina::normal(42, 1) == Approx(-0.04462227204738597).epsilon(1e-12));
  CHECK(lamina::normal(42, 2) == Approx(0.27818336401353383).epsilon(1e-14));
}

TEST_CASE("uniform01 stays below 1 and normal has mean 0 and variance 1", "[random]") {
  const int n = 20000;
  double sum = 0, sum_sq = 0, usum = 0;
  for (int i = 0; i < n; ++i) {
    double u = lamina::uniform01(123, static_cast<uint64_t>(i));
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    usum += u;
    double z = lamina::normal(123, static_cast<uint64_t>(i));
    REQUIRE(std::isfinite(z));
    sum += z;
    sum_sq += z * z;
  }
  // Standard errors: 1/sqrt(12 n) ≈ 0.002 for the uniform mean, 1/sqrt(n) ≈ 0.007
  // for the normal mean, sqrt(2/n) ≈ 0.01 for its variance; allow 5 of them.
  CHECK(usum / n == Approx(0.5).margin(0.01));
  CHECK(sum / n == Approx(0.0).margin(0.035));
  CHECK(sum_sq / n == Approx(1.0).margin(0.05));
}
