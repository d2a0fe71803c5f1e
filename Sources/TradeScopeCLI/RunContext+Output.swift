import Foundation
import Reports
import TradeDomain
import TradeIO
import TradeScopeKit

extension RunContext {
    /// The run manifest: version, command line, every input the run recorded (SHA-256 and size),
    /// the sanctions calendar used, and the parameters given.
    func manifest(parameters: [RunManifest.Parameter] = []) -> RunManifest {
        let calendar = self.calendar.map { calendar -> String in
            let digest = inputs.first { $0.name == calendar.origin }.map { " (SHA-256 \($0.sha256.prefix(12))…)" } ?? ""
            let latest = calendar.events.max { $0.adopted < $1.adopted }
            return "\(calendar.origin)\(digest), target \(calendar.target), \(calendar.events.count) events"
                + (latest.map { ", latest \($0.id) adopted \($0.adopted)" } ?? "")
        } ?? "not read"
        return RunManifest(
            tool: "tradescope", version: TradeScopeVersion.current, commandLine: ["tradescope"] + Console.arguments,
            inputs: inputs.map { RunManifest.InputFile(name: $0.name, sha256: $0.sha256, bytes: $0.bytes) },
            sanctionsCalendar: calendar, parameters: parameters)
    }

    /// A JSON result as text with the run's manifest added: to the object, or to each object of an
    /// array (one result per selection).
    func stamped(_ value: JSONValue) -> String {
        let manifest = manifest().json()
        func stamped(_ value: JSONValue) -> JSONValue {
            guard case let .object(members) = value, !members.contains(where: { $0.0 == "manifest" }) else { return value }
            return .object(members + [("manifest", manifest)])
        }
        let result: JSONValue
        if case let .array(items) = value { result = .array(items.map(stamped)) } else { result = stamped(value) }
        return result.rendered() + "\n"
    }
}

extension OutputOptions {
    /// Writes a JSON result with the run's manifest (see ``RunContext/stamped(_:)``).
    func write(json value: JSONValue, context: RunContext) throws {
        try write(context.stamped(value))
    }
}

extension Workspace {
    /// The JSON `selection` object of an output: the flags as resolved, the source, the valuation
    /// and the CIF/FOB convention applied.
    func selectionJSON(_ selection: TradeSelection, mirror: MirrorView? = nil, quantity: QuantityMeasure = .reported) throws -> JSONValue {
        let calendar = try self.calendar
        return .object([
            ("source", .string(source.label)),
            ("reporter", .string(selection.reporter?.iso3)),
            ("partner", .string(selection.partner?.iso3)),
            ("flow", .string(selection.flow?.rawValue)),
            ("hs", .string(selection.commodity.description)),
            ("from", .string(selection.from?.description)),
            ("to", .string(selection.through?.description)),
            ("freq", .string(selection.frequency.rawValue)),
            ("mirror", .bool(mirror != nil)),
            ("valuation", .string(valuation(selection, mirror: mirror))),
            ("cif_fob_adjustment", .string(mirror?.convention.name ?? "none")),
            ("cif_fob_factor", .number(mirror?.convention.factor ?? 1)),
            ("quantity", .string(quantity.rawValue)),
            ("calendar", .string(calendar.applies(to: selection) ? calendar.origin : nil)),
        ])
    }
}
