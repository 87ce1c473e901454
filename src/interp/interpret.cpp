// The interpreter's driver: binds inputs and symbols, then evaluates each node
// in order with its type recomputed on the actual sizes.

#include "interp/interpret.h"

#include <map>

#include <fmt/format.h>

#include "core/run_time_error.h"
#include "interp/kernels.h"
#include "ir/infer_type.h"

namespace lamina {

namespace {

using ir::Dim;
using ir::Node;
using ir::Op;
using ir::Shape;

class Interpreter {
 public:
  explicit Interpreter(const ir::Function& f) : f_(f) {
    ctx_.fresh = [] () -> Dim {
      throw Error(ErrorKind::Internal, "a dimension is still unknown while running the lambda");
    };
    ctx_.resolve = [this](Dim d) { return resolve(d); };
  }

  std::vector<Tensor> run(const std::vector<Tensor>& inputs, const std::vector<Tensor>& params) {
    inputs_ = &inputs;
    bind_inputs(inputs);
    bind_params(params);
    values_.resize(f_.nodes.size());
    for (size_t id = 0; id < f_.nodes.size(); ++id) values_[id] = evaluate(f_.nodes[id]);
    std::vector<Tensor> outputs;
    for (ir::ValueId v : f_.outputs) outputs.push_back(value(v).clone());
    return outputs;
  }

 private:
  Dim resolve(Dim d) const {
    if (d.known()) return d;
    auto it = symbols_.find(d.symbol_id());
    if (it == symbols_.end())
      throw Error(ErrorKind::Internal, fmt::format("dimension ?{} has no size at run time", d.symbol_id()));
    return Dim(it->second.size);
  }

  // --- inputs and params -------------------------------------------------------

  void bind_inputs(const std::vector<Tensor>& inputs) {
    if (inputs.size() != f_.inputs.size()) {
      std::vector<std::string> names;
      for (const ir::InputInfo& in : f_.inputs) names.push_back(in.name);
      throw Error(ErrorKind::Runtime,
                  fmt::format("the lambda takes {} input(s) ({}) but {} were given", f_.inputs.size(),
                              fmt::join(names, ", "), inputs.size()));
    }
    for (size_t i = 0; i < inputs.size(); ++i) bind_input(f_.inputs[i], inputs[i]);
  }

  void bind_input(const ir::InputInfo& info, const Tensor& t) {
    if (t.dtype() != info.type.dtype)
      throw Error(ErrorKind::Runtime,
                  fmt::format("input '{}' has dtype {} but the lambda was compiled for {}", info.name,
                              dtype_name(t.dtype()), dtype_name(info.type.dtype)),
                  {}, fmt::format("convert the input to {} or compile the lambda for {}",
                                  dtype_name(info.type.dtype), dtype_name(t.dtype())));
    std::string message = fmt::format("input '{}' has shape {} but the lambda expects {}", info.name,
                                      format_dims(t.dims()), ir::format_shape(info.type.shape));
    if (t.rank() != info.type.rank())
      throw Error(ErrorKind::Runtime, message,
                  {}, fmt::format("the input needs {} dimension(s), not {}", info.type.rank(), t.rank()));
    for (size_t k = 0; k < info.type.shape.size(); ++k) {
      Dim d = info.type.shape[k];
      int64_t size = t.dims()[k];
      if (d.known()) {
        if (d.value() != size)
          throw Error(ErrorKind::Runtime, message,
                      {}, fmt::format("dimension {} must be {}, not {}", k, d.value(), size));
        continue;
      }
      auto [it, inserted] = symbols_.try_emplace(d.symbol_id(), Binding{size, info.name, k});
      if (!inserted && it->second.size != size)
        throw Error(ErrorKind::Runtime, message,
                    {}, fmt::format("dimension {} must equal dimension {} of input '{}' ({}), not {}", k,
                                    it->second.dim, it->second.input, it->second.size, size));
    }
  }

  void bind_params(const std::vector<Tensor>& params) {
    if (params.empty()) {
      for (const ir::ParamInfo& p : f_.params) params_.push_back(p.init);
      return;
    }
    if (params.size() != f_.params.size())
      throw Error(ErrorKind::Runtime,
                  fmt::format("the lambda has {} param(s) but {} values were given", f_.params.size(), params.size()));
    for (size_t i = 0; i < params.size(); ++i) {
      const ir::ParamInfo& p = f_.params[i];
      const Tensor& t = params[i];
      if (t.dtype() != p.type.dtype || !ir::fully_known(p.type.shape) || t.dims() != ir::to_dims(p.type.shape))
        throw Error(ErrorKind::Runtime,
                    fmt::format("param '{}' is {}{} but the lambda declares it {}", p.name, dtype_name(t.dtype()),
                                format_dims(t.dims()), ir::format_type(p.type)));
      params_.push_back(t);
    }
  }

  // --- nodes -------------------------------------------------------------------

  const Tensor& value(ir::ValueId v) const {
    if (v < 0 || static_cast<size_t>(v) >= values_.size())
      throw Error(ErrorKind::Internal, fmt::format("value %{} does not exist", v));
    return values_[static_cast<size_t>(v)];
  }

  Tensor evaluate(const Node& n) {
    std::vector<Tensor> in;
    std::vector<ir::Type> types;
    for (ir::ValueId v : n.inputs) {
      in.push_back(value(v));
      types.push_back({in.back().dtype(), ir::to_shape(in.back().dims())});
    }
    ir::Type type;
    try {
      type = ir::infer_type(n, types, ctx_);
    } catch (const Error& e) {
      throw at_run_time(e);
    }
    bind_node_symbols(n, type);
    Tensor out;
    try {
      out = compute(n, in, type);
    } catch (const Error& e) {
      if (e.span().valid()) throw;
      throw Error(e.kind(), e.message(), n.span, e.hint());  // e.g. a tensor too large to allocate
    }
    if (out.dtype() != type.dtype || out.dims() != ir::to_dims(type.shape))
      throw Error(ErrorKind::Internal,
                  fmt::format("{} produced {}{} instead of {}", op_name(n.op), dtype_name(out.dtype()),
                              format_dims(out.dims()), ir::format_type(type)),
                  n.span);
    return out;
  }

  // The node's static shape may hold symbols first sized here (e.g. the -1 of
  // a reshape of an unknown batch); later nodes' attributes may refer to them.
  void bind_node_symbols(const Node& n, const ir::Type& actual) {
    bool consistent = n.type.dtype == actual.dtype && n.type.rank() == actual.rank();
    for (size_t k = 0; consistent && k < n.type.shape.size(); ++k) {
      Dim d = n.type.shape[k];
      int64_t size = actual.shape[k].value();
      if (d.known()) {
        consistent = d.value() == size;
        continue;
      }
      auto [it, inserted] = symbols_.try_emplace(d.symbol_id(), Binding{size, "", k});
      consistent = inserted || it->second.size == size;
    }
    if (!consistent)
      throw Error(ErrorKind::Internal,
                  fmt::format("{} has type {} at run time, which contradicts its static type {}", op_name(n.op),
                              ir::format_type(actual), ir::format_type(n.type)),
                  n.span);
  }

  Tensor compute(const Node& n, const std::vector<Tensor>& in, const ir::Type& type) {
    switch (n.op) {
      case Op::Input: return input_value(n);
      case Op::Param: return param_value(n);
      case Op::Constant: return n.attrs.value;
      case Op::DimSize: return Tensor::scalar(DType::Int32, resolve(n.attrs.shape.at(0)).value());
      default: return interp::evaluate(n, in, type);
    }
  }

  Tensor input_value(const Node& n) const {
    if (n.attrs.index < 0 || static_cast<size_t>(n.attrs.index) >= inputs_count())
      throw Error(ErrorKind::Internal, fmt::format("Input #{} does not exist", n.attrs.index), n.span);
    return (*inputs_)[static_cast<size_t>(n.attrs.index)];
  }

  Tensor param_value(const Node& n) const {
    if (n.attrs.index < 0 || static_cast<size_t>(n.attrs.index) >= params_.size())
      throw Error(ErrorKind::Internal, fmt::format("Param #{} does not exist", n.attrs.index), n.span);
    return params_[static_cast<size_t>(n.attrs.index)];
  }

  size_t inputs_count() const { return inputs_ ? inputs_->size() : 0; }

  struct Binding {
    int64_t size;
    std::string input;  // the input that first gave this size ("" for an intermediate value)
    size_t dim;
  };

  const ir::Function& f_;
  ir::DimContext ctx_;
  std::map<int, Binding> symbols_;
  const std::vector<Tensor>* inputs_ = nullptr;
  std::vector<Tensor> params_;
  std::vector<Tensor> values_;
};

}  // namespace

std::vector<Tensor> interpret(const ir::Function& f, const std::vector<Tensor>& inputs,
                              const std::vector<Tensor>& params) {
  return Interpreter(f).run(inputs, params);
}

}  // namespace lamina
