// Gradients of matmul and the builtins built on it, with broadcast batch dims.

#include "autodiff/gradient_check.h"

using namespace lamina;
using namespace lamina::test;

TEST_CASE("gradients of matmul match finite differences for both operands") {
  Random rng(51);
  struct Case {
    const char* source;
    Dims x, y;
  };
  for (Case c : {Case{"lambda x, y: x @ y", {3, 4}, {4, 2}}, {"lambda x, y: matmul(x, y)", {2, 3, 4}, {2, 4, 5}},
                 {"lambda x, y: x @ y", {2, 3, 4}, {4, 5}}, {"lambda x, y: x @ y", {3, 4}, {2, 4, 5}},
                 {"lambda x, y: x @ y", {2, 1, 3, 4}, {3, 4, 2}}, {"lambda x, y: x @ y", {4}, {4, 3}},
                 {"lambda x, y: x @ y", {2, 4}, {4}}, {"lambda x, y: dot(x, y)", {3, 4}, {4, 2}},
                 {"lambda x, y: dot(x, y)", {4}, {4}}, {"lambda x, y: tensordot(x, y, axes=1)", {3, 4}, {4, 2}},
                 {"lambda x, y: tensordot(x, y, axes=([0], [1]))", {3, 4}, {2, 3}},
                 {"lambda x, y: batch_dot(x, y)", {3, 4}, {3, 4}}, {"lambda x, y: batch_dot(x, y, axes=(2, 1))", {2, 3, 4}, {2, 4, 5}},
                 {"lambda x, y: einsum('ij,jk->ik', x, y)", {3, 4}, {4, 2}},
                 {"lambda x, y: einsum('bij,bkj->bik', x, y)", {2, 3, 4}, {2, 5, 4}},
                 {"lambda x, y: einsum('ij,ij->i', x, y)", {3, 4}, {3, 4}}}) {
    DYNAMIC_SECTION(c.source << " " << format_dims(c.x) << " " << format_dims(c.y)) {
      check_gradient(c.source, {{"x", random_tensor(rng, c.x)}, {"y", random_tensor(rng, c.y)}});
    }
  }
}
