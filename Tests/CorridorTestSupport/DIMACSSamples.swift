/// Small DIMACS files whose answers are published, shared by the library and CLI tests.
public enum DIMACSSamples {
    /// GLPK 5.0's examples/sample.min (/usr/share/doc/glpk-utils/examples/sample.min); `glpsol --mincost`
    /// reports "Objective: 213 (MINimum)". Note the lower bounds on arcs 3→5 and 6→8.
    public static let glpkSampleMin = """
        c sample.min
        p min 9 14
        n 1 20
        n 9 -20
        a 1 2 0 14 0
        a 1 4 0 23 0
        a 2 3 0 10 2
        a 2 4 0  9 3
        a 3 5 2 12 1
        a 3 8 0 18 0
        a 4 5 0 26 0
        a 5 2 0 11 1
        a 5 6 0 25 5
        a 5 7 0  4 7
        a 6 7 0  7 0
        a 6 8 4  8 0
        a 7 9 0 15 3
        a 8 9 0 20 9

        """

    /// CLRS (Cormen, Leiserson, Rivest, Stein, *Introduction to Algorithms*, 3rd ed.), Figure 24.6 as a
    /// `p sp` file: s=1 t=2 x=3 y=4 z=5, so Dijkstra from 1 gives d = 0, 8, 9, 5, 7. Nodes past 5
    /// (when `nodes` > 5) are isolated.
    public static func clrsFigure24_6(nodes: Int = 5) -> String {
        """
        c CLRS 3rd ed., Figure 24.6: s=1 t=2 x=3 y=4 z=5
        p sp \(nodes) 10
        a 1 2 10
        a 1 4 5
        a 2 3 1
        a 2 4 2
        a 4 2 3
        a 4 3 9
        a 4 5 2
        a 3 5 4
        a 5 3 6
        a 5 1 7
        """
    }
}
