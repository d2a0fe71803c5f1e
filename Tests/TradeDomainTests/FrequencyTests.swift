import Testing
@testable import TradeDomain

@Suite("Frequency")
struct FrequencyTests {
    @Test func periodsPerYear() {
        #expect(Frequency.annual.periodsPerYear == 1)
        #expect(Frequency.quarterly.periodsPerYear == 4)
        #expect(Frequency.monthly.periodsPerYear == 12)
        #expect(Frequency.quarterly.monthsPerPeriod == 3)
        #expect(Frequency.allCases.sorted() == [.annual, .quarterly, .monthly])
    }
}
