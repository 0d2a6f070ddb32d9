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

    /// Orders zones by name.
    public static func < (a: ZoneKind, b: ZoneKind) -> Bool { a.rawValue < b.rawValue }
}

/// A run of whole lines of a document (1-based, inclusive) and its byte range in the raw text.
public struct Zone: Hashable, Sendable {
    /// What the lines are: headline, body, navigation, ...
    public let kind: ZoneKind
    /// First line of the zone (1-based).
    public let firstLine: Int
    /// Last line of the zone (1-based, inclusive).
    public let lastLine: Int
    /// UTF-8 byte offsets into the raw text: `start..<end`.
    public let start: Int
    /// UTF-8 byte offset just past the zone's last line.
    public let end: Int
}
