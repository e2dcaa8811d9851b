import Foundation

/// Loads personas: the bundled set, or every `*.json` file of a folder.
public enum PersonaLibrary {
    /// The bundled personas, sorted by id.
    public static func bundled() throws -> [Persona] {
        guard let directory = Bundle.module.url(forResource: "Personas", withExtension: nil) else {
            throw EvaluationError("the bundled personas are missing (a packaging bug)")
        }
        return try load(directory)
    }

    /// Every `*.json` persona in `directory`, sorted by id.
    public static func load(_ directory: URL) throws -> [Persona] {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "json" }
        } catch {
            throw EvaluationError(file: directory.path, "cannot list personas: \(error.localizedDescription)")
        }
        let decoder = JSONDecoder()
        let personas = try files.map { file in
            do { return try decoder.decode(Persona.self, from: Data(contentsOf: file)) } catch {
                throw EvaluationError(file: file.lastPathComponent, "is not a persona: \(error)")
            }
        }
        guard personas.contains(where: { $0.intent == .benign }) else {
            throw EvaluationError(file: directory.path, "has no benign persona")
        }
        return personas.sorted { $0.id < $1.id }
    }
}
