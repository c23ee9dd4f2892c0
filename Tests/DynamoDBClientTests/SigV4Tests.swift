import CurlHTTP
import DynamoDBClient
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One request botocore signed (Fixtures/sigv4-vectors.json, written by Fixtures/generate_sigv4_vectors.py).
struct SigV4Vector: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let method: String
    let url: String
    let region: String
    let service: String
    let accessKeyID: String
    let secretAccessKey: String
    let sessionToken: String?
    let headers: [[String]]
    let body: String
    let expectedAmzDate: String
    let expectedAuthorization: String

    var testDescription: String { name }

    static let all: [SigV4Vector] = {
        struct File: Decodable { let vectors: [SigV4Vector] }
        guard let data = try? Fixtures.data("sigv4-vectors.json"),
            let file = try? JSONDecoder().decode(File.self, from: data)
        else { return [] }
        return file.vectors
    }()
}

struct SigV4Tests {
    @Test("the fixture holds the six botocore vectors")
    func fixtureLoads() {
        #expect(SigV4Vector.all.count == 6)
    }

    @Test("the Authorization header equals botocore's SigV4Auth byte for byte", arguments: SigV4Vector.all)
    func matchesBotocore(vector: SigV4Vector) throws {
        let method = try #require(HTTPRequest.Method(rawValue: vector.method))
        let request = HTTPRequest(
            method: method, url: vector.url, headers: vector.headers.map { HTTPHeader($0[0], $0[1]) },
            body: Data(vector.body.utf8))
        let signer = SigV4Signer(
            credentials: AWSCredentials(
                accessKeyID: vector.accessKeyID, secretAccessKey: vector.secretAccessKey,
                sessionToken: vector.sessionToken),
            region: vector.region, service: vector.service)
        let signed = signer.sign(request, date: fixedDate)
        #expect(signed.header("Authorization") == vector.expectedAuthorization)
        #expect(signed.header("X-Amz-Date") == vector.expectedAmzDate)
        #expect(signed.header("X-Amz-Security-Token") == vector.sessionToken)
        #expect(signed.body == request.body)
    }

    @Test("signing again replaces the previous date, token and signature instead of adding more")
    func resigning() throws {
        let signer = SigV4Signer(
            credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret", sessionToken: "token"),
            region: "us-east-1", service: "dynamodb")
        let request = HTTPRequest(method: .post, url: "http://127.0.0.1:8000/", body: Data("{}".utf8))
        let once = signer.sign(request, date: fixedDate)
        let twice = signer.sign(once, date: fixedDate.addingTimeInterval(1))
        #expect(twice.headers.map(\.name) == ["Host", "X-Amz-Date", "X-Amz-Security-Token", "Authorization"])
        #expect(twice.header("X-Amz-Date") == "20261125T134508Z")
        #expect(twice.header("Host") == "127.0.0.1:8000")
        #expect(twice.header("Authorization") != once.header("Authorization"))
    }

    @Test("credentials never print their secret or token")
    func redactedDescription() {
        let credentials = AWSCredentials(accessKeyID: "AKID", secretAccessKey: "very-secret", sessionToken: "tok")
        #expect(
            "\(credentials)"
                == #"AWSCredentials(accessKeyID: "AKID", secretAccessKey: <redacted>, sessionToken: <redacted>)"#)
    }
}
