// Running a model: input checks that name the model's inputs, whole-batch and
// batched predict, predict into preallocated outputs, and the output masks.

#include <cstring>

#include <fmt/format.h>

#include "api/jit_function.h"
#include "interp/interpret.h"
#include "model/graph.h"

namespace lamina {

namespace {

/// The same rows [begin, end) of `t` (axis 0), without copying.
Tensor rows(const Tensor& t, int64_t begin, int64_t end) {
  Dims d = t.dims();
  int64_t row = d[0] == 0 ? 0 : static_cast<int64_t>(t.nbytes()) / d[0];
  d[0] = end - begin;
  auto* base = static_cast<char*>(const_cast<void*>(t.raw()));
  return Tensor::borrow(t.dtype(), d, base + begin * row);
}

}  // namespace

void Model::Impl::check_inputs(const std::vector<Tensor>& in) const {
  if (in.size() != inputs.size())
    throw Error(ErrorKind::Runtime, fmt::format("{}: expected {} input{} ({}), got {}", describe(), inputs.size(),
                                                inputs.size() == 1 ? "" : "s", input_names(), in.size()));
  for (size_t i = 0; i < in.size(); ++i) {
    const detail::TensorSpec& spec = inputs[i].node->outputs[0];
    const std::string& name = inputs[i].node->layer->name;
    if (in[i].dtype() != spec.dtype)
      throw Error(ErrorKind::Runtime, fmt::format("{}: input '{}' must be {}, got {}", describe(), name,
                                                  dtype_name(spec.dtype), dtype_name(in[i].dtype())));
    bool ok = in[i].rank() == static_cast<int>(spec.shape.size());
    for (size_t d = 0; ok && d < spec.shape.size(); ++d) ok = !spec.shape[d] || *spec.shape[d] == in[i].dims()[d];
    if (!ok)
      throw Error(ErrorKind::Runtime, fmt::format("{}: input '{}' must have shape {}, got {}", describe(), name,
                                                  format_shape(spec.shape), format_dims(in[i].dims())));
    if (in[i].dims()[0] != in[0].dims()[0])
      throw Error(ErrorKind::Runtime,
                  fmt::format("{}: inputs '{}' and '{}' have different batch sizes ({} and {})", describe(),
                              inputs[0].node->layer->name, name, in[0].dims()[0], in[i].dims()[0]),
                  {}, "every input holds the same samples, one per row");
  }
}

/// A Sequential made without an input shape is built by its first predict (or fit).
void detail::build_on_first_use(Model::Impl& m, const std::vector<Tensor>& inputs) {
  if (m.has_graph() || !m.sequential) return;
  if (m.stack.empty()) throw Error(ErrorKind::Value, fmt::format("{} has no layers", m.describe()));
  if (inputs.size() != 1 || inputs[0].rank() == 0)
    throw Error(ErrorKind::Runtime, fmt::format("{} takes one input with a batch axis, got {} tensor(s)", m.describe(),
                                                inputs.size()));
  Shape shape(inputs[0].dims().begin() + 1, inputs[0].dims().end());
  detail::connect_sequential(m, Input(shape, {.name = "", .dtype = inputs[0].dtype()}));
}

/// Runs `f`, re-throwing a run-time error of a node with the layer it came from named.
template <class F>
static auto naming_layers(const std::vector<detail::SourceRegion>& regions, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const Error& e) {
    throw detail::locate_in_layers(e, regions);
  }
}

std::vector<Tensor> Model::predict(const std::vector<Tensor>& inputs, int64_t batch_size, Engine engine) const {
  detail::build_on_first_use(*impl, inputs);
  impl->check_inputs(inputs);
  detail::JitFunction& jit = impl->jit();
  auto run = [&](const std::vector<Tensor>& in) {
    return naming_layers(impl->regions_, [&] {
      return engine == Engine::Interpreter ? interpret(jit.function(), in) : jit.run(in);
    });
  };
  int64_t n = inputs.empty() ? 0 : inputs[0].dims()[0];
  if (batch_size <= 0 || n <= batch_size) return run(inputs);

  // In batches: each batch's results are copied into the rows of the whole result.
  std::vector<Tensor> results;
  for (int64_t begin = 0; begin < n; begin += batch_size) {
    int64_t end = std::min(n, begin + batch_size);
    std::vector<Tensor> part;
    for (const Tensor& t : inputs) part.push_back(rows(t, begin, end));
    std::vector<Tensor> out = run(part);
    for (size_t i = 0; i < out.size(); ++i) {
      if (out[i].rank() == 0 || out[i].dims()[0] != end - begin)
        throw Error(ErrorKind::Runtime,
                    fmt::format("{}: output {} has shape {}, whose first axis is not the batch, so it cannot be "
                                "predicted in batches",
                                impl->describe(), i, format_dims(out[i].dims())),
                    {}, "call predict without batch_size");
      if (begin == 0) {
        Dims d = out[i].dims();
        d[0] = n;
        results.push_back(Tensor::uninitialized(out[i].dtype(), d));
      }
      std::memcpy(rows(results[i], begin, end).raw(), out[i].raw(), out[i].nbytes());
    }
  }
  return results;
}

Tensor Model::predict(const Tensor& input, int64_t batch_size, Engine engine) const {
  std::vector<Tensor> out = predict(std::vector<Tensor>{input}, batch_size, engine);
  if (out.size() != 1)
    throw Error(ErrorKind::Value, fmt::format("{} has {} outputs; use the predict that returns all of them",
                                              impl->describe(), out.size()));
  return out[0];
}

void Model::predict_into(const std::vector<Tensor>& inputs, std::vector<Tensor>& outputs) const {
  detail::build_on_first_use(*impl, inputs);
  impl->check_inputs(inputs);
  if (outputs.size() != impl->outputs.size())
    throw Error(ErrorKind::Runtime, fmt::format("{} has {} output(s) but {} were given", impl->describe(),
                                                impl->outputs.size(), outputs.size()));
  detail::JitFunction& jit = impl->jit();
  naming_layers(impl->regions_, [&] { return jit.run(inputs, &outputs); });
}

std::vector<std::optional<Tensor>> Model::compute_masks(const std::vector<Tensor>& inputs) const {
  detail::build_on_first_use(*impl, inputs);
  impl->check_inputs(inputs);
  std::shared_ptr<const ir::Function> f;
  std::vector<int> where;
  {
    std::lock_guard<std::mutex> lock(impl->mutex);
    if (!impl->mask_function_)
      impl->mask_function_ =
          std::make_shared<ir::Function>(impl->function(nullptr, &impl->mask_outputs_, &impl->mask_regions_));
    f = impl->mask_function_;
    where = impl->mask_outputs_;
  }
  std::vector<Tensor> all = naming_layers(impl->mask_regions_, [&] { return interpret(*f, inputs); });
  std::vector<std::optional<Tensor>> masks;
  for (int i : where) masks.push_back(i < 0 ? std::nullopt : std::optional<Tensor>(all[static_cast<size_t>(i)]));
  return masks;
}

}  // namespace lamina
