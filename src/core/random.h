#pragma once
// Counter-based random numbers: element i of a generator with seed s is a pure
// function of (s, i), so the interpreter and the JIT produce the same tensors
// bit for bit, in any order and on any number of threads.
//
// The exact formulas (the JIT must reproduce them):
//   mix64(x)        = splitmix64's output for state x:
//                       z = x + 0x9E3779B97F4A7C15
//                       z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
//                       z = (z ^ (z >> 27)) * 0x94D049BB133111EB
//                       return z ^ (z >> 31)                (all arithmetic mod 2^64)
//   uniform01(s, i) = (mix64(s ^ mix64(i)) >> 11) * 2^-53        in [0, 1)
//   normal(s, i)    = sqrt(-2 log(u1)) * cos(2 pi u2)            (Box–Muller)
//                     with u1 = 1 - uniform01(s, 2i)   in (0, 1]
//                          u2 = uniform01(s, 2i + 1)   in [0, 1)
//                     (2i and 2i + 1 computed mod 2^64)
// Elements are computed in double, then rounded to the tensor's dtype.

#include <cstdint>

namespace lamina {

uint64_t mix64(uint64_t x);
double uniform01(uint64_t seed, uint64_t i);
double normal(uint64_t seed, uint64_t i);

}  // namespace lamina
