import DynamoDBTypes
import Foundation
import HTTPTypes
import HTTPServing
import Hummingbird
import Logging
import NIOCore
import TableStore

/// DynamoDB's JSON 1.0 protocol (`DynamoDB_20120810.*`) and DynamoDB Streams' (`DynamoDBStreams_20120810.*`) over
/// the table store, so boto3, the AWS CLI and the SDKs work against it unchanged. Signatures are accepted without
/// checking, as DynamoDB Local does.
public struct DynamoDBAPIServer: Sendable {
    let store: TableStore

    /// A server over `store`.
    public init(store: TableStore) {
        self.store = store
    }

    /// The Hummingbird application listening on `host:port` (`POST /`), logging to `logger`, closing connections idle
    /// for `idleTimeout`; `onListening` gets the bound port. Any other path or method is DynamoDB's
    /// `UnknownOperationException`.
    public func application(
        host: String, port: Int, idleTimeout: Duration = HTTP1Server.defaultIdleTimeout, logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void
    ) -> some ApplicationProtocol {
        let router = Router()
        router.add(
            middleware: UnknownRouteMiddleware { request in
                Self.httpResponse(
                    .failure(
                        DynamoDBError(
                            .unknownOperation, "Unknown operation: \(request.method) \(request.uri.path)")))
            })
        router.post("/") { request, _ -> Response in
            let answer: DynamoDBAPIResponse
            do {
                let body = try await request.body.collect(upTo: DynamoDBWire.maxRequestBytes)
                answer = await respond(target: request.headers[DynamoDBWire.target], body: Data(body.readableBytesView))
            } catch is NIOTooManyBytesError {
                answer = .failure(
                    DynamoDBError(.validation, "Request size exceeded \(DynamoDBWire.maxRequestBytes) bytes"))
            }
            return Self.httpResponse(answer)
        }
        return Application(
            router: router,
            server: HTTP1Server.builder(idleTimeout: idleTimeout),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }

    /// Runs the operation `target` names on `body`; every failure becomes DynamoDB's error response.
    func respond(target: String?, body: Data) async -> DynamoDBAPIResponse {
        guard let target, let operation = DynamoDBOperation.named(target: target) else {
            return .failure(DynamoDBError(.unknownOperation, "Unknown operation: \"\(target ?? "")\""))
        }
        do {
            return .success(try await operation.run(store, body))
        } catch {
            return .failure(error)
        }
    }

    static func httpResponse(_ answer: DynamoDBAPIResponse) -> Response {
        Response(
            status: HTTPResponse.Status(code: answer.status),
            headers: [.contentType: DynamoDBWire.contentType, DynamoDBWire.requestID: RequestID.make()],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}

/// DynamoDB's request IDs: 52 characters of `A-Z` and `0-9`, from ``UniqueIDRandom`` (unique, not unpredictable:
/// drawing every ID from the system, five `getrandom` calls, cost a few percent of a PutItem's CPU).
enum RequestID {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)

    static func make() -> String {
        var random = UniqueIDRandom()
        // Five 64-bit words give 12 base-36 digits each (36^12 < 2^64).
        return String(unsafeUninitializedCapacity: 52) { buffer in
            var written = 0
            for _ in 1...5 {
                var word = random.next()
                for _ in 0..<12 where written < 52 {
                    buffer[written] = alphabet[Int(word % 36)]
                    word /= 36
                    written += 1
                }
            }
            return written
        }
    }
}
