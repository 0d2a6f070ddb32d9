#if canImport(Glibc)
import Glibc

/// Under AddressSanitizer a local may live on a "fake stack" on the heap; these map it back to its frame
/// on the real stack. Looked up at run time: present only in a sanitized build.
private typealias GetFakeStack = @convention(c) () -> UnsafeMutableRawPointer?
private typealias AddressIsInFakeStack = @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?,
                                                         UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                                                         UnsafeMutablePointer<UnsafeMutableRawPointer?>?) -> UnsafeMutableRawPointer?
private let asanFakeStack: (current: GetFakeStack, realFrame: AddressIsInFakeStack)? = {
    guard let current = dlsym(nil, "__asan_get_current_fake_stack"),
          let real = dlsym(nil, "__asan_addr_is_in_fake_stack") else { return nil }
    return (unsafeBitCast(current, to: GetFakeStack.self), unsafeBitCast(real, to: AddressIsInFakeStack.self))
}()

/// glibc declares it only under _GNU_SOURCE, which the Glibc module does not define.
@_silgen_name("pthread_getattr_np")
private func pthreadGetAttr(_ thread: pthread_t, _ attr: UnsafeMutablePointer<pthread_attr_t>) -> CInt

/// Each thread's measured bounds (a heap copy of its ``StackGuard``), freed when the thread ends.
private let measuredStack: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key) { $0?.deallocate() }
    return key
}()
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps the evaluator's recursion off the end of the thread's stack.
///
/// The parser bounds how deep one expression nests (``Limits/maxDepth``), and the evaluator bounds how deep
/// user functions call each other, but the two multiply (200 calls, each with a body 200 levels deep), and
/// the stack of the thread a host runs a session on may be small (512 KiB is common for worker threads).
/// So the evaluator also checks the stack itself: when less than ``headroom`` is left, the query stops with
/// E402 instead of crashing.
struct StackGuard: Sendable {
    /// Stack kept free for what runs after the check (builtin functions, renderers, unwinding).
    static let headroom: UInt = 192 << 10
    /// The bottom of the stack and the lowest address the evaluator may reach (`base + headroom`); zero
    /// when unknown.
    private(set) var base: UInt = 0
    private(set) var low: UInt = 0
    private(set) var top: UInt = 0

    /// The bounds of the current thread's stack (stacks grow down on every platform mq runs on).
    static func current() -> StackGuard {
        #if canImport(Glibc)
        // glibc finds the main thread's stack by reading /proc/self/maps (a tenth of a millisecond), so each
        // thread measures once.
        if let saved = pthread_getspecific(measuredStack) { return saved.load(as: StackGuard.self) }
        let g = measure()
        let saved = UnsafeMutableRawPointer.allocate(byteCount: MemoryLayout<StackGuard>.size,
                                                     alignment: MemoryLayout<StackGuard>.alignment)
        saved.storeBytes(of: g, as: StackGuard.self)
        pthread_setspecific(measuredStack, saved)
        return g
        #else
        return measure()
        #endif
    }

    private static func measure() -> StackGuard {
        var g = StackGuard()
        #if canImport(Glibc)
        var attr = pthread_attr_t()
        guard pthreadGetAttr(pthread_self(), &attr) == 0 else { return g }
        defer { pthread_attr_destroy(&attr) }
        var base: UnsafeMutableRawPointer? = nil
        var size = 0
        guard pthread_attr_getstack(&attr, &base, &size) == 0, let base, UInt(size) > 2 * headroom else { return g }
        g.base = UInt(bitPattern: base)
        g.low = g.base + headroom
        g.top = g.base + UInt(size)
        #elseif canImport(Darwin)
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        let size = UInt(pthread_get_stacksize_np(pthread_self()))
        guard size > 2 * headroom else { return g }
        g.base = top - size
        g.low = g.base + headroom
        g.top = top
        #endif
        return g
    }

    /// Whether the caller's frame is inside the reserved end of the stack.
    @inline(__always)
    func exhausted() -> Bool {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { p in
            var here = UInt(bitPattern: p)
            #if canImport(Glibc)
            if here < base || here >= top, let asan = asanFakeStack,
               let real = asan.realFrame(asan.current(), UnsafeMutableRawPointer(p), nil, nil) {
                here = UInt(bitPattern: real)
            }
            #endif
            return here >= base && here < low
        }
    }
}
