#pragma once
// What every layer type implements. The design in one sentence: a layer is a
// DSL lambda. Each built-in layer states its computation as Lamina source text
// (Dense is `lambda x: relu(x @ kernel + bias)` with `kernel = param(...)`),
// so built-in layers and user Lambdas go through the same lowering, their
// weights are ordinary `param`s, and a whole model inlines into one IR
// function that the fusion pass and the JIT see at once (a Dense's bias and
// activation become the GEMM's epilogue; consecutive elementwise layers fuse).
//
// A model (src/model/) drives the life cycle:
//   build(input specs)   → compiles body(), creates weights from its params
//   emit(builder, ...)   → inlines the body into the model's IR function,
//                          binding each param to the layer's weight tensor
//   emit_mask(...)       → the output masks, per mask_rule()

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lamina/lambda.h"
#include "lamina/model.h"

namespace lamina::detail {

/// A layer's input or output: dtype and Keras shape (batch axis first, None).
struct TensorSpec {
  DType dtype = DType::Float32;
  Shape shape;
};

/// A layer's computation as DSL source. The lambda's parameters are the
/// layer's inputs, in order (names are free, e.g. `lambda a, b: a + b`); a
/// parameter named `mask` (last) receives the first input's mask. Weights are
/// `name = param(shape=..., init=..., seed=..., trainable=...)` in the body;
/// the param's name becomes the weight name ("kernel" → "dense/kernel").
struct LayerBody {
  std::string source;
  std::map<std::string, Argument> arguments;
};

/// How a layer's output masks follow from its input masks (Keras compute_mask).
struct MaskRule {
  enum class Kind {
    None,         // outputs carry no mask (Keras' default for layers without supports_masking)
    PassThrough,  // every output gets the first input's mask (elementwise layers, Dense, Dropout, ...)
    AllOf,        // logical and of the inputs' masks (merge layers)
    Source,       // `source`: a DSL lambda over the inputs and `mask`, returning a bool tensor per output
  };
  Kind kind = Kind::PassThrough;
  std::string source;
  std::map<std::string, Argument> arguments;
};

struct LayerImpl {
  virtual ~LayerImpl() = default;

  std::string name;
  bool trainable = true;
  std::optional<Shape> input_shape;   // `input_shape` option (without batch axis)
  std::vector<Weight> weights;        // created by build(), in declaration order
  std::optional<std::vector<TensorSpec>> built_for;

  virtual std::string class_name() const = 0;
  /// Keras get_config minus "name"/"trainable" (added by the caller): the
  /// options that recreate this layer, JSON-serialisable.
  virtual nlohmann::json config() const = 0;
  /// The computation for these inputs. May depend on their shapes (e.g. Dense
  /// reads the input's last dim for its kernel shape); throws lamina::Error
  /// naming the layer and the shapes when the inputs do not fit.
  virtual LayerBody body(const std::vector<TensorSpec>& inputs) const = 0;
  virtual MaskRule mask_rule(const std::vector<TensorSpec>& inputs) const;
  /// Number of inputs the layer takes: exactly n, or -1 for "two or more" (merge layers).
  virtual int input_arity() const { return 1; }

  // Implemented once in layer_impl.cpp on top of body(); Model overrides them.
  virtual void build(const std::vector<TensorSpec>& inputs);
  virtual std::vector<TensorSpec> output_specs(const std::vector<TensorSpec>& inputs) const;
};

/// Creates a layer of a registered class from its config (for loading model
/// files): the inverse of class_name() + config(). Throws lamina::Error for an
/// unknown class or a config field of the wrong type.
std::shared_ptr<LayerImpl> layer_from_config(const std::string& class_name, const nlohmann::json& config);

}  // namespace lamina::detail
