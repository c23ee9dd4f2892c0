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
}
