// The "hand C++" baseline of the benchmark suite: each workload written as one plain, fused
// loop over preallocated output, parallelised with OpenMP (the library itself never uses
// OpenMP; this is only the yardstick). CMake builds it twice: -O3 -march=native (bench_hand)
// and the same plus -ffast-math (bench_hand_fastmath), which lets GCC call glibc's vector math.
//
// Usage: bench_hand --data DIR [--reps 10] [--warmup 2] [--threads 2] [--calls 10000] [--save DIR]
// Reads DIR/big_x.npy, big_a.npy, big_b.npy (2^24 float32), rows_x.npy (8192x512) and
// small_x.npy (32x16), mat_a.npy and mat_b.npy (1024x1024), dense_x.npy (1024x512), dense_w.npy
// (512x1024) and dense_b.npy (1024), as written by bench/run.py. Prints one JSON line per workload:
//   {"workload": "square_2e24", "engine": "hand", "seconds": [...]}
// where each entry is one timed repetition (for "square_32x16_per_call": seconds per call,
// averaged over --calls calls). --save DIR writes each workload's output as DIR/<workload>.npy
// so bench/run.py --check can compare it with NumPy.

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#ifndef LAMINA_BENCH_ENGINE
#define LAMINA_BENCH_ENGINE "hand"
#endif

namespace {

// ---------------------------------------------------------------------------------------------
// The workloads, one fused loop each.
// ---------------------------------------------------------------------------------------------

/// x ** 2
void square(const float* x, float* y, int64_t n) {
#pragma omp parallel for schedule(static)
  for (int64_t i = 0; i < n; ++i) y[i] = x[i] * x[i];
}

/// sigmoid(a) * tanh(b) + 0.5 * a
void sigmoid_tanh(const float* a, const float* b, float* y, int64_t n) {
#pragma omp parallel for schedule(static)
  for (int64_t i = 0; i < n; ++i)
    y[i] = 1.0f / (1.0f + std::exp(-a[i])) * std::tanh(b[i]) + 0.5f * a[i];
}

/// The Keras antirectifier, row by row: centre, L2-normalise (Keras epsilon 1e-12 on the
/// squared norm), then [relu(x), relu(-x)] side by side.
void antirectifier(const float* x, float* y, int64_t rows, int64_t cols) {
#pragma omp parallel for schedule(static)
  for (int64_t r = 0; r < rows; ++r) {
    const float* in = x + r * cols;
    float* out = y + r * 2 * cols;
    float sum = 0;
    for (int64_t c = 0; c < cols; ++c) sum += in[c];
    const float mean = sum / static_cast<float>(cols);
    float squares = 0;
    for (int64_t c = 0; c < cols; ++c) squares += (in[c] - mean) * (in[c] - mean);
    const float scale = 1.0f / std::sqrt(std::max(squares, 1e-12f));
    for (int64_t c = 0; c < cols; ++c) {
      const float v = (in[c] - mean) * scale;
      out[c] = std::max(v, 0.0f);
      out[cols + c] = std::max(-v, 0.0f);
    }
  }
}

/// softmax(x, axis=-1), row by row, with the max subtracted first.
void softmax(const float* x, float* y, int64_t rows, int64_t cols) {
#pragma omp parallel for schedule(static)
  for (int64_t r = 0; r < rows; ++r) {
    const float* in = x + r * cols;
    float* out = y + r * cols;
    float max = -INFINITY;
    for (int64_t c = 0; c < cols; ++c) max = std::max(max, in[c]);
    float sum = 0;
    for (int64_t c = 0; c < cols; ++c) {
      out[c] = std::exp(in[c] - max);
      sum += out[c];
    }
    const float inv = 1.0f / sum;
    for (int64_t c = 0; c < cols; ++c) out[c] *= inv;
  }
}

/// Row i of a @ b, a (m, k) and b (k, n): the naive loop a user would write, in
/// the order that streams rows of b and c (t, then j) so the compiler vectorises j.
inline void matmul_row(const float* a_row, const float* b, float* row, int64_t n, int64_t k) {
  for (int64_t j = 0; j < n; ++j) row[j] = 0;
  for (int64_t t = 0; t < k; ++t) {
    const float s = a_row[t];
    const float* brow = b + t * n;
    for (int64_t j = 0; j < n; ++j) row[j] += s * brow[j];
  }
}

/// a @ b
void matmul(const float* a, const float* b, float* c, int64_t m, int64_t n, int64_t k) {
#pragma omp parallel for schedule(static)
  for (int64_t i = 0; i < m; ++i) matmul_row(a + i * k, b, c + i * n, n, k);
}

/// relu(x @ w + b): the bias and relu applied to each row as soon as it is computed.
void dense_relu(const float* x, const float* w, const float* bias, float* y, int64_t m, int64_t n, int64_t k) {
#pragma omp parallel for schedule(static)
  for (int64_t i = 0; i < m; ++i) {
    float* row = y + i * n;
    matmul_row(x + i * k, w, row, n, k);
    for (int64_t j = 0; j < n; ++j) row[j] = std::max(row[j] + bias[j], 0.0f);
  }
}

/// x ** 2 on a tiny array: one thread, a plain call (what a per-call overhead is measured against).
__attribute__((noinline)) void square_serial(const float* x, float* y, int64_t n) {
  for (int64_t i = 0; i < n; ++i) y[i] = x[i] * x[i];
}

// ---------------------------------------------------------------------------------------------
// Arrays: 64-byte-aligned float32, read from and written to .npy.
// ---------------------------------------------------------------------------------------------

struct Array {
  std::vector<int64_t> shape;
  std::unique_ptr<float, decltype(&std::free)> data{nullptr, &std::free};

  int64_t size() const {
    int64_t n = 1;
    for (int64_t d : shape) n *= d;
    return n;
  }
  float* get() const { return data.get(); }
};

Array make_array(std::vector<int64_t> shape) {
  Array a;
  a.shape = std::move(shape);
  const size_t bytes = (static_cast<size_t>(a.size()) * sizeof(float) + 63) / 64 * 64;
  a.data.reset(static_cast<float*>(std::aligned_alloc(64, bytes)));
  if (!a.data) throw std::runtime_error("out of memory");
  std::memset(a.get(), 0, bytes);  // touch every page now, not inside a timed rep
  return a;
}

/// Reads a little-endian, C-ordered float32 .npy file (format 1.0 or 2.0).
Array read_npy(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot open " + path);
  char preamble[8];
  file.read(preamble, 8);
  if (!file || std::memcmp(preamble, "\x93NUMPY", 6) != 0)
    throw std::runtime_error(path + " is not a .npy file");
  uint32_t header_len = 0;
  const int len_bytes = preamble[6] == 1 ? 2 : 4;
  file.read(reinterpret_cast<char*>(&header_len), len_bytes);
  std::string header(header_len, '\0');
  file.read(header.data(), header_len);
  if (header.find("'<f4'") == std::string::npos ||
      header.find("'fortran_order': False") == std::string::npos)
    throw std::runtime_error(path + " must hold C-ordered float32 ('<f4')");
  std::vector<int64_t> shape;
  const size_t open = header.find('(', header.find("'shape'"));
  for (const char* p = header.c_str() + open + 1; *p && *p != ')';) {
    char* end;
    const long long d = std::strtoll(p, &end, 10);
    if (end == p) {
      ++p;
    } else {
      shape.push_back(d);
      p = end;
    }
  }
  Array a = make_array(shape);
  file.read(reinterpret_cast<char*>(a.get()), a.size() * static_cast<int64_t>(sizeof(float)));
  if (!file) throw std::runtime_error(path + " is shorter than its shape says");
  return a;
}

void write_npy(const std::string& path, const Array& a) {
  std::string shape = "(";
  for (int64_t d : a.shape) shape += std::to_string(d) + ", ";
  if (a.shape.size() > 1) shape.resize(shape.size() - 2);
  shape += ")";
  std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
  header.append(64 - (10 + header.size() + 1) % 64, ' ');
  header += '\n';
  std::ofstream file(path, std::ios::binary);
  const uint16_t len = static_cast<uint16_t>(header.size());
  file.write("\x93NUMPY\x01\x00", 8);
  file.write(reinterpret_cast<const char*>(&len), 2);
  file << header;
  file.write(reinterpret_cast<const char*>(a.get()), a.size() * static_cast<int64_t>(sizeof(float)));
  if (!file) throw std::runtime_error("cannot write " + path);
}

// ---------------------------------------------------------------------------------------------
// Timing
// ---------------------------------------------------------------------------------------------

struct Options {
  std::string data, save;
  int reps = 10, warmup = 2, threads = 2, calls = 10000;
};

/// Runs `rep` `warmup` times untimed, then `reps` times timed; prints one JSON line.
void measure(const Options& options, const std::string& workload, const std::function<void()>& rep,
             int calls_per_rep = 1) {
  for (int i = 0; i < options.warmup; ++i) rep();
  std::string seconds;
  for (int i = 0; i < options.reps; ++i) {
    const auto start = std::chrono::steady_clock::now();
    rep();
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%s%.9g", i ? ", " : "", elapsed.count() / calls_per_rep);
    seconds += buffer;
  }
  std::printf("{\"workload\": \"%s\", \"engine\": \"%s\", \"seconds\": [%s]}\n", workload.c_str(),
              LAMINA_BENCH_ENGINE, seconds.c_str());
  std::fflush(stdout);
}

Options parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) throw std::runtime_error("missing value after " + flag);
    const std::string value = argv[++i];
    if (flag == "--data") options.data = value;
    else if (flag == "--save") options.save = value;
    else if (flag == "--reps") options.reps = std::stoi(value);
    else if (flag == "--warmup") options.warmup = std::stoi(value);
    else if (flag == "--threads") options.threads = std::stoi(value);
    else if (flag == "--calls") options.calls = std::stoi(value);
    else throw std::runtime_error("unknown option " + flag);
  }
  if (options.data.empty()) throw std::runtime_error("--data DIR is required");
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options options = parse_options(argc, argv);
    omp_set_num_threads(options.threads);
    const std::string dir = options.data + "/";
    const Array big_x = read_npy(dir + "big_x.npy"), big_a = read_npy(dir + "big_a.npy"),
                big_b = read_npy(dir + "big_b.npy"), rows_x = read_npy(dir + "rows_x.npy"),
                small_x = read_npy(dir + "small_x.npy"), mat_a = read_npy(dir + "mat_a.npy"),
                mat_b = read_npy(dir + "mat_b.npy"), dense_x = read_npy(dir + "dense_x.npy"),
                dense_w = read_npy(dir + "dense_w.npy"), dense_b = read_npy(dir + "dense_b.npy");
    const int64_t rows = rows_x.shape.at(0), cols = rows_x.shape.at(1);
    auto save = [&](const std::string& workload, const Array& out) {
      if (!options.save.empty()) write_npy(options.save + "/" + workload + ".npy", out);
    };

    Array out = make_array(big_x.shape);
    measure(options, "square_2e24", [&] { square(big_x.get(), out.get(), out.size()); });
    save("square_2e24", out);

    measure(options, "sigmoid_tanh_2e24",
            [&] { sigmoid_tanh(big_a.get(), big_b.get(), out.get(), out.size()); });
    save("sigmoid_tanh_2e24", out);

    Array wide = make_array({rows, 2 * cols});
    measure(options, "antirectifier_8192x512",
            [&] { antirectifier(rows_x.get(), wide.get(), rows, cols); });
    save("antirectifier_8192x512", wide);

    Array same = make_array(rows_x.shape);
    measure(options, "softmax_8192x512", [&] { softmax(rows_x.get(), same.get(), rows, cols); });
    save("softmax_8192x512", same);

    Array product = make_array({mat_a.shape.at(0), mat_b.shape.at(1)});
    measure(options, "sgemm_1024", [&] {
      matmul(mat_a.get(), mat_b.get(), product.get(), mat_a.shape[0], mat_b.shape[1], mat_a.shape[1]);
    });
    save("sgemm_1024", product);

    Array dense = make_array({dense_x.shape.at(0), dense_w.shape.at(1)});
    measure(options, "dense_relu_1024x512x1024", [&] {
      dense_relu(dense_x.get(), dense_w.get(), dense_b.get(), dense.get(), dense_x.shape[0], dense_w.shape[1],
                 dense_x.shape[1]);
    });
    save("dense_relu_1024x512x1024", dense);

    Array small = make_array(small_x.shape);
    measure(
        options, "square_32x16_per_call",
        [&] {
          for (int i = 0; i < options.calls; ++i) {
            square_serial(small_x.get(), small.get(), small.size());
            asm volatile("" : : "r"(small.get()) : "memory");  // keep every call
          }
        },
        options.calls);
    save("square_32x16_per_call", small);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_hand: %s\n", e.what());
    return 1;
  }
  return 0;
}
