#include "runtime/thread_pool.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "lamina/error.h"

namespace lamina {

int64_t num_chunks(int64_t n, int64_t grain) {
  if (n <= 0) return 0;
  return std::clamp<int64_t>(n / std::max<int64_t>(grain, 1), 1, kMaxChunks);
}

int64_t chunk_begin(int64_t n, int64_t grain, int64_t i) {
  // Chunks of n / k items, the first n % k of them one larger.
  const int64_t k = num_chunks(n, grain);
  if (k == 0) return 0;
  return i * (n / k) + std::min(i, n % k);
}

namespace {

using Task = void (*)(void* ctx, int64_t begin, int64_t end);

constexpr int kMaxThreads = 1024;

int hardware_threads() {
  const unsigned hardware = std::thread::hardware_concurrency();
  return hardware == 0 ? 1 : static_cast<int>(std::min<unsigned>(hardware, kMaxThreads));
}

/// True on a thread while it runs chunks, so a nested parallel_for runs inline.
thread_local bool t_inside_body = false;

class InsideBody {
 public:
  InsideBody() : saved_(t_inside_body) { t_inside_body = true; }
  ~InsideBody() { t_inside_body = saved_; }
  InsideBody(const InsideBody&) = delete;
  InsideBody& operator=(const InsideBody&) = delete;

 private:
  bool saved_;
};

/// One parallel_for call: its chunks, the next one to hand out, and the first error thrown.
struct Job {
  Task task;
  void* ctx;
  int64_t n, grain, chunks;
  std::atomic<int64_t> next{0};
  int active_workers = 0;  // pool workers inside run_chunks; guarded by the pool's mutex
  std::mutex error_mutex;
  std::exception_ptr error;

  Job(Task task, void* ctx, int64_t n, int64_t grain)
      : task(task), ctx(ctx), n(n), grain(grain), chunks(num_chunks(n, grain)) {}

  /// Runs task over [begin, end), keeping the first exception instead of letting it escape.
  void run_range(int64_t begin, int64_t end) {
    try {
      task(ctx, begin, end);
    } catch (...) {
      std::lock_guard lock(error_mutex);
      if (!error) error = std::current_exception();
    }
  }

  /// Claims and runs chunks until none are left.
  void run_chunks() {
    InsideBody inside;
    for (int64_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < chunks;)
      run_range(chunk_begin(n, grain, i), chunk_begin(n, grain, i + 1));
  }

  /// The task handed to a host's hook: never throws.
  static void run_range_for_hook(void* job, int64_t begin, int64_t end) {
    InsideBody inside;
    static_cast<Job*>(job)->run_range(begin, end);
  }
};

/// Persistent workers that join the caller on one Job at a time.
class Pool {
 public:
  Pool() : threads_(hardware_threads()) {}
  ~Pool() { stop_workers(); }

  int threads() const { return threads_.load(std::memory_order_relaxed); }

  void set_threads(int n) {
    std::lock_guard busy(busy_);  // waits for the running call, if any
    stop_workers();               // restarted lazily at the right count
    threads_ = n;
  }

  /// Runs `job` on the workers and the caller; false (nothing run) when another call has them.
  bool try_run(Job& job) {
    std::unique_lock busy(busy_, std::try_to_lock);
    if (!busy.owns_lock()) return false;
    if (static_cast<int>(workers_.size()) != threads() - 1) {
      stop_workers();
      start_workers(threads() - 1);
    }
    {
      std::lock_guard lock(mutex_);
      job_ = &job;
      ++generation_;
    }
    wake_.notify_all();
    job.run_chunks();
    // Every chunk is claimed; once no worker is inside the job, every chunk is done.
    std::unique_lock lock(mutex_);
    job_ = nullptr;
    idle_.wait(lock, [&] { return job.active_workers == 0; });
    return true;
  }

 private:
  void start_workers(int count) {
    std::lock_guard lock(mutex_);
    for (int i = 0; i < count; ++i)
      workers_.emplace_back([this, seen = generation_] { worker_loop(seen); });
  }

  void stop_workers() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    for (auto& worker : workers_) worker.join();
    workers_.clear();
    std::lock_guard lock(mutex_);
    stop_ = false;
  }

  /// `seen`: the last job generation before this worker started; it takes part in later ones.
  void worker_loop(uint64_t seen) {
    std::unique_lock lock(mutex_);
    for (;;) {
      wake_.wait(lock, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
      Job* job = job_;
      if (!job) continue;  // woke after that job had already finished
      ++job->active_workers;
      lock.unlock();
      job->run_chunks();
      lock.lock();
      if (--job->active_workers == 0) idle_.notify_all();
    }
  }

  std::mutex busy_;  // held by the one call using the workers, or by set_threads
  std::atomic<int> threads_;
  std::vector<std::thread> workers_;  // guarded by busy_

  std::mutex mutex_;  // guards everything below
  std::condition_variable wake_, idle_;
  Job* job_ = nullptr;
  uint64_t generation_ = 0;  // bumped for each job, so workers see each one once
  bool stop_ = false;
};

Pool& pool() {
  static Pool instance;  // its destructor joins the workers at exit
  return instance;
}

std::atomic<ParallelForHook> g_hook{nullptr};
std::atomic<void*> g_hook_ctx{nullptr};

}  // namespace

void parallel_for(int64_t n, int64_t grain, Task task, void* ctx) {
  if (n < 0)
    throw Error(ErrorKind::Value, fmt::format("parallel_for over {} items: the count is negative", n),
                {}, "pass a count of 0 or more");
  Job job(task, ctx, n, grain);
  if (job.chunks == 0) return;
  if (ParallelForHook hook = g_hook.load(std::memory_order_acquire)) {
    hook(g_hook_ctx.load(std::memory_order_relaxed), n, grain, &Job::run_range_for_hook, &job);
  } else if (job.chunks == 1 || t_inside_body || pool().threads() == 1 || !pool().try_run(job)) {
    job.run_chunks();
  }
  if (job.error) std::rethrow_exception(job.error);
}

void parallel_for(int64_t n, int64_t grain, const std::function<void(int64_t, int64_t)>& body) {
  using Body = std::function<void(int64_t, int64_t)>;
  parallel_for(
      n, grain,
      [](void* ctx, int64_t begin, int64_t end) { (*static_cast<const Body*>(ctx))(begin, end); },
      const_cast<Body*>(&body));
}

void set_num_threads(int n) {
  if (n < 0 || n > kMaxThreads)
    throw Error(ErrorKind::Value, fmt::format("cannot use {} threads", n), {},
                fmt::format("pass 0 (one per core) or a count from 1 to {}", kMaxThreads));
  if (t_inside_body)
    throw Error(ErrorKind::Runtime, "set_num_threads was called from inside a parallel_for body",
                {}, "set the thread count before starting parallel work");
  pool().set_threads(n == 0 ? hardware_threads() : n);
}

int num_threads() { return pool().threads(); }

void set_parallel_for_hook(ParallelForHook hook, void* ctx) {
  g_hook_ctx.store(ctx, std::memory_order_relaxed);
  g_hook.store(hook, std::memory_order_release);
}

}  // namespace lamina
