#pragma once
// Static dimensions: known sizes or named unknowns (the batch dimension "None").

#include <cstdint>
#include <string>
#include <vector>

#include "lamina/tensor.h"

namespace lamina::ir {

/// One dimension of a static shape. Either a known size, or a symbol: a size
/// unknown until run time. Two dims with the same symbol are equal at run time;
/// symbol 0 is conventionally the batch dimension of the first input.
class Dim {
 public:
  Dim() = default;
  Dim(int64_t n) : v_(n) {}  // NOLINT: a known size converts implicitly
  static Dim symbol(int id) { Dim d; d.v_ = -1 - id; return d; }

  bool known() const { return v_ >= 0; }
  int64_t value() const { return v_; }      // only if known()
  int symbol_id() const { return static_cast<int>(-1 - v_); }  // only if !known()
  bool operator==(const Dim&) const = default;

 private:
  int64_t v_ = 0;
};

using Shape = std::vector<Dim>;

/// "(None, 512)" — symbolic dims print as None (batch) or ?k.
std::string format_shape(const Shape& s);
bool fully_known(const Shape& s);
Dims to_dims(const Shape& s);  // requires fully_known
Shape to_shape(const Dims& d);

}  // namespace lamina::ir
