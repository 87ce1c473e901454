#pragma once
// Compile a Lambda body (DSL source) for a set of input signatures and run it.
//
// Example:
//   auto f = lamina::Lambda::compile("lambda x: x ** 2", {{"x", lamina::DType::Float32, {std::nullopt, 4}}});
//   std::vector<lamina::Tensor> out = f.run({input});

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "lamina/error.h"
#include "lamina/export.h"
#include "lamina/tensor.h"

namespace lamina {

/// A value bound by name from outside the body: a Keras Lambda's `arguments`
/// or the CLI's `--arg`. Scalars and lists are compile-time constants (usable as
/// an axis or a shape); tensors become constant tensors.
struct LAMINA_API Argument {
  using List = std::vector<Argument>;
  std::variant<bool, int64_t, double, std::string, List, Tensor> value;

  Argument(bool v) : value(v) {}            // NOLINT
  Argument(int v) : value(int64_t{v}) {}    // NOLINT
  Argument(int64_t v) : value(v) {}         // NOLINT
  Argument(double v) : value(v) {}          // NOLINT
  Argument(std::string v) : value(std::move(v)) {}  // NOLINT
  Argument(const char* v) : value(std::string(v)) {}  // NOLINT
  Argument(List v) : value(std::move(v)) {} // NOLINT
  Argument(Tensor v) : value(std::move(v)) {}  // NOLINT

  /// Parses Python literal text: 3, -0.5, 1e-3, True, None-free tuples/lists "(2, 3)", 'str'.
  static Argument parse(const std::string& text);
};

/// One input's signature. A `nullopt` dim is unknown until run time (Keras' None).
struct InputSignature {
  std::string name;
  DType dtype = DType::Float32;
  std::vector<std::optional<int64_t>> shape;
};

/// One result's dtype and static shape. A `nullopt` dim is known only at run time
/// (the batch: it equals the inputs' batch).
struct OutputSignature {
  DType dtype = DType::Float32;
  std::vector<std::optional<int64_t>> shape;
};

/// What `explain` shows: the source's tokens, its syntax tree, the typed tensor
/// IR, the fused loop nests, the optimised LLVM IR, or the machine code.
enum class Stage { Tokens, Ast, Ir, Loops, Llvm, Asm };

enum class Engine { Interpreter, Jit };

/// A compiled lambda: parsed, lowered to the tensor IR, shape-checked.
/// Immutable after compile; `run` may be called from several threads at once.
class LAMINA_API Lambda {
 public:
  /// Parses `source` and checks it against `inputs` (matched by name to the
  /// `lambda a, b:` header; a body without a header has one input named `x`,
  /// or whatever single name `inputs` gives). Throws lamina::Error on any problem.
  static Lambda compile(const std::string& source, const std::vector<InputSignature>& inputs,
                        const std::map<std::string, Argument>& arguments = {});

  /// The input names the source expects, in order (["x"] without a header).
  static std::vector<std::string> parameter_names(const std::string& source);

  /// Shows one stage of the pipeline as text (shapes included from Ir on).
  static std::string explain(const std::string& source, Stage stage,
                             const std::vector<InputSignature>& inputs = {},
                             const std::map<std::string, Argument>& arguments = {});

  /// Runs on concrete inputs (in parameter order); returns one tensor per result.
  /// Throws lamina::Error (kind Runtime) when an input does not fit its signature.
  std::vector<Tensor> run(const std::vector<Tensor>& inputs, Engine engine = Engine::Interpreter) const;

  /// Like run, writing into preallocated `outputs` (right dtypes and shapes):
  /// with the JIT, a call then allocates nothing for its results.
  void run_into(const std::vector<Tensor>& inputs, std::vector<Tensor>& outputs, Engine engine = Engine::Jit) const;

  /// Compiles the JIT kernels now (they are otherwise compiled by the first JIT run)
  /// and returns the seconds it took (0 when they were already compiled).
  double prepare_jit() const;

  const std::vector<std::string>& input_names() const;
  /// The inputs as compiled, in parameter order (the order `run` takes them).
  std::vector<InputSignature> input_signatures() const;
  size_t output_count() const;
  std::vector<OutputSignature> output_signatures() const;
  /// Static output shapes/dtypes as text, e.g. "float32(None, 1024)".
  std::vector<std::string> output_types() const;
  /// The IR with shapes, as `explain --emit ir` prints it.
  std::string ir_text() const;

  struct Impl;

 private:
  std::shared_ptr<const Impl> impl_;
};

}  // namespace lamina
