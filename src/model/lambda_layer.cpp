// Lambda: a user's DSL source as a layer — Keras' Lambda, with its
// output_shape checked, its mask rule, its bound arguments, and `param(...)`
// weights in the body that become the layer's weights.

#include <fmt/format.h>

#include "dsl/parser.h"
#include "model/core_layers.h"
#include "passes/lower.h"
#include "model/layer_impl.h"

namespace lamina::layers {

namespace {

nlohmann::json argument_json(const Argument& a) {
  return std::visit(
      [](const auto& v) -> nlohmann::json {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Argument::List>) {
          nlohmann::json list = nlohmann::json::array();
          for (const Argument& item : v) list.push_back(argument_json(item));
          return list;
        } else if constexpr (std::is_same_v<T, Tensor>) {
          nlohmann::json values = nlohmann::json::array();
          for (int64_t i = 0; i < v.size(); ++i) values.push_back(v.get_f64(i));
          return {{"dtype", dtype_name(v.dtype())}, {"shape", v.dims()}, {"values", values}};
        } else {
          return v;
        }
      },
      a.value);
}

nlohmann::json shape_json(const Shape& s) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& d : s) j.push_back(d ? nlohmann::json(*d) : nlohmann::json(nullptr));
  return j;
}

/// True when the body only maps elements (elementwise ops and broadcasts of
/// its inputs, weights and constants), so each output element belongs to the
/// same step as the input element it came from.
bool elementwise_body(const ir::Function& f) {
  for (const ir::Node& n : f.nodes) {
    ir::OpGroup g = ir::op_group(n.op);
    bool ok = g == ir::OpGroup::Unary || g == ir::OpGroup::Binary || g == ir::OpGroup::Select ||
              g == ir::OpGroup::Cast || n.op == ir::Op::Broadcast || n.op == ir::Op::Input ||
              n.op == ir::Op::Param || n.op == ir::Op::Constant;
    if (!ok) return false;
  }
  return true;
}

/// True when `declared` (full shape, None anywhere) can describe `computed`.
bool shapes_agree(const Shape& declared, const Shape& computed) {
  bool ok = declared.size() == computed.size();
  for (size_t d = 1; ok && d < declared.size(); ++d) ok = !declared[d] || !computed[d] || declared[d] == computed[d];
  return ok;
}

struct LambdaLayer : detail::LayerImpl {
  std::string function;
  LambdaOptions options;
  int arity = 1;

  std::string class_name() const override { return "Lambda"; }

  nlohmann::json config() const override {
    nlohmann::json c = {{"function", function}};
    if (options.output_shape) c["output_shape"] = shape_json(*options.output_shape);
    if (!options.output_shape_function.empty()) c["output_shape_function"] = options.output_shape_function;
    if (!options.mask.empty()) c["mask"] = options.mask;
    nlohmann::json args = nlohmann::json::object();
    for (const auto& [name, value] : options.arguments) args[name] = argument_json(value);
    c["arguments"] = args;
    return c;
  }

  detail::LayerBody body(const std::vector<detail::TensorSpec>&) const override { return {function, options.arguments}; }

  int input_arity() const override { return arity; }

  std::vector<detail::TensorSpec> output_specs(const std::vector<detail::TensorSpec>& inputs) const override {
    std::vector<detail::TensorSpec> out = LayerImpl::output_specs(inputs);
    std::optional<Shape> declared;
    std::string what = "output_shape";
    if (options.output_shape) {
      declared = Shape{std::nullopt};
      declared->insert(declared->end(), options.output_shape->begin(), options.output_shape->end());
    } else if (!options.output_shape_function.empty()) {
      declared = shape_function(inputs);
      what = "output_shape_function";
    }
    if (declared) {
      if (out.size() != 1)
        throw Error(ErrorKind::Shape, fmt::format("Lambda '{}': {} gives {}, but the body returns {} outputs", name, what,
                                                  format_shape(*declared), out.size()));
      if (!shapes_agree(*declared, out[0].shape))
        throw Error(ErrorKind::Shape, fmt::format("Lambda '{}': {} {} given, but the body computes {}", name, what,
                                                  format_shape(*declared), format_shape(out[0].shape)),
                    {}, fmt::format("fix {}, or leave it out: Lamina infers the shape", what));
    }
    return out;
  }

  /// The full output shape (batch first) that output_shape_function gives for
  /// these inputs. The function `lambda s: ...` runs as DSL code on the input
  /// shape (a tuple of dims; a tuple of such tuples for several inputs):
  /// known dims are ints, the others stay unknown and come out as None.
  Shape shape_function(const std::vector<detail::TensorSpec>& inputs) const {
    const std::string& fn = options.output_shape_function;
    auto fail = [&](const std::string& message) {
      return Error(ErrorKind::Value, fmt::format("Lambda '{}': output_shape_function: {}", name, message), {},
                   "write it as lambda s: (s[0], ...), with s the input shape including the batch");
    };
    std::vector<std::string> names, shapes;
    std::vector<InputSignature> signatures;
    for (size_t i = 0; i < inputs.size(); ++i) {
      names.push_back(fmt::format("input_{}_", i));
      shapes.push_back(fmt::format("shape({})", names.back()));
      signatures.push_back(detail::signature(names.back(), inputs[i]));
    }
    ir::Function f;
    try {
      ast::Program p = parse(fn);
      if (!p.has_header || p.params.size() != 1) throw fail("it must take one parameter, the input shape");
      size_t colon = fn.find(':', fn.find("lambda"));
      std::string shape_value = shapes.size() == 1 ? shapes[0] : fmt::format("({},)", fmt::join(shapes, ", "));
      std::string source = fmt::format("lambda {}:\n{} = {}\n{}", fmt::join(names, ", "), p.params[0].name,
                                       shape_value, fn.substr(colon + 1));
      f = lower_to_ir(parse(source), signatures, {});
    } catch (const Error& e) {
      if (e.message().rfind("Lambda '", 0) == 0) throw;
      throw fail(e.message());
    }
    Shape shape;
    for (ir::ValueId id : f.outputs) {
      const ir::Node& n = f.node(id);
      if (n.type.rank() != 0 || !is_integer(n.type.dtype))
        throw fail(fmt::format("it must return a tuple of dims, but one item is {} {}", dtype_name(n.type.dtype),
                               ir::format_shape(n.type.shape)));
      if (n.op == ir::Op::Constant) shape.push_back(n.attrs.value.get_i64(0));
      else shape.push_back(std::nullopt);
    }
    return shape;
  }

  detail::MaskRule mask_rule(const std::vector<detail::TensorSpec>& inputs) const override {
    using Kind = detail::MaskRule::Kind;
    if (options.mask == "None") return {Kind::None, {}, {}};
    if (!options.mask.empty()) return {Kind::Source, options.mask, options.arguments};
    // Keras drops the mask; Lamina passes it through a body that maps elements one to one.
    std::shared_ptr<const ir::Function> f = lowered(inputs);
    bool same_shape = !f->outputs.empty();
    for (ir::ValueId out : f->outputs) same_shape = same_shape && detail::keras_shape(f->type(out).shape) == inputs[0].shape;
    return {same_shape && elementwise_body(*f) ? Kind::PassThrough : Kind::None, {}, {}};
  }
};

}  // namespace

Layer Lambda(std::string function, LambdaOptions options) {
  auto layer = std::make_shared<LambdaLayer>();
  layer->name = detail::layer_name(options.name, "lambda");
  ast::Program program;
  try {
    program = parse(function);
  } catch (const Error& e) {
    Error named(e.kind(), fmt::format("{}: {}", layer->describe(), e.message()), e.span(), e.hint());
    throw e.span().valid() ? named.with_source(function) : named;
  }
  int arity = program.has_header ? 0 : 1;
  std::vector<std::string> names;
  for (const auto& p : program.params)
    if (!options.arguments.count(p.name)) names.push_back(p.name);
  if (!names.empty() && names.back() == "mask") names.pop_back();
  arity += static_cast<int>(names.size());
  if (arity == 0)
    throw Error(ErrorKind::Value, fmt::format("{}: the lambda takes no input", layer->describe()),
                {}, "a layer is called on at least one tensor, e.g. lambda x: x * 2");
  layer->arity = arity;
  layer->function = std::move(function);
  layer->input_shape = options.input_shape;
  layer->options = std::move(options);
  return Layer(layer);
}

}  // namespace lamina::layers

namespace lamina::detail {

namespace {

Argument argument_from_json(const nlohmann::json& j) {
  if (j.is_boolean()) return Argument(j.get<bool>());
  if (j.is_number_integer()) return Argument(j.get<int64_t>());
  if (j.is_number()) return Argument(j.get<double>());
  if (j.is_string()) return Argument(j.get<std::string>());
  if (j.is_array()) {
    Argument::List list;
    for (const auto& item : j) list.push_back(argument_from_json(item));
    return Argument(list);
  }
  if (j.is_object() && j.contains("dtype") && j.contains("shape") && j.contains("values")) {
    std::optional<DType> dtype = parse_dtype(j["dtype"].get<std::string>());
    if (!dtype) throw Error(ErrorKind::Value, "Lambda config: unknown dtype " + j["dtype"].dump());
    Tensor t = Tensor::zeros(*dtype, j["shape"].get<Dims>());
    const auto& values = j["values"];
    if (static_cast<int64_t>(values.size()) != t.size())
      throw Error(ErrorKind::Value, "Lambda config: a tensor argument's values do not fill its shape");
    for (int64_t i = 0; i < t.size(); ++i) t.set_f64(i, values[static_cast<size_t>(i)].get<double>());
    return Argument(t);
  }
  throw Error(ErrorKind::Value, "Lambda config: argument " + j.dump() + " is not a number, string, list or tensor");
}

}  // namespace

std::shared_ptr<LayerImpl> lambda_from_config(const nlohmann::json& c) {
  if (!c.contains("function")) throw Error(ErrorKind::Value, "Lambda config: field 'function' is missing");
  layers::LambdaOptions o;
  if (c.contains("output_shape") && !c["output_shape"].is_null()) {
    Shape s;
    for (const auto& d : c["output_shape"]) s.push_back(d.is_null() ? std::nullopt : std::optional<int64_t>(d.get<int64_t>()));
    o.output_shape = s;
  }
  o.output_shape_function = config_field<std::string>(c, "Lambda", "output_shape_function", "");
  o.mask = config_field<std::string>(c, "Lambda", "mask", "");
  if (c.contains("arguments"))
    for (const auto& [name, value] : c["arguments"].items()) o.arguments.emplace(name, argument_from_json(value));
  o.name = config_field<std::string>(c, "Lambda", "name", "");
  return layers::Lambda(config_field<std::string>(c, "Lambda", "function", ""), o).impl;
}

}  // namespace lamina::detail
