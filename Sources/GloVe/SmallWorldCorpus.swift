import VectorMath

/// A small bilingual world that EmbedLab writes itself: simple sentences in English and 中文
/// (already segmented, tokens separated by spaces) about countries and their capitals, royalty,
/// family, animals and vehicles. It trains in seconds and is made so that the famous analogies
/// emerge from it, for a reason a learner can read below.
///
/// ```swift
/// let world = SmallWorldCorpus()
/// world.lines[0]                          // e.g. "the capital of france is paris"
/// let model = GloVeTrainer(SmallWorldCorpus.hyperparameters).train(on: world.corpus)
/// // king − man + woman ≈ queen,  北京 − 中国 + 法国 ≈ 巴黎
/// ```
///
/// **Why the analogies emerge.** GloVe gives two words similar vectors when they have similar
/// contexts, and a *difference* of vectors captures what differs between two words' contexts.
/// So every relation is written in *parallel contexts*: the same sentence templates are filled
/// in for every member of a family of words, the same number of times.
///
/// - Every capital appears in the capital templates ("the mayor of $capital …", "$capital is a
///   big city …") and every country in the country templates ("the government of $country …",
///   "$country is a country …"). That gives each capital a shared *capital* part and each country
///   a shared *country* part.
/// - A country and its capital also share contexts of their own: they appear together ("$capital
///   is the capital of $country") and with the same language ("in $capital people speak
///   $language", "people in $country speak $language"). That gives each pair a shared *place* part.
///
///   So 北京 ≈ place(中国) + capital and 中国 ≈ place(中国) + country, and
///   北京 − 中国 + 法国 ≈ capital − country + place(法国) + country = place(法国) + capital ≈ 巴黎.
///
/// - People work the same way along two axes. Every male word comes with he / his / 他, every
///   female word with she / her / 她 (a *gender* part); king, queen, prince and princess sit on
///   thrones and wear crowns, man, woman, boy and girl live in small houses (a *royal* or *common*
///   part); adults go to work, the young to school (an *age* part); and each pair appears
///   together ("the king and the queen …"). So king − man + woman ≈ royal + adult + female ≈ queen.
///
/// Because each template is filled for every member the same number of times (only the order of
/// the lines and a few decorative words are random), the parts are balanced and the parallels
/// hold exactly; the seed changes the order, not the counts. The two languages never share a
/// sentence, so English and 中文 words learn separate but parallel geometries.
public struct SmallWorldCorpus: Sendable {
    /// The name to type at the prompt: `train glove corpus=small-world`.
    public static let name = "small-world"

    /// The sentences, one per line, tokens separated by single spaces, in a seeded random order.
    public let lines: [String]
    /// The seed of the order of the lines and of the decorative words.
    public let seed: UInt64
    /// How many times every template is filled for every member of its family.
    public let rounds: Int

    /// The corpus with every template filled `rounds` times for every member of its family.
    public init(rounds: Int = 10, seed: UInt64 = 1) {
        precondition(rounds >= 1, "at least one round")
        self.rounds = rounds
        self.seed = seed
        var random = SeededGenerator(seed: seed)
        var lines: [String] = []
        for _ in 0..<rounds {
            for lexicon in [Lexicon.english, Lexicon.chinese] {
                lines += lexicon.sentences(&random)
            }
        }
        random.shuffle(&lines)
        self.lines = lines
    }

    /// The sentences as a `Corpus`, one line per sentence.
    public var corpus: Corpus { Corpus(lines: lines) }

    /// The text: the lines joined by newlines.
    public var text: String { lines.joined(separator: "\n") }

    /// Settings that train this corpus in a few hundredths of a second (release; a few seconds in
    /// a debug build) and make its analogies hold: a window of 5 covers most of a short sentence,
    /// x_max 10 because its counts are small, 20 dimensions for about 300 words, 25 epochs, one
    /// thread so that a seed gives the same vectors. The four analogies of the tests come out at
    /// rank 1 from 15 epochs on, with any seed; below about 12 dimensions they start to fail,
    /// which is the lesson on dimensions in miniature.
    public static var hyperparameters: GloVeHyperparameters {
        GloVeHyperparameters(minCount: 1, window: 5, dimensions: 20, epochs: 25, xMax: 10, threads: 1, seed: 1)
    }

    /// Analogy questions in the questions-words format, made from the world's own word lists:
    /// every country–capital pair against every other (Athens-style "country capital country capital",
    /// so capital₁ − country₁ + country₂ should be capital₂) and every male–female couple against
    /// every other, in English and in 中文: 2 × (10 × 9 + 9 × 8) = 324 questions.
    public static var analogyQuestions: String {
        var out = ""
        for (name, lexicon) in [("en", Lexicon.english), ("zh", Lexicon.chinese)] {
            out += ": capitals-\(name)\n"
            for a in lexicon.countries { for b in lexicon.countries where a.country != b.country {
                out += "\(a.country) \(a.capital) \(b.country) \(b.capital)\n"
            } }
            out += ": gender-\(name)\n"
            for a in lexicon.couples { for b in lexicon.couples where a.male != b.male {
                out += "\(a.male) \(a.female) \(b.male) \(b.female)\n"
            } }
        }
        return out
    }

    /// The country/capital pairs written about, in English and 中文.
    public static var capitals: [(country: String, capital: String)] {
        Lexicon.english.countries.map { ($0.country, $0.capital) } + Lexicon.chinese.countries.map { ($0.country, $0.capital) }
    }
}

// MARK: - The world's words and templates, once per language

/// The words and sentence templates of one language. A template is a line of tokens; `$name`
/// tokens are filled in (see `fill`). The two lexicons have the same families and templates,
/// sentence for sentence.
struct Lexicon: Sendable {
    struct Country: Sendable { var country, capital, language: String }
    /// A male and a female word of the same kind: king/queen, man/woman, 父亲/母亲.
    struct Couple: Sendable { var male, female: String; var royal, adult: Bool }
    struct Vehicle: Sendable { var name: String; var way: Int }

    var countries: [Country]
    var couples: [Couple]
    var he, she, his, her: String
    var animals: [String]
    var vehicles: [Vehicle]

    /// Templates with `$country`, `$capital`, `$language`.
    var countryTemplates: [String]
    /// Templates with `$p` (a person), `$he`, `$his`: for every person.
    var personTemplates: [String]
    var royalTemplates: [String]
    var commonTemplates: [String]
    var adultTemplates: [String]
    var youngTemplates: [String]
    /// Templates with `$male` and `$female` of one couple.
    var coupleTemplates: [String]
    /// Templates with `$animal`.
    var animalTemplates: [String]
    /// Templates with `$vehicle` (and `$capital`), then one per way of travelling (road, rails, sky, sea).
    var vehicleTemplates: [String]
    var wayTemplates: [String]
    /// Decorative words: `$adj` in person templates, `$thing`, `$place`, chosen at random.
    var adjectives, things, places: [String]

    /// One round: every template filled once for every member of its family.
    func sentences(_ random: inout SeededGenerator) -> [String] {
        var out: [String] = []
        func pick(_ words: [String]) -> String { words[random.nextInt(below: words.count)] }
        func fill(_ template: String, _ values: [String: String]) -> String {
            template.split(separator: " ").map { token -> String in
                guard token.hasPrefix("$") else { return String(token) }
                let key = String(token.dropFirst())
                switch key {
                case "adj": return pick(adjectives)
                case "thing": return pick(things)
                case "place": return pick(places)
                default:
                    guard let value = values[key] else { preconditionFailure("template '\(template)' has no value for $\(key)") }
                    return value
                }
            }.joined(separator: " ")
        }
        for c in countries {
            let values = ["country": c.country, "capital": c.capital, "language": c.language]
            for t in countryTemplates { out.append(fill(t, values)) }
        }
        for couple in couples {
            for (person, male) in [(couple.male, true), (couple.female, false)] {
                let values = ["p": person, "he": male ? he : she, "his": male ? his : her]
                var templates = personTemplates
                templates += couple.royal ? royalTemplates : commonTemplates
                templates += couple.adult ? adultTemplates : youngTemplates
                for t in templates { out.append(fill(t, values)) }
            }
            for t in coupleTemplates { out.append(fill(t, ["male": couple.male, "female": couple.female])) }
        }
        for animal in animals {
            for t in animalTemplates { out.append(fill(t, ["animal": animal])) }
        }
        for (k, vehicle) in vehicles.enumerated() {
            // Every vehicle goes to one capital per round, in turn, so all capitals get the same.
            let capital = countries[k % countries.count].capital
            for t in vehicleTemplates { out.append(fill(t, ["vehicle": vehicle.name, "capital": capital])) }
            out.append(fill(wayTemplates[vehicle.way], ["vehicle": vehicle.name]))
        }
        return out
    }

    static let english = Lexicon(
        countries: [
            Country(country: "china", capital: "beijing", language: "chinese"),
            Country(country: "france", capital: "paris", language: "french"),
            Country(country: "japan", capital: "tokyo", language: "japanese"),
            Country(country: "germany", capital: "berlin", language: "german"),
            Country(country: "italy", capital: "rome", language: "italian"),
            Country(country: "spain", capital: "madrid", language: "spanish"),
            Country(country: "russia", capital: "moscow", language: "russian"),
            Country(country: "egypt", capital: "cairo", language: "arabic"),
            Country(country: "greece", capital: "athens", language: "greek"),
            Country(country: "korea", capital: "seoul", language: "korean"),
        ],
        couples: [
            Couple(male: "king", female: "queen", royal: true, adult: true),
            Couple(male: "prince", female: "princess", royal: true, adult: false),
            Couple(male: "man", female: "woman", royal: false, adult: true),
            Couple(male: "boy", female: "girl", royal: false, adult: false),
            Couple(male: "father", female: "mother", royal: false, adult: true),
            Couple(male: "husband", female: "wife", royal: false, adult: true),
            Couple(male: "uncle", female: "aunt", royal: false, adult: true),
            Couple(male: "son", female: "daughter", royal: false, adult: false),
            Couple(male: "brother", female: "sister", royal: false, adult: false),
        ],
        he: "he", she: "she", his: "his", her: "her",
        animals: ["cat", "dog", "horse", "cow", "sheep", "pig", "rabbit", "bird"],
        vehicles: [Vehicle(name: "car", way: 0), Vehicle(name: "bus", way: 0), Vehicle(name: "truck", way: 0),
                   Vehicle(name: "bicycle", way: 0), Vehicle(name: "train", way: 1), Vehicle(name: "plane", way: 2),
                   Vehicle(name: "ship", way: 3)],
        countryTemplates: [
            "$capital is the capital of $country",
            "the capital of $country is $capital",
            "people in $country speak $language",
            "in $capital people speak $language",
            "the mayor of $capital lives in the city",
            "$capital is a big city with old streets",
            "$country is a country with a long history",
            "the government of $country meets in $capital",
            "the border of $country is long",
            "we visited the city of $capital",
        ],
        personTemplates: [
            "the $p said that $he was $adj",
            "the $p took $his $thing and went home",
        ],
        royalTemplates: [
            "the $p sits on the throne in the palace",
            "the $p wears a golden crown",
            "the royal $p lives in the palace",
        ],
        commonTemplates: [
            "the $p lives in a small house",
            "the $p cooks dinner in $his kitchen",
            "the $p walks down the street",
        ],
        adultTemplates: ["every morning the $p goes to work", "the $p is a grown up"],
        youngTemplates: ["every morning the $p goes to school", "the $p is still a child"],
        coupleTemplates: ["the $male and the $female walked together"],
        animalTemplates: [
            "the $animal is an animal",
            "the $animal sleeps in the $place",
            "the farmer feeds the $animal every day",
            "the $animal eats and drinks",
        ],
        vehicleTemplates: [
            "we travel by $vehicle",
            "the $vehicle carries many people",
            "we took the $vehicle to $capital",
        ],
        wayTemplates: [
            "the $vehicle drives on the road",
            "the $vehicle runs on the rails to the station",
            "the $vehicle flies in the sky to the airport",
            "the $vehicle sails on the sea to the port",
        ],
        adjectives: ["happy", "tired", "hungry", "late"],
        things: ["bag", "hat", "book"],
        places: ["barn", "garden", "yard"])

    static let chinese = Lexicon(
        countries: [
            Country(country: "中国", capital: "北京", language: "汉语"),
            Country(country: "法国", capital: "巴黎", language: "法语"),
            Country(country: "日本", capital: "东京", language: "日语"),
            Country(country: "德国", capital: "柏林", language: "德语"),
            Country(country: "意大利", capital: "罗马", language: "意大利语"),
            Country(country: "西班牙", capital: "马德里", language: "西班牙语"),
            Country(country: "俄罗斯", capital: "莫斯科", language: "俄语"),
            Country(country: "埃及", capital: "开罗", language: "阿拉伯语"),
            Country(country: "希腊", capital: "雅典", language: "希腊语"),
            Country(country: "韩国", capital: "首尔", language: "韩语"),
        ],
        couples: [
            Couple(male: "国王", female: "王后", royal: true, adult: true),
            Couple(male: "王子", female: "公主", royal: true, adult: false),
            Couple(male: "男人", female: "女人", royal: false, adult: true),
            Couple(male: "男孩", female: "女孩", royal: false, adult: false),
            Couple(male: "父亲", female: "母亲", royal: false, adult: true),
            Couple(male: "丈夫", female: "妻子", royal: false, adult: true),
            Couple(male: "叔叔", female: "阿姨", royal: false, adult: true),
            Couple(male: "儿子", female: "女儿", royal: false, adult: false),
            Couple(male: "兄弟", female: "姐妹", royal: false, adult: false),
        ],
        he: "他", she: "她", his: "他", her: "她",
        animals: ["猫", "狗", "马", "牛", "羊", "猪", "兔子", "鸟"],
        vehicles: [Vehicle(name: "汽车", way: 0), Vehicle(name: "公交车", way: 0), Vehicle(name: "卡车", way: 0),
                   Vehicle(name: "自行车", way: 0), Vehicle(name: "火车", way: 1), Vehicle(name: "飞机", way: 2),
                   Vehicle(name: "轮船", way: 3)],
        countryTemplates: [
            "$capital 是 $country 的 首都",
            "$country 的 首都 是 $capital",
            "$country 的 人 说 $language",
            "在 $capital 人们 说 $language",
            "$capital 的 市长 住 在 城里",
            "$capital 是 一座 有 老 街道 的 大 城市",
            "$country 是 一个 历史 悠久 的 国家",
            "$country 的 政府 在 $capital 开会",
            "$country 的 边境 很 长",
            "我们 参观 了 $capital 这 座 城市",
        ],
        personTemplates: [
            "$p 说 $he 很 $adj",
            "$p 拿 着 $his 的 $thing 回家 了",
        ],
        royalTemplates: [
            "$p 坐 在 宫殿 里 的 王位 上",
            "$p 戴 着 金色 的 王冠",
            "王室 的 $p 住 在 宫殿 里",
        ],
        commonTemplates: [
            "$p 住 在 一座 小 房子 里",
            "$p 在 $his 的 厨房 里 做饭",
            "$p 沿着 街道 走",
        ],
        adultTemplates: ["每天 早上 $p 去 上班", "$p 是 一个 大人"],
        youngTemplates: ["每天 早上 $p 去 上学", "$p 还是 个 孩子"],
        coupleTemplates: ["$male 和 $female 一起 散步"],
        animalTemplates: [
            "$animal 是 一种 动物",
            "$animal 在 $place 里 睡觉",
            "农民 每天 喂 $animal",
            "$animal 在 吃 东西 喝水",
        ],
        vehicleTemplates: [
            "我们 坐 $vehicle 旅行",
            "$vehicle 载 着 很多 人",
            "我们 坐 $vehicle 去 $capital",
        ],
        wayTemplates: [
            "$vehicle 在 公路 上 行驶",
            "$vehicle 沿着 铁轨 开 到 车站",
            "$vehicle 在 天上 飞 到 机场",
            "$vehicle 在 海上 航行 到 港口",
        ],
        adjectives: ["高兴", "累", "饿", "晚"],
        things: ["包", "帽子", "书"],
        places: ["谷仓", "花园", "院子"])
}
