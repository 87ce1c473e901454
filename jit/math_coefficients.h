#pragma once
// Polynomial coefficients of the vector math, fitted for this project by
// jit/math_fit_coefficients.py (near-minimax: iteratively reweighted least squares on a dense
// Chebyshev grid against 50-digit mpmath values; float sets are rounded to float one
// coefficient at a time, refitting the rest). "err" is the max weighted fit error.

namespace lamina::jit::detail {

// exp(r) = 1 + r + r^2 P(r), |r| <= ln2/2; relative err 2^-28.3 (float)
constexpr double kExpF[] = {0.4999999403953552, 0.1666652113199234, 0.04166826605796814,
                            0.008368673734366894, 0.0013820717576891184};
// expm1(r) = r + r^2 P(r), |r| <= ln2/2; relative err 2^-31.1 (float)
constexpr double kExpm1F[] = {0.5, 0.1666666567325592, 0.04166649281978607,
                              0.008333544246852398, 0.0013932326110079885,
                              0.00019763327145483345};
// log1p(f) = f - f^2/2 + f^3 P(f), f in [sqrt(1/2)-1, sqrt(2)-1]; relative err 2^-30.3 (float)
constexpr double kLogF[] = {0.3333331346511841,   -0.25000008940696716, 0.20002073049545288,
                            -0.1666799634695053,  0.14220327138900757,  -0.12406031787395477,
                            0.1188356876373291,   -0.11671450734138489, 0.06750955432653427};
// sinh(x) = x + x^3 P(x^2), |x| <= 1; relative err 2^-31.6 (float)
constexpr double kSinhF[] = {0.1666666716337204, 0.00833331048488617, 0.00019842895562760532,
                             2.7822131869470468e-06};
// tanh(x) = x + x^3 P(x^2), |x| <= 0.625; relative err 2^-32.4 (float)
constexpr double kTanhF[] = {-0.3333333134651184, 0.13333220779895782, -0.05394818261265755,
                             0.02170693688094616, -0.008190169930458069,
                             0.0021528673823922873};
// erf(x) = x (2/sqrt(pi) + x^2 P(x^2)), |x| <= 0.9; relative err 2^-30.9 (float);
// 2/sqrt(pi) is kept as a float pair.
constexpr double kTwoOverSqrtPiHi = 1.128379225730896;
constexpr double kTwoOverSqrtPiLo = -5.8635382771399236e-08;
constexpr double kErfF[] = {-0.37612634897232056, 0.11283703148365021, -0.026859577745199203,
                            0.005201137159019709, -0.0008141418220475316,
                            8.357373008038849e-05};
// erfc(z) = t exp(-z^2 + kErfcShift + P(t)), t = 2/(2+z), z in [0.47, 10.6]; absolute err of
// the exponent 2^-29.5 (float coefficients, evaluated in double).
constexpr double kErfcShift = -1.0;
constexpr double kErfcF[] = {-0.26553210616111755, 1.0005980730056763,  0.36722689867019653,
                             0.14097680151462555,  -0.35490497946739197, 0.6740577220916748,
                             -1.6999609470367432,  1.947624921798706,   -0.9850713610649109,
                             0.15411077439785004,  0.020915087312459946};
// --- double cores (used for float results computed in double) ---
// exp(r) = 1 + r + r^2 P(r), |r| <= ln2/2; relative err 2^-50.6
constexpr double kExpD[] = {0.4999999999999874,     0.16666666666612076,   0.04166666666783188,
                            0.008333333370672387,   0.0013888888605961148, 0.00019841185443641757,
                            2.4801832163544313e-05, 2.7634928765457568e-06, 2.751397147374667e-07};
// log1p(f) = 2s + s^3 P(s^2), s = f/(2+f), |s| <= 0.1716; relative err 2^-52.2
constexpr double kLogD[] = {0.6666666666659626,  0.4000000004630103, 0.2857141843215051,
                            0.22223240969192826, 0.1813028096437365, 0.1665387225388353,
                            0.01622905961580448};
// atan(x) = x + x^3 P(x^2), |x| <= tan(pi/8); relative err 2^-48.3
constexpr double kAtanD[] = {-0.3333333333314381,  0.19999999955863143,    -0.1428571074576736,
                             0.11110971795030868,  -0.09087804179070652,   0.07650451325199005,
                             -0.06318107100118377, 0.04122126002090442,    -0.0025128493405469025,
                             -0.019440184290482332, -0.012939325177836308, -0.00556594267631567};
// sin(r) = r + r^3 P(r^2), |r| <= pi/4; relative err 2^-49.8
constexpr double kSinD[] = {-0.16666666666663624,  0.008333333332678494, -0.00019841269405224127,
                            2.755719390831312e-06, -2.5035445720428956e-08, 1.516465557727803e-10};
// cos(r) = 1 - r^2/2 + r^4 P(r^2), |r| <= pi/4; relative err 2^-51.9
constexpr double kCosD[] = {0.04166666666657623,   -0.0013888888874643616, 2.480157917565944e-05,
                            -2.75551626422539e-07, 2.0606112039671214e-09, 1.5502053308559527e-12};

}  // namespace lamina::jit::detail
