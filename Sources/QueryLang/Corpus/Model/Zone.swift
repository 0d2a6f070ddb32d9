/// The part of a scraped page a piece of text belongs to.
///
/// Scraped pages carry boilerplate (navigation, related-article teasers, ads, comment boxes); a mention
/// there is not the article's own. `isOwnText` separates the article from its wrapping.
public enum ZoneKind: String, CaseIterable, Sendable, Comparable {
    case headline, standfirst, body, caption
    case navigation, byline, dateline, related, ad, comments, prompt, bio
    /// Reference lists, notes and bibliographies at the end of a document.
    case references

    /// Headline, standfirst, body and captions are the article's own text; the rest is boilerplate.
    public var isOwnText: Bool {
        switch self {
        case .headline, .standfirst, .body, .caption: return true
        default: return false
        }
    }

    public static func < (a: ZoneKind, b: ZoneKind) -> Bool { a.rawValue < b.rawValue }
}

/// A run of whole lines of a document (1-based, inclusive) and its byte range in the raw text.
public struct Zone: Hashable, Sendable {
    public let kind: ZoneKind
    public let firstLine: Int
    public let lastLine: Int
    /// UTF-8 byte offsets into the raw text: `start..<end`.
    public let start: Int
    public let end: Int
}
