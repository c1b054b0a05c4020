/// The keys of the string catalogue: every sentence the workbench says to a learner, by name.
/// The texts are in `Catalogue.english` and `Catalogue.chinese`; `{name}` marks a value filled in.
///
/// ```swift
/// Language.zh.text(.unknownCommand, ["name": "nera"])   // "没有 'nera' 这个命令"
/// ```
public enum Phrase: String, CaseIterable, Sendable {
    // Options and arguments (the command table's checks).
    case optionWholeNumber, optionWholeNumberOrOff, optionWholeNumberAtLeast, optionWholeNumberAtLeastOrOff
    case optionPositive, optionNumber, optionOnOff, optionChoice, optionName, optionText
    case optionUnknown, optionNeedsValue, optionNotHere, optionTwice
    case argumentsExactly, argumentsAtLeast, argumentsBetween, argumentsNone
    case argumentWordsOnly, argumentNeedsText, argumentNeedsKeyword
    case unknownCommand, unknownMetaCommand, notAFunction, hostCommandOnly
    case commandCannotBeVariable
    // Settings.
    case settingUnknown, settingK, settingExcludeOn, settingExcludeOff, settingRestrict, settingRestrictOff, settingsTitle
    // Vectors and numbers.
    case dimensionsDiffer, numberNotVector
    // Neighbours.
    case oddOneOutOf, outsideSearchedWords, rankLabel
    // Vectors and the model.
    case variablesTitle, headerName, headerValue, headerDimension, headerRank, headerWord, dimensionsUnnamed, modelShape, plotOneDimension, plotTitleTwo, plotTitlePCA, vocabularyTop, vocabularyMatches, vocabularyMatchesMany, badRegularExpression
    // Models and evaluation.
    case unreadable, modelsTitle, headerModel, headerShape, headerSize, headerSetting, headerMeasure, headerSection, headerCorrect, headerAccuracy, nowUsing, cannotReadFile, evaluationOn, evaluationStopped, evaluationAnalogies
    // Training.
    case trainingTooFewWords, trainingTooFewWordsHint, trainingStopped, trainingDone, trainingStoppedBeforeStart, corpusHint, cannotWriteFile, cannotWriteFileHint
    // Encoders.
    case nowUsingEncoder, sentenceVectorLabel, contextualLabel, staticWordLabel, contextualEmptyWord, contextualWordMissing, contextualWordTruncated, embedNeedsEncoder
    // Language.
    case languageUnknown, languageNow
    // Help.
    case helpIntro, helpTry, helpMore, helpNoTopic, helpAlso, helpFunction, helpOptions, helpDefault, helpExamples
    // Words.
    case notInVocabulary, otherModelHasWord, vocabularyHint, didYouMean
    // The prompt.
    case banner
    // Errors.
    case errorPrefix
    // Evaluation files.
    case evaluationFileHint
    // Training, saved.
    case trainingSaved
    // Word2Vec at the prompt: `train word2vec …`.
    case word2vecTrainingDone, trainingOptionOfOtherMethod
}

extension Language {
    /// The catalogue's text for `phrase` in this language, with `{name}` filled from `values`.
    public func text(_ phrase: Phrase, _ values: [String: String] = [:]) -> String {
        Catalogue.text(phrase, self, values)
    }
}
