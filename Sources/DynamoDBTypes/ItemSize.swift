/// DynamoDB's item-size rules, used for the 400 KB limit, capacity units and stream `SizeBytes`.
///
/// Per attribute: UTF-8 length of the name plus the value's size, where S = UTF-8 bytes,
/// N = base-100 digits + 1, B = raw bytes, BOOL/NULL = 1, sets = sum of their elements,
/// L/M = 3 + Σ(1 + element size), map keys counted like attribute names.
///
/// Numbers: AWS documents "1 byte per two significant digits + 1". Real stream records show the
/// digit pairs are aligned on the decimal point (base-100 digits, as in Oracle's NUMBER):
/// `139.2675643770462` has 16 significant digits but occupies pairs `1|39.26|75|64|37|70|46|20`,
/// 9 pairs → 10 bytes; AWS reported `SizeBytes` 43 and 45 for two such records where ⌈16/2⌉+1 gives
/// 42 and 44. For integers the two rules agree. Checked in `ItemSizeTests`.
public enum ItemSize {
    /// DynamoDB's maximum item size (400 KB).
    public static let maximum = 400 * 1024

    /// The size of an item: Σ(name UTF-8 bytes + value size).
    public static func of(_ item: Item) -> Int {
        item.reduce(0) { $0 + $1.key.utf8.count + of($1.value) }
    }

    /// The size of one value, without its attribute name.
    ///
    /// A number string that is not a valid DynamoDB number (which validated items never hold) is
    /// sized by its digit characters, so the function stays total.
    public static func of(_ value: AttributeValue) -> Int {
        switch value {
        case .s(let text): text.utf8.count
        case .n(let text): numberSize(text)
        case .b(let bytes): bytes.count
        case .ss(let texts): texts.reduce(0) { $0 + $1.utf8.count }
        case .ns(let texts): texts.reduce(0) { $0 + numberSize($1) }
        case .bs(let values): values.reduce(0) { $0 + $1.count }
        case .m(let map): 3 + map.reduce(0) { $0 + 1 + $1.key.utf8.count + of($1.value) }
        case .l(let list): 3 + list.reduce(0) { $0 + 1 + of($1) }
        case .null, .bool: 1
        }
    }

    /// Size of a number: one byte per base-100 digit (pairs aligned on the decimal point), plus one.
    public static func of(_ number: DynamoDBNumber) -> Int {
        guard let leading = number.leadingExponent else { return 1 }
        return floorHalf(leading) - floorHalf(number.exponent) + 2
    }

    private static func floorHalf(_ value: Int) -> Int {
        value >= 0 ? value / 2 : -((-value + 1) / 2)
    }

    private static func numberSize(_ text: String) -> Int {
        if let number = try? DynamoDBNumber(text) { return of(number) }
        let digits = text.utf8.filter { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
        return (digits + 1) / 2 + 1
    }
}
