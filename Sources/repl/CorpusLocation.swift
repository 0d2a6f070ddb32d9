import Foundation

/// Where the corpus comes from: `--corpus DIR`, else `MQ_CORPUS`, else `./seeds`, else the seeds corpus
/// that ships with mq's source tree.
enum CorpusLocation {
    static func resolve(_ explicit: String?) -> String {
        if let explicit { return explicit }
        if let env = ProcessInfo.processInfo.environment["MQ_CORPUS"], !env.isEmpty { return env }
        if FileManager.default.fileExists(atPath: "seeds/documents") { return "seeds" }
        return bundledSeeds
    }

    /// `seeds/` beside the package this binary was built from.
    static var bundledSeeds: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("seeds").path
    }
}
