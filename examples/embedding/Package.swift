// swift-tools-version:6.0
// A host of mq's library, as a service would embed it: only the public API of QueryLang, and the
// PlatformTuning library it opts into because it owns its process.
// `make test` builds and runs it (scripts/run-embedding-example.sh).
import PackageDescription

let package = Package(
    name: "EmbeddingExample",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "mq", path: "../..")],
    targets: [
        .executableTarget(name: "EmbeddingExample", dependencies: [
            .product(name: "QueryLang", package: "mq"), .product(name: "PlatformTuning", package: "mq"),
        ]),
    ]
)
