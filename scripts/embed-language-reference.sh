#!/usr/bin/env bash
# Embeds docs/language.md in the library, so that `.help` shows its sections (HelpIndex parses them).
# Run after editing the reference; HelpIndexTests fails when the embedded copy differs from the file.
# The text is cut into parts of 400 lines, one generated file each (no source file over 500 lines).
# Usage: scripts/embed-language-reference.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
doc=docs/language.md
dir=Sources/QueryLang/Tooling/LanguageReference
if grep -q '"""#' "$doc"; then echo "$doc holds \"\"\"#, which ends a raw string" >&2; exit 1; fi
if grep -q '\\#' "$doc"; then echo "$doc holds \\#, which interpolates in a raw string" >&2; exit 1; fi
rm -rf "$dir.tmp"
mkdir -p "$dir.tmp"
lines=$(wc -l < "$doc")
parts=$(( (lines + 399) / 400 ))
names=()
for ((p = 1; p <= parts; p++)); do
    from=$(( (p - 1) * 400 + 1 ))
    to=$(( p * 400 ))
    names+=("part$p")
    {
        echo "// Generated from $doc (lines $from to $to) by scripts/embed-language-reference.sh: do not edit."
        echo ''
        echo 'extension LanguageReference {'
        echo "    static let part$p = #\"\"\""
        sed -n "${from},${to}p" "$doc"
        echo '"""#'
        echo '}'
    } > "$dir.tmp/Part$p.swift"
done
{
    echo "// Generated from $doc by scripts/embed-language-reference.sh: do not edit. HelpIndexTests checks that"
    echo '// it matches the file.'
    echo ''
    echo '/// The text of docs/language.md, the source of every `.help` page.'
    echo 'enum LanguageReference {'
    echo "    static var markdown: String { [$(IFS=,; echo "${names[*]}" | sed 's/,/, /g')].joined(separator: \"\\n\") }"
    echo '}'
} > "$dir.tmp/LanguageReference.swift"
rm -rf "$dir"
mv "$dir.tmp" "$dir"
echo "wrote $dir ($parts parts)"
