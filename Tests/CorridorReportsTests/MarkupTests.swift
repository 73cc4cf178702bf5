import Testing

@testable import CorridorReports

@Suite struct MarkupTests {
    @Test func escapesMarkupCharactersAndDropsForbiddenControls() {
        #expect(Markup.escape("<Dostyk & \"Co\">") == "&lt;Dostyk &amp; &quot;Co&quot;&gt;")
        #expect(Markup.escape("it's") == "it&#39;s")
        #expect(Markup.escape("a\u{0}b\u{1B}c\td\ne") == "a\u{FFFD}b\u{FFFD}c\td\ne")
        #expect(Markup.escape("Xi’an — Ürümqi 乌鲁木齐") == "Xi’an — Ürümqi 乌鲁木齐")
    }

    @Test(arguments: [
        (2.5, 2, "2.50"), (-0.04, 1, "0.0"), (-1.25, 1, "-1.3"), (0.005, 2, "0.01"), (123456.789, 0, "123457"),
        (Double.nan, 1, "0"), (Double.infinity, 2, "0"),
    ])
    func fixedPointIsLocaleFree(value: Double, decimals: Int, expected: String) {
        #expect(Markup.fixed(value, decimals) == expected)
    }

    @Test func numbersAreGroupedAndTrimmed() {
        #expect(Markup.number(-12345.5, decimals: 1) == "−12,345.5")
        #expect(Markup.number(1_000_000, decimals: 2) == "1,000,000")
        #expect(Markup.number(999.999, decimals: 2) == "1,000")
        #expect(Markup.coordinate(12.04) == "12")
        #expect(Markup.coordinate(-0.01) == "0")
        #expect(Markup.quantity(82.54) == "82.5")
        #expect(Markup.quantity(0.256) == "0.26")
        #expect(Markup.quantity(1250.4) == "1,250")
    }

    @Test func percentagesNeverRoundUpToFull() {
        #expect(Markup.percent(1) == "100%")
        #expect(Markup.percent(0.998) == "99.8%")
        #expect(Markup.percent(0.9999) == "99.9%")
        #expect(Markup.percent(0.825) == "83%")
        #expect(Markup.percent(0.05) == "5%")
        #expect(Markup.percent(0.055) == "5.5%")
    }

    @Test(arguments: [
        (0.0, 9.0, 0.0, 10.0, 2.0), (0.0, 250.0, 0.0, 300.0, 100.0),
        (418_000.0, 547_000.0, 400_000.0, 550_000.0, 50_000.0),
        (0.0, 0.0, 0.0, 1.0, 0.2), (-3.0, 7.0, -4.0, 8.0, 2.0),
    ])
    func axisTicksAreRound(minimum: Double, maximum: Double, lower: Double, upper: Double, step: Double) {
        let ticks = AxisTicks(minimum: minimum, maximum: maximum)
        #expect(ticks.lower == lower)
        #expect(ticks.upper == upper)
        #expect(ticks.step == step)
        #expect(ticks.values.first == lower)
        #expect(abs((ticks.values.last ?? 0) - upper) < 1e-9)
    }

    @Test func tickLabelsShortenLargeValues() {
        let ticks = AxisTicks(minimum: 0, maximum: 1_200_000)
        #expect(ticks.label(1_500_000) == "1.5M")
        #expect(AxisTicks(minimum: 0, maximum: 1).label(0.2) == "0.2")
        #expect(AxisTicks(minimum: 0, maximum: 5000).label(2000) == "2,000")
    }
}
