// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "mq",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "QueryLang", targets: ["QueryLang"]),
        .library(name: "PlatformTuning", targets: ["PlatformTuning"]),
        .executable(name: "mq", targets: ["repl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    ],
    targets: [
        .target(
            name: "QueryLang",
            dependencies: [.product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Allocator and page tuning for loading large corpora: the library's default leaves the process's
        // allocator alone; the executable (or an embedding host) installs this at start.
        .target(name: "PlatformTuning", dependencies: ["QueryLang"]),
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // libpq through a system module: the PostgreSQL engine links it, the embeddable library does not.
        .systemLibrary(
            name: "CPostgres",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(name: "MQPostgres", dependencies: ["QueryLang", "CPostgres"]),
        .executableTarget(
            name: "repl",
            dependencies: [
                "QueryLang",
                "PlatformTuning",
                "MQPostgres",
                "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "QueryLangTests",
            dependencies: ["QueryLang", "PlatformTuning", "FuzzDriver", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]
        ),
        // libFuzzer harnesses (see README, "Fuzzing"): `make fuzz` builds them with -sanitize=fuzzer and
        // -DFUZZING; built plainly they are reproducers that run the files given on the command line.
        .target(name: "FuzzDriver", dependencies: ["QueryLang"], path: "Fuzz/FuzzDriver"),
        .executableTarget(name: "ParserFuzz", dependencies: ["QueryLang", "FuzzDriver"], path: "Fuzz/ParserFuzz"),
        .executableTarget(name: "EngineFuzz", dependencies: ["QueryLang", "FuzzDriver"], path: "Fuzz/EngineFuzz"),
        .executableTarget(name: "CorpusFuzz", dependencies: ["QueryLang", "FuzzDriver"], path: "Fuzz/CorpusFuzz"),
        .executableTarget(name: "OutputFuzz", dependencies: ["QueryLang", "FuzzDriver"], path: "Fuzz/OutputFuzz"),
    ]
)
