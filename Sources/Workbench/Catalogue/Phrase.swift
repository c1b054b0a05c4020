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
    case variablesTitle, headerName, headerValue, headerDimension, headerRank, headerWord, dimensionsUnnamed, modelShape, plotOneDimension, plotLengthsDiffer, plotNotFinite, plotStopped, plotTitleTwo, plotTitlePCA, plotTitleTSNE, vocabularyTop, vocabularyMatches, vocabularyMatchesMany, badRegularExpression
    // Models and evaluation.
    case unreadable, modelsTitle, headerModel, headerShape, headerSize, headerSetting, headerMeasure, headerSection, headerCorrect, headerAccuracy, nowUsing, cannotReadFile, evaluationOn, evaluationStopped, evaluationAnalogies
    // Training.
    case trainingTooFewWords, trainingTooFewWordsHint, trainingStopped, trainingDone, trainingStoppedBeforeStart, corpusHint, cannotWriteFile, cannotWriteFileHint
    // Limits on untrusted work (a document's line: its time limit and memory budget).
    case cellTimeLimit, cellMemoryLimit, cellLimitHint, trainingMemoryEstimate, trainingMemoryHint
    // Pictures (CLIP).
    case picturesNoModel, picturesBadNumber, picturesNoKnownWord, picturesDrawNeeds, picturesSearchNeeds, picturesSearchTitle, picturesCaptionNeeds, picturesCaptionTitle, picturesClassifyNeeds, picturesClassifyTitle, picturesMatrixNeeds, picturesMatrixTitle, picturesTrainingTitle, picturesDrawing, picturesTrainingProgress, picturesTrainingDone, picturesTrainingStopped, picturesAgainstWords, picturesOnlyCompared, picturesHeldOutMark,
         picturesRowModel, picturesRowEpochs, picturesRowLoss, picturesRowHeldOut, picturesRowTime, picturesRowSettings, picturesTrainedModel, picturesTrainedEpochs, picturesTrainedByCtrlC, picturesTrainedLoss, picturesTrainedHeldOut, picturesTrainedRecall, picturesHeaderPicture, picturesHeaderShows, picturesHeaderCaption, picturesHeaderLabel, picturesHeaderProbability
    // Encoders.
    case nowUsingEncoder, encoderShape, sentenceVectorLabel, contextualLabel, staticWordLabel, contextualEmptyWord, contextualWordMissing, contextualWordTruncated, staticContextNote, nearOnEncoder
    // Collections: search, recommend, classify, :load collection (the binder's and their own words).
    case collectionAfterText, collectionNeedsQuery, collectionUnknown, commandTakes, collectionNoKnownWord, collectionNoWordOfText, collectionWordsMissing
    case collectionLabels, collectionLoaded, collectionNoLabels, headerDocument, headerText, headerMethod, headerClass, headerScores
    case searchTitleEncoder, searchTitleSIF, searchTime, searchTimeCached, searchTimeSaved, durationMilliseconds, durationSeconds
    case recommendNoItem, recommendTitle, methodNearestCentroid, methodKNearest, classifyHeldOutTitle, classifyTitle
    // An English-only encoder given Chinese text (zh-wiki's helper).
    case encoderOnlyEnglish
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
    // A hint on the command line that switches model (the prompt's `:use NAME`, as a shell command).
    case commandLineOtherModel
    // Lesson lint's problems (`embedlab lesson lint`, --lang zh).
    case lintStep, lintNoTitle, lintModelUnloadable, lintNoChineseTitle, lintNoEnglishProse, lintNoChineseProse, lintDemoFails, lintNoRejects, lintUnknownWord, lintUnknownWords, lintSolutionFailsToRun, lintSolutionFailsCheck, lintRejectPasses, lintPlainAnswerFails, lintMistakeNoFeedback, lintMistakePasses, lintMistakeWrongFeedback, lintQuestionCommandsOnly, lintMixedKinds, lintYesNoLines, lintHowManyNoNumber, lintWhichWordNotWord, lintNumberCheckAboutWords, lintWordCheckAboutNumber, lintAnswerFailsCheck, lintHintGivesAway, lintHintRungs, lintFeedbackNoLanguage, lintDuplicateId
    // Problems found while reading a lesson file (lint, --lesson, run; --lang zh).
    case lessonFrontMatterNotClosed, lessonFenceNotClosed, lessonFrontMatterNotYAML, lessonFrontMatterNotPairs, lessonFrontMatterKeyNotWord, lessonFrontMatterTextPerLanguage, lessonFrontMatterNotList, lessonYAMLInvalid, lessonYAMLInvalidWhile, lessonYAMLTwice, lessonYAMLOther, lessonUnknownKey, lessonUnknownKeyClose, lessonUnknownKeySeed, lessonIdNotWord, lessonTitleLanguage, lessonNoId, lessonModelLanguage, lessonModelNoEnglish, lessonModelEmpty, lessonCheckNoSolution, lessonStepEmpty, lessonSolutionLines, lessonHeadingAttribute, lessonStepNoId, lessonStepIdTwice, lessonLanguageBlock, lessonProseOutside, lessonBlockBeforeStep, lessonFeedbackNoCheck, lessonCheckLine, lessonHintLine, lessonUnknownBlock, lessonNoCheck, lessonNoSteps, lessonSeeFormat
    // Evaluation files.
    case evaluationFileHint
    // Training, saved.
    case trainingSaved
    // Word2Vec at the prompt: `train word2vec …`.
    case word2vecTrainingDone, trainingOptionOfOtherMethod, word2vecTrainingLine, word2vecLoss, word2vecStageTraining, word2vecTime, word2vecTimeLine
    // The command language's syntax.
    case quoteNotClosed, quoteNotClosedHint, notANumber, notANumberHint, notInLanguage, notInLanguageHint, lineTooLong, lineTooLongHint, expectedFound, expectedEquals, expectedClose, expectedVectorEnd, letNeedsName, analogyForm, tooManyMinus, tooManyMinusHint, nestedTooDeep, nestedTooDeepHint, lineEndsEarly, lineEndsEarlyHint, expectedOperand, unexpectedToken, unexpectedTokenHint, variableNotNumber, literalNumbersOnly, emptyVector, functionNotNumber, divisionByZero, cannotAddVectors, cannotSubtractVectors, sameDimensionsHint, cannotMultiplyVectors, cannotMultiplyVectorsHint, cannotDivideByVector, cannotDivideByVectorHint, cannotAddNumber, cannotSubtractNumber, numbersScaleHint, textHasNoWords, textNotClosed, textNotClosedHint
    // Numbers that do not fit: an overflow is an error that names the operation.
    case numberTooLarge, resultNotFinite, vectorTooLarge, lineTooManyBytes
    // Tokens, BPE, co-occurrence. {s} and {t} are English plural endings.
    case countWords, countCharacters, countBytes, countBPETokens, tokensNoteNoBPE, tokensNoteBPE, headerBytes, headerToken, headerMergedFrom, headerCount, bpeNote, bpeStoppedByCtrlC, bpeStoppedEarly, bpeTitle, cooccurTitle, cooccurShown
    // Labels in rendered values.
    case labelDimensions, labelBarsFullWidth, labelInputsLeftOut, methodCosine, methodCosineToMean, vocabularyMatchesOne
    // Training and tokens, drawn.
    case trainingLine, trainingCost, trainingCostNote, trainingSettings, trainingTry, viewWords, viewCharacters, headerMerge, headerNewToken
    // The prompt's lines.
    case notePrefix, lineNumber, savedNotebook
    // The REPL's host commands: lessons, :export, :save FILE.html.
    case lessonLeft, lessonUnknown, lessonUnknownHint, lessonOnlyCommand, lessonOnlyCommandHint, lessonUnfinished, lessonStateFinished, lessonStateAtStep, lessonStateNotStarted, lessonsTitle, exerciseMark, hintNumber, exportNeedsSVG, exportNothingYet, exportNoPicture, exportPicturesFrom, exportWrote, chooseWritableFolder, savedPage, saveWhichFiles
    // What a command's argument or option is, in errors (bind's block); vectors that do not fit; sentences of words; :set search.
    case argumentKindText, argumentKindFile, argumentKindPattern, argumentKindModel, argumentKindCorpus, argumentKindCollection, argumentKindOther
    case optionKindName, optionKindText, vectorDoesNotFitModel, vectorDoesNotFitModelHint
    case sentenceNoKnownWord, sentenceWordsMissing, sentenceSIFLabel, settingSearchApprox, settingSearchExact
    // Moved in from :python, plots, value notes, demo keys, convert and eval, pictures and tokens (bind's block).
    case pythonNothingYet, pythonNothingYetHint, pythonNoEquivalent, pythonNoEquivalentHint, plotSameScale, plotLabelsNoRoom
    case notesInBrackets, notesSeparator, demoKeysOutput, demoKeysEnd, demoKeysNext, convertEncoderInstead, commandNeedsWordModel
    case picturesColour, picturesShape, picturesAndA, clauseSeparator, indexNoneYet
    // What a check and a plain answer say to the learner (Check, Check+Grading, PlainAnswer; bind's block).
    case checkWantedType, checkWordNotInTop, checkWordsNotInTop, checkShouldNotBeInTop, checkListEmpty, checkListStartsWith, checkWrongWords, checkWrongCount
    case checkNumberIs, numberTooHigh, numberTooLow, checkVectorDimensions, checkWrongVector, checkTextMissing, checkTextTooLong, describeList
    case describeNumber, describeVector, describeTable, valueKindVector, valueKindNumber, valueKindNeighbours, valueKindTable, valueKindText
    case valueKindPlot, valueKindNothing, answerAlsoWord, answerAlsoNumber, answerNowYesNo, answerComputedYesNo, answerComputedWhichWord, answerNotIt
    case answerYesNoOnly, answerWrongWord, answerNotAChoice, answerShareNotCount, answerNeedsNumber
    // index build/compare/sweep and its chart, row, tokens on an encoder, train --write-corpus (bind's block).
    case indexSubcommands, indexReadBack, indexBuilding, indexBuilt, indexSavedRefused, indexSaved, indexNotSaved, indexCompareStopped
    case indexSweepStopped, indexCompareTitle, indexSweepTitle, indexExactRow, headerSearch, headerMsPerQuery, headerQueriesPerSecond, sweepChartHeading
    case sweepChartNote, sweepNoRoomToLabel, sweepExactLegend, rowTokenIdRange, rowTokenLabel, rowWordRange, rowWordLabel, tokensEncoderPieces
    case tokensRowHint, wroteSmallWorld
    // The lesson runner and the grader's words to the learner (bind's block).
    case lessonTypeAnswer, lessonPressEnterToRun, lessonPressEnter, lessonWaitsForAnswer, lessonNotYet, lessonLastHint, lessonSolutionIs
    case lessonCorrect, lessonComputed, lessonNoExercise, lessonNoHints, lessonSolution, lessonFirstStep, lessonFinished
    case answerDidNotRun, feedbackThenReminder
    // What a `uses` check says of a command that is not the one asked for (CommandPattern).
    case patternNeedsCalculation, patternNeedsAnalogy, patternWrongSubtracted, patternWrongStart, patternWrongAdded, patternOtherCommand
    case patternWrongWords, patternTooFewWords, patternWrongText, patternOptionMissing, patternOptionWrong
    case patternAnExpression, patternAnAnalogy, patternAnAssignment, patternAnEmptyLine, patternTheCommand
    // Long work's progress.
    case stageCountingWords, stageCountingCooccurrences, stageShuffling, stageTraining
}

extension Language {
    /// The catalogue's text for `phrase` in this language, with `{name}` filled from `values`.
    public func text(_ phrase: Phrase, _ values: [String: String] = [:]) -> String {
        Catalogue.text(phrase, self, values)
    }
}
