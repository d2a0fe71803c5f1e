import Foundation
import TradeDomain
import Yams

/// The defaults of a data set: what the commands select when no flag says otherwise, and which
/// sanctions calendar goes with it. The bundled set's profile is `Data/profile.yaml`; these are
/// the only place the defaults CHN, PRK, import and HS 2701 are written.
public struct DataSetProfile: Hashable, Sendable {
    /// What the data set is ("North Korea's exports to China, Chinese customs figures").
    public let name: String
    /// Default reporter.
    public let reporter: CountryCode
    /// Default partner.
    public let partner: CountryCode
    /// Default flow as the reporter records it.
    public let flow: TradeFlow
    /// Default commodity of the single-series commands.
    public let commodity: CommodityCode
    /// The calendar file, relative to the profile's directory.
    public let calendarFile: String
    /// Who publishes the figures, for the report's provenance sentence.
    public let provenance: String

    /// The profile file's name in a data directory.
    public static let fileName = "profile.yaml"

    /// Reads a profile.
    ///
    /// - Parameters:
    ///   - path: The YAML file.
    ///   - displayName: The name used in messages.
    /// - Throws: ``TradeScopeKitError/invalidProfile(file:reason:)``.
    public init(path: String, displayName: String) throws(TradeScopeKitError) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .invalidProfile(file: displayName, reason: "cannot be read")
        }
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch { throw .invalidProfile(file: displayName, reason: "YAML syntax error: \(error)") }
        guard let node, case .mapping = node else { throw .invalidProfile(file: displayName, reason: "expected a mapping") }
        func field(_ key: String) throws(TradeScopeKitError) -> String {
            guard let value = node[key]?.string, !value.isEmpty else { throw .invalidProfile(file: displayName, reason: "'\(key)' is required") }
            return value
        }
        do {
            name = try field("name")
            reporter = try CountryCode(try field("reporter"))
            partner = try CountryCode(try field("partner"))
            flow = try TradeFlow(parsing: try field("flow"))
            commodity = try CommodityCode(parsing: try field("hs"))
            calendarFile = try field("calendar")
            provenance = try field("provenance")
        } catch let error as TradeScopeKitError {
            throw error
        } catch {
            throw .invalidProfile(file: displayName, reason: "\(error)")
        }
    }
}
