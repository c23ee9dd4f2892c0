import DynamoDBTypes

extension Dictionary where Key == String, Value == AttributeValue {
    /// The value at `path`, or nil when any step is missing or of the wrong kind.
    public func value(at path: DocumentPath) -> AttributeValue? {
        guard var current = self[path.attributeName] else { return nil }
        for element in path.elements.dropFirst() {
            switch (element, current) {
            case (.key(let key), .m(let map)):
                guard let next = map[key] else { return nil }
                current = next
            case (.index(let index), .l(let list)):
                guard index < list.count else { return nil }
                current = list[index]
            default:
                return nil
            }
        }
        return current
    }
}
