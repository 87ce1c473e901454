#pragma once
// Random well-typed Lamina programs, generated as DSL source text so the whole
// pipeline (lexer, parser, lowering, fusion, codegen) is exercised.
//
// A program takes 1-3 inputs of shapes like (None, k), (None, k, m) or (k,) and
// chains 1-8 operations: elementwise math, broadcasting, reductions with
// keepdims over trailing, inner and batch axes, softmax / l2_normalize /
// logsumexp, slices (negative steps too), transposes, concatenations, where,
// casts and comparisons. Temporaries are bound to names (`t3 = ...`) or nested.
//
// The generator keeps the programs well-conditioned so that a difference
// between the engines is a bug, not float32-versus-double rounding:
//   - every expression knows whether both engines compute it bit for bit
//     ("exact": inputs, data movement, + - * / sqrt on exact operands, max/min,
//     comparisons, casts, ...) and a bound on its finite magnitude;
//   - discontinuous operations (comparisons, floor, round, sign, casts to int,
//     mod, floor_divide, atan2) only take exact operands, so a rounding
//     difference can never flip a branch;
//   - transcendental and reduction results are only fed to operations with a
//     bounded derivative (tanh, sigmoid, sin, ...), denominators are >= 1, and
//     exp and square only see bounded arguments.
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "jit/differential/support.h"

namespace lamina::difftest {

struct Program {
  std::string source;
  std::vector<InputSignature> signatures;  // batch dims are nullopt
  bool exact = false;  // every result is computed bit for bit by both engines
  double error_bound = 0;  // twice the generator's first-order bound on |jit - interpreter|

  /// Exact programs: the same values (-0 == +0). Others: relative 1e-5 plus
  /// absolute 1e-6 + error_bound, the bound propagated through every operation
  /// (derivative bounds, 4 ulp per vector-math result, float32 summation error).
  Tolerance tolerance() const;
};

class ProgramGenerator {
 public:
  explicit ProgramGenerator(uint64_t seed) : rng_(seed) {}
  Program next();

 private:
  std::mt19937_64 rng_;
};

}  // namespace lamina::difftest
