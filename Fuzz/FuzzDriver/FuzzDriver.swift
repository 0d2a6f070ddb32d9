// The entry point the libFuzzer harnesses share. SwiftPM links an executable with its own entry point, so
// each harness keeps `main` and calls `FuzzDriver.main`: built with -DFUZZING it hands control to
// libFuzzer's driver (LLVMFuzzerRunDriver); built plainly it runs the files named on the command line, as
// a reproducer (`swift build --product <Harness> && .build/debug/<Harness> FILE...`).
import Foundation

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif

public enum FuzzDriver {
    /// The harness's function for one input. A global, because libFuzzer's callback is a C function
    /// pointer that cannot capture; it is set once, before the driver starts, and only read afterwards.
    nonisolated(unsafe) private static var body: (UnsafeRawBufferPointer) -> Void = { _ in }

    /// Runs `run` on every input: libFuzzer's (after `prepare`) when fuzzing, else each file argument's.
    public static func main(prepare: () -> Void, run: @escaping (UnsafeRawBufferPointer) -> Void) -> Never {
        body = run
        #if FUZZING
        prepare()
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzDriver.body(UnsafeRawBufferPointer(start: data, count: size))
            return 0
        })
        #else
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { print("cannot read \(path)"); continue }
            data.withUnsafeBytes { body($0) }
            print("ok \(path)")
        }
        exit(0)
        #endif
    }
}
