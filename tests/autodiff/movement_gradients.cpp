// Gradients of the shape and data-movement builtins against central differences.

#include "autodiff/gradient_check.h"

using namespace lamina;
using namespace lamina::test;

TEST_CASE("gradients of reshaping and transposing builtins match finite differences") {
  Random rng(41);
  Tensor x = random_tensor(rng, {2, 3, 4});
  for (const char* source :
       {"lambda x: reshape(x, (4, 6))", "lambda x: reshape(x, (-1,))", "lambda x: transpose(x)",
        "lambda x: transpose(x, (1, 2, 0))", "lambda x: permute_dimensions(x, (0, 2, 1))", "lambda x: expand_dims(x, 1)",
        "lambda x: squeeze(expand_dims(x, 0))", "lambda x: flatten(x)", "lambda x: ravel(x)", "lambda x: x.T",
        "lambda x: broadcast_to(x, (5, 2, 3, 4))", "lambda x: broadcast_to(x[:, :1, :], (2, 3, 4)) * x",
        "lambda x: batch_flatten(x)", "lambda x: repeat(x, 2, axis=1)", "lambda x: repeat(x, 3)", "lambda x: tile(x, (2, 1, 3))"}) {
    DYNAMIC_SECTION(source) { check_gradient(source, x); }
  }
}

TEST_CASE("gradients of slicing and indexing match finite differences") {
  Random rng(42);
  Tensor x = random_tensor(rng, {4, 6});
  for (const char* source :
       {"lambda x: x[1:3]", "lambda x: x[:, 2:]", "lambda x: x[::-1]", "lambda x: x[:, ::-1]", "lambda x: x[3:0:-1, 1]",
        "lambda x: x[::2, 1::3]", "lambda x: x[:, -1:0:-2]", "lambda x: x[2]", "lambda x: x[-1, -2]",
        "lambda x: x[None, 1:, :3]", "lambda x: x[..., 1]", "lambda x: x[1:1]", "lambda x: x[0] * x[1] + x[::3, 0:1]"}) {
    DYNAMIC_SECTION(source) { check_gradient(source, x); }
  }
}

TEST_CASE("gradients of concatenate, stack, split and pad match finite differences") {
  Random rng(43);
  std::vector<NamedInput> in{{"x", random_tensor(rng, {2, 3})}, {"y", random_tensor(rng, {2, 2})}};
  for (const char* source :
       {"lambda x, y: concatenate([x, y, x], axis=1)", "lambda x, y: concatenate([x.T, y.T], axis=0)",
        "lambda x, y: stack([x[:, :2], y], axis=1)", "lambda x, y: split(concatenate([x, y], axis=1), [1, 4], axis=1)[1]",
        "lambda x, y: pad(x, ((1, 2), (0, 3))) * 2 + pad(y, ((1, 2), (1, 3)))",
        "lambda x, y: pad(x, 2, mode='constant')"}) {
    DYNAMIC_SECTION(source) { check_gradient(source, in); }
  }
}

TEST_CASE("gradients of tril and triu match finite differences") {
  Random rng(44);
  Tensor x = random_tensor(rng, {3, 4});
  for (const char* source : {"lambda x: tril(x)", "lambda x: triu(x, k=1)", "lambda x: tril(x, k=-1) * x"}) {
    DYNAMIC_SECTION(source) { check_gradient(source, x); }
  }
}
