// Generated from docs/language.md by scripts/embed-language-reference.sh: do not edit. HelpIndexTests checks that
// it matches the file.

/// The text of docs/language.md, the source of every `.help` page.
enum LanguageReference {
    static var markdown: String { [part1, part2, part3, part4, part5, part6, part7].joined(separator: "\n") }
}
