import Testing
import TradeDomain
import Scenarios
import _TestSupport

@Suite("CapRule: lesser-of caps with a stop share")
struct CapRuleTests {
    /// UNSCR 2321 coal cap: USD 400,870,018 or 7,500,000 t a year, whichever is reached first;
    /// China stops imports at 95% (MOFCOM/GAC Announcement No. 81 of 2016).
    let coal = try! CapRule(valueCap: 400_870_018, quantityCap: Quantity(amount: 7_500_000, unit: .tonne), stopShare: 0.95)

    @Test("January 2017 (UN 1718 Committee: 1.44 Mt, USD 126.39m): the value limit binds")
    func january2017() throws {
        // Hand calculation: 126,390,000 / 400,870,018 = 0.315289...; 1,440,000 / 7,500,000 = 0.192.
        let utilisation = try #require(try coal.utilisation(value: 126_390_000, quantity: Quantity(amount: 1_440_000, unit: .tonne)))
        expectClose(utilisation.share, 126_390_000.0 / 400_870_018, rtol: 1e-15, atol: 0, "share")
        expectClose(utilisation.share, 0.3152892, rtol: 1e-6, atol: 0, "hand value")
        #expect(utilisation.bindingLimit == .value)
        #expect(!utilisation.stopped)
    }

    @Test("January-February 2017 (1.44 + 1.23 Mt; USD 126.39m + 104.59m): 57.6% of the value cap")
    func januaryFebruary2017() throws {
        // (126,390,000 + 104,590,000) / 400,870,018 = 230,980,000 / 400,870,018 = 0.576197...
        let utilisation = try #require(try coal.utilisation(value: 230_980_000, quantity: Quantity(amount: 2_670_000, unit: .tonne)))
        expectClose(utilisation.share, 0.5761968, rtol: 1e-6, atol: 0, "share")
        #expect(utilisation.bindingLimit == .value)
    }

    @Test("quantity in kilograms is converted; the stop share applies at 95%")
    func stopAtShare() throws {
        // 7,125,000 t = 95% of 7.5 Mt, given in kg; the value share is lower.
        let utilisation = try #require(try coal.utilisation(value: 100_000_000, quantity: Quantity(amount: 7_125_000_000, unit: .kilogram)))
        expectClose(utilisation.share, 0.95, rtol: 1e-15, atol: 0, "share")
        #expect(utilisation.bindingLimit == .quantity)
        #expect(utilisation.stopped)
    }

    @Test("impossible caps are refused")
    func invalid() {
        #expect(throws: ScenarioError.self) { try CapRule(valueCap: nil, quantityCap: nil) }
        #expect(throws: ScenarioError.self) { try CapRule(valueCap: -1, quantityCap: nil) }
        #expect(throws: ScenarioError.self) { try CapRule(valueCap: 1, quantityCap: nil, stopShare: 1.5) }
    }

    @Test("a quantity in an incompatible unit is an error")
    func incompatible() throws {
        #expect(throws: ScenarioError.self) {
            try coal.utilisation(value: nil, quantity: Quantity(amount: 1, unit: .litre))
        }
    }
}
