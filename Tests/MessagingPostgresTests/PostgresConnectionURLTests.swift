import Messaging
import MessagingPostgres
import Testing

struct PostgresConnectionURLTests {
    @Test("Cruddur's CONNECTION_URL: user, password, host, port and database; description leaves the password out")
    func cruddurURL() throws {
        let url = try PostgresConnectionURL("postgresql://postgres:pa%40ss@localhost:5433/cruddur")
        #expect(url.username == "postgres")
        #expect(url.password == "pa@ss")
        #expect(url.host == "localhost")
        #expect(url.port == 5433)
        #expect(url.database == "cruddur")
        #expect(url.tls == .disable)
        #expect(url.description == "localhost:5433/cruddur")
    }

    @Test("defaults: port 5432, user postgres, the database named after the user; sslmode is read")
    func defaults() throws {
        let url = try PostgresConnectionURL("postgres://db.example.com?sslmode=require")
        #expect(url.port == 5432)
        #expect(url.username == "postgres")
        #expect(url.database == "postgres")
        #expect(url.tls == .require)
    }

    @Test("a wrong URL is an invalidArgument error that never shows the password", arguments: [
        ("mysql://u:secret@h/db", "Connection URL \"mysql://u:***@h/db\" is not a postgresql://user:password@host:port/database URL"),
        ("postgresql://u:secret@/db", "Connection URL \"postgresql://u:***@/db\" names no host"),
        ("postgresql://h/db?sslmode=maybe", "Connection URL \"postgresql://h/db?sslmode=maybe\" has sslmode \"maybe\"; use one of disable, prefer, require, verify-full"),
        ("postgresql://h/db?timeout=3", "Connection URL \"postgresql://h/db?timeout=3\" has the unsupported parameter \"timeout\" (only sslmode is read)"),
    ])
    func invalid(text: String, message: String) {
        let error = #expect(throws: MessagingError.self) { try PostgresConnectionURL(text) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.description == message)
    }
}
