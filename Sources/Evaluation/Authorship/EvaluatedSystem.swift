import HyPerAlign

/// A system whose outputs are judged: one of the four generation variants, or outputs imported from a
/// JSONL file (any external method, e.g. DITTO's generations).
///
/// Written and read as its name: `zero-shot`, `few-shot`, `hyperalign`, `hyperalign+examples`,
/// `imported:outputs.jsonl`.
public enum EvaluatedSystem: Sendable, Hashable, Codable, CustomStringConvertible {
    case variant(GenerationVariant)
    case imported(path: String)

    /// Parses a system name as given on the command line.
    public init(parsing name: String) throws(EvaluationError) {
        if name.hasPrefix("imported:") {
            let path = String(name.dropFirst("imported:".count))
            guard !path.isEmpty else { throw EvaluationError("system 'imported:' needs a file, e.g. imported:ditto.jsonl") }
            self = .imported(path: path)
        } else if let variant = GenerationVariant(rawValue: name) {
            self = .variant(variant)
        } else {
            let known = GenerationVariant.allCases.map(\.rawValue).joined(separator: ", ")
            throw EvaluationError("unknown system '\(name)'; choose from \(known) or imported:FILE.jsonl")
        }
    }

    public var description: String {
        switch self {
        case .variant(let variant): variant.rawValue
        case .imported(let path): "imported:\(path)"
        }
    }

    /// The generation variant, when the system is generated here.
    public var variant: GenerationVariant? {
        if case .variant(let variant) = self { return variant }
        return nil
    }

    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        self = try EvaluatedSystem(parsing: name)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
