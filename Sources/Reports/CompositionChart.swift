import Foundation
import TradeDomain
import TrendAnalysis

/// The composition of trade by HS section as a drill-down pie, with its data questions.
public struct CompositionChart: Sendable {
    public let composition: SectionComposition
    /// How the selection is described ("DPRK exports to China (China's reported imports)").
    public let selectionLabel: String

    /// - Parameters:
    ///   - composition: The computed composition.
    ///   - selectionLabel: How the selection is described to a reader.
    public init(composition: SectionComposition, selectionLabel: String) {
        self.composition = composition
        self.selectionLabel = selectionLabel
    }

    /// The pie: one slice per group; sections and "other" drill down to their chapters.
    public var pie: PieChart {
        let slices = composition.groups.map { group in
            PieChart.Slice(
                id: group.id, label: group.label, value: group.value,
                isResidual: group.kind == .other || group.kind == .unspecified,
                children: group.parts.map { part in
                    PieChart.Slice(id: part.code, label: "\(part.code) \(part.label)", value: part.value)
                })
        }
        let described = composition.groups.map { "\($0.label) \(NumberStyle.share($0.share))" }.joined(separator: "; ")
        return PieChart(
            title: "Composition by HS section, \(composition.period) (total USD \(NumberStyle.millions(composition.totalValue)))",
            summary: "\(selectionLabel), \(composition.period): " + described + ".", valueUnit: "USD", slices: slices)
    }

    /// Where the total and the parts come from, what "unspecified" means, and what was not counted.
    public func dataQuestions() -> [String] {
        var questions: [String] = []
        questions.append("Total: USD \(NumberStyle.grouped(composition.totalValue)) for \(composition.period) (\(composition.totalSourceIDs.joined(separator: ", "))), the preferred TOTAL figure by the rank rule of Data/README.md.")
        questions.append("Each chapter is counted once: its own figure when reported, else the sum of its headings; where sources disagree the preferred figure is used.")
        if let rest = composition.groups.first(where: { $0.kind == .unspecified }) {
            questions.append("Unspecified (\(NumberStyle.share(rest.share))): the part of the total that no chapter or heading figure in the data covers. It is not known what it holds; it is not estimated.")
        }
        if composition.groups.contains(where: { $0.kind == .other }) {
            questions.append("Sections below \(NumberStyle.share(composition.minimumShare)) of the total each are grouped as other sections; click it for their chapters.")
        }
        questions.append(contentsOf: composition.notes)
        return questions
    }

    /// The composition as JSON: total, groups with their chapters, notes.
    public func json() -> JSONValue {
        .object([
            ("period", .string(composition.period.description)),
            ("total_value_usd", .number(composition.totalValue)),
            ("total_source_ids", .array(composition.totalSourceIDs.map { .string($0) })),
            ("minimum_share", .number(composition.minimumShare)),
            ("covered_value_usd", .number(composition.coveredValue)),
            ("excess_over_total_usd", .number(composition.excessOverTotal)),
            ("groups", .array(composition.groups.map { group in
                .object([
                    ("id", .string(group.id)), ("kind", .string(group.kind.rawValue)), ("label", .string(group.label)),
                    ("value_usd", .number(group.value)), ("share", .number(group.share)),
                    ("chapters", .array(group.parts.map { part in
                        .object([
                            ("code", .string(part.code)), ("label", .string(part.label)), ("value_usd", .number(part.value)),
                            ("share", .number(part.share)), ("source_ids", .array(part.sourceIDs.map { .string($0) })),
                            ("codes_summed", .array(part.codesSummed.map { .string($0) })),
                        ])
                    })),
                ])
            })),
            ("notes", .array(composition.notes.map { .string($0) })),
            ("data_questions", .array(dataQuestions().map { .string($0) })),
        ])
    }
}
