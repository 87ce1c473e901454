#include "model_file/sample_models.h"

#include <cmath>
#include <cstring>

namespace lamina::testing {

namespace layers = lamina::layers;

Model every_float_layer_model() {
  SymbolicTensor x = Input({4, 6}, {.name = "x"});
  SymbolicTensor y = Input({4, 5}, {.name = "y"});
  Layer shared = layers::Dense(5, {.activation = "relu", .seed = 7, .name = "shared"});
  SymbolicTensor a = shared(x);
  SymbolicTensor b = shared(layers::Lambda("lambda t: t * 0.5", {.name = "halve"})(x));
  SymbolicTensor h = layers::Add({.name = "add"})({a, b});
  h = layers::Subtract({.name = "subtract"})({h, y});
  h = layers::Multiply({.name = "multiply"})({h, y});
  h = layers::Average({.name = "average"})({h, y});
  h = layers::Maximum({.name = "maximum"})({h, y});
  h = layers::Minimum({.name = "minimum"})({h, y});
  h = layers::Activation("tanh", {.name = "activation"})(h);
  h = layers::Dropout(0.25, {.name = "dropout"})(h);
  h = layers::Lambda("lambda t:\n  s = param(shape=(5,), init=1.5)\n  return t * s", {.name = "scale"})(h);
  h = layers::LayerNormalization({.name = "layer_norm"})(h);
  h = layers::BatchNormalization({.name = "batch_norm"})(h);
  h = layers::Softmax(-1, {.name = "softmax"})(h);
  SymbolicTensor p = layers::Permute({2, 1}, {.name = "permute"})(h);            // (None, 5, 4)
  SymbolicTensor r = layers::Reshape({20}, {.name = "reshape"})(p);               // (None, 20)
  SymbolicTensor f = layers::Flatten({.name = "flatten"})(h);                     // (None, 20)
  SymbolicTensor c = layers::Concatenate(-1, {.name = "concatenate"})({r, f});    // (None, 40)
  SymbolicTensor d = layers::Dot({.axes = {1}, .name = "dot"})({r, f});           // (None, 1)
  SymbolicTensor rep = layers::RepeatVector(2, {.name = "repeat"})(c);            // (None, 2, 40)
  Sequential inner({layers::Dense(3, {.seed = 11, .name = "inner_dense", .input_shape = Shape{40}}),
                    layers::Lambda("lambda t: t ** 2", {.name = "square"})},
                   "inner");
  SymbolicTensor o1 = inner(c);                                                   // (None, 3)
  SymbolicTensor o2 = layers::Lambda("lambda a, b: a + b", {.name = "plus_dot"})({o1, d});
  SymbolicTensor o3 = layers::Lambda("lambda a, b: a * expand_dims(b, 1)", {.name = "combine"})({rep, d});
  return Model({x, y}, {o1, o2, o3}, "every_layer");
}

Model embedding_model() {
  SymbolicTensor t = Input({5}, {.name = "tokens", .dtype = DType::Int32});
  SymbolicTensor e = layers::Embedding(4, 3, {.mask_zero = true, .seed = 3, .name = "embedding"})(t);
  SymbolicTensor m = layers::Masking(0.0, {.name = "masking"})(e);
  SymbolicTensor s = layers::Lambda("lambda x: sum(x, axis=1)", {.name = "pool"})(m);
  return Model({t}, {s}, "embedding_model");
}

Model demo_sequential() {
  return Sequential({layers::Dense(8, {.activation = "relu", .seed = 1, .name = "hidden", .input_shape = Shape{4}}),
                     layers::Lambda("lambda x: concat([relu(x), relu(-x)], axis=-1)", {.name = "antirectifier"}),
                     layers::Dense(3, {.activation = "softmax", .seed = 2, .name = "probs"})},
                    "demo");
}

std::vector<Tensor> sample_inputs(const Model& model) {
  std::vector<Tensor> out;
  int k = 0;
  for (const SymbolicTensor& in : model.inputs()) {
    Dims dims{3};
    for (size_t d = 1; d < in.shape().size(); ++d) dims.push_back(in.shape()[d].value_or(2));
    Tensor t = Tensor::zeros(in.dtype(), dims);
    for (int64_t i = 0; i < t.size(); ++i, ++k)
      t.set_f64(i, in.dtype() == DType::Int32 ? static_cast<double>(k % 4) : std::sin(0.37 * k) * 2.0);
    out.push_back(t);
  }
  return out;
}

bool bit_identical(const Tensor& a, const Tensor& b) {
  return a.dtype() == b.dtype() && a.dims() == b.dims() && std::memcmp(a.raw(), b.raw(), a.nbytes()) == 0;
}

}  // namespace lamina::testing
