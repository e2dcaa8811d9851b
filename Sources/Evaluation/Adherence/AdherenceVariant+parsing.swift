import HyPerAlign

extension AdherenceVariant {
    /// Reads a variant as ``description`` writes it ("hyperalign+examples --best-of 4 --repair"), so a run can
    /// name the rows it needs in the words its summary uses.
    /// - Throws: ``EvaluationError`` naming the word it could not read.
    public init(parsing text: String) throws(EvaluationError) {
        var words = text.split(whereSeparator: \.isWhitespace).map(String.init)[...]
        guard let first = words.popFirst() else { throw EvaluationError("empty variant: name one of \(Self.generationNames)") }
        guard let generation = GenerationVariant(rawValue: first) else {
            throw EvaluationError("unknown variant '\(first)' in '\(text)': choose from \(Self.generationNames)")
        }
        self.init(generation)
        while let flag = words.popFirst() {
            switch flag {
            case "--best-of":
                guard let count = words.popFirst().flatMap(Int.init), (2...CheckedGeneration.maxCandidates).contains(count) else {
                    throw EvaluationError("'--best-of' in '\(text)' needs a count from 2 to \(CheckedGeneration.maxCandidates)")
                }
                bestOf = count
            case "--revise": revise = true
            case "--repair": repair = true
            case "--choose":
                guard let name = words.popFirst(), let chosen = CandidateChoice(rawValue: name) else {
                    throw EvaluationError("'--choose' in '\(text)' needs one of \(CandidateChoice.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                choice = chosen
            default:
                throw EvaluationError("unknown option '\(flag)' in variant '\(text)': use --best-of N, --revise, --repair or --choose habits|style")
            }
        }
    }

    private static var generationNames: String { GenerationVariant.allCases.map(\.rawValue).joined(separator: ", ") }
}
