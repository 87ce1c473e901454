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
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ir/builder.h"
#include "ir/function.h"
#include "lamina/lambda.h"
#include "lamina/model.h"

namespace lamina::detail {

struct EmitContext;

/// A layer call's values inside a function being built: one per output, and
/// each output's mask (nullopt: none).
struct Emitted {
  std::vector<ir::ValueId> values;
  std::vector<std::optional<ir::ValueId>> masks;
};

/// A layer's input or output: dtype and Keras shape (batch axis first, None).
struct TensorSpec {
  DType dtype = DType::Float32;
  Shape shape;
};

/// A layer's computation as DSL source. The lambda's parameters are the
/// layer's inputs, in order (names are free, e.g. `lambda a, b: a + b`);
/// trailing parameters named `mask` / `mask_i` receive masks (see
/// lower_layer_source). Weights are
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
  /// Source only: no output mask when no input has one (Concatenate), instead
  /// of running `source` with all-true masks (Embedding, Masking make masks).
  bool only_if_masked = false;
};

struct LayerImpl {
  virtual ~LayerImpl() = default;

  std::string name;
  bool trainable = true;
  std::optional<Shape> input_shape;   // `input_shape` option (without batch axis)
  std::vector<Weight> weights;        // created by build(), in declaration order
  std::optional<std::vector<TensorSpec>> built_for;
  int calls = 0;                      // graph nodes made by calling the layer (Keras' inbound nodes)

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
  /// Appends the layer's computation on `inputs` (values of the types `specs`
  /// describe; `masks` their masks, one per input) to the function ctx.b
  /// builds: the body inlined, then the output masks per mask_rule().
  virtual Emitted emit(EmitContext& ctx, const std::vector<ir::ValueId>& inputs,
                       const std::vector<std::optional<ir::ValueId>>& masks,
                       const std::vector<TensorSpec>& specs) const;

  /// "Layer 'dense_1' (Dense)": how errors name the layer.
  std::string describe() const;
  /// body() lowered for `inputs` (cached per input specs), its params checked
  /// against the weights once built. Errors name the layer and quote the body.
  std::shared_ptr<const ir::Function> lowered(const std::vector<TensorSpec>& inputs) const;

 private:
  mutable std::mutex lowered_mutex_;
  mutable std::map<std::string, std::shared_ptr<const ir::Function>> lowered_;
};

/// The lines of a model function's source text that one layer's body took:
/// nodes inlined from it carry spans in [first_line, first_line + lines).
struct SourceRegion {
  int first_line = 1;
  int lines = 0;
  std::string layer;   // "Layer 'reshape' (Reshape)"
  std::string source;  // the body's own text
};

/// Where a model's function is being built: the builder, and the function's
/// Param node for each weight (one per weight storage, sharing it, so that
/// writing a weight changes what the compiled model computes).
struct EmitContext {
  explicit EmitContext(ir::Builder& builder) : b(builder) {}
  ir::Builder& b;
  /// Prepended to weight names (a nested model's name and '/').
  std::string prefix;
  /// The Param node for a weight, added on first use.
  ir::ValueId param(const Weight& w, bool layer_trainable);
  /// Gives `source` (a body of `layer`) its own lines; returns the line
  /// offset to inline its nodes with.
  int add_region(const std::string& layer, const std::string& source);
  std::vector<SourceRegion> regions;

 private:
  std::map<const void*, ir::ValueId> params_;
  int next_line_ = 1;
};

/// `e` as the user should see it: when its span lies in one layer's region,
/// the message names that layer and the caret quotes the layer's own source.
Error locate_in_layers(const Error& e, const std::vector<SourceRegion>& regions);

/// Lowers a layer's DSL source (its body, or a mask rule) for `inputs`: the
/// lambda's tensor parameters (those not bound by `arguments`) take the inputs
/// in order; trailing parameters named `mask` (the first input's mask) or
/// `mask_0`, `mask_1`, ... (input i's mask) take masks: bool, the input's
/// shape without its last axis, all-true for an input without a mask.
/// Errors name the layer.
ir::Function lower_layer_source(const LayerImpl& layer, const std::string& source,
                                const std::map<std::string, Argument>& arguments,
                                const std::vector<TensorSpec>& inputs);

/// 0 for "mask", i for "mask_i", -1 for any other name.
int mask_input_index(const std::string& name);

/// A seed for a layer's random initializers, derived from its name (stable
/// across runs), so two layers never start from the same weights.
uint64_t layer_seed(const std::string& name);

/// A fresh layer name for a class: "dense", "dense_1", ... unique in this
/// process (Keras' naming); `base` is the snake_case class name.
std::string unique_layer_name(const std::string& base);
/// The name to use: `given` if not empty, else unique_layer_name(base).
std::string layer_name(const std::string& given, const std::string& base);

/// Keras spelling of a static IR shape: every symbol is None.
Shape keras_shape(const ir::Shape& s);
/// The lowering signature for a layer input (None dims stay unknown).
InputSignature signature(const std::string& name, const TensorSpec& spec);

/// Creates a layer of a registered class from its config (for loading model
/// files): the inverse of class_name() + config(). Throws lamina::Error for an
/// unknown class or a config field of the wrong type.
std::shared_ptr<LayerImpl> layer_from_config(const std::string& class_name, const nlohmann::json& config);

}  // namespace lamina::detail
