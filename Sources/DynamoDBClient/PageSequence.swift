import DynamoDBTypes

/// The pages of a Query or Scan, fetched one at a time as the sequence is iterated: each request starts at the
/// previous page's `LastEvaluatedKey`, and the sequence ends after a page without one.
///
/// ```swift
/// for try await page in dynamoDB.queryPages(input) { items += page.items ?? [] }
/// ```
public struct PageSequence<Page: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Page
    public typealias Failure = DynamoDBClientError

    /// Fetches the page starting at a key (nil for the first) and returns it with its `LastEvaluatedKey`.
    let fetch: @Sendable (Item?) async throws(DynamoDBClientError) -> (page: Page, lastEvaluatedKey: Item?)
    let startKey: Item?

    /// The iterator: remembers the next start key, or that the last page was returned.
    public struct AsyncIterator: AsyncIteratorProtocol, Sendable {
        let fetch: @Sendable (Item?) async throws(DynamoDBClientError) -> (page: Page, lastEvaluatedKey: Item?)
        var nextKey: Item?
        var finished = false

        /// The next page, or nil after the page without a `LastEvaluatedKey`.
        public mutating func next() async throws(DynamoDBClientError) -> Page? {
            guard !finished else { return nil }
            let (page, lastKey) = try await fetch(nextKey)
            // An empty key would restart the scan from the beginning: treat it as the end, as the SDKs do.
            if let lastKey, !lastKey.isEmpty {
                nextKey = lastKey
            } else {
                finished = true
            }
            return page
        }

        /// The next page, or nil after the last (for `for try await` in an isolated context).
        public mutating func next(isolation actor: isolated (any Actor)?) async throws(DynamoDBClientError) -> Page? {
            try await next()
        }
    }

    /// Starts iterating from the input's own `ExclusiveStartKey`.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(fetch: fetch, nextKey: startKey)
    }
}

extension DynamoDBOperations {
    /// Every page of `input`'s Query, following `LastEvaluatedKey`; each page is one request.
    public func queryPages(_ input: QueryInput) -> PageSequence<QueryOutput> {
        PageSequence(
            fetch: { (key: Item?) async throws(DynamoDBClientError) -> (page: QueryOutput, lastEvaluatedKey: Item?) in
                var request = input
                request.exclusiveStartKey = key
                let output = try await self.query(request)
                return (output, output.lastEvaluatedKey)
            },
            startKey: input.exclusiveStartKey)
    }

    /// Every page of `input`'s Scan, following `LastEvaluatedKey`; each page is one request.
    public func scanPages(_ input: ScanInput) -> PageSequence<ScanOutput> {
        PageSequence(
            fetch: { (key: Item?) async throws(DynamoDBClientError) -> (page: ScanOutput, lastEvaluatedKey: Item?) in
                var request = input
                request.exclusiveStartKey = key
                let output = try await self.scan(request)
                return (output, output.lastEvaluatedKey)
            },
            startKey: input.exclusiveStartKey)
    }

    /// Every item `input`'s Query returns, across all pages.
    /// - Throws: the first page's error.
    public func queryAll(_ input: QueryInput) async throws(DynamoDBClientError) -> [Item] {
        var items: [Item] = []
        var iterator = queryPages(input).makeAsyncIterator()
        while let page = try await iterator.next() {
            items += page.items ?? []
        }
        return items
    }

    /// Every item `input`'s Scan returns, across all pages.
    /// - Throws: the first page's error.
    public func scanAll(_ input: ScanInput) async throws(DynamoDBClientError) -> [Item] {
        var items: [Item] = []
        var iterator = scanPages(input).makeAsyncIterator()
        while let page = try await iterator.next() {
            items += page.items ?? []
        }
        return items
    }
}
