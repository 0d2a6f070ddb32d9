import ArgumentParser
import QueryLang

@main
struct MQ: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mq",
        abstract: "Query a news corpus of armed groups and political networks.",
        discussion: "With no subcommand, mq works on the default corpus (--corpus, MQ_CORPUS, ./seeds, or the bundled seeds).",
        subcommands: [CorpusCommand.self]
    )
}
