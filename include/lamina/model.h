#pragma once
// Keras-style layer graphs: Sequential and Functional models whose layers —
// built-in ones and DSL Lambdas alike — compile into one tensor-IR function,
// so consecutive layers fuse into the same JIT kernels.
//
// Example (Functional):
//   namespace layers = lamina::layers;  // layers::Lambda (a layer) vs lamina::Lambda (a compiled lambda)
//   lamina::SymbolicTensor x = lamina::Input({784}, {.name = "pixels"});
//   auto h = layers::Dense(512, {.activation = "relu"})(x);
//   auto y = layers::Lambda("lambda x: concat([relu(x), relu(-x)], axis=-1)")(h);
//   lamina::Model model({x}, {layers::Dense(10, {.activation = "softmax"})(y)});
//   std::cout << model.summary();
//   lamina::Tensor probs = model.predict(batch);
//
// Example (Sequential):
//   lamina::Sequential model({layers::Dense(64, {.activation = "relu", .input_shape = lamina::Shape{16}}),
//                             layers::Lambda("x ** 2"), layers::Dense(1)});
//
// See docs/models.md.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lamina/export.h"
#include "lamina/lambda.h"
#include "lamina/tensor.h"
#include "lamina/train.h"

namespace lamina {

/// A shape in Keras spelling: `nullopt` is None (known only at run time).
/// Layer output shapes include the batch axis (always None); `input_shape`
/// options exclude it, as in Keras.
using Shape = std::vector<std::optional<int64_t>>;
/// "(None, 512)"
LAMINA_API std::string format_shape(const Shape& s);

/// A named weight of a layer. `value` shares storage with the layer: writing
/// into it (or Layer::set_weights) changes what the model computes.
struct LAMINA_API Weight {
  std::string name;  // "dense/kernel" — layer name, '/', weight name
  Tensor value;
  bool trainable = true;
};

class LAMINA_API Layer;
namespace detail {
struct LayerImpl;
struct GraphNode;
}  // namespace detail

/// A tensor in a graph under construction (Keras' KerasTensor): the output of
/// `Input()` or of calling a layer. It has a static shape, no values.
class LAMINA_API SymbolicTensor {
 public:
  const Shape& shape() const;
  DType dtype() const;
  /// The layer and output index this tensor comes from ("dense_1", 0).
  std::string producer() const;
  /// The name of the layer it comes from: for a model input, the Input's name ("pixels").
  std::string layer_name() const;

  std::shared_ptr<detail::GraphNode> node;  // internal
  int index = 0;
};

struct LAMINA_API InputOptions {
  std::string name;
  DType dtype = DType::Float32;
};
/// A graph input of shape (None, *shape) (Keras' `keras.Input(shape=...)`).
LAMINA_API SymbolicTensor Input(Shape shape, InputOptions options = {});

/// A layer handle. Copies refer to the same layer (its weights are shared),
/// so calling one handle on two inputs is a shared layer, as in Keras.
class LAMINA_API Layer {
 public:
  LAMINA_INTERNAL explicit Layer(std::shared_ptr<detail::LayerImpl> impl);

  /// Calls the layer on graph tensors (one, or a list for layers of several
  /// inputs, e.g. Add()({a, b})); builds it on first call. Returns its one
  /// output. Throws lamina::Error naming the layer and the shapes on a mismatch.
  SymbolicTensor operator()(const SymbolicTensor& input) const;
  SymbolicTensor operator()(const std::vector<SymbolicTensor>& inputs) const;
  /// Every output (a Lambda returning a tuple has several).
  std::vector<SymbolicTensor> call(const std::vector<SymbolicTensor>& inputs) const;

  const std::string& name() const;
  std::string class_name() const;  // "Dense", "Lambda", ...
  /// Keras get_config as JSON text (name, options, and for a Lambda its source).
  std::string get_config() const;

  /// Creates the weights for these input shapes (with batch axis), taking the
  /// inputs to be float32 (a layer with integer inputs, such as Embedding, is
  /// built by calling it on an Input of that dtype). Calling a layer builds it;
  /// this is for building without a graph.
  void build(const std::vector<Shape>& input_shapes);
  bool built() const;
  std::vector<Shape> compute_output_shape(const std::vector<Shape>& input_shapes) const;
  /// Keras compute_mask: the output masks for these inputs (batch axis first)
  /// and their masks (one per input, nullopt for none; empty: no masks).
  /// nullopt where an output has no mask. Builds the layer if needed.
  std::vector<std::optional<Tensor>> compute_mask(const std::vector<Tensor>& inputs,
                                                  const std::vector<std::optional<Tensor>>& masks = {}) const;

  std::vector<Weight> weights() const;
  std::vector<Weight> trainable_weights() const;
  std::vector<Weight> non_trainable_weights() const;
  /// Copies values into the weights (same order, dtypes and shapes as weights()).
  void set_weights(const std::vector<Tensor>& values) const;
  std::vector<Tensor> get_weights() const;  // deep copies
  int64_t count_params() const;
  bool trainable() const;
  void set_trainable(bool trainable) const;

  std::shared_ptr<detail::LayerImpl> impl;  // internal
};

/// A Functional model: a DAG of layer calls from `inputs` to `outputs`. It is
/// itself a layer (nest it in another model by calling it).
class LAMINA_API Model {
 public:
  Model(std::vector<SymbolicTensor> inputs, std::vector<SymbolicTensor> outputs, std::string name = "");

  /// Runs the model (one tensor per input, in order; one per output). With
  /// batch_size > 0 the inputs are split along axis 0 and run in batches.
  std::vector<Tensor> predict(const std::vector<Tensor>& inputs, int64_t batch_size = 0,
                              Engine engine = Engine::Jit) const;
  Tensor predict(const Tensor& input, int64_t batch_size = 0, Engine engine = Engine::Jit) const;
  /// Runs into preallocated outputs: after the first call, no allocation per call.
  void predict_into(const std::vector<Tensor>& inputs, std::vector<Tensor>& outputs) const;
  /// The masks of the outputs for these inputs (nullopt where an output has none).
  std::vector<std::optional<Tensor>> compute_masks(const std::vector<Tensor>& inputs) const;

  /// Keras 2's summary table: layer (type), output shape, parameter count,
  /// and the layer outputs each layer is connected to (left out, as in Keras,
  /// for a plain chain of layers). line_length 0: Keras' default (65 for a
  /// chain, 98 otherwise).
  std::string summary(int line_length = 0) const;

  const std::string& name() const;
  std::vector<Layer> layers() const;
  Layer get_layer(const std::string& name) const;
  const std::vector<SymbolicTensor>& inputs() const;
  const std::vector<SymbolicTensor>& outputs() const;
  std::vector<Weight> weights() const;
  std::vector<Weight> trainable_weights() const;
  int64_t count_params() const;
  /// The whole model as one tensor-IR function (what `explain` shows).
  std::string ir_text() const;
  /// Compiles the JIT kernels now; returns seconds (0 if already compiled).
  double prepare_jit() const;

  /// Sets the optimizer, loss and metrics for fit and evaluate (Keras' compile).
  /// Throws lamina::Error for an unknown loss or metric (with a suggestion).
  void compile(TrainingConfig config);
  /// Trains on samples x (one row per sample) and targets y (see
  /// include/lamina/train.h); the weights change in place. Returns the logs
  /// of each epoch. Throws lamina::Error before compile, or when x or y do not
  /// fit the model (naming the shapes).
  History fit(const Tensor& x, const Tensor& y, FitOptions options = {});
  /// The loss and metrics over (x, y), in batches of batch_size.
  Logs evaluate(const Tensor& x, const Tensor& y, int64_t batch_size = 32, Engine engine = Engine::Jit) const;

  /// This model as a layer, to call it inside another model.
  Layer as_layer() const;
  /// Calls the model as a layer: its one output (as_layer().call() gives all).
  SymbolicTensor operator()(const SymbolicTensor& input) const;
  SymbolicTensor operator()(const std::vector<SymbolicTensor>& inputs) const;

  struct Impl;
  std::shared_ptr<Impl> impl;  // internal

 protected:
  Model() = default;
};

/// A linear stack of layers (each takes the previous one's single output).
/// The first layer's `input_shape` fixes the input; without one the model is
/// built on its first predict, from the input's shape (Keras' deferred build).
class LAMINA_API Sequential : public Model {
 public:
  explicit Sequential(std::vector<Layer> layers = {}, std::string name = "");
  void add(Layer layer);
  /// Removes the last layer.
  void pop();
};

namespace layers {

// Every options struct takes `name` (unique in a model; "dense", "dense_1", ...
// when empty) and `input_shape` (without the batch axis; only for the first
// layer of a Sequential).

struct DenseOptions {
  std::string activation = "linear";  // any activation builtin: relu, tanh, softmax, gelu, ...
  bool use_bias = true;
  std::string kernel_initializer = "glorot_uniform";
  std::string bias_initializer = "zeros";
  std::optional<uint64_t> seed;  // initializer seed; derived from the layer name when unset
  std::string name;
  std::optional<Shape> input_shape;
};
LAMINA_API Layer Dense(int64_t units, DenseOptions options = {});

struct LambdaOptions {
  /// The expected output shape without the batch axis; checked against the
  /// inferred one (a clear error when they differ).
  std::optional<Shape> output_shape;
  /// Or a shape function: DSL source `lambda s: ...` over the input shape tuple(s).
  std::string output_shape_function;
  /// The output mask: "" = Keras default (the input mask passes through an
  /// elementwise body, otherwise none); "None" = no mask; else a DSL expression
  /// over the inputs and `mask` (e.g. "lambda x, mask: mask[:, 1:]").
  std::string mask;
  /// Bound by name to parameters of the lambda (Keras' `arguments`).
  std::map<std::string, Argument> arguments;
  std::string name;
  std::optional<Shape> input_shape;
};
/// A DSL lambda as a layer. `param(...)` weights in the body become the layer's
/// trainable weights. A parameter named `mask` receives the input mask.
LAMINA_API Layer Lambda(std::string function, LambdaOptions options = {});

struct CommonOptions {
  std::string name;
  std::optional<Shape> input_shape;
};
LAMINA_API Layer Activation(std::string activation, CommonOptions options = {});
/// Identity at inference.
LAMINA_API Layer Dropout(double rate, CommonOptions options = {});
LAMINA_API Layer Flatten(CommonOptions options = {});
/// target_shape without the batch axis; one dim may be -1.
LAMINA_API Layer Reshape(std::vector<int64_t> target_shape, CommonOptions options = {});
/// dims: permutation of the non-batch axes, 1-based as in Keras.
LAMINA_API Layer Permute(std::vector<int64_t> dims, CommonOptions options = {});
LAMINA_API Layer RepeatVector(int64_t n, CommonOptions options = {});
LAMINA_API Layer Concatenate(int64_t axis = -1, CommonOptions options = {});
LAMINA_API Layer Add(CommonOptions options = {});
LAMINA_API Layer Subtract(CommonOptions options = {});
LAMINA_API Layer Multiply(CommonOptions options = {});
LAMINA_API Layer Average(CommonOptions options = {});
LAMINA_API Layer Maximum(CommonOptions options = {});
LAMINA_API Layer Minimum(CommonOptions options = {});
struct DotOptions {
  std::vector<int64_t> axes;  // one axis for both inputs, or one per input
  bool normalize = false;
  std::string name;
  std::optional<Shape> input_shape;
};
LAMINA_API Layer Dot(DotOptions options);
LAMINA_API Layer Softmax(int64_t axis = -1, CommonOptions options = {});
struct NormalizationOptions {
  int64_t axis = -1;
  double epsilon = 1e-3;
  double momentum = 0.99;  // BatchNormalization (training)
  bool center = true;
  bool scale = true;
  std::string name;
  std::optional<Shape> input_shape;
};
LAMINA_API Layer LayerNormalization(NormalizationOptions options = {});
/// Inference form: (x - moving_mean) / sqrt(moving_variance + epsilon) * gamma + beta.
LAMINA_API Layer BatchNormalization(NormalizationOptions options = {});
struct EmbeddingOptions {
  bool mask_zero = false;
  std::string embeddings_initializer = "uniform";
  std::optional<uint64_t> seed;
  std::string name;
  std::optional<Shape> input_shape;
};
LAMINA_API Layer Embedding(int64_t input_dim, int64_t output_dim, EmbeddingOptions options = {});
LAMINA_API Layer Masking(double mask_value = 0.0, CommonOptions options = {});

}  // namespace layers
}  // namespace lamina
