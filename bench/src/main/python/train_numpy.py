#!/usr/bin/env python3
"""The reference for ./tinyml bench train: the same two models, trained the same way in numpy.

MLP 784-128-10 and CNN conv 8@3x3 VALID, ReLU, maxpool 2, dense 10; Fashion-MNIST, batch 64,
plain SGD, float32, one thread (OpenBLAS/MKL threads pinned to 1 by the caller's environment).
Prints one line per model: "<model> seconds_per_epoch=<s> accuracy=<a>", the second epoch timed.

usage: train_numpy.py DATASET_DIR [EPOCHS] [mlp|cnn|both]
"""
import gzip
import os
import sys
import time

import numpy as np


def idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    rank = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(rank)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)


def load(folder):
    def find(name):
        for candidate in (name + ".gz", name):
            p = os.path.join(folder, candidate)
            if os.path.exists(p):
                return p
        raise SystemExit("missing " + name + " in " + folder)
    x = idx(find("train-images-idx3-ubyte")).astype(np.float32) / 255.0
    y = idx(find("train-labels-idx1-ubyte")).astype(np.int64)
    tx = idx(find("t10k-images-idx3-ubyte")).astype(np.float32) / 255.0
    ty = idx(find("t10k-labels-idx1-ubyte")).astype(np.int64)
    return x, y, tx, ty


def layer(rng, fan_in, fan_out, shape, he=False):
    """A layer's Glorot (He with he=True) uniform weights of `shape` and its zero biases, one per column."""
    limit = np.sqrt(6.0 / fan_in) if he else np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, shape).astype(np.float32), np.zeros(shape[1], np.float32)


def softmax_ce_grad(logits, labels):
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    p = e / e.sum(axis=1, keepdims=True)
    loss = -np.log(np.maximum(p[np.arange(len(labels)), labels], 1e-7)).sum()
    g = p
    g[np.arange(len(labels)), labels] -= 1.0
    return loss, g / len(labels)


def sgd(lr, *params_and_grads):
    """Plain SGD, in place: each parameter array takes a step against its gradient."""
    for param, grad in params_and_grads:
        param -= lr * grad


class Mlp:
    def __init__(self, rng):
        self.w1, self.b1 = layer(rng, 784, 128, (784, 128), he=True)
        self.w2, self.b2 = layer(rng, 128, 10, (128, 10))

    def logits(self, x):
        h = np.maximum(x.reshape(len(x), -1) @ self.w1 + self.b1, 0)
        return h @ self.w2 + self.b2

    def step(self, x, y, lr):
        x = x.reshape(len(x), -1)
        h = np.maximum(x @ self.w1 + self.b1, 0)
        loss, g = softmax_ce_grad(h @ self.w2 + self.b2, y)
        gw2 = h.T @ g
        gb2 = g.sum(0)
        gh = (g @ self.w2.T) * (h > 0)
        gw1 = x.T @ gh
        gb1 = gh.sum(0)
        sgd(lr, (self.w1, gw1), (self.b1, gb1), (self.w2, gw2), (self.b2, gb2))
        return loss


class Cnn:
    """conv 8@3x3 VALID (im2col) → ReLU → maxpool 2 → flatten (HWC) → dense 10."""

    def __init__(self, rng):
        self.wc, self.bc = layer(rng, 9, 72, (9, 8), he=True)
        self.wd, self.bd = layer(rng, 1352, 10, (1352, 10))

    @staticmethod
    def patches(x):
        n = len(x)
        s = x.strides
        view = np.lib.stride_tricks.as_strided(x, (n, 26, 26, 3, 3), (s[0], s[1], s[2], s[1], s[2]))
        return view.reshape(n * 676, 9)

    def forward(self, x):
        n = len(x)
        cols = self.patches(x)
        a = np.maximum(cols @ self.wc + self.bc, 0).reshape(n, 26, 26, 8)
        blocks = a.reshape(n, 13, 2, 13, 2, 8)
        pooled = blocks.max(axis=(2, 4))
        return cols, a, blocks, pooled

    def logits(self, x):
        pooled = self.forward(x)[3]
        return pooled.reshape(len(x), -1) @ self.wd + self.bd

    def step(self, x, y, lr):
        n = len(x)
        cols, a, blocks, pooled = self.forward(x)
        flat = pooled.reshape(n, -1)
        loss, g = softmax_ce_grad(flat @ self.wd + self.bd, y)
        gwd = flat.T @ g
        gbd = g.sum(0)
        gpool = (g @ self.wd.T).reshape(n, 13, 1, 13, 1, 8)
        mask = blocks == pooled.reshape(n, 13, 1, 13, 1, 8)
        ga = (mask * gpool).reshape(n, 26, 26, 8) * (a > 0)
        ga = ga.reshape(n * 676, 8)
        gwc = cols.T @ ga
        gbc = ga.sum(0)
        sgd(lr, (self.wc, gwc), (self.bc, gbc), (self.wd, gwd), (self.bd, gbd))
        return loss


def train(model, x, y, tx, ty, epochs, lr, batch=64):
    rng = np.random.default_rng(42)
    seconds = []
    for _ in range(epochs):
        order = rng.permutation(len(x))
        start = time.perf_counter()
        for b in range(0, len(x), batch):
            i = order[b:b + batch]
            model.step(x[i], y[i], lr)
        seconds.append(time.perf_counter() - start)
    correct = 0
    for b in range(0, len(tx), 1000):
        correct += int((model.logits(tx[b:b + 1000]).argmax(1) == ty[b:b + 1000]).sum())
    return seconds[min(1, len(seconds) - 1)], correct / len(tx)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
    epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    which = sys.argv[3] if len(sys.argv) > 3 else "both"
    x, y, tx, ty = load(folder)
    rng = np.random.default_rng(42)
    if which in ("mlp", "both"):
        s, acc = train(Mlp(rng), x, y, tx, ty, epochs, 0.05)
        print(f"mlp seconds_per_epoch={s:.4f} accuracy={acc:.4f}", flush=True)
    if which in ("cnn", "both"):
        s, acc = train(Cnn(rng), x[..., None], y, tx[..., None], ty, epochs, 0.05)
        print(f"cnn seconds_per_epoch={s:.4f} accuracy={acc:.4f}", flush=True)


if __name__ == "__main__":
    main()
