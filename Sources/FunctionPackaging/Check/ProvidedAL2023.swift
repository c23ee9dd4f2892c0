/// What AWS Lambda's `provided.al2023` runtime gives a `bootstrap`: glibc 2.34 and the shared libraries of the
/// Amazon Linux 2023 minimal container image it is built from (README, "Packaging for AWS", lists the sources).
public enum ProvidedAL2023 {
    /// AL2023's glibc: a binary needing a higher `GLIBC_x.y` symbol version does not load.
    public static let glibcVersion = [2, 34]

    /// The `glibcVersion` as Lambda's loader would print it.
    public static var glibcVersionName: String { "GLIBC_" + glibcVersion.map(String.init).joined(separator: ".") }

    /// Sonames present in the image: glibc's libraries, libgcc_s and libstdc++ (the minimal image's `microdnf` is
    /// C++), and `libcurl-minimal` (AL2023's default libcurl in AMIs and containers) with the libraries it links.
    public static let libraries: Set<String> = [
        // glibc
        "libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2", "librt.so.1", "libutil.so.1", "libresolv.so.2",
        "libanl.so.1", "libnss_files.so.2", "libnss_dns.so.2", "libcrypt.so.2",
        "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1",
        // gcc runtime
        "libgcc_s.so.1", "libstdc++.so.6",
        // libcurl-minimal and what it links
        "libcurl.so.4", "libssl.so.3", "libcrypto.so.3", "libz.so.1", "libnghttp2.so.14",
    ]
}
