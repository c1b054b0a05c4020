#!/usr/bin/env python3
"""The PyTorch reference for CLIP's epoch time (issue 23): the same model, data, batch size,
learning rate and threads as EmbedLab's CLIP trainer (Sources/CLIP), on the very training set
EmbedLab drew, read from the file `clip-bench epoch DATA` wrote.

    picture x (4096) -> relu(x W1 + b1) (256) -> W2 (64) -> unit length
    caption          -> mean of word vectors (64) -> Wt (64) -> unit length
    loss             -> symmetric cross-entropy of e^tau * U V^T (CLIP's InfoNCE), tau learned, clamped to [0, log 100]
    Adam, lr 0.003; each epoch a new order, batches of 128, caption (epoch + i) mod K of picture i

Prints `reference_clip_epoch_s SECONDS` (the median epoch) and the loss of each epoch.

    python3 scripts/bench_clip.py DATA [--epochs 3] [--threads 2]
"""
import argparse, math, struct, sys, time

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    import numpy as np
    import torch
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    with open(a.data, "rb") as f:
        blob = f.read()
    if blob[:8] != b"CLIPDATA":
        sys.exit(f"{a.data}: not a training set written by clip-bench epoch")
    n, inputs, k, vocab, hidden, wdim, dim, batch = struct.unpack_from("<8i", blob, 8)
    lr, = struct.unpack_from("<f", blob, 40)
    off = 44
    x = np.frombuffer(blob, dtype="<f4", count=n * inputs, offset=off).reshape(n, inputs)
    off += n * inputs * 4
    lengths = np.frombuffer(blob, dtype="<i4", count=n * k, offset=off).reshape(n, k)
    off += n * k * 4
    ids = np.frombuffer(blob, dtype="<i4", count=int(lengths.sum()), offset=off)
    starts = np.concatenate([[0], np.cumsum(lengths.reshape(-1))[:-1]]).reshape(n, k)

    pictures = torch.from_numpy(x.copy())
    enc_img = torch.nn.Sequential(torch.nn.Linear(inputs, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, dim, bias=False))
    words = torch.nn.EmbeddingBag(vocab, wdim, mode="mean")
    proj = torch.nn.Linear(wdim, dim, bias=False)
    tau = torch.nn.Parameter(torch.tensor(math.log(1 / 0.07)))
    params = list(enc_img.parameters()) + list(words.parameters()) + list(proj.parameters()) + [tau]
    opt = torch.optim.Adam(params, lr=lr)
    ids_t = torch.from_numpy(ids.astype(np.int64))
    batches = n // batch
    times = []
    for epoch in range(1, a.epochs + 1):
        order = torch.randperm(n).numpy()
        total = 0.0
        t0 = time.perf_counter()
        for b in range(batches):
            members = order[b * batch:(b + 1) * batch]
            choice = (epoch + members) % k
            s = starts[members, choice]; l = lengths[members, choice]
            flat = torch.cat([ids_t[st:st + ln] for st, ln in zip(s, l)])
            offsets = torch.from_numpy(np.concatenate([[0], np.cumsum(l)[:-1]]).astype(np.int64))
            u = torch.nn.functional.normalize(enc_img(pictures[members]), dim=1)
            v = torch.nn.functional.normalize(proj(words(flat, offsets)), dim=1)
            logits = tau.exp() * u @ v.t()
            target = torch.arange(len(members))
            loss = (torch.nn.functional.cross_entropy(logits, target) + torch.nn.functional.cross_entropy(logits.t(), target)) / 2
            opt.zero_grad()
            loss.backward()
            opt.step()
            with torch.no_grad():
                tau.clamp_(0, math.log(100))
            total += loss.item()
        times.append(time.perf_counter() - t0)
        print(f"reference epoch {epoch} loss {total / batches:.4f} {times[-1]:.3f} s")
    times.sort()
    print(f"reference_clip_epoch_s {times[len(times) // 2]:.3f}")

if __name__ == "__main__":
    main()
