#!/usr/bin/env python3
"""One training step of the issue-4 MLP at batch 256: Lamina (bench_train_step_mlp)
against torch eager, in the same run, same threads, same model, loss and optimizer
(Dense 512→1024 relu, antirectifier, Dense 2048→10 softmax; Keras' clipped
categorical crossentropy; Adam with Keras' defaults).

Usage: /usr/bin/python3 bench/train_step.py [build dir, default build] [--threads 2] [--reps 20]
Prints each engine's median seconds per step and the ratio Lamina / torch.
"""
import argparse
import json
import statistics
import subprocess
import time

import numpy as np


def torch_step_seconds(threads, reps, warmup):
    import torch
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    w1 = torch.nn.Linear(512, 1024)
    w2 = torch.nn.Linear(2048, 10)
    params = list(w1.parameters()) + list(w2.parameters())
    opt = torch.optim.Adam(params, lr=1e-3, eps=1e-7)
    i = np.arange(256 * 512, dtype=np.float64)
    x = torch.from_numpy(np.sin(0.37 * i).astype(np.float32).reshape(256, 512))
    y = torch.zeros(256, 10)
    y[torch.arange(256), torch.arange(256) % 10] = 1

    def step():
        h = torch.relu(w1(x))
        h = h - h.mean(dim=1, keepdim=True)
        h = h / torch.sqrt(torch.clamp((h * h).sum(dim=1, keepdim=True), min=1e-12))
        h = torch.cat([torch.relu(h), torch.relu(-h)], dim=1)
        p = torch.softmax(w2(h), dim=1)
        p = torch.clamp(p / p.sum(dim=1, keepdim=True), 1e-7, 1 - 1e-7)
        loss = -(y * torch.log(p)).sum(dim=1).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()

    for _ in range(warmup):
        step()
    out = []
    for _ in range(reps):
        t0 = time.perf_counter()
        step()
        out.append(time.perf_counter() - t0)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build", nargs="?", default="build")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--reps", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=3)
    a = ap.parse_args()
    run = subprocess.run([f"{a.build}/bench/bench_train_step_mlp", "--reps", str(a.reps), "--warmup",
                          str(a.warmup), "--threads", str(a.threads)], capture_output=True, text=True, check=True)
    lamina = statistics.median(json.loads(run.stdout.strip().splitlines()[-1])["seconds"])
    torch = statistics.median(torch_step_seconds(a.threads, a.reps, a.warmup))
    print(f"mlp training step, batch 256, {a.threads} threads (median of {a.reps}):")
    print(f"  torch eager  {torch * 1e3:8.2f} ms")
    print(f"  Lamina JIT   {lamina * 1e3:8.2f} ms  ({lamina / torch:.2f}x torch)")


if __name__ == "__main__":
    main()
