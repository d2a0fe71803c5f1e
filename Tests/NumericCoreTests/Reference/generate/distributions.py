"""Reference values for NumericCore's distributions: scipy.stats, checked by mpmath.

Writes ../distributions.csv (relative to this script) with columns
  distribution,df1,df2,function,argument,reference,scipy
where function is cdf, sf, ppf or isf (scipy's names), `scipy` is the value of
scipy.stats and `reference` is the same quantity evaluated by mpmath at 50
significant digits (regularised incomplete beta/gamma, erfc; quantiles by a
bracketed root search on the logarithm of the tail at that precision), both
printed with 17 significant digits. Where the two disagree by more than 1e-12
relative, scipy is the one in error (see PROVENANCE.md for the list), so the
Swift tests compare with `reference` everywhere and with `scipy` where they agree.
Values that are zero or below 1e-290 in magnitude (underflow region), or not
finite, are left out since they carry no relative precision to test.

Run:  python3 distributions.py
"""
import math
import pathlib

import mpmath as mp
import numpy as np
import scipy
from scipy import stats

mp.mp.dps = 50
OUT = pathlib.Path(__file__).resolve().parent.parent / "distributions.csv"

PROBS = [1e-300, 1e-200, 1e-100, 1e-50, 1e-20, 1e-10, 1e-5, 1e-3, 0.025, 0.1, 0.3,
         0.5, 0.7, 0.9, 0.975, 0.999, 1 - 1e-5, 1 - 1e-10]
SMALLEST = 1e-290


# ---- mpmath tails: (cdf, sf) at x, and whether the support is symmetric ------
def normal_tails(x):
    x = mp.mpf(x)
    return mp.erfc(-x / mp.sqrt(2)) / 2, mp.erfc(x / mp.sqrt(2)) / 2


def ibeta(a, b, z, y):
    """(I_z(a, b), 1 - I_z(a, b)) with y = 1 - z given exactly; the smaller side
    is evaluated directly (mpmath's hypergeometric series converges there)."""
    if z * (a + b) <= a:
        lower = mp.betainc(a, b, 0, z, regularized=True)
        return lower, 1 - lower
    upper = mp.betainc(b, a, 0, y, regularized=True)
    return 1 - upper, upper


def t_tails(nu):
    nu = mp.mpf(nu)
    def tails(x):
        x = mp.mpf(x)
        if x == 0:
            return mp.mpf(1) / 2, mp.mpf(1) / 2
        outer = ibeta(nu / 2, mp.mpf(1) / 2, nu / (nu + x * x), x * x / (nu + x * x))[0] / 2
        return (outer, 1 - outer) if x < 0 else (1 - outer, outer)
    return tails


def f_tails(d1, d2):
    d1, d2 = mp.mpf(d1), mp.mpf(d2)
    def tails(x):
        x = mp.mpf(x)
        return ibeta(d1 / 2, d2 / 2, d1 * x / (d1 * x + d2), d2 / (d1 * x + d2))
    return tails


def chi2_tails(k):
    k = mp.mpf(k)
    def tails(x):
        x = mp.mpf(x)
        return (mp.gammainc(k / 2, 0, x / 2, regularized=True),
                mp.gammainc(k / 2, x / 2, mp.inf, regularized=True))
    return tails


def solve_positive(tail_index, tails, target, guess):
    """x > 0 with tails(x)[tail_index] = target, by Illinois on u = ln x."""
    goal = mp.log(target)
    g = lambda u: mp.log(tails(mp.exp(u))[tail_index]) - goal
    centre = mp.log(mp.mpf(guess))
    width = mp.mpf(1) / 4
    while True:
        a, b = centre - width, centre + width
        ga, gb = g(a), g(b)
        if ga * gb <= 0:
            break
        width *= 2
        if width > 1100:
            raise RuntimeError("no bracket")
    u = mp.findroot(g, (a, b), solver="illinois", tol=mp.mpf(10) ** -40, maxsteps=500)
    return mp.exp(u)


SKIPPED = []


def quantiles(tails, symmetric, p, scipy_ppf, scipy_isf):
    """(ppf, isf) at probability p with mpmath; nan where mpmath's incomplete
    beta fails to converge (those rows are skipped and listed)."""
    p = mp.mpf(p)
    out = []
    for function, target, guess in (("ppf", p, scipy_ppf), ("isf", p, scipy_isf)):
        try:
            out.append(_quantile(tails, symmetric, function, target, guess))
        except (ValueError, RuntimeError):
            SKIPPED.append((function, p))
            out.append(mp.nan)
    return out


def _quantile(tails, symmetric, function, target, guess):
    guess = abs(guess) if math.isfinite(guess) and guess != 0 else 1.0
    if not symmetric:
        index = 0 if function == "ppf" else 1
        return solve_positive(index, tails, target, max(guess, 1e-300))
    if target == mp.mpf(1) / 2:
        return mp.mpf(0)
    # ppf(p) = -x with sf(x) = p for p < 1/2; x with sf(x) = 1 - p otherwise (isf mirrored).
    small = target if target < 0.5 else 1 - target
    x = solve_positive(1, tails, small, guess)
    lower_side = (target < 0.5) == (function == "ppf")
    return -x if lower_side else x


CASES = []  # (name, df1, df2, scipy frozen, mpmath tails, symmetric, xs)
CASES.append(("normal", "", "", stats.norm(), normal_tails, True,
              [-38, -30, -20, -10, -5, -2, -1, -0.5, -1e-3, 0, 1e-3, 0.5, 1, 2, 5, 10, 20, 30, 38]))
T_X = [-1e200, -1e10, -1e3, -50, -10, -3, -1, -0.1, -1e-4, 0, 1e-4, 0.1, 1, 3, 10, 50, 1e3, 1e10, 1e200]
for df in [1, 2, 2.5, 3, 5, 10, 30, 100, 1e3, 1e4, 1e5, 1e6]:
    xs = list(T_X) + ([-30, -20, 20, 30] if df >= 100 else [])
    CASES.append(("studentT", repr(float(df)), "", stats.t(df), t_tails(df), True, xs))
F_X = [1e-8, 1e-3, 0.1, 0.5, 0.9, 1, 1.1, 2, 5, 20, 100, 1e4, 1e8]
for d1, d2 in [(1, 1), (1, 10), (2, 5), (5, 2), (0.5, 3), (10, 100), (50, 50), (3, 1e4),
               (1e4, 5), (1e3, 1e3), (1e4, 100)]:
    CASES.append(("fisherF", repr(float(d1)), repr(float(d2)), stats.f(d1, d2), f_tails(d1, d2), False, F_X))
for df in [0.5, 1, 2, 3, 10, 50, 100, 1e3, 1e4]:
    xs = sorted(set([1e-10, 1e-3, 0.1, 1, 5, 20, 100, 500, 1500]
                    + [df * m for m in [0.1, 0.5, 0.9, 1, 1.1, 1.5, 2, 3]]))
    CASES.append(("chiSquared", repr(float(df)), "", stats.chi2(df), chi2_tails(df), False, xs))


def representable(v):
    return v == 0 or abs(v) >= SMALLEST


def main():
    rows, disagreements = [], []
    for name, df1, df2, dist, tails, symmetric, xs in CASES:
        print(f"case {name}({df1}, {df2})", flush=True)
        for x in xs:
            cdf, sf = tails(x)
            for function, ref, sp in (("cdf", cdf, dist.cdf(x)), ("sf", sf, dist.sf(x))):
                ref = float(ref)
                if ref != 0 and representable(ref):
                    rows.append((name, df1, df2, function, repr(float(x)), f"{ref:.17g}", f"{float(sp):.17g}"))
        for p in PROBS:
            sp_ppf, sp_isf = float(dist.ppf(p)), float(dist.isf(p))
            ppf, isf = quantiles(tails, symmetric, p, sp_ppf, sp_isf)
            for function, value in (("ppf", ppf), ("isf", isf)):
                if mp.isnan(value):
                    print(f"skipped: {name}({df1}, {df2}) {function}({p}): mpmath did not converge or no bracket"
                          " (the quantile underflows or overflows)")
            for function, ref, sp in (("ppf", ppf, sp_ppf), ("isf", isf, sp_isf)):
                ref = float(ref)
                if math.isfinite(ref) and representable(ref) and (ref != 0 or p == 0.5):
                    rows.append((name, df1, df2, function, repr(float(p)), f"{ref:.17g}", f"{sp:.17g}"))
    for row in rows:
        ref, sp = float(row[5]), float(row[6])
        if not (math.isfinite(sp) and abs(sp - ref) <= 1e-12 * abs(ref)):
            disagreements.append(row)
    with OUT.open("w") as f:
        f.write(f"# mpmath {mp.__version__} (50 digits) as reference; scipy {scipy.__version__}, "
                f"numpy {np.__version__}; generated by generate/distributions.py\n")
        f.write("distribution,df1,df2,function,argument,reference,scipy\n")
        for row in rows:
            f.write(",".join(row) + "\n")
    print(f"mpmath {mp.__version__}, scipy {scipy.__version__}, numpy {np.__version__}: "
          f"{len(rows)} rows -> {OUT.name}; scipy differs from mpmath by > 1e-12 in {len(disagreements)}:")
    for row in disagreements:
        print("  " + ",".join(row))


if __name__ == "__main__":
    main()
