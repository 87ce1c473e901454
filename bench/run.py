#!/usr/bin/python3
"""Runs the Lamina benchmark suite and writes docs/performance.md.

    python3 bench/run.py --build build

Builds the hand-loop baselines (targets bench_hand, bench_hand_fastmath) in the build folder,
writes the inputs once as .npy files (fixed seed) in a temporary folder, then runs every engine
in rounds, one after another and in a rotating order, so machine noise hits all of them alike:

  hand, hand_fastmath  bench/baselines/hand_loops.cpp, -O3 -march=native (+ -ffast-math), OpenMP
  numpy, torch         bench/baselines/peers.py, each only when it imports
  lamina               `lamina bench` (the JIT), only when BUILD/lamina has that subcommand;
                       the model workloads run bench_model_mlp (bench/model_mlp.cpp, Model::predict)

The first table holds the median of all repetitions of each workload on each engine, and its ratio
to the hand loop (-O3, no fast-math) measured in the same run; the model table's ratio is to torch
eager, measured in the same run.
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile

try:
    import numpy as np
except ImportError:  # the default python3 may lack numpy; Debian's has it
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    raise

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Each workload: its Lamina source, the input files it reads (name in the lambda -> file), and
# how the table describes it. The baselines implement the same names.
WORKLOADS = [
    ("square_2e24", "x ** 2", {"x": "big_x"}, "`x ** 2`, 2^24 elements"),
    ("sigmoid_tanh_2e24", "lambda a, b: sigmoid(a) * tanh(b) + 0.5 * a", {"a": "big_a", "b": "big_b"},
     "`sigmoid(a) * tanh(b) + 0.5 * a`, 2^24"),
    ("antirectifier_8192x512",
     "x -= mean(x, axis=1, keepdims=True); x = l2_normalize(x, axis=1); "
     "return concat([relu(x), relu(-x)], axis=1)",
     {"x": "rows_x"}, "antirectifier (Keras docs), 8192×512 → 8192×1024"),
    ("softmax_8192x512", "softmax(x, axis=-1)", {"x": "rows_x"}, "`softmax(x, axis=-1)`, 8192×512"),
    ("square_32x16_per_call", "x ** 2", {"x": "small_x"}, "`x ** 2` on (32,16), per call"),
    ("sgemm_1024", "lambda a, b: a @ b", {"a": "mat_a", "b": "mat_b"}, "sgemm `a @ b`, 1024³"),
    ("dense_relu_1024x512x1024", "lambda x, w, b: relu(x @ w + b)", {"x": "dense_x", "w": "dense_w", "b": "dense_b"},
     "`relu(x @ w + b)`, (1024,512)×(512,1024)"),
]
# Floating-point operations per call of the matrix-product workloads (for GFLOP/s).
FLOPS = {"sgemm_1024": 2 * 1024 ** 3, "dense_relu_1024x512x1024": 2 * 1024 * 512 * 1024}
# Whole models (Lamina: lamina::Model through bench_model_mlp; numpy/torch: peers.py).
MODEL_WORKLOADS = [
    ("mlp_b1024", "MLP Dense(512→1024, relu) → antirectifier → Dense(2048→10) → softmax, batch 1024"),
    ("mlp_b1_per_call", "the same MLP, batch 1, per call (Lamina: predict_into)"),
]
ENGINES = ["hand", "hand_fastmath", "numpy", "torch", "lamina"]
ENGINE_TITLES = {"hand": "hand C++", "hand_fastmath": "hand C++ +fast-math", "numpy": "numpy",
                 "torch": "torch eager", "lamina": "Lamina JIT"}


def make_inputs(folder):
    """The inputs, generated once from a fixed seed: standard normal float32."""
    rng = np.random.default_rng(20240603)
    shapes = {"big_x": (1 << 24,), "big_a": (1 << 24,), "big_b": (1 << 24,), "rows_x": (8192, 512),
              "small_x": (32, 16), "mat_a": (1024, 1024), "mat_b": (1024, 1024), "dense_x": (1024, 512),
              "dense_w": (512, 1024), "dense_b": (1024,), "mlp_x": (1024, 512)}
    for name, shape in shapes.items():
        np.save(os.path.join(folder, name + ".npy"), rng.standard_normal(shape, dtype=np.float32))
    # The MLP's weights: Glorot-uniform kernels and small biases, as a trained model might hold.
    for name, shape in {"mlp_w1": (512, 1024), "mlp_w2": (2048, 10)}.items():
        limit = np.sqrt(6 / sum(shape))
        np.save(os.path.join(folder, name + ".npy"), rng.uniform(-limit, limit, shape).astype(np.float32))
    for name, size in {"mlp_b1": 1024, "mlp_b2": 10}.items():
        np.save(os.path.join(folder, name + ".npy"), (0.1 * rng.standard_normal(size)).astype(np.float32))


def build(build_dir):
    """Configures BUILD if needed and builds the baselines; tries the CLI too (optional)."""
    if not os.path.exists(os.path.join(build_dir, "CMakeCache.txt")):
        subprocess.run(["cmake", "-S", REPO, "-B", build_dir, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release"],
                       check=True)
    subprocess.run(["cmake", "--build", build_dir, "-j2", "--target", "bench_hand", "bench_hand_fastmath",
                    "bench_model_mlp"], check=True)
    if subprocess.run(["cmake", "--build", build_dir, "-j2", "--target", "lamina"],
                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
        print("note: could not build the lamina CLI; using BUILD/lamina as it is, if present", file=sys.stderr)


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


class Runner:
    """Runs one engine's whole suite once; collects seconds per workload."""

    def __init__(self, args, data):
        self.args, self.data = args, data
        names = [w[0] for w in WORKLOADS] + [w[0] for w in MODEL_WORKLOADS]
        self.samples = {engine: {name: [] for name in names} for engine in ENGINES}
        self.skipped = {}
        self.load_at_start = os.getloadavg()[0]
        self.lamina = os.path.join(args.build, "lamina")
        self.lamina_flags = self.lamina_bench_flags()
        if self.lamina_flags is None and not os.access(os.path.join(args.build, "bench", "bench_model_mlp"), os.X_OK):
            self.skipped["lamina"] = "neither `lamina bench` nor bench_model_mlp is available in this build"

    def lamina_bench_flags(self):
        """The options `lamina bench --help` lists, or None when there is no such subcommand."""
        if not os.access(self.lamina, os.X_OK):
            return None
        help_run = subprocess.run([self.lamina, "bench", "--help"], capture_output=True, text=True)
        return None if help_run.returncode != 0 else help_run.stdout

    def common(self):
        a = self.args
        return ["--reps", str(a.reps), "--warmup", str(a.warmup), "--threads", str(a.threads)]

    def run(self, engine):
        if engine in self.skipped:
            return
        if engine in ("hand", "hand_fastmath"):
            exe = os.path.join(self.args.build, "bench", "bench_" + engine)
            out = subprocess.run([exe, "--data", self.data] + self.common(), capture_output=True, text=True,
                                 check=True).stdout
            self.collect(engine, json_lines(out))
        elif engine in ("numpy", "torch"):
            script = os.path.join(REPO, "bench", "baselines", "peers.py")
            out = subprocess.run(["/usr/bin/python3", script, "--data", self.data, "--engine", engine]
                                 + self.common(), capture_output=True, text=True, check=True).stdout
            self.collect(engine, json_lines(out))
        else:
            self.run_lamina()

    def run_lamina(self):
        """`lamina bench --expr SRC --input x=PATH --threads 2 --json OUT`; OUT holds {"seconds": [...]}
        (seconds per call for the per-call workload). --reps/--warmup are passed when listed.
        Then bench_model_mlp for the model workloads."""
        mlp = os.path.join(self.args.build, "bench", "bench_model_mlp")
        if os.access(mlp, os.X_OK):
            run = subprocess.run([mlp, "--data", self.data, "--calls", "200"] + self.common(), capture_output=True,
                                 text=True)
            if run.returncode != 0:
                print(f"bench_model_mlp failed: {run.stderr.strip()}", file=sys.stderr)
            self.collect("lamina", json_lines(run.stdout))
        if self.lamina_flags is None:
            return
        for name, source, inputs, _ in WORKLOADS:
            out_json = os.path.join(self.data, "lamina_" + name + ".json")
            cmd = [self.lamina, "bench", "--expr", source, "--threads", str(self.args.threads), "--json", out_json]
            for var, file in inputs.items():
                cmd += ["--input", f"{var}={os.path.join(self.data, file + '.npy')}"]
            for flag in ("--reps", "--warmup"):
                if flag in self.lamina_flags:
                    cmd += [flag, str(getattr(self.args, flag[2:]))]
            run = subprocess.run(cmd, capture_output=True, text=True)
            if run.returncode != 0:
                print(f"lamina bench failed on {name}: {run.stderr.strip()}", file=sys.stderr)
                continue
            with open(out_json) as f:
                self.samples["lamina"][name] += json.load(f)["seconds"]

    def collect(self, engine, records):
        for record in records:
            if "skipped" in record:
                self.skipped[engine] = record["skipped"]
            elif record["workload"] in self.samples[engine]:  # not filtered out with --workloads
                self.samples[engine][record["workload"]] += record["seconds"]


def check_outputs(args, data):
    """Compares each baseline's outputs with NumPy's; exits non-zero on a mismatch."""
    results = {}
    for engine in ("hand", "hand_fastmath", "numpy", "torch"):
        folder = os.path.join(data, "out_" + engine)
        os.makedirs(folder)
        if engine.startswith("hand"):
            cmd = [os.path.join(args.build, "bench", "bench_" + engine)]
        else:
            cmd = ["/usr/bin/python3", os.path.join(REPO, "bench", "baselines", "peers.py"), "--engine", engine]
        out = subprocess.run(cmd + ["--data", data, "--reps", "1", "--warmup", "0", "--calls", "1",
                                    "--save", folder], capture_output=True, text=True, check=True).stdout
        if '"skipped"' not in out:
            results[engine] = folder
    mlp = os.path.join(args.build, "bench", "bench_model_mlp")
    if os.access(mlp, os.X_OK):
        folder = os.path.join(data, "out_lamina")
        os.makedirs(folder)
        subprocess.run([mlp, "--data", data, "--reps", "1", "--warmup", "0", "--calls", "1", "--save", folder],
                       capture_output=True, text=True, check=True)
        results["lamina"] = folder
    ok = True
    for name in [w[0] for w in WORKLOADS] + [w[0] for w in MODEL_WORKLOADS]:
        expected = np.load(os.path.join(results["numpy"], name + ".npy"))
        for engine, folder in results.items():
            if not os.path.exists(os.path.join(folder, name + ".npy")):
                continue  # an engine without this workload (the hand loops have no models)
            got = np.load(os.path.join(folder, name + ".npy"))
            error = float(np.max(np.abs(got.astype(np.float64) - expected))) if got.shape == expected.shape else None
            good = error is not None and error <= 1e-5 * max(1.0, float(np.max(np.abs(expected))))
            ok &= good
            print(f"{'ok ' if good else 'BAD'} {name:24} {engine:14} max abs error {error}")
    return ok


def machine():
    fields = {}
    for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return (f"{fields.get('Model name', platform.processor())}, {fields.get('CPU(s)', os.cpu_count())} CPUs "
            f"({fields.get('Core(s) per socket', '?')} cores per socket, "
            f"{fields.get('Thread(s) per core', '?')} threads per core)")


def versions():
    parts = [subprocess.run(["g++", "--version"], capture_output=True, text=True).stdout.splitlines()[0],
             f"numpy {np.__version__}"]
    torch = subprocess.run(["/usr/bin/python3", "-c", "import torch; print(torch.__version__)"],
                           capture_output=True, text=True)
    if torch.returncode == 0:
        parts.append(f"torch {torch.stdout.strip()}")
    return ", ".join(parts)


def format_time(seconds):
    if seconds >= 1:
        return f"{seconds:.3g} s"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.3g} µs"
    return f"{seconds * 1e3:.3g} ms"


def compile_latency(args):
    """Median seconds of bench_compile_latency (the antirectifier, source to callable): cold in a warm
    process, and from the disk cache (LAMINA_JIT_CACHE, filled by a first run). None when not built."""
    exe = os.path.join(args.build, "bench", "bench_compile_latency")
    if not os.access(exe, os.X_OK):
        return None

    def run(env):
        out = subprocess.run([exe], capture_output=True, text=True, env=env, check=True).stdout
        return statistics.median(json_lines(out)[0]["compile_s"])

    cache = tempfile.mkdtemp(prefix="lamina_jit_cache_")
    try:
        cold = run({k: v for k, v in os.environ.items() if k != "LAMINA_JIT_CACHE"})
        env = dict(os.environ, LAMINA_JIT_CACHE=cache)
        run(env)  # fills the cache
        return cold, run(env)
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def write_report(args, runner, path):
    engines = [e for e in ENGINES if e not in runner.skipped]
    lines = [
        "# Performance",
        "",
        "Generated by `bench/run.py`; do not edit by hand. Reproduce with:",
        "",
        "```sh",
        "python3 bench/run.py --build build",
        "```",
        "",
        f"- Date: {datetime.date.today().isoformat()}",
        f"- Machine: {machine()}",
        f"- Software: {versions()}",
        f"- Load average (1 min) at start / end: {runner.load_at_start:.1f} / {os.getloadavg()[0]:.1f} "
        "(other work on the machine slows every engine; compare ratios, not times across runs)",
        f"- Method: float32, {args.threads} threads, {args.rounds} rounds × {args.reps} repetitions per "
        f"engine (after {args.warmup} warm-up repetitions each round), engines interleaved; each cell is "
        "the median of all repetitions. In parentheses: time ÷ the hand loop's time from this same run "
        "(below 1 is faster than the hand loop).",
        "",
        "| workload | " + " | ".join(ENGINE_TITLES[e] for e in engines) + " |",
        "|---|" + "---|" * len(engines),
    ]
    for name, _, _, title in WORKLOADS:
        hand = runner.samples["hand"][name]
        hand_median = statistics.median(hand) if hand else None
        cells = []
        for engine in engines:
            samples = runner.samples[engine][name]
            if not samples:
                cells.append("—")
                continue
            median = statistics.median(samples)
            ratio = f" ({median / hand_median:.3g}×)" if hand_median and engine != "hand" else ""
            cells.append(format_time(median) + ratio)
        lines.append(f"| {title} | " + " | ".join(cells) + " |")
    lines += ["", "Matrix products in GFLOP/s (2·m·n·k per call ÷ the median time; higher is faster):", "",
              "| workload | " + " | ".join(ENGINE_TITLES[e] for e in engines) + " |",
              "|---|" + "---|" * len(engines)]
    for name, _, _, title in WORKLOADS:
        if name not in FLOPS:
            continue
        cells = []
        for engine in engines:
            samples = runner.samples[engine][name]
            cells.append(f"{FLOPS[name] / statistics.median(samples) / 1e9:.1f}" if samples else "—")
        lines.append(f"| {title} | " + " | ".join(cells) + " |")
    model_engines = [e for e in ("numpy", "torch", "lamina") if e in engines]
    lines += [
        "",
        "Whole models, each cell the median seconds per call; in parentheses: time ÷ torch eager's time "
        "from this same run (the issue's target for the batch-1024 MLP is 0.25× or below):",
        "",
        "| model workload | " + " | ".join(ENGINE_TITLES[e] for e in model_engines) + " |",
        "|---|" + "---|" * len(model_engines),
    ]
    for name, title in MODEL_WORKLOADS:
        torch_samples = runner.samples["torch"][name]
        torch_median = statistics.median(torch_samples) if torch_samples else None
        cells = []
        for engine in model_engines:
            samples = runner.samples[engine][name]
            if not samples:
                cells.append("—")
                continue
            median = statistics.median(samples)
            ratio = f" ({median / torch_median:.3g}×)" if torch_median and engine != "torch" else ""
            cells.append(format_time(median) + ratio)
        lines.append(f"| {title} | " + " | ".join(cells) + " |")
    latency = compile_latency(args)
    if latency:
        lines += ["", "Compile latency, the antirectifier from source to a callable JIT kernel "
                  "(`bench/compile_latency.cpp`, median of 7 compiles, each of a new signature):", "",
                  "| cold, in a warm process | from the disk cache (`LAMINA_JIT_CACHE`) |", "|---|---|",
                  f"| {format_time(latency[0])} | {format_time(latency[1])} |"]
    lines += [
        "",
        "Engines:",
        "- **hand C++**: `bench/baselines/hand_loops.cpp`, one fused loop per workload writing into a "
        "preallocated output, OpenMP on the benchmark's threads (the per-call workload runs on one "
        "thread), g++ `-O3 -march=native`. The matrix products are the naive i-t-j loop (vectorised over "
        "the output row), with the bias and relu applied to each finished row.",
        "- **hand C++ +fast-math**: the same source with `-ffast-math`, which lets GCC vectorise "
        "reductions and call glibc's vector `expf`/`tanhf`.",
        "- **numpy**, **torch eager**: `bench/baselines/peers.py`, each workload written as a user "
        "would, allocating its result on every call; torch with `torch.set_num_threads`.",
        "- **Lamina JIT**: `lamina bench` on the same input files; for the models, "
        "`bench/model_mlp.cpp` (lamina::Model::predict, one fused IR function for the whole model).",
    ]
    if runner.skipped:
        lines += ["", "Not measured in this run:"]
        lines += [f"- {ENGINE_TITLES[e]}: {reason}" for e, reason in runner.skipped.items()]
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser(description="Run the Lamina benchmarks and write docs/performance.md.")
    parser.add_argument("--build", default="build", help="the CMake build folder (default: build)")
    parser.add_argument("--rounds", type=int, default=5, help="times each engine runs its whole suite")
    parser.add_argument("--reps", type=int, default=4, help="timed repetitions per workload per round")
    parser.add_argument("--warmup", type=int, default=2, help="untimed repetitions per workload per round")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated subset of " + ",".join(ENGINES))
    parser.add_argument("--output", default=os.path.join(REPO, "docs", "performance.md"))
    parser.add_argument("--no-build", action="store_true", help="use the binaries already in BUILD")
    parser.add_argument("--workloads", help="comma-separated subset of the workloads to report (the baselines "
                        "still run all of theirs); e.g. sgemm_1024,dense_relu_1024x512x1024 with --output elsewhere")
    parser.add_argument("--check", action="store_true", help="only compare the baselines' outputs with NumPy's")
    args = parser.parse_args()
    args.build = os.path.abspath(args.build)
    if args.workloads:
        global WORKLOADS, MODEL_WORKLOADS
        chosen = args.workloads.split(",")
        known = [name for name, *_ in WORKLOADS + MODEL_WORKLOADS]
        unknown = [w for w in chosen if w not in known]
        if unknown:
            parser.error(f"unknown workload(s) {', '.join(unknown)}; the workloads are " + ", ".join(known))
        WORKLOADS = [w for w in WORKLOADS if w[0] in chosen]
        MODEL_WORKLOADS = [w for w in MODEL_WORKLOADS if w[0] in chosen]

    if not args.no_build:
        build(args.build)
    data = tempfile.mkdtemp(prefix="lamina_bench_")
    try:
        make_inputs(data)
        if args.check:
            return 0 if check_outputs(args, data) else 1
        runner = Runner(args, data)
        chosen = [e for e in ENGINES if e in args.engines.split(",")]
        for e in ENGINES:
            if e not in chosen:
                runner.skipped.setdefault(e, "not selected with --engines")
        for round_index in range(args.rounds):
            order = chosen[round_index % len(chosen):] + chosen[:round_index % len(chosen)]
            for engine in order:
                print(f"round {round_index + 1}/{args.rounds}: {engine}", file=sys.stderr, flush=True)
                runner.run(engine)
        write_report(args, runner, args.output)
        print(f"wrote {args.output}", file=sys.stderr)
    finally:
        shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
