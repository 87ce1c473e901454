#!/usr/bin/python3
"""The library peers of the benchmark suite: each workload written the way a user of NumPy or
torch (eager) would write it, one expression per workload, allocating its result as such code
does. Each engine runs only if it imports; torch uses torch.set_num_threads(threads).

The model workloads (mlp_b1024, mlp_b1_per_call) run the MLP of bench/model_mlp.cpp with the weights
in DIR: Dense(512->1024, relu) -> antirectifier -> Dense(2048->10) -> softmax, inference only.

Usage: peers.py --data DIR --engine numpy|torch [--reps 10] [--warmup 2] [--threads 2]
                [--calls 10000] [--save DIR]
Reads the inputs bench/run.py writes (see bench/baselines/hand_loops.cpp) and prints one JSON
line per workload: {"workload": ..., "engine": ..., "seconds": [...]}; for
"square_32x16_per_call" each entry is seconds per call, averaged over --calls calls. Prints
{"engine": ..., "skipped": reason} instead when the engine is not installed.
"""
import argparse
import json
import os
import sys
import time

import numpy as np


def numpy_workloads(data):
    x, a, b, rows, small = data["big_x"], data["big_a"], data["big_b"], data["rows_x"], data["small_x"]

    def antirectifier():
        y = rows - rows.mean(axis=1, keepdims=True)
        y = y / np.sqrt(np.maximum((y * y).sum(axis=1, keepdims=True), np.float32(1e-12)))
        return np.concatenate([np.maximum(y, 0), np.maximum(-y, 0)], axis=1)

    def softmax():
        e = np.exp(rows - rows.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)

    def mlp(batch):
        h = np.maximum(batch @ data["mlp_w1"] + data["mlp_b1"], 0)
        h = h - h.mean(axis=1, keepdims=True)
        h = h / np.sqrt(np.maximum((h * h).sum(axis=1, keepdims=True), np.float32(1e-12)))
        h = np.concatenate([np.maximum(h, 0), np.maximum(-h, 0)], axis=1)
        z = h @ data["mlp_w2"] + data["mlp_b2"]
        e = np.exp(z - z.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)

    row = data["mlp_x"][:1].copy()
    return {
        "square_2e24": lambda: x ** 2,
        "sigmoid_tanh_2e24": lambda: 1 / (1 + np.exp(-a)) * np.tanh(b) + np.float32(0.5) * a,
        "antirectifier_8192x512": antirectifier,
        "softmax_8192x512": softmax,
        "square_32x16_per_call": lambda: small ** 2,
        "sgemm_1024": lambda: data["mat_a"] @ data["mat_b"],
        "dense_relu_1024x512x1024": lambda: np.maximum(data["dense_x"] @ data["dense_w"] + data["dense_b"], 0),
        "mlp_b1024": lambda: mlp(data["mlp_x"]),
        "mlp_b1_per_call": lambda: mlp(row),
    }


def torch_workloads(data, threads):
    import torch

    torch.set_num_threads(threads)
    t = {name: torch.from_numpy(array) for name, array in data.items()}
    x, a, b, rows, small = t["big_x"], t["big_a"], t["big_b"], t["rows_x"], t["small_x"]

    def antirectifier():
        y = rows - rows.mean(dim=1, keepdim=True)
        y = y * torch.rsqrt(torch.clamp((y * y).sum(dim=1, keepdim=True), min=1e-12))
        return torch.cat([torch.relu(y), torch.relu(-y)], dim=1)

    # The MLP as a torch user writes it: nn.Linear layers (weights copied in) and functional ops.
    hidden, head = torch.nn.Linear(512, 1024), torch.nn.Linear(2048, 10)
    with torch.no_grad():
        hidden.weight.copy_(t["mlp_w1"].T)
        hidden.bias.copy_(t["mlp_b1"])
        head.weight.copy_(t["mlp_w2"].T)
        head.bias.copy_(t["mlp_b2"])

    def mlp(batch):
        with torch.no_grad():
            h = torch.relu(hidden(batch))
            h = h - h.mean(dim=1, keepdim=True)
            h = h * torch.rsqrt(torch.clamp((h * h).sum(dim=1, keepdim=True), min=1e-12))
            h = torch.cat([torch.relu(h), torch.relu(-h)], dim=1)
            return torch.softmax(head(h), dim=-1)

    row = t["mlp_x"][:1].clone()
    return {
        "square_2e24": lambda: x ** 2,
        "sigmoid_tanh_2e24": lambda: torch.sigmoid(a) * torch.tanh(b) + 0.5 * a,
        "antirectifier_8192x512": antirectifier,
        "softmax_8192x512": lambda: torch.softmax(rows, dim=-1),
        "square_32x16_per_call": lambda: small ** 2,
        "sgemm_1024": lambda: t["mat_a"] @ t["mat_b"],
        "dense_relu_1024x512x1024": lambda: torch.relu(t["dense_x"] @ t["dense_w"] + t["dense_b"]),
        "mlp_b1024": lambda: mlp(t["mlp_x"]),
        "mlp_b1_per_call": lambda: mlp(row),
    }


def measure(fn, reps, warmup, calls=1):
    """Seconds per repetition (per call when calls > 1) after `warmup` untimed repetitions."""
    for _ in range(warmup):
        for _ in range(calls):
            fn()
    seconds = []
    for _ in range(reps):
        start = time.perf_counter()
        for _ in range(calls):
            fn()
        seconds.append((time.perf_counter() - start) / calls)
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("--engine", choices=["numpy", "torch"], required=True)
    parser.add_argument("--reps", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--calls", type=int, default=10000)
    parser.add_argument("--save", help="write each workload's output as SAVE/<workload>.npy")
    args = parser.parse_args()

    names = ["big_x", "big_a", "big_b", "rows_x", "small_x", "mat_a", "mat_b", "dense_x", "dense_w", "dense_b", "mlp_x", "mlp_w1", "mlp_b1", "mlp_w2", "mlp_b2"]
    data = {name: np.load(os.path.join(args.data, name + ".npy")) for name in names}
    if args.engine == "numpy":
        workloads = numpy_workloads(data)
    else:
        try:
            workloads = torch_workloads(data, args.threads)
        except ImportError as e:
            print(json.dumps({"engine": "torch", "skipped": f"cannot import torch ({e})"}))
            return

    for name, fn in workloads.items():
        calls = args.calls if name.endswith("_per_call") else 1
        seconds = measure(fn, args.reps, args.warmup, calls)
        print(json.dumps({"workload": name, "engine": args.engine, "seconds": seconds}), flush=True)
        if args.save:
            np.save(os.path.join(args.save, name + ".npy"), np.asarray(fn()))


if __name__ == "__main__":
    sys.exit(main())
