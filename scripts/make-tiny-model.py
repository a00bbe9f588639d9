#!/usr/bin/python3
"""Writes a tiny BERT-architecture ONNX feature-extraction model for offline tests.

Usage: /usr/bin/python3 scripts/make-tiny-model.py OUT_DIR [TASKS_CSV]

No model can be downloaded on CI, so the embedding code is exercised on this stand-in: a genuine
encoder graph (embeddings, masked self-attention, GELU FFN, LayerNorm) with random weights, plus a
real WordPiece tokenizer whose vocabulary comes from the O*NET task texts. Output is deterministic
(fixed seed, sorted ties) so every machine builds a byte-identical model.
Needs Debian's python3-onnx and python3-numpy.
"""
import collections
import csv
import json
import os
import re
import sys
import unicodedata

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HIDDEN, LAYERS, HEADS, FFN, MAX_POS, TYPES = 32, 2, 2, 64, 128, 2
TOP_WORDS = 3000
SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"
# A few frequent English suffixes, so inflected words split into word + suffix rather than letters.
SUFFIXES = ["s", "es", "ed", "ing", "er", "ers", "ion", "ions", "al", "ly", "ment", "ments", "ity"]
DEFAULT_CSV = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..", "resources", "data", "aei-release-2025-02-10", "onet_task_statements.csv",
)


def normalise(text):
    """Mirrors BertNormalizer(lowercase=True): lowercase, then strip accents."""
    text = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


def build_vocab(csv_path):
    counts = collections.Counter()
    with open(csv_path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            # BertPreTokenizer splits on whitespace and punctuation; words are the alphanumeric runs.
            counts.update(re.findall(r"[a-z0-9]+", normalise(row["Task"])))
    words = [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_WORDS]]
    pieces = list(CHARS) + list(PUNCT) + ["##" + c for c in CHARS] + ["##" + s for s in SUFFIXES]
    vocab = list(SPECIALS)
    seen = set(vocab)
    for token in pieces + words:
        if token not in seen:
            seen.add(token)
            vocab.append(token)
    return vocab


def tokenizer_json(vocab):
    ids = {t: i for i, t in enumerate(vocab)}
    added = [
        {"id": ids[t], "content": t, "single_word": False, "lstrip": False, "rstrip": False,
         "normalized": False, "special": True}
        for t in SPECIALS
    ]

    def special(name):
        return {"SpecialToken": {"id": name, "type_id": 0}}

    def seq(name, type_id):
        return {"Sequence": {"id": name, "type_id": type_id}}

    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [special("[CLS]"), seq("A", 0), special("[SEP]")],
            "pair": [special("[CLS]"), seq("A", 0), special("[SEP]"), seq("B", 1),
                     {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
            "special_tokens": {t: {"id": t, "ids": [ids[t]], "tokens": [t]} for t in ("[CLS]", "[SEP]")},
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": ids},
    }


class Graph:
    """Accumulates nodes and initializers so layer code reads like the maths."""

    def __init__(self, rng):
        self.rng, self.nodes, self.inits, self.count = rng, [], [], 0

    def weight(self, name, shape, std):
        arr = (self.rng.standard_normal(shape) * std).astype(np.float32)
        return self.const(name, arr)

    def const(self, name, arr):
        # Shared scalars (sqrt2, one, ...) are requested once per layer; emit each only once.
        if any(init.name == name for init in self.inits):
            return name
        self.inits.append(numpy_helper.from_array(np.asarray(arr), name))
        return name

    def op(self, op_type, inputs, **attrs):
        self.count += 1
        out = f"{op_type.lower()}_{self.count}"
        self.nodes.append(helper.make_node(op_type, inputs, [out], name=out, **attrs))
        return out

    def dense(self, x, name, n_in, n_out):
        w = self.weight(f"{name}.weight", (n_in, n_out), 1.0 / np.sqrt(n_in))
        b = self.weight(f"{name}.bias", (n_out,), 0.02)
        return self.op("Add", [self.op("MatMul", [x, w]), b])

    def layer_norm(self, x, name):
        gamma = self.const(f"{name}.gamma", np.ones(HIDDEN, np.float32))
        beta = self.const(f"{name}.beta", np.zeros(HIDDEN, np.float32))
        return self.op("LayerNormalization", [x, gamma, beta], axis=-1, epsilon=1e-12)


def embeddings(g, vocab_size):
    words = g.op("Gather", [g.weight("word_embeddings", (vocab_size, HIDDEN), 1.0), "input_ids"])
    seq_len = g.op("Gather", [g.op("Shape", ["input_ids"]), g.const("one", np.array(1, np.int64))])
    positions = g.op("Range", [g.const("zero", np.array(0, np.int64)), seq_len, "one"])
    pos = g.op("Gather", [g.weight("position_embeddings", (MAX_POS, HIDDEN), 0.1), positions])
    types = g.op("Gather", [g.weight("token_type_embeddings", (TYPES, HIDDEN), 0.1), "token_type_ids"])
    return g.layer_norm(g.op("Add", [g.op("Add", [words, pos]), types]), "embeddings.ln")


def attention_bias(g):
    """[batch, 1, 1, seq] additive mask: 0 for real tokens, -10000 for padding."""
    mask = g.op("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    mask = g.op("Unsqueeze", [mask, g.const("axes_12", np.array([1, 2], np.int64))])
    inverted = g.op("Sub", [g.const("f_one", np.array(1.0, np.float32)), mask])
    return g.op("Mul", [inverted, g.const("neg_big", np.array(-10000.0, np.float32))])


def self_attention(g, x, bias, name):
    head_dim = HIDDEN // HEADS
    split = g.const(f"{name}.split", np.array([0, 0, HEADS, head_dim], np.int64))
    heads = {}
    for part, perm in (("q", [0, 2, 1, 3]), ("k", [0, 2, 3, 1]), ("v", [0, 2, 1, 3])):
        proj = g.dense(x, f"{name}.{part}", HIDDEN, HIDDEN)
        heads[part] = g.op("Transpose", [g.op("Reshape", [proj, split])], perm=perm)
    scores = g.op("MatMul", [heads["q"], heads["k"]])
    scale = g.const(f"{name}.scale", np.array(1.0 / np.sqrt(head_dim), np.float32))
    probs = g.op("Softmax", [g.op("Add", [g.op("Mul", [scores, scale]), bias])], axis=-1)
    context = g.op("Transpose", [g.op("MatMul", [probs, heads["v"]])], perm=[0, 2, 1, 3])
    merged = g.op("Reshape", [context, g.const(f"{name}.merge", np.array([0, 0, HIDDEN], np.int64))])
    return g.dense(merged, f"{name}.out", HIDDEN, HIDDEN)


def gelu(g, x):
    # Exact GELU from Erf: the Gelu op only exists from opset 20, newer than Debian's onnx.
    scaled = g.op("Div", [x, g.const("sqrt2", np.array(np.sqrt(2.0), np.float32))])
    one_plus = g.op("Add", [g.op("Erf", [scaled]), "f_one"])
    return g.op("Mul", [g.op("Mul", [x, one_plus]), g.const("half", np.array(0.5, np.float32))])


def encoder_layer(g, x, bias, i):
    name = f"layer{i}"
    x = g.layer_norm(g.op("Add", [x, self_attention(g, x, bias, name)]), f"{name}.ln1")
    hidden = gelu(g, g.dense(x, f"{name}.ffn_in", HIDDEN, FFN))
    return g.layer_norm(g.op("Add", [x, g.dense(hidden, f"{name}.ffn_out", FFN, HIDDEN)]), f"{name}.ln2")


def build_model(vocab_size):
    g = Graph(np.random.RandomState(20250210))
    x = embeddings(g, vocab_size)
    bias = attention_bias(g)
    for i in range(LAYERS):
        x = encoder_layer(g, x, bias, i)
    g.nodes.append(helper.make_node("Identity", [x], ["last_hidden_state"], name="output"))
    ints = [helper.make_tensor_value_info(n, TensorProto.INT64, ["batch", "seq"])
            for n in ("input_ids", "attention_mask", "token_type_ids")]
    out = helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "seq", HIDDEN])
    graph = helper.make_graph(g.nodes, "tiny_bert", ints, [out], g.inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="task-atlas")
    model.ir_version = 8  # ONNX 1.12's IR; onnxruntime-node reads it.
    onnx.checker.check_model(model)
    return model


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False)


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: make-tiny-model.py OUT_DIR [TASKS_CSV]")
    out_dir = sys.argv[1]
    vocab = build_vocab(sys.argv[2] if len(sys.argv) > 2 else DEFAULT_CSV)
    os.makedirs(os.path.join(out_dir, "onnx"), exist_ok=True)
    write_json(os.path.join(out_dir, "config.json"), {
        "model_type": "bert", "architectures": ["BertModel"], "hidden_size": HIDDEN,
        "num_hidden_layers": LAYERS, "num_attention_heads": HEADS, "intermediate_size": FFN,
        "hidden_act": "gelu", "vocab_size": len(vocab), "max_position_embeddings": MAX_POS,
        "type_vocab_size": TYPES, "layer_norm_eps": 1e-12, "pad_token_id": 0,
    })
    write_json(os.path.join(out_dir, "tokenizer.json"), tokenizer_json(vocab))
    write_json(os.path.join(out_dir, "tokenizer_config.json"), {
        "tokenizer_class": "BertTokenizer", "do_lower_case": True, "model_max_length": MAX_POS,
        "clean_up_tokenization_spaces": True, "cls_token": "[CLS]", "sep_token": "[SEP]",
        "pad_token": "[PAD]", "unk_token": "[UNK]", "mask_token": "[MASK]",
    })
    onnx.save(build_model(len(vocab)), os.path.join(out_dir, "onnx", "model.onnx"))
    print(f"tiny-bert: vocab {len(vocab)}, written to {out_dir}")


if __name__ == "__main__":
    main()
