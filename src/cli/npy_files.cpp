#include "cli/npy_files.h"

#include <fmt/format.h>

#include "cli/bindings.h"
#include "io/npy.h"

namespace lamina::cli {
namespace {

std::string plural(size_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

}  // namespace

NpyInputs read_npy_inputs(const std::string& source, const std::vector<std::string>& input_pairs,
                          const std::map<std::string, Argument>& arguments) {
  NpyInputs in;
  in.names = tensor_inputs(Lambda::parameter_names(source), arguments);
  auto paths = bind_to_inputs(input_pairs, in.names, "--input");
  require_every_input(paths, in.names, "--input", "{}=PATH.npy");
  for (size_t i = 0; i < in.names.size(); ++i) {
    Tensor t = read_npy(*paths[i]);
    in.signatures.push_back({in.names[i], t.dtype(), {t.dims().begin(), t.dims().end()}});
    in.tensors.push_back(std::move(t));
  }
  return in;
}

void require_output_per_result(size_t results, size_t paths) {
  if (results == paths) return;
  throw Error(ErrorKind::Value,
              fmt::format("the program returns {} but {} given", plural(results, "result"),
                          paths == 1 ? "1 --output path was" : fmt::format("{} --output paths were", paths)),
              {}, "give one --output PATH.npy per result, in the order the program returns them");
}

void write_npy_outputs(const std::vector<std::string>& paths, const std::vector<Tensor>& results) {
  for (size_t i = 0; i < results.size() && i < paths.size(); ++i) {
    write_npy(paths[i], results[i]);
    fmt::print("wrote {}: {} {}\n", paths[i], dtype_name(results[i].dtype()), format_dims(results[i].dims()));
  }
}

}  // namespace lamina::cli
