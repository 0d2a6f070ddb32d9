extension Duration {
    /// The duration in milliseconds, for timings printed by the command line.
    var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}
