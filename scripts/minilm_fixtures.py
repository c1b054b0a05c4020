#!/usr/bin/env python3
"""Fixtures for Tests/EncodersTests from an independent reference implementation of all-MiniLM-L6-v2.

Reference: token ids from the Hugging Face `tokenizers` package (the model's own tokenizer.json, truncated
at the model's max_seq_length 256); sentence vectors from PyTorch (`transformers.BertModel`) with mean
pooling over the attention mask and L2 normalisation, as sentence-transformers does. Two sets of vectors:
`vector` from the original float32 weights, and `vector_dequantised` from the weights that EmbedLab's int8
file holds (dequantised), so the tests can tell quantisation error from implementation error.

usage: minilm_fixtures.py MODEL_DIR MINILM.embt OUT.json
"""
import argparse
import json
import site

import numpy as np
import torch
from tokenizers import Tokenizer
from transformers import BertModel

import encoder_format
import encoder_sentences


def rename(ours, layers):
    """Our tensor name -> the Hugging Face BertModel state-dict names (qkv is split back)."""
    m = {"embeddings.token": "embeddings.word_embeddings.weight"}
    for i in range(layers):
        p, q = f"encoder.layer.{i}.", f"layers.{i}."
        m[q + "attention.output.weight"] = p + "attention.output.dense.weight"
        m[q + "feed_forward.up.weight"] = p + "intermediate.dense.weight"
        m[q + "feed_forward.down.weight"] = p + "output.dense.weight"
    return m


def encode(model, tok, texts, batch=32):
    out = []
    for i in range(0, len(texts), batch):
        encs = tok.encode_batch(texts[i:i + batch])
        n = max(len(e.ids) for e in encs)
        ids = torch.tensor([e.ids + [0] * (n - len(e.ids)) for e in encs])
        mask = torch.tensor([[1] * len(e.ids) + [0] * (n - len(e.ids)) for e in encs])
        with torch.no_grad():
            h = model(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids)).last_hidden_state
        m = mask.unsqueeze(-1).float()
        v = (h * m).sum(1) / m.sum(1).clamp(min=1e-9)
        v = torch.nn.functional.normalize(v, dim=1)
        out.extend(v.numpy())
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model_dir")
    ap.add_argument("embt")
    ap.add_argument("out")
    args = ap.parse_args()
    torch.set_num_threads(1)
    config, ours = encoder_format.read_dequantised(args.embt)
    tok = Tokenizer.from_file(f"{args.model_dir}/tokenizer.json")
    tok.no_padding()
    tok.enable_truncation(max_length=config["max_tokens"])
    texts = encoder_sentences.fixture_sentences(site.getsitepackages()[0])
    model = BertModel.from_pretrained(args.model_dir, add_pooling_layer=False).eval()
    exact = encode(model, tok, texts)
    state = model.state_dict()
    for name, hf in rename(ours, config["layers"]).items():
        state[hf] = torch.from_numpy(ours[name].copy())
    for i in range(config["layers"]):  # the fused qkv matrix, split back into query, key, value
        qkv = ours[f"layers.{i}.attention.qkv.weight"]
        h = qkv.shape[1]
        for j, part in enumerate(("query", "key", "value")):
            state[f"encoder.layer.{i}.attention.self.{part}.weight"] = torch.from_numpy(qkv[j * h:(j + 1) * h].copy())
    model.load_state_dict(state)
    deq = encode(model, tok, texts)
    rows = []
    for t, e, v, d in zip(texts, tok.encode_batch(texts), exact, deq):
        rows.append({"text": t, "ids": e.ids,
                     "vector": [float(f"{x:.6g}") for x in v], "vector_dequantised": [float(f"{x:.6g}") for x in d]})
    cos = [float(np.dot(a, b)) for a, b in zip(exact, deq)]
    doc = {"model": "minilm", "max_tokens": config["max_tokens"],
           "reference": "tokenizers (tokenizer.json) + PyTorch transformers.BertModel, mean pooling, L2 normalisation",
           "sentences": rows}
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"{args.out}: {len(rows)} sentences; cosine(float32, int8 weights) min {min(cos):.5f} mean {np.mean(cos):.5f}")


if __name__ == "__main__":
    main()
