#!/usr/bin/env python3
"""The reference encoder's speed: all-MiniLM-L6-v2 in PyTorch on the CPU (transformers.BertModel, float32 weights,
the model's own tokenizer from the `tokenizers` package, each batch padded to its longest text, mean pooling,
L2 normalisation), the same sentences, batch size and thread count as encoder-bench. Prints one JSON object.

usage: encoder_reference_bench.py MODEL_DIR SENTENCES.txt --batch 32 --threads 2 --repeats 3 [--vectors OUT.f32]
"""
import argparse
import json
import time

import numpy as np
import torch
from tokenizers import Tokenizer
from transformers import BertModel


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model_dir")
    ap.add_argument("sentences")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--vectors")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    texts = [l for l in open(a.sentences, encoding="utf-8").read().split("\n") if l]
    tok = Tokenizer.from_file(f"{a.model_dir}/tokenizer.json")
    tok.enable_truncation(max_length=256)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    model = BertModel.from_pretrained(a.model_dir, add_pooling_layer=False).eval()

    def encode(batch_texts):
        encs = tok.encode_batch(batch_texts)
        ids = torch.tensor([e.ids for e in encs])
        mask = torch.tensor([e.attention_mask for e in encs])
        with torch.inference_mode():
            h = model(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids)).last_hidden_state
        m = mask.unsqueeze(-1).float()
        return torch.nn.functional.normalize((h * m).sum(1) / m.sum(1), dim=1)

    encode(texts[:a.batch])  # warm-up
    seconds, out = [], None
    for _ in range(a.repeats):
        start = time.perf_counter()
        out = torch.cat([encode(texts[i:i + a.batch]) for i in range(0, len(texts), a.batch)])
        seconds.append(time.perf_counter() - start)
    if a.vectors:
        out.numpy().astype("<f4").tofile(a.vectors)
    med = sorted(seconds)[len(seconds) // 2]
    print(json.dumps({"sentences": len(texts), "batch": a.batch, "threads": a.threads,
                      "seconds": [round(s, 3) for s in seconds], "median_seconds": round(med, 3),
                      "sentences_per_s": round(len(texts) / med, 1),
                      "reference": f"PyTorch {torch.__version__} (transformers.BertModel, float32, CPU) + tokenizers"},
                     sort_keys=True))


if __name__ == "__main__":
    main()
