/// A unit in which trade quantities are reported, from the UN Comtrade quantity-unit list.
///
/// The units and codes are those of UN Comtrade+ (`qtyUnitCode`, comtradr's
/// `qtyunit` reference), as listed in ECOSYSTEM.md §3: −1 no quantity, 2 m²,
/// 3 1000 kWh, 4 m, 5 u, 6 2u, 7 l, 8 kg, 9 1000u, 10 U (jeu/pack), 11 12u,
/// 12 m³, 13 carat, 14 km, 15 g, 16 hive, 17 1000 m³, 18 TJ, 19 BBL, 20 1000 L,
/// 21 1000 kg, 22 kWh, 23 l alc 100%, 24 head, 25 kg/net eda, 26-35
/// chemical-content kilograms, 36 ct/l, 37 Bq, 38 gi F/S, 39 GRT, 40 GT, 41 ce/el.
/// The legacy Comtrade codes 1-13 (1 = no quantity, 2-13 as above; the list used
/// by faoswsTrade and the UN Comtrade reference tables) map through
/// ``init(legacyCode:)``.
///
/// One unit is not a Comtrade unit: ``tonne`` (`t`, code 1001), because national
/// and press sources report metric tonnes; it converts exactly to kg and to
/// `1000 kg`. Codes of 1000 and above are tradescope's own.
///
/// Conversion factors to each dimension's base unit are exact by definition:
/// t = 1000 kg, g = 0.001 kg, carat = 0.0002 kg (metric carat), m³ = 1000 l,
/// barrel = 158.987294928 l (42 US gallons of 3.785411784 l), TJ = 10¹² J /
/// 3.6·10⁶ J per kWh. Items, thousands of items and dozens convert among
/// themselves; pairs, packages and chemical-content kilograms do not convert.
///
/// Two units are equal when their codes are equal. `Codable` as its
/// abbreviation (decoding also accepts a Comtrade code number).
public struct QuantityUnit: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The Comtrade+ code (or tradescope's own code ≥ 1000).
    public let code: Int
    /// The position of the unit's ``Definition`` in ``definitions``.
    ///
    /// A unit is stored as two integers, and its texts are looked up: a trade record holds a unit
    /// in its quantity and is built and copied once per row of a file, and two `String`s here made
    /// each copy 48 bytes larger and reference-counted.
    private let index: Int

    /// The WCO/Comtrade abbreviation, for example `kg`, `1000 kg`, `u`, `m³`.
    public var abbreviation: String { Self.definitions[index].abbreviation }
    /// What the unit means, for example "kilograms" or "number of pairs".
    public var name: String { Self.definitions[index].name }
    /// What the unit measures.
    public var dimension: QuantityDimension { Self.definitions[index].dimension }
    /// How many base units of ``dimension`` one unit is; `nil` when not convertible.
    public var factorToBase: Double? { Self.definitions[index].factor }

    /// A unit's code and attributes.
    private struct Definition: Sendable {
        let code: Int
        let abbreviation: String
        let name: String
        let dimension: QuantityDimension
        let factor: Double?

        init(_ code: Int, _ abbreviation: String, _ name: String, _ dimension: QuantityDimension, _ factor: Double?) {
            self.code = code
            self.abbreviation = abbreviation
            self.name = name
            self.dimension = dimension
            self.factor = factor
        }
    }

    /// Every unit's definition, in the order of ``allUnits``: the Comtrade+ list in code order, then tradescope's own units.
    private static let definitions: [Definition] = [
        Definition(-1, "N/A", "no quantity", .other, nil),
        Definition(2, "m²", "square metres", .area, 1),
        Definition(3, "1000 kWh", "thousands of kilowatt-hours", .energy, 1000),
        Definition(4, "m", "metres", .length, 1),
        Definition(5, "u", "number of items", .count, 1),
        Definition(6, "2u", "number of pairs", .pairs, 1),
        Definition(7, "l", "litres", .volume, 1),
        Definition(8, "kg", "kilograms", .mass, 1),
        Definition(9, "1000u", "thousands of items", .count, 1000),
        Definition(10, "U (jeu/pack)", "number of packages", .other, nil),
        Definition(11, "12u", "dozens of items", .count, 12),
        Definition(12, "m³", "cubic metres", .volume, 1000),
        Definition(13, "carat", "carats", .mass, 0.0002),
        Definition(14, "km", "kilometres", .length, 1000),
        Definition(15, "g", "grams", .mass, 0.001),
        Definition(16, "hive", "beehives", .other, nil),
        Definition(17, "1000 m³", "thousands of cubic metres", .volume, 1_000_000),
        Definition(18, "TJ", "terajoules", .energy, 1e12 / 3.6e6),
        Definition(19, "BBL", "barrels (42 US gallons)", .volume, 158.987294928),
        Definition(20, "1000 L", "thousands of litres", .volume, 1000),
        Definition(21, "1000 kg", "thousands of kilograms", .mass, 1000),
        Definition(22, "kWh", "kilowatt-hours", .energy, 1),
        Definition(23, "l alc 100%", "litres of pure (100%) alcohol", .other, nil),
        Definition(24, "head", "head of animals", .other, nil),
        Definition(25, "kg/net eda", "kilograms of drained net weight", .other, nil),
        Definition(26, "kg C5H14ClNO", "kilograms of choline chloride", .other, nil),
        Definition(27, "kg P2O5", "kilograms of diphosphorus pentaoxide", .other, nil),
        Definition(28, "kg H2O2", "kilograms of hydrogen peroxide", .other, nil),
        Definition(29, "kg met.am.", "kilograms of methylamines", .other, nil),
        Definition(30, "kg N", "kilograms of nitrogen", .other, nil),
        Definition(31, "kg KOH", "kilograms of potassium hydroxide", .other, nil),
        Definition(32, "kg K2O", "kilograms of potassium oxide", .other, nil),
        Definition(33, "kg NaOH", "kilograms of sodium hydroxide", .other, nil),
        Definition(34, "kg 90% sdt", "kilograms of substance 90% dry", .other, nil),
        Definition(35, "kg U", "kilograms of uranium", .other, nil),
        Definition(36, "ct/l", "carrying capacity in tonnes", .other, nil),
        Definition(37, "Bq", "becquerels", .other, nil),
        Definition(38, "gi F/S", "grams of fissile isotopes", .other, nil),
        Definition(39, "GRT", "gross register tons", .other, nil),
        Definition(40, "GT", "gross tonnage", .other, nil),
        Definition(41, "ce/el", "number of cells or elements", .other, nil),
        Definition(1001, "t", "metric tonnes", .mass, 1000),
    ]

    /// The unit of ``definitions`` with `code`, which must be listed there (the units below).
    private init(listed code: Int) {
        guard let index = Self.definitions.firstIndex(where: { $0.code == code }) else {
            preconditionFailure("quantity unit code \(code) is not in QuantityUnit.definitions")
        }
        self.code = code
        self.index = index
    }

    // MARK: - The units

    /// No quantity reported (Comtrade+ −1, legacy 1).
    public static let noQuantity = QuantityUnit(listed: -1)
    /// Square metres (`m²`, Comtrade+ code 2).
    public static let squareMetre = QuantityUnit(listed: 2)
    /// Thousands of kilowatt-hours (`1000 kWh`, Comtrade+ code 3).
    public static let thousandKilowattHours = QuantityUnit(listed: 3)
    /// Metres (`m`, Comtrade+ code 4).
    public static let metre = QuantityUnit(listed: 4)
    /// Number of items (`u`, Comtrade+ code 5).
    public static let items = QuantityUnit(listed: 5)
    /// Number of pairs (`2u`, Comtrade+ code 6).
    public static let pairs = QuantityUnit(listed: 6)
    /// Litres (`l`, Comtrade+ code 7).
    public static let litre = QuantityUnit(listed: 7)
    /// Kilograms (`kg`, Comtrade+ code 8).
    public static let kilogram = QuantityUnit(listed: 8)
    /// Thousands of items (`1000u`, Comtrade+ code 9).
    public static let thousandItems = QuantityUnit(listed: 9)
    /// Number of packages (`U (jeu/pack)`, Comtrade+ code 10).
    public static let packages = QuantityUnit(listed: 10)
    /// Dozens of items (`12u`, Comtrade+ code 11).
    public static let dozens = QuantityUnit(listed: 11)
    /// Cubic metres (`m³`, Comtrade+ code 12).
    public static let cubicMetre = QuantityUnit(listed: 12)
    /// Carats (`carat`, Comtrade+ code 13).
    public static let carat = QuantityUnit(listed: 13)
    /// Kilometres (`km`, Comtrade+ code 14).
    public static let kilometre = QuantityUnit(listed: 14)
    /// Grams (`g`, Comtrade+ code 15).
    public static let gram = QuantityUnit(listed: 15)
    /// Beehives (`hive`, Comtrade+ code 16).
    public static let hive = QuantityUnit(listed: 16)
    /// Thousands of cubic metres (`1000 m³`, Comtrade+ code 17).
    public static let thousandCubicMetres = QuantityUnit(listed: 17)
    /// Terajoules (`TJ`, Comtrade+ code 18).
    public static let terajoule = QuantityUnit(listed: 18)
    /// Barrels (42 US gallons) (`BBL`, Comtrade+ code 19).
    public static let barrel = QuantityUnit(listed: 19)
    /// Thousands of litres (`1000 L`, Comtrade+ code 20).
    public static let thousandLitres = QuantityUnit(listed: 20)
    /// Thousands of kilograms (`1000 kg`, Comtrade+ code 21).
    public static let thousandKilograms = QuantityUnit(listed: 21)
    /// Kilowatt-hours (`kWh`, Comtrade+ code 22).
    public static let kilowattHour = QuantityUnit(listed: 22)
    /// Litres of pure (100%) alcohol (`l alc 100%`, Comtrade+ code 23).
    public static let litrePureAlcohol = QuantityUnit(listed: 23)
    /// Head of animals (`head`, Comtrade+ code 24).
    public static let head = QuantityUnit(listed: 24)
    /// Kilograms of drained net weight (`kg/net eda`, Comtrade+ code 25).
    public static let kilogramDrainedNetWeight = QuantityUnit(listed: 25)
    /// Kilograms of choline chloride (`kg C5H14ClNO`, Comtrade+ code 26).
    public static let kilogramCholineChloride = QuantityUnit(listed: 26)
    /// Kilograms of diphosphorus pentaoxide (`kg P2O5`, Comtrade+ code 27).
    public static let kilogramPhosphorusPentoxide = QuantityUnit(listed: 27)
    /// Kilograms of hydrogen peroxide (`kg H2O2`, Comtrade+ code 28).
    public static let kilogramHydrogenPeroxide = QuantityUnit(listed: 28)
    /// Kilograms of methylamines (`kg met.am.`, Comtrade+ code 29).
    public static let kilogramMethylamines = QuantityUnit(listed: 29)
    /// Kilograms of nitrogen (`kg N`, Comtrade+ code 30).
    public static let kilogramNitrogen = QuantityUnit(listed: 30)
    /// Kilograms of potassium hydroxide (`kg KOH`, Comtrade+ code 31).
    public static let kilogramPotassiumHydroxide = QuantityUnit(listed: 31)
    /// Kilograms of potassium oxide (`kg K2O`, Comtrade+ code 32).
    public static let kilogramPotassiumOxide = QuantityUnit(listed: 32)
    /// Kilograms of sodium hydroxide (`kg NaOH`, Comtrade+ code 33).
    public static let kilogramSodiumHydroxide = QuantityUnit(listed: 33)
    /// Kilograms of substance 90% dry (`kg 90% sdt`, Comtrade+ code 34).
    public static let kilogramNinetyPercentDry = QuantityUnit(listed: 34)
    /// Kilograms of uranium (`kg U`, Comtrade+ code 35).
    public static let kilogramUranium = QuantityUnit(listed: 35)
    /// Carrying capacity in tonnes (`ct/l`, Comtrade+ code 36).
    public static let carryingCapacityTonnes = QuantityUnit(listed: 36)
    /// Becquerels (`Bq`, Comtrade+ code 37).
    public static let becquerel = QuantityUnit(listed: 37)
    /// Grams of fissile isotopes (`gi F/S`, Comtrade+ code 38).
    public static let gramFissileIsotopes = QuantityUnit(listed: 38)
    /// Gross register tons (`GRT`, Comtrade+ code 39).
    public static let grossRegisterTon = QuantityUnit(listed: 39)
    /// Gross tonnage (`GT`, Comtrade+ code 40).
    public static let grossTonnage = QuantityUnit(listed: 40)
    /// Number of cells or elements (`ce/el`, Comtrade+ code 41).
    public static let cellsElements = QuantityUnit(listed: 41)
    /// Metric tonnes: tradescope's own unit (code 1001), not in the Comtrade list; equal in size to `1000 kg`.
    public static let tonne = QuantityUnit(listed: 1001)

    /// Every unit: the Comtrade+ list in code order, then tradescope's own units.
    public static let allUnits: [QuantityUnit] = [
        noQuantity, squareMetre, thousandKilowattHours, metre, items, pairs, litre, kilogram, thousandItems,
        packages, dozens, cubicMetre, carat, kilometre, gram, hive, thousandCubicMetres, terajoule, barrel,
        thousandLitres, thousandKilograms, kilowattHour, litrePureAlcohol, head, kilogramDrainedNetWeight,
        kilogramCholineChloride, kilogramPhosphorusPentoxide, kilogramHydrogenPeroxide, kilogramMethylamines,
        kilogramNitrogen, kilogramPotassiumHydroxide, kilogramPotassiumOxide, kilogramSodiumHydroxide,
        kilogramNinetyPercentDry, kilogramUranium, carryingCapacityTonnes, becquerel, gramFissileIsotopes,
        grossRegisterTon, grossTonnage, cellsElements, tonne,
    ]

    private static let byCode: [Int: QuantityUnit] = Dictionary(uniqueKeysWithValues: allUnits.map { ($0.code, $0) })

    /// Spellings accepted by ``init(parsing:)`` besides each unit's abbreviation and name (lower case).
    private static let aliases: [String: QuantityUnit] = {
        var table: [String: QuantityUnit] = [:]
        for unit in allUnits {
            table[unit.abbreviation.lowercased()] = unit
            table[unit.name.lowercased()] = unit
        }
        let extra: [(QuantityUnit, [String])] = [
            (.noQuantity, ["na", "no quantity", "not specified", "-"]),
            (.kilogram, ["kgs", "kilogram", "kilo", "kilos"]),
            (.tonne, ["tonne", "tonnes", "metric ton", "metric tons", "metric tonne", "metric tonnes"]),
            (.thousandKilograms, ["1000kg", "thousand kg", "thousand kilograms"]),
            (.gram, ["gram", "grams"]),
            (.carat, ["carats"]),
            (.litre, ["litre", "liter", "liters"]),
            (.thousandLitres, ["1000l", "kl", "thousand litres", "thousand liters"]),
            (.cubicMetre, ["m3", "cubic metre", "cubic meter", "cubic meters", "cbm"]),
            (.thousandCubicMetres, ["1000 m3", "1000m3", "thousand cubic metres", "thousand cubic meters"]),
            (.barrel, ["barrel", "barrels"]),
            (.items, ["item", "items", "pcs", "pieces"]),
            (.thousandItems, ["1000 u", "thousand items"]),
            (.dozens, ["12 u", "dozen", "dozens"]),
            (.pairs, ["2 u", "pair", "pairs"]),
            (.packages, ["package", "packages", "jeu/pack"]),
            (.squareMetre, ["m2", "square metre", "square meter", "square meters", "sq m"]),
            (.metre, ["metre", "meter", "meters"]),
            (.kilometre, ["kilometre", "kilometer", "kilometers"]),
            (.kilowattHour, ["kilowatt-hour"]),
            (.thousandKilowattHours, ["1000kwh", "mwh", "thousand kwh"]),
            (.terajoule, ["terajoule"]),
        ]
        for (unit, spellings) in extra {
            for spelling in spellings { table[spelling] = unit }
        }
        return table
    }()

    // MARK: - Creating units

    /// The unit with a UN Comtrade+ `qtyUnitCode`.
    ///
    /// - Parameter comtradeCode: −1 (no quantity) or 2...41.
    /// - Throws: ``TradeDomainError/invalidQuantityUnit(_:)`` for any other code.
    public init(comtradeCode: Int) throws(TradeDomainError) {
        guard comtradeCode < 1000, let unit = Self.byCode[comtradeCode] else {
            throw .invalidQuantityUnit("Comtrade code \(comtradeCode)")
        }
        self = unit
    }

    /// The unit with a code of ``allUnits`` (Comtrade+ codes and tradescope's own, such as 1001 for tonnes).
    ///
    /// - Parameter code: A value of ``code``.
    /// - Throws: ``TradeDomainError/invalidQuantityUnit(_:)`` for an unknown code.
    public init(code: Int) throws(TradeDomainError) {
        guard let unit = Self.byCode[code] else { throw .invalidQuantityUnit("code \(code)") }
        self = unit
    }

    /// The unit with a legacy UN Comtrade `Qty Unit Code`.
    ///
    /// Legacy codes are 1 No Quantity, 2 m², 3 1000 kWh, 4 m, 5 u, 6 2u, 7 l, 8 kg,
    /// 9 1000u, 10 U (jeu/pack), 11 12u, 12 m³, 13 carat (UN Comtrade reference
    /// tables; faoswsTrade). Codes 2-13 equal the Comtrade+ codes; 1 becomes −1.
    ///
    /// - Parameter legacyCode: 1...13.
    /// - Throws: ``TradeDomainError/invalidQuantityUnit(_:)`` for any other code.
    public init(legacyCode: Int) throws(TradeDomainError) {
        switch legacyCode {
        case 1: self = .noQuantity
        case 2...13:
            guard let unit = Self.byCode[legacyCode] else { throw .invalidQuantityUnit("legacy code \(legacyCode)") }
            self = unit
        default: throw .invalidQuantityUnit("legacy code \(legacyCode)")
        }
    }

    /// Parses a unit from its abbreviation, name or a common spelling, ignoring case.
    ///
    /// Examples: `kg`, `kilograms`, `t`, `tonnes`, `metric tons`, `1000 kg`, `l`, `litres`,
    /// `1000 L`, `m3`, `m³`, `u`, `items`, `2u`, `pairs`, `12u`, `dozens`, `BBL`, `barrels`,
    /// `kWh`, `TJ`, `N/A`.
    ///
    /// - Parameter text: The unit as written; surrounding white space is ignored and
    ///   inner runs of spaces count as one.
    /// - Throws: ``TradeDomainError/invalidQuantityUnit(_:)`` for an unknown spelling.
    public init(parsing text: String) throws(TradeDomainError) {
        let key = text.trimmingASCIIWhitespace().lowercased()
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        guard let unit = Self.aliases[key] else { throw .invalidQuantityUnit(text) }
        self = unit
    }

    // MARK: - Conversion

    /// Whether amounts in this unit can be expressed in `other`.
    ///
    /// - Parameter other: The target unit.
    /// - Returns: `true` for the same unit, or two units of one convertible dimension.
    public func isConvertible(to other: QuantityUnit) -> Bool {
        if self == other { return true }
        return dimension == other.dimension && factorToBase != nil && other.factorToBase != nil
    }

    /// Expresses an amount of this unit in `other`.
    ///
    /// `amount × factor(self) ÷ factor(other)`; for example 2 t is 2000 kg.
    ///
    /// - Parameters:
    ///   - amount: The amount in this unit.
    ///   - other: The target unit.
    /// - Returns: The amount in `other`.
    /// - Throws: ``TradeDomainError/incompatibleUnits(_:_:)`` naming both units when
    ///   they measure different things.
    public func convert(_ amount: Double, to other: QuantityUnit) throws(TradeDomainError) -> Double {
        if self == other { return amount }
        guard isConvertible(to: other), let from = factorToBase, let to = other.factorToBase else {
            throw .incompatibleUnits(self, other)
        }
        return amount * from / to
    }

    /// The abbreviation.
    public var description: String { abbreviation }

    /// Units are equal when their codes are.
    public static func == (lhs: QuantityUnit, rhs: QuantityUnit) -> Bool { lhs.code == rhs.code }

    /// Hashes the code.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    // MARK: - Codable

    /// Decodes from an abbreviation or other accepted spelling, or from a Comtrade+ code number.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for an unknown unit.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            do { try self.init(code: number) } catch {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
            }
            return
        }
        let text = try container.decode(String.self)
        do { try self.init(parsing: text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the abbreviation.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(abbreviation)
    }
}
