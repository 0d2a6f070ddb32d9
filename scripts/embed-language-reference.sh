#!/usr/bin/env bash
# Embeds docs/language.md in the library, so that `.help` shows its sections (HelpIndex parses them).
# Run after editing the reference; HelpIndexTests fails when the embedded copy differs from the file.
# Usage: scripts/embed-language-reference.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=Sources/QueryLang/Tooling/LanguageReference.swift
if grep -q '"""#' docs/language.md; then echo "docs/language.md holds \"\"\"#, which ends a raw string" >&2; exit 1; fi
if grep -q '\\#' docs/language.md; then echo "docs/language.md holds \\#, which interpolates in a raw string" >&2; exit 1; fi
{
    echo '// Generated from docs/language.md by scripts/embed-language-reference.sh: do not edit by hand.'
    echo '// HelpIndexTests checks that it matches the file.'
    echo ''
    echo '/// The text of docs/language.md, the source of every `.help` page.'
    echo 'enum LanguageReference {'
    echo '    static let markdown = #"""'
    cat docs/language.md
    echo '"""#'
    echo '}'
} > "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out"
