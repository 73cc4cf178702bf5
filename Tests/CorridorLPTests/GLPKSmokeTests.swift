import CorridorLP
import Testing

@Test func glpkIsLinkedAndReportsItsVersion() {
    #expect(GLPK.version.hasPrefix("5."))
}
