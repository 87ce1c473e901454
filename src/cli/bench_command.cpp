#include "cli/bench_command.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/bench_timing.h"
#include "cli/bindings.h"
#include "cli/engine_choice.h"
#include "cli/npy_files.h"
#include "cli/program_options.h"
#include "lamina/lambda.h"
#include "runtime/thread_pool.h"

namespace lamina::cli {
namespace {

struct BenchOptions {
  ProgramOptions program;
  std::vector<std::string> outputs;    // PATH.npy, one per result, or none
  std::string json_path;
  std::string engine = engine_name(kDefaultEngine);
  std::optional<int> threads;
  BenchPlan plan;
};

/// Accepts a whole number no less than `least`; CLI11 prints the complaint after the
/// option's name ("--reps: expects a whole number from 1 up, got '0'") and exits with status 2.
CLI::Validator whole_number_from(int64_t least) {
  return CLI::Validator(
      [least](std::string& text) -> std::string {
        int64_t n = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
        if (ec != std::errc() || end != text.data() + text.size() || n < least)
          return fmt::format("expects a whole number from {} up, got '{}'", least, text);
        return "";
      },
      "");
}

void use_threads(int threads) {
  try {
    set_num_threads(threads);
  } catch (const Error& e) {
    throw Error(e.kind(), fmt::format("--threads {}: {}", threads, e.message()), {}, e.hint());
  }
}

/// Zero-filled tensors shaped like `like`: the outputs every timed call writes into.
std::vector<Tensor> allocate_like(const std::vector<Tensor>& like) {
  std::vector<Tensor> out;
  for (const Tensor& t : like) out.push_back(Tensor::zeros(t.dtype(), t.dims()));
  return out;
}

struct BenchReport {
  double compile_seconds = 0;
  BenchTimes times;
};

void write_json(const std::string& path, const BenchOptions& o, const BenchReport& r) {
  nlohmann::ordered_json j = {
      {"seconds", r.times.seconds_per_call},
      {"compile_s", r.compile_seconds},
      {"calls_per_rep", r.times.calls_per_rep},
      {"warmup", o.plan.warmup},
      {"reps", o.plan.reps},
      {"threads", num_threads()},
      {"engine", o.engine},
  };
  std::ofstream out(path);
  if (out) out << j.dump(2) << "\n";
  if (!out)
    throw Error(ErrorKind::File, fmt::format("{}: cannot write the JSON report: {}", path, std::strerror(errno)), {},
                "check that the folder exists and is writable");
}

/// What the summary calls the program: its file name, or its source cut to one short line.
std::string program_label(const ProgramSource& program) {
  if (!program.file_name.empty()) return program.file_name;
  std::string line = program.text.substr(0, program.text.find('\n'));
  if (line.size() > 40) return line.substr(0, 37) + "...";
  return line.size() < program.text.size() ? line + " ..." : line;
}

/// One line: "x ** 2: median 4.1 ms, min 3.9 ms per call (10 reps x 1 call, 2 threads, jit); compile 52 ms".
std::string summary(const ProgramSource& program, const BenchOptions& o, const BenchReport& r) {
  const std::vector<double>& s = r.times.seconds_per_call;
  auto plural_s = [](int64_t n) { return n == 1 ? "" : "s"; };
  return fmt::format("{}: median {}, min {} per call ({} reps x {} call{}, {} thread{}, {}); compile {}",
                     program_label(program), format_seconds(median(s)),
                     format_seconds(*std::min_element(s.begin(), s.end())), o.plan.reps, r.times.calls_per_rep,
                     plural_s(r.times.calls_per_rep), num_threads(), plural_s(num_threads()), o.engine,
                     format_seconds(r.compile_seconds));
}

void run_bench(const BenchOptions& o, const ProgramSource& program) {
  if (o.threads) use_threads(*o.threads);
  Engine engine = parse_engine(o.engine);
  std::map<std::string, Argument> arguments = parse_arguments(o.program.arguments);
  NpyInputs inputs = read_npy_inputs(program.text, o.program.inputs, arguments);

  // Source to callable: parse, lower, type-check, and (for the JIT) generate machine code.
  auto start = std::chrono::steady_clock::now();
  Lambda f = Lambda::compile(program.text, inputs.signatures, arguments);
  if (engine == Engine::Jit) f.prepare_jit();
  BenchReport report;
  report.compile_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!o.outputs.empty()) require_output_per_result(f.output_count(), o.outputs.size());

  // One call learns the results' shapes; every later call writes into the same outputs.
  std::vector<Tensor> outputs = allocate_like(f.run(inputs.tensors, engine));
  report.times = time_calls([&] { f.run_into(inputs.tensors, outputs, engine); }, o.plan);

  fmt::print("{}\n", summary(program, o, report));
  write_npy_outputs(o.outputs, outputs);
  if (!o.json_path.empty()) write_json(o.json_path, o, report);  // last: a report means every step succeeded
}

}  // namespace

void add_bench_command(CLI::App& app) {
  auto o = std::make_shared<BenchOptions>();
  CLI::App* cmd = app.add_subcommand("bench", "Time repeated calls of a lambda on .npy inputs");
  add_program_options(cmd, o->program, "time");
  cmd->add_option("--threads", o->threads, "Threads the engine uses, the caller included (0: one per core)")
      ->type_name("N")
      ->check(whole_number_from(0));
  cmd->add_option("--warmup", o->plan.warmup, "Untimed repetitions before the timed ones")
      ->type_name("N")
      ->check(whole_number_from(0))
      ->capture_default_str();
  cmd->add_option("--reps", o->plan.reps, "Timed repetitions")
      ->type_name("N")
      ->check(whole_number_from(1))
      ->capture_default_str();
  cmd->add_option("--calls-per-rep", o->plan.calls_per_rep,
                  fmt::format("Calls per repetition (default: enough for a repetition to last {} ms, at most {})",
                              kMinRepSeconds * 1e3, kMaxCallsPerRep))
      ->type_name("K")
      ->check(whole_number_from(1));
  cmd->add_option("--engine", o->engine, "Which engine runs the lambda: the LLVM JIT or the reference interpreter")
      ->check(CLI::IsMember({"interp", "jit"}))
      ->default_str(engine_name(kDefaultEngine));
  cmd->add_option("--output", o->outputs, "Save each result of the last call, in order (optional; once per result)")
      ->type_name("PATH.npy");
  cmd->add_option("--json", o->json_path,
                  "Write {\"seconds\": [seconds per call, one per rep], \"compile_s\": source-to-callable seconds, ...}")
      ->type_name("PATH");
  cmd->footer(
      "Each repetition makes K back-to-back calls into outputs allocated once; \"seconds\" holds its time / K.\n"
      "Examples:\n"
      "  lamina bench --expr 'x ** 2' --input x=x.npy --threads 2\n"
      "  lamina bench --file model.lam --input x=x.npy --reps 20 --json times.json\n"
      "  lamina bench --expr 'softmax(x, axis=-1)' --input x=x.npy --engine interp --output y.npy");
  on_program(cmd, o->program, [o](const ProgramSource& program) { run_bench(*o, program); });
}

}  // namespace lamina::cli
