/// Random identifiers (trace IDs, log stream names, request IDs), drawn from the system generator 64 bits at a time:
/// one system call yields several characters instead of one each.
enum RandomText {
    static let lowercaseHex = Array("0123456789abcdef")
    static let uppercaseAlphanumeric = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    /// `count` characters from `alphabet`.
    static func make(_ count: Int, from alphabet: [Character]) -> String {
        let base = UInt64(alphabet.count)
        let perDraw = charactersPerDraw(base: base)
        var generator = SystemRandomNumberGenerator()
        var characters: [Character] = []
        characters.reserveCapacity(count + perDraw)
        while characters.count < count {
            var word: UInt64 = generator.next()
            for _ in 0..<perDraw {
                characters.append(alphabet[Int(word % base)])
                word /= base
            }
        }
        return String(characters.prefix(count))
    }

    /// How many base-`base` digits one 64-bit draw fills completely (the largest n with base^n < 2^64).
    static func charactersPerDraw(base: UInt64) -> Int {
        var remaining = UInt64.max
        var count = 0
        while remaining >= base {
            remaining /= base
            count += 1
        }
        return count
    }

    /// A random (version 4) UUID in lowercase, as Lambda's request IDs are, from two 64-bit draws of the system
    /// generator (Foundation's `UUID()` reads `/dev/urandom` through a file on Linux).
    static func uuid() -> String {
        var generator = SystemRandomNumberGenerator()
        let high: UInt64 = (generator.next() & ~0xF000) | 0x4000
        let low: UInt64 = (generator.next() & ~(UInt64(0xC) << 60)) | (UInt64(0x8) << 60)
        let hex = hex16(high) + hex16(low)
        let characters = Array(hex)
        return String(characters[0..<8]) + "-" + String(characters[8..<12]) + "-" + String(characters[12..<16]) + "-"
            + String(characters[16..<20]) + "-" + String(characters[20..<32])
    }

    private static func hex16(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
