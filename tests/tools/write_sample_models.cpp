// Writes the model-file tests' sample models to a directory, with inputs and
// the outputs this process computes for them, so that another process (the
// `lamina run` CLI tests) can load the models and compare bit for bit:
//   write_sample_models DIR
// writes DIR/<model>.lamina, its inputs DIR/<model>.in<i>.npy, DIR/<model>.args (the
// `--input NAME=PATH` options for them, one a line) and DIR/<model>.out<i>.npy
// for the models every_layer, embedding_model and demo.

#include <cstdio>
#include <string>

#include "io/npy.h"
#include "lamina/error.h"
#include "lamina/model_file.h"
#include "model_file/sample_models.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: write_sample_models DIR\n");
    return 2;
  }
  std::string dir = argv[1];
  try {
    for (const lamina::Model& model : {lamina::testing::every_float_layer_model(), lamina::testing::embedding_model(),
                                       lamina::testing::demo_sequential()}) {
      std::string base = dir + "/" + model.name();
      lamina::save_model(model, base + ".lamina");
      std::vector<lamina::Tensor> inputs = lamina::testing::sample_inputs(model);
      std::string args;
      for (size_t i = 0; i < inputs.size(); ++i) {
        std::string producer = model.inputs()[i].producer();  // "x[0][0]"
        std::string path = base + ".in" + std::to_string(i) + ".npy";
        lamina::write_npy(path, inputs[i]);
        args += "--input " + producer.substr(0, producer.find('[')) + "=" + path + "\n";
      }
      std::FILE* f = std::fopen((base + ".args").c_str(), "w");
      if (!f || std::fputs(args.c_str(), f) < 0 || std::fclose(f) != 0) {
        std::fprintf(stderr, "cannot write %s.args\n", base.c_str());
        return 1;
      }
      std::vector<lamina::Tensor> outputs = model.predict(inputs);
      for (size_t i = 0; i < outputs.size(); ++i)
        lamina::write_npy(base + ".out" + std::to_string(i) + ".npy", outputs[i]);
    }
  } catch (const lamina::Error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
