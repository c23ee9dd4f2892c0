import FunctionRunner
import DynamoDBEndpoint
import StreamTriggers
import EventSourceMapping
import Foundation
import Hummingbird
import NIOCore

extension InvokeAPIServer {
    /// Lambda's `ListEventSourceMappings` and `GetEventSourceMapping`, and the emulator's own
    /// `GET /lambda-local/status` (what `lambda-local status` prints).
    func addMappingRoutes(to router: Router<BasicRequestContext>) {
        router.get("/2015-03-31/event-source-mappings") { request, _ in
            listMappings(functionName: request.uri.queryParameters["FunctionName"].map(String.init))
        }
        router.get("/2015-03-31/event-source-mappings/:uuid") { _, context in
            let uuid = try context.parameters.require("uuid")
            guard let configuration = configurations().first(where: { $0.UUID == uuid }) else {
                return Self.errorResponse(
                    InvokeAPIError(
                        status: .notFound, code: "ResourceNotFoundException",
                        message: "The resource you requested does not exist."))
            }
            return Self.json(configuration)
        }
        router.get("/lambda-local/status") { _, _ in
            Self.json(StatusDocument(mappings: await mappings?.supervisor.statuses() ?? []))
        }
    }

    private func listMappings(functionName: String?) -> Response {
        let wanted = functionName.map { FunctionName.parse($0).name }
        let selected = configurations().filter { configuration in
            guard let wanted else { return true }
            return configuration.FunctionArn.hasSuffix(":function:\(wanted)")
        }
        return Self.json(MappingList(EventSourceMappings: selected))
    }

    private func configurations() -> [EventSourceMappingConfiguration] {
        guard let mappings = mappings?.supervisor else { return [] }
        return zip(mappings.mappings, mappings.declarations).map { mapping, declaration in
            EventSourceMappingConfiguration(
                mapping: mapping, declaration: declaration, region: region, accountID: accountID, started: started)
        }
    }

    static func json(_ value: some Encodable) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// `ListEventSourceMappings`' response.
struct MappingList: Encodable {
    var EventSourceMappings: [EventSourceMappingConfiguration]
}

/// `GET /lambda-local/status`: every mapping's state and counters.
public struct StatusDocument: Codable, Sendable {
    /// One entry per mapping.
    public var mappings: [MappingStatus]

    /// A document listing `mappings`.
    public init(mappings: [MappingStatus]) {
        self.mappings = mappings
    }
}
