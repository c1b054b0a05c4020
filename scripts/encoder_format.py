"""Writes EmbedLab's transformer-encoder format (`.embt`), the Python side of
Sources/Encoders/Weights/EncoderFile.swift (whose doc comment is the specification).

All integers little-endian.

    offset  size  field
    0       8     magic b"EMBLABTF"
    8       4     version (1)
    12      4     tensor count T
    16      8     config bytes C (JSON, UTF-8)
    24      8     vocabulary bytes B (token strings in id order, each followed by b"\\n")
    32      8     directory offset (a multiple of 8)
    40      8     data offset (a multiple of 64)
    48      8     file size
    56      8     reserved (0)
    64      C     config, then the vocabulary, zero padding, the directory (T records of 96 bytes),
                  zero padding, then the tensors, each starting at a multiple of 64

    directory record: name (64 bytes, UTF-8, NUL padded), kind u32 (1 = float32, 2 = int8 rows with
    one float32 scale per row, 3 = int32), reserved u32, rows u64, columns u64, offset u64 (absolute)

    float32 tensor: rows * columns floats, row-major
    int8 tensor:    rows float32 scales, then rows * columns int8 values; value = scale[row] * q
    int32 tensor:   rows * columns signed integers, row-major (token ids, code points, offsets)
"""
import json
import struct

import numpy as np

MAGIC = b"EMBLABTF"
VERSION = 1
FLOAT32, INT8_ROWS, INT32 = 1, 2, 3
RECORD = 96


def quantise_rows(w):
    """Symmetric int8 per row: scale = max|w_row| / 127, q = round(w / scale)."""
    w = np.asarray(w, dtype=np.float32)
    peak = np.abs(w).max(axis=1)
    scale = np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)
    q = np.clip(np.rint(w / scale[:, None]), -127, 127).astype(np.int8)
    return scale, q


def dequantise_rows(scale, q):
    return (q.astype(np.float32) * scale[:, None]).astype(np.float32)


def align(n, a):
    return (n + a - 1) // a * a


def write(path, config, tokens, tensors, int8=()):
    """tensors: ordered dict name -> 1-D or 2-D float array; names in `int8` are stored quantised."""
    cfg = json.dumps(config, ensure_ascii=False, sort_keys=True).encode("utf-8")
    vocab = bytearray()
    for t in tokens:
        b = t.encode("utf-8")
        if b"\n" in b:
            raise SystemExit(f"token {t!r} contains a line break")
        vocab += b + b"\n"
    names = list(tensors)
    dir_off = align(64 + len(cfg) + len(vocab), 8)
    data_off = align(dir_off + RECORD * len(names), 64)
    records, blobs, off = [], [], data_off
    for name in names:
        given = np.asarray(tensors[name])
        integer = np.issubdtype(given.dtype, np.integer)
        a = given.astype(np.int64 if integer else np.float32)
        if a.ndim == 1:
            a = a[None, :]
        rows, cols = a.shape
        if integer:
            if a.min() < -2**31 or a.max() >= 2**31:
                raise SystemExit(f"tensor {name} has integers outside int32")
            blob = a.astype("<i4").tobytes()
            kind = INT32
        elif name in int8:
            scale, q = quantise_rows(a)
            blob = scale.astype("<f4").tobytes() + q.tobytes()
            kind = INT8_ROWS
        else:
            blob = a.astype("<f4").tobytes()
            kind = FLOAT32
        nb = name.encode("utf-8")
        if len(nb) > 64:
            raise SystemExit(f"tensor name {name} is longer than 64 bytes")
        records.append(nb.ljust(64, b"\0") + struct.pack("<IIQQQ", kind, 0, rows, cols, off))
        blobs.append((off, blob))
        off = align(off + len(blob), 64)
    size = blobs[-1][0] + len(blobs[-1][1])
    out = bytearray(size)
    out[0:64] = MAGIC + struct.pack("<IIQQQQQQ", VERSION, len(names), len(cfg), len(vocab), dir_off, data_off, size, 0)
    out[64:64 + len(cfg)] = cfg
    out[64 + len(cfg):64 + len(cfg) + len(vocab)] = vocab
    for i, r in enumerate(records):
        out[dir_off + i * RECORD:dir_off + (i + 1) * RECORD] = r
    for o, blob in blobs:
        out[o:o + len(blob)] = blob
    with open(path, "wb") as f:
        f.write(out)
    return size


def read_dequantised(path):
    """The tensors of a file as float32 arrays, int8 ones dequantised: what the Swift loader computes."""
    raw = open(path, "rb").read()
    assert raw[:8] == MAGIC
    _, count, clen, vlen, dir_off, data_off, size, _ = struct.unpack("<IIQQQQQQ", raw[8:64])
    config = json.loads(raw[64:64 + clen])
    out = {}
    for i in range(count):
        rec = raw[dir_off + i * RECORD:dir_off + (i + 1) * RECORD]
        name = rec[:64].rstrip(b"\0").decode()
        kind, _, rows, cols, off = struct.unpack("<IIQQQ", rec[64:])
        if kind == FLOAT32:
            a = np.frombuffer(raw, dtype="<f4", count=rows * cols, offset=off).reshape(rows, cols)
        elif kind == INT32:
            a = np.frombuffer(raw, dtype="<i4", count=rows * cols, offset=off).reshape(rows, cols)
        else:
            scale = np.frombuffer(raw, dtype="<f4", count=rows, offset=off)
            q = np.frombuffer(raw, dtype=np.int8, count=rows * cols, offset=off + 4 * rows).reshape(rows, cols)
            a = dequantise_rows(scale, q)
        out[name] = a
    return config, out


def write_tiny(path, seed=7):
    """A tiny, random, valid BERT-shaped encoder (vocabulary of 12, width 8, 1 layer): for tests that break files."""
    rng = np.random.default_rng(seed)
    tokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "river", "bank", "rates", "##s", "a", ".", "银"]
    h, inner, n = 8, 16, 16
    cfg = {"name": "tiny", "architecture": "bert",
           "tokenizer": {"kind": "wordpiece", "lowercase": True, "strip_accents": True, "split_cjk": True,
                         "continuing_prefix": "##", "max_chars_per_word": 100},
           "special": {"cls": 2, "sep": 3, "pad": 0, "unknown": 1},
           "hidden": h, "layers": 1, "heads": 2, "intermediate": inner, "max_tokens": n,
           "layer_norm_epsilon": 1e-12, "activation": "gelu", "pooling": "mean", "normalize": True,
           "query_prefix": "", "passage_prefix": "", "origin": "random numbers (scripts/encoder_format.py)",
           "licence": "CC0-1.0"}
    r = lambda *s: rng.standard_normal(s).astype(np.float32) * 0.3
    t = {"embeddings.token": r(len(tokens), h), "embeddings.position": r(n, h), "embeddings.segment": r(1, h),
         "embeddings.norm.weight": np.ones(h), "embeddings.norm.bias": np.zeros(h),
         "layers.0.attention.qkv.weight": r(3 * h, h), "layers.0.attention.qkv.bias": r(3 * h),
         "layers.0.attention.output.weight": r(h, h), "layers.0.attention.output.bias": r(h),
         "layers.0.attention.norm.weight": np.ones(h), "layers.0.attention.norm.bias": np.zeros(h),
         "layers.0.feed_forward.up.weight": r(inner, h), "layers.0.feed_forward.up.bias": r(inner),
         "layers.0.feed_forward.down.weight": r(h, inner), "layers.0.feed_forward.down.bias": r(h),
         "layers.0.feed_forward.norm.weight": np.ones(h), "layers.0.feed_forward.norm.bias": np.zeros(h)}
    return write(path, cfg, tokens, t, int8={"embeddings.token", "layers.0.feed_forward.up.weight"})


if __name__ == "__main__":
    import sys
    if len(sys.argv) == 3 and sys.argv[1] == "tiny":
        print(f"{sys.argv[2]}: {write_tiny(sys.argv[2])} bytes")
    else:
        sys.exit("usage: encoder_format.py tiny OUT.embt")
