"""ESAT-style LS-NMF in numpy (double precision), timed side by side with `bench pmf`.

Same update rules and convergence test as ESAT's numpy `ls_nmf` (weights 1/U^2, H then W, stop when Q fell by less
than 0.01 over 50 iterations), same float32-rounded Baton Rouge inputs. Usage:
    python3 docs/pmf/lsnmf_numpy_bench.py sample-data/examples/pmf [models] [p]
    OPENBLAS_NUM_THREADS=1 python3 docs/pmf/lsnmf_numpy_bench.py --fixed sample-data/examples/pmf
"""
import sys
import time

import numpy as np


def load(path):
    a = np.genfromtxt(path, delimiter=",", skip_header=1)[:, 1:]
    return a.astype(np.float32).astype(np.float64)


def ls_nmf(V, U, W, H, delta=0.01, n=50, max_iter=20000):
    We = 1.0 / U ** 2
    WeV = We * V
    q = []
    for i in range(max_iter):
        H = H * (W.T @ WeV) / (W.T @ (We * (W @ H)))
        W = W * (WeV @ H.T) / ((We * (W @ H)) @ H.T)
        q.append(np.sum(((V - W @ H) / U) ** 2))
        if len(q) >= n and q[-n] - q[-1] < delta:
            break
    return W, H, q[-1], len(q)


def fixed(folder, iterations=2000, repeats=5, p=6):
    """Fixed-length runs (no early stop): thread CPU time and wall time per iteration, like `bench pmf`."""
    V = load(folder + "/Dataset-BatonRouge-con.csv")
    U = load(folder + "/Dataset-BatonRouge-unc.csv")
    rng = np.random.default_rng(42)
    H0 = np.abs(np.sqrt(np.mean(V, axis=0) / p) * rng.standard_normal((p, V.shape[1]))) + 1e-12
    W0 = np.abs(np.sqrt(np.mean(V) / p) * rng.standard_normal((V.shape[0], p))) + 1e-12
    ls_nmf(V, U, W0, H0, delta=-np.inf, max_iter=500)
    cpu, wall = [], []
    for _ in range(repeats):
        c0, t0 = time.thread_time(), time.perf_counter()
        ls_nmf(V, U, W0, H0, delta=-np.inf, max_iter=iterations)
        cpu.append(1000 * (time.thread_time() - c0) / iterations)
        wall.append(1000 * (time.perf_counter() - t0) / iterations)
    print(f"numpy ESAT-style ms/iteration, p={p}, {repeats} runs of {iterations}: CPU min {min(cpu):.4f} median "
          f"{np.median(cpu):.4f}; wall min {min(wall):.4f} median {np.median(wall):.4f} (numpy {np.__version__})")


def main():
    if sys.argv[1] == "--fixed":
        fixed(sys.argv[2])
        return
    folder = sys.argv[1]
    models = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    p = int(sys.argv[3]) if len(sys.argv) > 3 else 6
    V = load(folder + "/Dataset-BatonRouge-con.csv")
    U = load(folder + "/Dataset-BatonRouge-unc.csv")
    rng = np.random.default_rng(42)
    per_iter = []
    for k in range(models):
        v_avg = np.sqrt(np.mean(V, axis=0) / p)
        H = np.abs(v_avg * rng.standard_normal((p, V.shape[1]))) + 1e-12
        W = np.abs(np.sqrt(np.mean(V) / p) * rng.standard_normal((V.shape[0], p))) + 1e-12
        t0 = time.perf_counter()
        _, _, q, it = ls_nmf(V, U, W, H)
        dt = time.perf_counter() - t0
        per_iter.append(1000 * dt / it)
        print(f"numpy ls-nmf p={p} model {k + 1}: {it} iterations, {dt:.3f} s, {1000 * dt / it:.4f} ms/iteration, Q {q:.2f}")
    print(f"numpy median ms/iteration: {np.median(per_iter):.4f} (numpy {np.__version__})")


if __name__ == "__main__":
    main()
