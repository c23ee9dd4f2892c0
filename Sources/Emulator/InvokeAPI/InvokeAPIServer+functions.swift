import Foundation
import FunctionRunner
import Hummingbird

extension InvokeAPIServer {
    /// Lambda's `ListFunctions` (`GET /2015-03-31/functions/`, `MaxItems` 1–50, `Marker`), `GetFunction` and
    /// `GetFunctionConfiguration`, answered from the template's functions.
    func addFunctionRoutes(to router: Router<BasicRequestContext>) {
        router.get("/2015-03-31/functions") { request, _ in listFunctions(request) }
        router.get("/2015-03-31/functions/:name") { request, context in
            do {
                let configuration = try function(named: try context.parameters.require("name"), request: request)
                    .pool.configuration
                return Self.json(
                    GetFunctionResponse(
                        Configuration: describe(configuration),
                        Code: ["Location": URL(fileURLWithPath: configuration.executable).absoluteString],
                        Concurrency: configuration.reservedConcurrency.map { ["ReservedConcurrentExecutions": $0] }))
            } catch let error as InvokeAPIError {
                return Self.errorResponse(error)
            }
        }
        router.get("/2015-03-31/functions/:name/configuration") { request, context in
            do {
                let configuration = try function(named: try context.parameters.require("name"), request: request)
                    .pool.configuration
                return Self.json(describe(configuration))
            } catch let error as InvokeAPIError {
                return Self.errorResponse(error)
            }
        }
    }

    private func describe(_ configuration: FunctionConfiguration) -> FunctionDescription {
        FunctionDescription(configuration, executable: .of(path: configuration.executable))
    }

    private func listFunctions(_ request: Request) -> Response {
        let parameters = request.uri.queryParameters
        var maxItems = 50
        if let text = parameters["MaxItems"] {
            guard let value = Int(text), (1...10_000).contains(value) else {
                return Self.errorResponse(
                    .invalidParameter(
                        "1 validation error detected: Value '\(text)' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 10000"
                    ))
            }
            maxItems = min(value, 50)
        }
        let functions = registry.all.map(\.configuration).sorted { $0.name < $1.name }
        let start = parameters["Marker"].map { marker in functions.firstIndex { $0.name >= String(marker) } ?? functions.count } ?? 0
        let page = functions[start...].prefix(maxItems)
        let next = start + page.count < functions.count ? functions[start + page.count].name : nil
        return Self.json(ListFunctionsResponse(Functions: page.map(describe), NextMarker: next))
    }
}
