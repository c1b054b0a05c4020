/// The chapters of `:help`: each lists its commands (from the table) after a few lines about
/// what is typed without a command (a word, an expression, an analogy).
public enum HelpTopic: String, CaseIterable, Sendable {
    case words, similarity, neighbours, arithmetic, model, text, training, pictures, collections, ann, encoders, session, lessons

    public var title: Localized {
        switch self {
        case .words: return Localized(en: "a word's vector, quoting, variables", zh: "词向量、引号、变量")
        case .similarity: return Localized(en: "cosine, distance, dot product", zh: "余弦、距离、点积")
        case .neighbours: return Localized(en: "nearest words, odd one out, rank", zh: "最近邻、找不同、排名")
        case .arithmetic: return Localized(en: "king - man + woman, analogies", zh: "king - man + woman、类比")
        case .model: return Localized(en: "models, settings, evaluation", zh: "模型、设置、评测")
        case .text: return Localized(en: "tokens, BPE merges, co-occurrence counts", zh: "分词、BPE 合并、共现计数")
        case .training: return Localized(en: "train GloVe or Word2Vec vectors at the prompt", zh: "在提示符下训练 GloVe 或 Word2Vec 向量")
        case .collections: return Localized(en: "search, recommend, classify: texts as sentence vectors", zh: "search 搜索、recommend 推荐、classify 分类：文本变成句向量")
        case .ann: return Localized(en: "index: fast approximate neighbours (HNSW), recall and time", zh: "index 索引：快速近似近邻（HNSW）、召回率与时间")
        case .encoders: return Localized(en: "transformer encoders (minilm, e5-small): sentence and contextual vectors", zh: "transformer 编码器（minilm、e5-small）：句向量与上下文向量")
        case .pictures: return Localized(en: "pictures and words in one space: a small CLIP", zh: "图文同一空间：一个小小的 CLIP")
        case .session: return Localized(en: "help, history, saving, language, leaving", zh: "帮助、历史、保存、语言、退出")
        case .lessons: return Localized(en: "lessons, hints, progress", zh: "课程、提示、进度")
        }
    }

    /// Commands a topic lists although the table files them under another topic (search and
    /// index are about neighbours too; embed is a vector command).
    public var alsoLists: [String] {
        switch self {
        case .collections: return ["search", "recommend", "classify"]
        case .ann: return ["index"]
        case .encoders: return ["embed"]
        default: return []
        }
    }

    /// What the topic says besides its commands: syntax that is not a command, keys.
    public var notes: [(line: String, text: Localized)] {
        switch self {
        case .words:
            return [("猫", Localized(en: "the vector of a word (any script; \"new york\" in quotes)", zh: "一个词的向量（任何文字；\"new york\" 这样的词组加引号）")),
                    ("let royal = king - man", Localized(en: "a variable: it shadows a word of the same name", zh: "变量：与同名的词重名时优先用变量")),
                    ("[0.3, 0.8, -0.2]", Localized(en: "a literal vector", zh: "直接写出的向量"))]
        case .arithmetic:
            return [("king - man + woman", Localized(en: "the words nearest to the result; the input words are left out (and it says so)", zh: "离结果最近的词；输入的词不算在内（并会注明）")),
                    ("man : king :: woman : ?", Localized(en: "the same analogy, written as a proportion", zh: "同一个类比，写成比例式")),
                    ("2 * king, king / 2", Localized(en: "scaling; ( ) group, - negates", zh: "缩放；( ) 分组，- 取负")),
                    (":set exclude off", Localized(en: "let input words be answers, to see why they are usually left out", zh: "让输入的词也能成为答案，看看为什么通常要排除它们")),
                    (":set method 3cosmul", Localized(en: "score analogies by 3CosMul instead of 3CosAdd", zh: "用 3CosMul 代替 3CosAdd 给类比打分"))]
        case .text:
            return [("", Localized(en: "Texts go in quotes; Chinese is cut into words by the bundled dictionary.", zh: "文本放在引号里；中文用自带词典切分成词。"))]
        case .training:
            return [("Ctrl-C", Localized(en: "stops training; the vectors of that moment stay usable", zh: "停止训练；此刻的向量仍可使用")),
                    ("", Localized(en: "Afterwards the new model is in use ('trained'); :use glove-50d goes back. To keep a model in a file: embedlab train CORPUS OUT.embv",
                                   zh: "训练后新模型（'trained'）即被使用；:use glove-50d 可切换回去。要把模型存成文件：embedlab train 语料 输出.embv"))]
        case .collections:
            return [("", Localized(en: "A collection is a file of texts, one a line; faq-en, faq-zh, items-en, items-zh, polarity-en and reviews-zh are bundled, :load collection FILE adds yours. Texts become sentence vectors (SIF over the model's words, or the encoder in use).",
                                   zh: "集合是一个文本文件，每行一段；自带 faq-en、faq-zh、items-en、items-zh、polarity-en 和 reviews-zh，:load collection 文件 可以加入你自己的。文本会变成句向量（用模型的词做 SIF，或者用正在使用的编码器）。"))]
        case .ann:
            return [(":set search approx", Localized(en: "near uses the index; :set search exact goes back to brute force", zh: "near 使用索引；:set search exact 回到蛮力搜索")),
                    (":set ef 10", Localized(en: "fewer candidates per search: faster, lower recall", zh: "每次搜索更少的候选：更快，召回率更低"))]
        case .encoders:
            return [(":use minilm", Localized(en: "an English encoder; :use e5-small reads about a hundred languages, 中文 among them", zh: "英文编码器；:use e5-small 能读大约一百种语言，包括中文")),
                    ("\"a cat sat on the mat\"", Localized(en: "a quoted text is a sentence vector", zh: "带引号的文本是一个句向量")),
                    ("bank in \"the river bank\"", Localized(en: "the word's vector in that sentence (names the pieces it averaged)", zh: "这个词在该句子里的向量（会写出平均了哪些词片）"))]
        case .session:
            return [("Up/Down", Localized(en: "earlier lines, also from earlier sessions; Tab completes words and commands", zh: "之前输入的行（包括以前的会话）；Tab 补全词和命令")),
                    ("Ctrl-C", Localized(en: "clears the line, or stops a running command; Ctrl-D or :quit leaves", zh: "清空当前行，或停止正在运行的命令；Ctrl-D 或 :quit 退出"))]
        default:
            return []
        }
    }
}
