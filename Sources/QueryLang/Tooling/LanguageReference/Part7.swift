// Generated from docs/language.md (lines 2401 to 2800) by scripts/embed-language-reference.sh: do not edit.

extension LanguageReference {
    static let part7 = #"""
empty texts, zones outside the text. `build()` returns `Result<Corpus, CorpusLoadError>`: every problem
at once, nothing traps. `CorpusBuilder(extending: corpus)` starts from a loaded corpus; adding documents
gives a new corpus that shares the old texts and mentions (only the new documents are matched).

```swift
var b = CorpusBuilder(extending: corpus)
b.addDocument(id: "wire-0612", text: text, title: "Strike on a depot", outlet: "Wire", published: "2024-06-12",
              zones: [(.headline, 1...1), (.body, 2...40)])
b.addFact(id: "kh-strike-0612", subject: "kataib-hezbollah", predicate: "attacked", object: .entity("united-states"),
          date: "2024-06-12", doc: "wire-0612", quote: "claimed the strike")
switch b.build() {
case let .success(newer): engine = Engine(corpus: newer)
case let .failure(error): for p in error.problems { print(p) }   // "fact kh-strike-0612: quote not found ..."
}
```
"""#
}
