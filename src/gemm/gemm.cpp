// The GEMM driver: splits a batch of products into panels of C, runs them on
// the library's thread pool, and hands each finished panel of rows to the
// epilogue while it is still in cache.

#include "gemm/gemm.h"

#include <algorithm>
#include <atomic>

#include <fmt/format.h>

#include "gemm/block_product.h"
#include "lamina/error.h"
#include "runtime/thread_pool.h"

namespace lamina::gemm {

namespace {

constexpr int64_t kMaxPanelRows = 256;        // each panel repacks its B columns: 256 rows make that ~2% of the work
constexpr int64_t kMinTasks = 8;              // fewer row panels than this: split the columns too
constexpr int64_t kMinPanelCols = 256;
constexpr int64_t kFlopsPerChunk = 1 << 22;   // below this a thread hand-off costs more than it saves

int64_t ceil_div(int64_t a, int64_t b) { return (a + b - 1) / b; }
int64_t round_up(int64_t a, int64_t b) { return ceil_div(a, b) * b; }

template <class T>
void check(const Product<T>& p) {
  if (p.m < 0 || p.n < 0 || p.k < 0 || p.count < 0)
    throw Error(ErrorKind::Internal, fmt::format("gemm of negative size {}x{}x{} (batch {})", p.m, p.n, p.k, p.count));
  int64_t a_cols = p.trans_a ? p.m : p.k, b_cols = p.trans_b ? p.k : p.n;
  if ((a_cols > 0 && p.lda < a_cols) || (b_cols > 0 && p.ldb < b_cols) || (p.n > 0 && p.ldc < p.n))
    throw Error(ErrorKind::Internal,
                fmt::format("gemm leading dimensions {}, {}, {} are too small for {}x{}x{}", p.lda, p.ldb, p.ldc, p.m,
                            p.n, p.k));
}

/// One parallel call: the product, its partition and, when columns are split,
/// how many column panels of each row panel are still to finish (no allocation).
template <class T>
struct Call {
  const Product<T>& p;
  Epilogue epilogue;
  Partition part;
  int64_t row_panels, col_panels;  // per product
  /// Column panels of each row panel still to finish, when the columns are split
  /// (partition() splits them only when there are fewer than kMinTasks row panels).
  std::atomic<int64_t> pending[kMinTasks];
  bool counting = false;

  void run_task(int64_t task) {
    int64_t cp = task % col_panels, rest = task / col_panels;
    int64_t rp = rest % row_panels, prod = rest / row_panels;
    int64_t i0 = rp * part.rows, i1 = std::min(p.m, i0 + part.rows);
    int64_t j0 = cp * part.cols, j1 = std::min(p.n, j0 + part.cols);
    const T* a = p.a + (p.a_offsets ? p.a_offsets[prod] : 0) + (p.trans_a ? i0 : i0 * p.lda);
    const T* b = p.b + (p.b_offsets ? p.b_offsets[prod] : 0) + (p.trans_b ? j0 * p.ldb : j0);
    T* c = p.c + (prod * p.m + i0) * p.ldc + j0;
    if (j1 > j0) detail::block_product(i1 - i0, j1 - j0, p.k, a, p.lda, p.trans_a, b, p.ldb, p.trans_b, c, p.ldc);
    if (!epilogue.run) return;
    // The last column panel of a row panel to finish runs the epilogue on its rows.
    if (counting && pending[rest].fetch_sub(1, std::memory_order_acq_rel) != 1) return;
    epilogue.run(epilogue.ctx, prod * p.m + i0, prod * p.m + i1);
  }

  static void run_tasks(void* ctx, int64_t begin, int64_t end) {
    for (int64_t t = begin; t < end; ++t) static_cast<Call*>(ctx)->run_task(t);
  }
};

template <class T>
void run(const Product<T>& p, Epilogue epilogue) {
  check(p);
  if (p.count == 0 || p.m == 0) return;
  Call<T> call{p, epilogue, partition(p.count, p.m, p.n), 0, 0, {}, false};
  call.row_panels = ceil_div(p.m, call.part.rows);
  call.col_panels = std::max<int64_t>(1, ceil_div(p.n, call.part.cols));
  int64_t tasks = p.count * call.row_panels * call.col_panels;
  if (epilogue.run && call.col_panels > 1) {
    call.counting = true;
    for (int64_t i = 0; i < p.count * call.row_panels; ++i) call.pending[i].store(call.col_panels);
  }
  int64_t task_flops = 2 * call.part.rows * std::min(call.part.cols, std::max<int64_t>(p.n, 1)) * std::max<int64_t>(p.k, 1);
  parallel_for(tasks, std::max<int64_t>(1, kFlopsPerChunk / task_flops), &Call<T>::run_tasks, &call);
}

}  // namespace

Partition partition(int64_t count, int64_t m, int64_t n) {
  Partition part;
  part.rows = std::max<int64_t>(1, std::min(m, kMaxPanelRows));
  part.cols = std::max<int64_t>(n, 1);
  int64_t row_tasks = count * ceil_div(m, part.rows);
  if (row_tasks < kMinTasks && n >= 2 * kMinPanelCols) {
    int64_t want = ceil_div(kMinTasks, row_tasks);
    part.cols = std::max(kMinPanelCols, round_up(ceil_div(n, want), 64));
  }
  return part;
}

void gemm(const Product<float>& p, Epilogue epilogue) { run(p, epilogue); }
void gemm(const Product<double>& p, Epilogue epilogue) { run(p, epilogue); }

void sgemm(int64_t m, int64_t n, int64_t k, const float* a, int64_t lda, bool trans_a, const float* b, int64_t ldb,
           bool trans_b, float* c, int64_t ldc) {
  run(Product<float>{m, n, k, a, lda, trans_a, b, ldb, trans_b, c, ldc}, {});
}

void dgemm(int64_t m, int64_t n, int64_t k, const double* a, int64_t lda, bool trans_a, const double* b, int64_t ldb,
           bool trans_b, double* c, int64_t ldc) {
  run(Product<double>{m, n, k, a, lda, trans_a, b, ldb, trans_b, c, ldc}, {});
}

}  // namespace lamina::gemm
