#!/usr/bin/python3
"""Reference timing for our k-means: scikit-learn KMeans on the same matrix.

Usage: /usr/bin/python3 scripts/bench-cluster.py MATRIX.f32 N D K MAX_ITER SEED [TRIALS]
MATRIX.f32 is raw little-endian float32, row-major N×D (written by bench-embed-cluster.ts).
TRIALS: "greedy" (sklearn's default, 2+ln k candidates per centre) or a number; "1" is classic
k-means++ like ours, which separates the effect of seeding from that of the iterations.
Prints one JSON line: {"seconds", "inertia", "iterations", "threads"}.
Needs Debian's python3-sklearn and python3-numpy.
"""
import json
import os
import sys
import time

import numpy as np
from sklearn.cluster import KMeans, kmeans_plusplus


def main():
    if len(sys.argv) not in (7, 8):
        sys.exit("usage: bench-cluster.py MATRIX.f32 N D K MAX_ITER SEED [TRIALS]")
    path, n, d, k, max_iter, seed = sys.argv[1], *map(int, sys.argv[2:7])
    trials = sys.argv[7] if len(sys.argv) == 8 else "greedy"
    x = np.fromfile(path, dtype="<f4").reshape(n, d)
    init = "k-means++"
    if trials != "greedy":
        def init(data, n_clusters, random_state):
            return kmeans_plusplus(data, n_clusters, random_state=random_state, n_local_trials=int(trials))[0]
    # Same settings as ours: k-means++ seeding, one initialisation, tol 1e-4, at most max_iter.
    model = KMeans(n_clusters=k, init=init, n_init=1, max_iter=max_iter, tol=1e-4,
                   random_state=seed, algorithm="lloyd")
    start = time.perf_counter()
    model.fit(x)
    seconds = time.perf_counter() - start
    print(json.dumps({
        "seconds": seconds,
        "inertia": float(model.inertia_),
        "iterations": int(model.n_iter_),
        "threads": os.cpu_count(),
    }))


if __name__ == "__main__":
    main()
