import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

@Suite("Safe file writer")
struct SafeFileWriterTests {
    let dir: String = {
        let d = NSTemporaryDirectory() + "mq-save-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }()

    func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    @Test func writesANewFileAndReplacesAnOldOneKeepingItsMode() throws {
        let path = dir + "/a.mq"
        #expect(try SafeFileWriter.write("one\n", to: path) == .new(path: path))
        #expect(chmod(path, 0o640) == 0)
        #expect(try SafeFileWriter.write("two\n", to: path) == .existing(path: path, link: nil))
        #expect(read(path) == "two\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["a.mq"])
    }

    @Test func aLinkIsFollowedAndKept() throws {
        let target = dir + "/real.mq", link = dir + "/link.mq"
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(try SafeFileWriter.write("new\n", to: link) == .existing(path: target, link: link))
        #expect(read(target) == "new\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    }

    @Test func devicesFoldersPipesAndDanglingLinksAreRefused() throws {
        #expect(throws: SafeFileWriter.Failure.self) { try SafeFileWriter.write("x", to: "/dev/null") }
        do { try SafeFileWriter.write("x", to: "/dev/null") } catch {
            #expect(error.description == "not saved: /dev/null is a device, not a regular file")
        }
        #expect(throws: SafeFileWriter.Failure.self) { try SafeFileWriter.write("x", to: dir) }
        let fifo = dir + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: SafeFileWriter.Failure.self) { try SafeFileWriter.write("x", to: fifo) }
        let toDevice = dir + "/to-null"
        try FileManager.default.createSymbolicLink(atPath: toDevice, withDestinationPath: "/dev/null")
        do { try SafeFileWriter.write("x", to: toDevice) } catch {
            #expect(error.description == "not saved: \(toDevice) leads to /dev/null, which is a device, not a regular file")
        }
        let dangling = dir + "/dangling"
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: dir + "/nothing")
        do { try SafeFileWriter.write("x", to: dangling) } catch {
            #expect(error.description == "not saved: \(dangling) is a link to a missing file")
        }
        #expect(FileManager.default.fileExists(atPath: "/dev/null"))
    }

    @Test func failuresArePlain() {
        do { try SafeFileWriter.write("x", to: dir + "/no/such/folder/a.mq") } catch {
            #expect(error.description == "cannot write \(dir)/no/such/folder/a.mq: there is no folder \(dir)/no/such/folder")
        }
        // A folder where no file can be made (the temporary file fails): the reason, plainly.
        do { try SafeFileWriter.write("x", to: "/proc/version") } catch {
            #expect(error.description.hasPrefix("cannot write /proc/version: "))
        }
    }

    @Test func tildeIsExpanded() {
        #expect(SafeFileWriter.expand("~/a.mq", environment: ["HOME": "/home/x"]) == "/home/x/a.mq")
        #expect(SafeFileWriter.expand("~", environment: ["HOME": "/home/x"]) == "/home/x")
        #expect(SafeFileWriter.expand("~root/a.mq").hasSuffix("/a.mq"))
        #expect(!SafeFileWriter.expand("~root/a.mq").hasPrefix("~"))
        #expect(SafeFileWriter.expand("a~b", environment: ["HOME": "/home/x"]) == "a~b")
        #expect(SafeFileWriter.expand("~nosuchuser-mq/a", environment: [:]) == "~nosuchuser-mq/a")
    }
}
