/// Which way the goods of a sanction measure move, seen from the DPRK.
///
/// `export` means goods leaving the DPRK (partners' imports from it); `import`
/// means goods entering the DPRK (partners' exports to it), as in
/// `sanctions_dprk.yaml`.
public enum SanctionDirection: String, Codable, Sendable, CaseIterable {
    /// Goods leaving the DPRK.
    case export
    /// Goods entering the DPRK.
    case `import`
}
