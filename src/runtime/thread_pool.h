#pragma once
// The library's own thread pool: persistent workers plus the calling thread, no OpenMP.
//
// Determinism: parallel_for splits [0, n) into chunks that depend only on n and grain, never
// on the thread count, so a body that writes per-chunk results (e.g. partial sums combined
// in chunk order) gives bit-identical answers with 1 thread or 64.
//
// Example:
//   lamina::set_num_threads(2);
//   lamina::parallel_for(out.size(), 4096, [&](int64_t begin, int64_t end) {
//     for (int64_t i = begin; i < end; ++i) out[i] = in[i] * in[i];
//   });

#include <cstdint>
#include <functional>

namespace lamina {

/// The most chunks one call is split into; larger ranges get larger chunks.
inline constexpr int64_t kMaxChunks = 256;

/// How many chunks parallel_for splits [0, n) into: n / grain, clamped to [1, kMaxChunks]
/// (0 when n <= 0). A grain below 1 counts as 1. Every chunk holds at least `grain` items
/// (or all n, when n < grain), and chunk sizes differ by at most one.
int64_t num_chunks(int64_t n, int64_t grain);

/// The first index of chunk `i` (0 <= i <= num_chunks); chunk i is [chunk_begin(i), chunk_begin(i+1)).
int64_t chunk_begin(int64_t n, int64_t grain, int64_t i);

/// Calls body(begin, end) once per chunk of [0, n) (see num_chunks); returns when all chunks
/// are done. The caller runs chunks too. Runs inline when there is one chunk, one thread, or
/// when called from inside another parallel_for body. If bodies throw, the first exception
/// is rethrown here after every chunk has finished. Safe to call from several threads at
/// once: a call that finds the pool busy runs its chunks on its own thread.
/// Throws lamina::Error (Value) when n < 0.
void parallel_for(int64_t n, int64_t grain, const std::function<void(int64_t, int64_t)>& body);

/// The same for JIT-compiled code: task(ctx, begin, end) per chunk.
void parallel_for(int64_t n, int64_t grain, void (*task)(void* ctx, int64_t begin, int64_t end),
                  void* ctx);

/// Sets how many threads parallel_for uses, the caller included: 0 means the hardware
/// concurrency, 1 runs everything on the caller. Waits for running calls to finish.
/// Throws lamina::Error (Value) when n < 0 or when called from inside a parallel_for body.
void set_num_threads(int n);

/// The thread count parallel_for uses (at least 1).
int num_threads();

/// A host's replacement for parallel_for (e.g. its own scheduler). It must call
/// task(task_ctx, begin, end) over disjoint ranges covering [0, n) and return when all are
/// done; splitting with num_chunks/chunk_begin keeps results identical to ours. The task
/// never throws: exceptions are captured and rethrown by parallel_for after the hook returns.
using ParallelForHook = void (*)(void* ctx, int64_t n, int64_t grain,
                                 void (*task)(void* task_ctx, int64_t begin, int64_t end),
                                 void* task_ctx);

/// Routes every later parallel_for call through `hook` (called with `ctx`, which the host
/// keeps alive). nullptr restores the built-in pool.
void set_parallel_for_hook(ParallelForHook hook, void* ctx);

}  // namespace lamina
