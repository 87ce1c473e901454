#!/usr/bin/env python3
"""Fits the polynomial coefficients in jit/math_coefficients.h.

Run with a Python that has numpy and mpmath (Debian: /usr/bin/python3):
    /usr/bin/python3 jit/math_fit_coefficients.py
It prints one C++ array per polynomial with its fit error.

Method: near-minimax fits by Lawson's algorithm (iteratively reweighted least squares) on a
Chebyshev grid, against 50-digit mpmath values of the function being approximated, with the
weight turning the absolute residual into the relative error of the final result. Float sets
are then rounded to float one coefficient at a time (lowest degree first), refitting the
remaining ones after each rounding, so the rounding is partly compensated.
"""
import mpmath as mp
import numpy as np

mp.mp.dps = 50


def fit(g, w, a, b, degree, f32=True, n=2000, iters=60):
    """Coefficients c[0..degree] minimizing max |w(t) (g(t) - sum c_i t^i)| over [a, b]."""
    t = (a + b) / 2 + (b - a) / 2 * np.cos(np.pi * (np.arange(n) + 0.5) / n)
    G = np.array([float(g(mp.mpf(float(x)))) for x in t])
    W = np.array([float(w(mp.mpf(float(x)))) for x in t])
    A = np.stack([t**p for p in range(degree + 1)], axis=1)

    def solve(G2, A2):
        u = np.ones(n) / n
        for _ in range(iters):
            sw = np.sqrt(u) * W
            c, *_ = np.linalg.lstsq(A2 * sw[:, None], G2 * sw, rcond=None)
            e = np.abs(W * (G2 - A2 @ c))
            u = u * e
            u /= u.sum()
        return c, e.max()

    c, err0 = solve(G, A)
    if not f32:
        return c, err0, err0
    fixed = np.zeros(degree + 1)
    for i in range(degree + 1):
        fixed[i] = np.float32(c[0])
        if i < degree:
            c, _ = solve(G - A[:, : i + 1] @ fixed[: i + 1], A[:, i + 1 :])
    return fixed, err0, np.abs(W * (G - A @ fixed)).max()


def emit(name, note, g, w, a, b, degree, f32=True):
    c, e0, e = fit(g, w, a, b, degree, f32)
    print(f"// {name}: {note}; fit err 2^{np.log2(e0):.1f}, rounded 2^{np.log2(e):.1f}")
    print(f"constexpr double k{name}[] = {{" + ", ".join(repr(float(x)) for x in c) + "};")


def main():
    sq = mp.sqrt
    em = lambda r: (mp.expm1(r) - r) / r**2
    h = float(mp.log(2) / 2) + 1e-4  # |r| <= ln2/2 plus the reduction's slack
    emit("ExpF", "exp(r) = 1 + r + r^2 P(r)", em, lambda r: r**2 / mp.exp(r), -h, h, 4)
    emit("Expm1F", "expm1(r) = r + r^2 P(r)", em, lambda r: abs(r**2 / mp.expm1(r)), -h, h, 5)
    emit("LogF", "log1p(f) = f - f^2/2 + f^3 P(f)",
         lambda f: (mp.log1p(f) - f + f * f / 2) / f**3, lambda f: abs(f**3 / mp.log1p(f)),
         float(sq(0.5)) - 1 - 1e-6, float(sq(2)) - 1 + 1e-6, 8)
    emit("SinhF", "sinh(x) = x + x^3 P(x^2), |x| <= 1",
         lambda v: (mp.sinh(sq(v)) - sq(v)) / sq(v)**3, lambda v: v / (mp.sinh(sq(v)) / sq(v)), 0, 1.0, 3)
    emit("TanhF", "tanh(x) = x + x^3 P(x^2), |x| <= 0.625",
         lambda v: (mp.tanh(sq(v)) - sq(v)) / sq(v)**3, lambda v: v / (mp.tanh(sq(v)) / sq(v)),
         0, 0.625**2, 5)
    c0 = 2 / mp.sqrt(mp.pi)
    emit("ErfF", "erf(x) = x (2/sqrt(pi) + x^2 P(x^2)), |x| <= 0.9",
         lambda v: (mp.erf(sq(v)) / sq(v) - c0) / v, lambda v: v / (mp.erf(sq(v)) / sq(v)), 0, 0.81, 5)
    zl, zh, shift = 0.47, 10.6, -1.0
    z = lambda t: 2 / t - 2
    emit("ErfcF", "erfc(z) = t exp(-z^2 - 1 + P(t)), t = 2/(2+z), z in [0.47, 10.6]",
         lambda t: mp.log(mp.erfc(z(t)) / t) + z(t)**2 - shift, lambda t: 1, 2 / (2 + zh), 2 / (2 + zl), 10)
    emit("ExpD", "exp(r) = 1 + r + r^2 P(r), double", em, lambda r: r**2 / mp.exp(r), -h, h, 8, f32=False)
    emit("LogD", "log1p(f) = 2s + s^3 P(s^2), s = f/(2+f)",
         lambda v: (2 * mp.atanh(sq(v)) - 2 * sq(v)) / sq(v)**3, lambda v: v / (2 * mp.atanh(sq(v)) / sq(v)),
         0, 0.1716**2, 6, f32=False)
    emit("AtanD", "atan(x) = x + x^3 P(x^2), |x| <= tan(pi/8)",
         lambda v: (mp.atan(sq(v)) - sq(v)) / sq(v)**3, lambda v: v / (mp.atan(sq(v)) / sq(v)),
         0, 0.41422**2, 11, f32=False)
    q = float((mp.pi / 4)**2 * 1.0001)
    emit("SinD", "sin(r) = r + r^3 P(r^2), |r| <= pi/4",
         lambda v: (mp.sin(sq(v)) - sq(v)) / sq(v)**3, lambda v: v / (mp.sin(sq(v)) / sq(v)), 0, q, 5, f32=False)
    emit("CosD", "cos(r) = 1 - r^2/2 + r^4 P(r^2), |r| <= pi/4",
         lambda v: (mp.cos(sq(v)) - 1 + v / 2) / v**2, lambda v: v**2 / mp.cos(sq(v)), 0, q, 5, f32=False)


if __name__ == "__main__":
    main()
