#pragma once
// Reverse-mode differentiation of the tensor IR.
//
// differentiate(f, loss, wrt) returns a new function with f's inputs and params
// whose outputs are f's outputs followed by the gradient of output `loss` with
// respect to each requested param, then each requested input:
//
//   [f.outputs..., dloss/dparams[wrt.params[0]], ..., dloss/dinputs[wrt.inputs[0]], ...]
//
// Each gradient has the dtype and shape of its param or input. The backward
// pass is ordinary IR appended after f's nodes: it reads the forward values
// (nothing is computed twice), holds only what reaches a requested gradient,
// and runs on the interpreter or fuses and compiles like any lambda.
//
// The derivative rules, the conventions at kinks and ties, and what has no
// gradient are listed in docs/gradients.md.

#include <vector>

#include "ir/function.h"

namespace lamina::autodiff {

/// What to differentiate with respect to: positions in Function::params and
/// Function::inputs. Each must be a float value.
struct WithRespectTo {
  std::vector<int> params;
  std::vector<int> inputs;

  /// Every trainable float param of `f`, in declaration order.
  static WithRespectTo trainable_params(const ir::Function& f);
};

/// Where the cotangent of the loss (the gradient flowing into it) comes from.
enum class Seed {
  One,    // the loss is a float scalar, and its cotangent is 1
  Input,  // the gradient function takes one more input after f's, "d_loss", with
          // the loss output's dtype and shape: the vector of a vector-Jacobian product
};

/// The gradient function of `f` (see the top of this file). Throws lamina::Error:
///  - Value: `loss_output` or a position in `wrt` does not exist;
///  - Type: the loss or a requested value is not a float tensor;
///  - Shape: Seed::One with a loss that is not a scalar, or a broadcast between
///    sizes known only at run time that the gradient cannot undo;
///  - Gradient: the loss depends on a requested value only through operations
///    without a gradient (argmax, a cast to an integer, ...), at that operation.
/// A requested value the loss does not depend on at all gets a zero gradient.
ir::Function differentiate(const ir::Function& f, int loss_output, const WithRespectTo& wrt,
                           Seed seed = Seed::One);

}  // namespace lamina::autodiff
