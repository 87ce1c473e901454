// Every example of docs/language.md runs, with both engines, and gives the
// result the page states; every builtin is documented with its exact signature
// and called by at least one example. The page's expected values were computed
// with NumPy, independently of Lamina.

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "api/doc_examples.h"
#include "lamina/error.h"
#include "lamina/lambda.h"
#include "passes/lowerer.h"

using namespace lamina;

namespace {

const char* const kPage = LAMINA_TEST_DATA_DIR "/../docs/language.md";

/// The "## " sections of the page that hold examples; each has a TEST_CASE below.
const std::array<const char*, 16> kSections = {
    "Reading the examples", "Source form",        "Expressions",           "Literals and constants",
    "Dtypes and promotion", "Indexing",           "Names: inputs, arguments and params", "Errors",
    "Elementwise math",     "Activations",        "Reductions",            "Shape and data movement",
    "Linear algebra",       "Gathering and building", "Random numbers",    "Params",
};

std::string read_page() {
  std::ifstream in(kPage, std::ios::binary);
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::vector<doc::Example>& examples() {
  static const std::vector<doc::Example> all = doc::parse_examples(read_page());
  return all;
}

const char* engine_name(Engine e) { return e == Engine::Jit ? "jit" : "interpreter"; }

std::string shape_text(const std::vector<std::optional<int64_t>>& s) {
  Dims d;
  for (const auto& x : s) d.push_back(x.value_or(-1));
  return format_dims(d);
}

/// All elements as text, for failure messages.
std::string values_text(const Tensor& t) {
  std::string out = "[";
  for (int64_t i = 0; i < t.size(); ++i) {
    if (i) out += ", ";
    out += is_float(t.dtype()) ? fmt::format("{:.9g}", t.get_f64(i)) : std::to_string(t.get_i64(i));
  }
  return out + "]";
}

bool close(double got, double want) {
  if (std::isnan(want)) return std::isnan(got);
  if (std::isinf(want)) return got == want;
  return std::fabs(got - want) <= 1e-5 + 1e-5 * std::fabs(want);
}

/// Empty when `got` is `want` (dtype, shape, values within tolerance); else what differs.
std::string mismatch(const Tensor& got, const Tensor& want) {
  std::string described = fmt::format("expected {} {} {}\n     got {} {} {}", dtype_name(want.dtype()),
                                      format_dims(want.dims()), values_text(want), dtype_name(got.dtype()),
                                      format_dims(got.dims()), values_text(got));
  if (got.dtype() != want.dtype() || got.dims() != want.dims()) return described;
  for (int64_t i = 0; i < got.size(); ++i) {
    bool same = is_float(want.dtype()) ? close(got.get_f64(i), want.get_f64(i)) : got.get_i64(i) == want.get_i64(i);
    if (!same) return described;
  }
  return {};
}

/// Compiles and runs one example with both engines and checks its results or errors.
void run_example(const doc::Example& ex) {
  INFO("docs/language.md:" << ex.line << ", source:\n" << ex.source);
  if (!ex.known_bug.empty()) {
    WARN("skipped (known bug): docs/language.md:" << ex.line << ": " << ex.known_bug);
    return;
  }
  std::vector<InputSignature> sigs;
  std::vector<Tensor> inputs;
  for (const auto& in : ex.inputs) {
    sigs.push_back({in.name, in.value.dtype(), in.signature});
    inputs.push_back(in.value);
  }

  if (!ex.errors.empty()) {
    std::string message;
    try {
      Lambda f = Lambda::compile(ex.source, sigs, ex.arguments);
      for (Engine engine : {Engine::Interpreter, Engine::Jit}) {
        try {
          f.run(inputs, engine);
          FAIL_CHECK("expected an error from the " << engine_name(engine) << ", but it ran");
        } catch (const Error& e) {
          message = e.what();
        }
      }
    } catch (const Error& e) {
      message = e.what();
    }
    for (const std::string& text : ex.errors) {
      INFO("the error message:\n" << message);
      CHECK_THAT(message, Catch::Contains(text));
    }
    return;
  }

  try {
    Lambda f = Lambda::compile(ex.source, sigs, ex.arguments);
    for (Engine engine : {Engine::Interpreter, Engine::Jit}) {
      INFO("engine: " << engine_name(engine));
      std::vector<Tensor> out = f.run(inputs, engine);
      CHECK(out.size() == ex.results.size());
      for (size_t i = 0; i < std::min(out.size(), ex.results.size()); ++i) {
        std::string diff = mismatch(out[i], ex.results[i].value);
        if (!diff.empty())
          FAIL_CHECK("result " << i << " (" << shape_text(ex.results[i].signature) << "):\n" << diff);
      }
    }
  } catch (const std::exception& e) {
    FAIL_CHECK("threw:\n" << e.what());
  }
}

void run_section(const std::string& section) {
  size_t count = 0;
  for (const doc::Example& ex : examples())
    if (ex.section == section) {
      run_example(ex);
      ++count;
    }
  CHECK(count > 0);
}

/// Whether `source` calls `name` (as `name(`, `K.name(` or `x.name(`).
bool calls(const std::string& source, const std::string& name) {
  static std::map<std::string, std::regex> cache;
  auto it = cache.find(name);
  if (it == cache.end()) it = cache.emplace(name, std::regex("(^|[^A-Za-z0-9_])" + name + "\\s*\\(")).first;
  return std::regex_search(source, it->second);
}

}  // namespace

TEST_CASE("docs/language.md: Reading the examples") { run_section("Reading the examples"); }
TEST_CASE("docs/language.md: Source form") { run_section("Source form"); }
TEST_CASE("docs/language.md: Expressions") { run_section("Expressions"); }
TEST_CASE("docs/language.md: Literals and constants") { run_section("Literals and constants"); }
TEST_CASE("docs/language.md: Dtypes and promotion") { run_section("Dtypes and promotion"); }
TEST_CASE("docs/language.md: Indexing") { run_section("Indexing"); }
TEST_CASE("docs/language.md: Names") { run_section("Names: inputs, arguments and params"); }
TEST_CASE("docs/language.md: Errors") { run_section("Errors"); }
TEST_CASE("docs/language.md: Elementwise math") { run_section("Elementwise math"); }
TEST_CASE("docs/language.md: Activations") { run_section("Activations"); }
TEST_CASE("docs/language.md: Reductions") { run_section("Reductions"); }
TEST_CASE("docs/language.md: Shape and data movement") { run_section("Shape and data movement"); }
TEST_CASE("docs/language.md: Linear algebra") { run_section("Linear algebra"); }
TEST_CASE("docs/language.md: Gathering and building") { run_section("Gathering and building"); }
TEST_CASE("docs/language.md: Random numbers") { run_section("Random numbers"); }
TEST_CASE("docs/language.md: Params") { run_section("Params"); }

TEST_CASE("docs/language.md: every example is in a section tested here") {
  for (const doc::Example& ex : examples()) {
    INFO("docs/language.md:" << ex.line << " is in section '" << ex.section << "'");
    CHECK(std::find(kSections.begin(), kSections.end(), ex.section) != kSections.end());
  }
}

TEST_CASE("docs/language.md: every builtin is documented with its exact signature") {
  const std::string page = read_page();
  const auto& table = lower::builtins();
  for (const std::string& name : table.names()) {
    const std::string& signature = table.find(name)->signature;
    INFO("builtin " << name << ": the page should show `" << signature << "`");
    CHECK(page.find("`" + signature + "`") != std::string::npos);
  }
}

TEST_CASE("docs/language.md: every builtin is called by an example") {
  for (const std::string& name : lower::builtins().names()) {
    bool called = std::any_of(examples().begin(), examples().end(),
                              [&](const doc::Example& ex) { return calls(ex.source, name); });
    INFO("no example calls " << name << "()");
    CHECK(called);
  }
}

// ---- the example reader itself: a typo in the page must fail, not skip ----

TEST_CASE("doc examples: inputs, arguments, results and multi-line sources are read") {
  auto ex = doc::parse_examples(
      "## Section A\n"
      "```lamina-example\n"
      "source: |\n"
      "  lambda x, ax:\n"
      "      return sum(x, axis=ax), x\n"
      "x: int32 (None, 2) [[1, 2], [3, 4]]\n"
      "arg ax: 1\n"
      "result: int32 (2,) [3, 7]\n"
      "result: float32 (2, 0) []\n"
      "```\n");
  REQUIRE(ex.size() == 1);
  CHECK(ex[0].section == "Section A");
  CHECK(ex[0].line == 2);
  CHECK(ex[0].source == "lambda x, ax:\n    return sum(x, axis=ax), x");
  REQUIRE(ex[0].inputs.size() == 1);
  CHECK(ex[0].inputs[0].name == "x");
  CHECK_FALSE(ex[0].inputs[0].signature[0].has_value());
  CHECK(ex[0].inputs[0].value.dims() == Dims{2, 2});
  CHECK(ex[0].inputs[0].value.get_i64(3) == 4);
  CHECK(std::get<int64_t>(ex[0].arguments.at("ax").value) == 1);
  REQUIRE(ex[0].results.size() == 2);
  CHECK(ex[0].results[1].value.dims() == Dims{2, 0});
}

TEST_CASE("doc examples: special values, scalars and errors are read") {
  auto ex = doc::parse_examples(
      "```lamina-example\n"
      "source: x\n"
      "x: float32 () -inf\n"
      "result: bool (3,) [True, False, True]\n"
      "result: float64 (2,) [nan, 1e-3]\n"
      "```\n"
      "```lamina-example\n"
      "source: y\n"
      "error: unknown name\n"
      "error: did you mean\n"
      "```\n");
  REQUIRE(ex.size() == 2);
  CHECK(ex[0].inputs[0].value.dims().empty());
  CHECK(ex[0].inputs[0].value.get_f64(0) == -INFINITY);
  CHECK(ex[0].results[0].value.get_i64(1) == 0);
  CHECK(std::isnan(ex[0].results[1].value.get_f64(0)));
  CHECK(ex[0].results[1].value.get_f64(1) == 1e-3);
  CHECK(ex[1].errors == std::vector<std::string>{"unknown name", "did you mean"});
}

TEST_CASE("doc examples: malformed blocks are reported with their line") {
  auto error_of = [](const std::string& page) {
    try {
      doc::parse_examples(page);
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK_THAT(error_of("\n```lamina-example\nsource: x\nx: float32 (2,) [1, 2, 3]\nresult: float32 () 1\n```\n"),
             Catch::StartsWith("docs/language.md:4:") && Catch::Contains("shape"));
  CHECK_THAT(error_of("```lamina-example\nsource: x\nx: float32 (2,) [[1], [2, 3]]\nresult: float32 () 1\n```\n"),
             Catch::Contains("ragged"));
  CHECK_THAT(error_of("```lamina-example\nsource: x\nresults: float32 () 1\n```\n"),
             Catch::Contains("unknown entry 'results'"));
  CHECK_THAT(error_of("```lamina-example\nsource: x\nx: float16 () 1\nresult: float32 () 1\n```\n"),
             Catch::Contains("unknown dtype 'float16'"));
  CHECK_THAT(error_of("```lamina-example\nsource: x\nx: float32 (1,) [1]\n```\n"),
             Catch::Contains("either 'result:' lines or 'error:' lines"));
  CHECK_THAT(error_of("```lamina-example\nsource: x\nresult: float32 () 1\n"), Catch::Contains("unclosed"));
}
