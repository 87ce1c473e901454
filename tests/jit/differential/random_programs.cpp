// Random well-typed programs (program_generator.h) give the same values from the
// JIT and the interpreter. A CI run checks 1,000 programs from a fixed seed;
// LAMINA_DIFF_PROGRAMS=N runs N instead (a longer local run), LAMINA_DIFF_SEED=S
// another sequence. A mismatch prints the program's source, its inputs' shapes
// and the first differing element; the program index and seed reproduce it.
// LAMINA_DIFF_VERBOSE=1 prints every program before it runs (to find a hang or a crash).
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "jit/differential/program_generator.h"

using namespace lamina;
using namespace lamina::difftest;

namespace {

constexpr int64_t kDefaultPrograms = 1000;
constexpr uint64_t kDefaultSeed = 20261122;

/// Small inputs are printed in full with a mismatch.
std::string input_values(const std::vector<Tensor>& inputs) {
  std::string s;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const Tensor& t = inputs[i];
    if (t.size() > 48) continue;
    s += fmt::format("  input {}:", i);
    for (int64_t j = 0; j < t.size(); ++j)
      s += is_float(t.dtype()) ? fmt::format(" {:.9g}", t.get_f64(j)) : fmt::format(" {}", t.get_i64(j));
    s += "\n";
  }
  return s;
}

struct Tally {
  int64_t programs = 0, runs = 0, exact = 0, mismatches = 0;
};

/// Runs one program at two batch sizes (one of them sometimes 0).
void run_program(const Program& p, int64_t index, uint64_t seed, std::mt19937_64& rng, Tally& tally) {
  std::optional<Lambda> f;
  try {
    f = Lambda::compile(p.source, p.signatures);
  } catch (const Error& e) {
    ++tally.mismatches;
    FAIL_CHECK(fmt::format("program {} (seed {}) does not compile:\n{}\n{}", index, seed, p.source, e.what()));
    return;
  }
  ++tally.programs;
  if (env_count("LAMINA_DIFF_VERBOSE", 0)) {
    std::string shapes;
    for (const InputSignature& s : p.signatures) {
      shapes += fmt::format(" {}:{}(", s.name, dtype_name(s.dtype));
      for (auto d : s.shape) shapes += d ? fmt::format("{},", *d) : "None,";
      shapes += ")";
    }
    fmt::print("program {} (seed {}) inputs{}:\n{}", index, seed, shapes, p.source);
  }
  tally.exact += p.exact;
  static const std::vector<int64_t> batches = {1, 2, 3, 5, 17};
  std::vector<int64_t> run = {batches[rng() % batches.size()]};
  run.push_back(rng() % 5 == 0 ? 0 : batches[rng() % batches.size()]);
  Values values{-4, 4, 0.03};
  values.specials_huge = false;
  for (int64_t batch : run) {
    std::vector<Tensor> inputs;
    for (const InputSignature& s : p.signatures) {
      Dims dims;
      for (auto d : s.shape) dims.push_back(d ? *d : batch);
      inputs.push_back(random_tensor(rng, s.dtype, dims, values));
    }
    ++tally.runs;
    Outcome r = compare(*f, p.source, inputs, p.tolerance());
    if (r.ok) continue;
    ++tally.mismatches;
    if (tally.mismatches <= 10)
      FAIL_CHECK(fmt::format("program {} (seed {}), batch {}:\n{}\n{}", index, seed, batch, r.report,
                             input_values(inputs)));
    return;
  }
}

}  // namespace

TEST_CASE("random well-typed programs give the same values from the JIT and the interpreter",
          "[jit][differential][random]") {
  int64_t count = env_count("LAMINA_DIFF_PROGRAMS", kDefaultPrograms);
  auto seed = static_cast<uint64_t>(env_count("LAMINA_DIFF_SEED", static_cast<int64_t>(kDefaultSeed)));
  ProgramGenerator gen(seed);
  std::mt19937_64 rng(seed ^ 0x5DEECE66Dull);
  Tally tally;
  for (int64_t i = 0; i < count; ++i) run_program(gen.next(), i, seed, rng, tally);
  INFO(fmt::format("{} programs ({} exact), {} runs, {} mismatches", tally.programs, tally.exact, tally.runs,
                   tally.mismatches));
  CHECK(tally.programs == count);
  CHECK(tally.mismatches == 0);
}

TEST_CASE("the program generator covers exact and rounded programs and stays reproducible", "[jit][differential]") {
  ProgramGenerator a(7), b(7);
  int exact = 0, rounded = 0;
  for (int i = 0; i < 200; ++i) {
    Program p = a.next(), q = b.next();
    REQUIRE(p.source == q.source);
    (p.exact ? exact : rounded)++;
  }
  CHECK(exact > 10);
  CHECK(rounded > 10);
}
